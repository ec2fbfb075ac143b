import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendTake, parseTakeFileName } from '../core/takeOps';
import { emptyTakeLog, takeLogPathFor, type Take, type TakeCost, type TakeLog } from '../core/takes';
import { readProvenance } from '../provenance/provenance';
import { loadTakeLog, updateTakeLog } from './files';

// Logging a take, shared by "Sora: Log Take" in the editor and `sora takes add`: the take gets the
// next id (or the id its file is already named with), its video is moved into
// takes/sceneNN_takeNN.ext without ever overwriting a file, its C2PA manifest is read, and the log
// is written with the one save function. The callers only gather the choices.

export class RecordTakeError extends Error {
  constructor(
    message: string,
    /** `invalid-log`: the take log does not validate (it is left alone); `conflict`: a file is in the way; `io`: the move failed. */
    readonly kind: 'invalid-log' | 'conflict' | 'io' | 'usage',
  ) {
    super(message);
  }
}

export type TakeVideo =
  /** A downloaded file anywhere: moved into takes/ under the clean name. */
  | { kind: 'move'; source: string }
  /** A file already in takes/ (`takes/scene09_take04.mp4`, relative to the storyboard): logged where it is, renamed if its id is taken. */
  | { kind: 'existing'; file: string }
  | { kind: 'none' };

export interface RecordTakeInput {
  storyboardPath: string;
  sceneId: string;
  variant: string;
  parent?: string;
  change?: string;
  prompt: string;
  settings: Take['settings'];
  video: TakeVideo;
  /** The target the take was made with and what it cost, as the compile answer estimated it. */
  model?: string;
  cost?: TakeCost;
  /** The workspace folder: a take log that is a link is written through only when its target lies inside. */
  root?: string;
  now?: Date;
}

export interface RecordedTake {
  take: Take;
  log: TakeLog;
  logPath: string;
  /** Where the video is now (absolute), when there is one. */
  videoPath?: string;
}

export async function recordTake(input: RecordTakeInput): Promise<RecordedTake> {
  const logPath = takeLogPathFor(input.storyboardPath);
  const folder = path.dirname(input.storyboardPath);
  const loaded = loadTakeLog(logPath);
  if (loaded.status === 'invalid') throw new RecordTakeError(loaded.message, 'invalid-log');
  const log = loaded.status === 'ok' ? loaded.log : emptyTakeLog(path.basename(input.storyboardPath));
  if (input.parent && !log.takes.some((take) => take.id === input.parent)) {
    throw new RecordTakeError(`There is no ${input.parent} in ${path.basename(logPath)} to be the parent.`, 'usage');
  }
  let source: string | undefined;
  let explicitId: string | undefined;
  let extension = 'mp4';
  if (input.video.kind === 'move') {
    source = path.resolve(input.video.source);
    if (!isFile(source)) throw new RecordTakeError(`${input.video.source} is not a file.`, 'usage');
    extension = path.extname(source).slice(1) || 'mp4';
  } else if (input.video.kind === 'existing') {
    const parsed = parseTakeFileName(path.basename(input.video.file));
    if (!parsed) throw new RecordTakeError(`${input.video.file} is not named like a take (scene${input.sceneId}_take03.mp4).`, 'usage');
    extension = parsed.extension;
    if (!log.takes.some((take) => take.id === parsed.takeId)) explicitId = parsed.takeId;
  }
  const { log: updated, take } = appendTake(log, input.sceneId, {
    id: explicitId,
    variant: input.variant,
    parent: input.parent,
    change: input.change,
    settings: input.settings,
    prompt: input.prompt,
    ...(input.model ? { model: input.model } : {}),
    ...(input.cost ? { cost: input.cost } : {}),
    extension,
    createdAt: input.now,
  });
  const destination = path.resolve(folder, take.file);
  // The file's own id was taken: it is logged under the next id and renamed to match.
  if (input.video.kind === 'existing' && path.resolve(folder, input.video.file) !== destination) source = path.resolve(folder, input.video.file);
  if (source) moveWithoutOverwriting(source, destination, take.file);
  const videoPath = source || input.video.kind === 'existing' ? destination : undefined;
  const recorded: Take = videoPath ? { ...take, provenance: await readProvenance(videoPath, input.now) } : take;
  const final: TakeLog = { ...updated, takes: updated.takes.map((t) => (t.id === take.id ? recorded : t)) };
  try {
    // Under the log's lock, on the log as it is now: a take another window logged meanwhile is kept.
    updateTakeLog(
      logPath,
      (now) => {
        const base = now ?? { ...final, takes: final.takes.filter((t) => t.id !== take.id) };
        if (base.takes.some((t) => t.id === take.id)) throw new RecordTakeError(`Another window logged ${take.id} meanwhile, so nothing was logged. Log the take again.`, 'conflict');
        return { ...base, takes: [...base.takes, recorded] };
      },
      { root: input.root },
    );
  } catch (error) {
    if (source) moveBack(destination, source);
    if (error instanceof RecordTakeError) throw error;
    throw new RecordTakeError((error as Error).message, 'invalid-log');
  }
  return { take: recorded, log: final, logPath, videoPath };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A hard link refuses an existing destination atomically, so nothing is ever overwritten; a copy does across devices. */
function moveWithoutOverwriting(source: string, destination: string, logged: string): void {
  if (fs.existsSync(destination)) {
    throw new RecordTakeError(`${logged} already exists. It was not overwritten and nothing was logged; move it away or rename it first.`, 'conflict');
  }
  try {
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    try {
      fs.linkSync(source, destination);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw error;
      fs.copyFileSync(source, destination, fs.constants.COPYFILE_EXCL);
    }
    fs.unlinkSync(source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new RecordTakeError(`${logged} already exists. It was not overwritten and nothing was logged; move it away or rename it first.`, 'conflict');
    }
    throw new RecordTakeError(`Could not move the video to ${logged}: ${(error as Error).message}. Nothing was logged.`, 'io');
  }
}

function moveBack(destination: string, source: string): void {
  try {
    if (!fs.existsSync(source)) fs.renameSync(destination, source);
  } catch {
    // The video stays in takes/ under its clean name; the error already says nothing was logged.
  }
}
