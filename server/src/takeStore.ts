import { baseName, folderOf, resolveRelativePath } from './core/files';
import { appendTake, parseTakeFileName, setNotes, setScore, setShotScore } from './core/takeOps';
import { describeTakeLogProblems, emptyTakeLog, parseTakeLog, serializeTakeLog, takeLogPathFor, type Take, type TakeCost, type TakeLog } from './core/takes';
import { dataFileLimit, type HostPort, type HostRead } from './host';
import type { ScoreCriterion } from './core/vocabulary';
import { provenanceOfBytes, unreadableProvenance } from './provenance/provenance';

// The one owner of take logs. The language server (Log Take, the scoring panel, Branch Variant,
// the analysis) and the CLI (`sora takes add|score`) read and write NAME.takes.json here, through
// the host port: on disk (lock beside the file, atomic replace) or, in the browser, through the
// client's workspace.fs. So nothing is written twice and nothing is merged on the client.
//
// Each log is read once and cached until the file watcher says it changed (`changed`) or this
// store writes it. Every change runs under `host.update` on the log as it is at that moment, so two
// windows logging takes at once both keep theirs. A log that does not validate (broken JSON, a bad
// score, a FIFO in its place) is never overwritten: the refusal names the file and says why.
//
// No Node API here: the server runs in a web worker too.

/** A take's video is read whole for its C2PA manifest; beyond this it is recorded as unreadable. */
export const takeVideoLimit = 1024 * 1024 * 1024;

export type TakeLogLoad =
  | { status: 'absent'; path: string }
  | { status: 'ok'; path: string; log: TakeLog }
  | { status: 'invalid'; path: string; message: string };

/** A change the store refused (the log does not validate, a file is in the way, the move failed): nothing was written. */
export class TakeStoreError extends Error {
  constructor(
    message: string,
    /** `invalid-log`: the take log does not validate (it is left alone); `conflict`: a file or take id is in the way; `io`: a read, move or write failed; `usage`: the request itself is wrong. */
    readonly kind: 'invalid-log' | 'conflict' | 'io' | 'usage',
  ) {
    super(message);
  }
}

export type TakeVideo =
  /** A downloaded file anywhere (a core path): moved into takes/ under the clean name. */
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
  /** The target the take was made with and what it cost, as the compile estimated it. */
  model?: string;
  cost?: TakeCost;
  now?: Date;
}

export interface RecordedTake {
  take: Take;
  log: TakeLog;
  logPath: string;
  /** Where the video is now (a core path), when there is one. */
  videoPath?: string;
}

export interface TakeStoreOptions {
  /** The key a path is cached under (case-folded on a case-insensitive disk); by default the path with forward slashes, as the watcher and the host may write it either way. */
  keyOf?: (path: string) => string;
}

export class TakeStore {
  private readonly logs = new Map<string, TakeLogLoad>();
  private readonly listeners = new Set<(logPath: string) => void>();
  private readonly keyOf: (path: string) => string;

  constructor(
    readonly host: HostPort,
    options: TakeStoreOptions = {},
  ) {
    this.keyOf = options.keyOf ?? ((path) => path.replace(/\\/g, '/'));
  }

  /** The log at `logPath`, from the cache or read once. */
  async load(logPath: string): Promise<TakeLogLoad> {
    const cached = this.logs.get(this.keyOf(logPath));
    if (cached) return cached;
    const load = interpret(logPath, await this.host.readText(logPath, dataFileLimit));
    this.logs.set(this.keyOf(logPath), load);
    return load;
  }

  /** The log beside a storyboard (`scene09.sora` → `scene09.takes.json`). */
  loadFor(storyboardPath: string): Promise<TakeLogLoad> {
    return this.load(takeLogPathFor(storyboardPath));
  }

  /** What is cached for a log, without reading: for callers that cannot wait (a synchronous analysis). */
  cached(logPath: string): TakeLogLoad | undefined {
    return this.logs.get(this.keyOf(logPath));
  }

  /** The file changed outside this store (the watcher saw it): read it again next time. */
  changed(logPath: string): void {
    this.logs.delete(this.keyOf(logPath));
    this.emit(logPath);
  }

  /** Called with the log's path whenever a log changes (written here, or seen changed on disk). */
  onDidChange(listener: (logPath: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Applies `change` to the log as it is now, with no other writer in between, and writes the
   * result. `change` gets undefined when there is no log yet. A log that does not validate is
   * refused (`invalid-log`) and left as it is. Returns the log written.
   */
  async update(logPath: string, change: (current: TakeLog | undefined) => TakeLog): Promise<TakeLog> {
    let written: TakeLog;
    try {
      written = await this.host.update(logPath, (read) => {
        const current = interpret(logPath, read);
        if (current.status === 'invalid') {
          this.logs.set(this.keyOf(logPath), current);
          throw new TakeStoreError(refusalOfInvalid(current.message), 'invalid-log');
        }
        const next = change(current.status === 'ok' ? current.log : undefined);
        const text = serializeTakeLog(next);
        return read.status === 'ok' && read.text === text ? { keep: true, result: next } : { write: text, result: next };
      });
    } catch (error) {
      if (error instanceof TakeStoreError) throw error;
      // The host refused the write (a link out of the workspace, a read-only log, a lock held too long).
      this.logs.delete(this.keyOf(logPath));
      throw new TakeStoreError((error as Error).message, 'io');
    }
    this.logs.set(this.keyOf(logPath), { status: 'ok', path: logPath, log: written });
    this.emit(logPath);
    return written;
  }

  /** Sets (or, with undefined, clears) scores of one take, each for the take or one shot, in one write. */
  score(logPath: string, takeId: string, scores: readonly { criterion: ScoreCriterion; shot?: number; value: number | undefined }[]): Promise<TakeLog> {
    return this.editTake(logPath, takeId, (log) =>
      scores.reduce((next, score) => (score.shot === undefined ? setScore(next, takeId, score.criterion, score.value) : setShotScore(next, takeId, score.shot, score.criterion, score.value)), log),
    );
  }

  /** Sets a take's notes (empty notes remove them). */
  note(logPath: string, takeId: string, notes: string): Promise<TakeLog> {
    return this.editTake(logPath, takeId, (log) => setNotes(log, takeId, notes));
  }

  /** A change to one take, on the log as it is under the lock: the take must be there then. */
  private editTake(logPath: string, takeId: string, edit: (log: TakeLog) => TakeLog): Promise<TakeLog> {
    return this.update(logPath, (current) => {
      if (!current) throw new TakeStoreError(`There is no take log yet (${baseName(logPath)}): log a take first.`, 'usage');
      if (!current.takes.some((take) => take.id === takeId)) {
        throw new TakeStoreError(`There is no ${takeId} in ${baseName(logPath)} (${current.takes.map((t) => t.id).join(', ') || 'no takes yet'}).`, 'usage');
      }
      try {
        return edit(current);
      } catch (error) {
        throw new TakeStoreError((error as Error).message, 'usage');
      }
    });
  }

  /**
   * Logs a take: the next id (or the id its file is already named with), its video moved into
   * takes/sceneNN_takeNN.ext without overwriting anything, its C2PA manifest read from the video's
   * bytes, and the take added under the lock to the log as it is then. A take id another window
   * took meanwhile is refused with the video moved back.
   */
  async record(input: RecordTakeInput): Promise<RecordedTake> {
    const logPath = takeLogPathFor(input.storyboardPath);
    const loaded = await this.load(logPath);
    if (loaded.status === 'invalid') throw new TakeStoreError(loaded.message, 'invalid-log');
    const log = loaded.status === 'ok' ? loaded.log : emptyTakeLog(baseName(input.storyboardPath));
    if (input.parent && !log.takes.some((take) => take.id === input.parent)) {
      throw new TakeStoreError(`There is no ${input.parent} in ${baseName(logPath)} to be the parent.`, 'usage');
    }
    const { extension, explicitId, existing } = await this.videoFile(input, log);
    const { log: appended, take } = appendTakeOrRefuse(log, input, explicitId, extension);
    const destination = resolveRelativePath(input.storyboardPath, take.file);
    // A downloaded file is moved in; a file in takes/ whose id was taken is renamed to the next id.
    const source = input.video.kind === 'move' ? input.video.source : existing !== destination ? existing : undefined;
    if (source) await this.moveVideo(source, destination, take.file);
    const videoPath = source || existing ? destination : undefined;
    const recorded: Take = videoPath ? { ...take, provenance: await this.provenanceOf(videoPath, input.now) } : take;
    let written: TakeLog;
    try {
      written = await this.update(logPath, (now) => {
        const base = now ?? { ...appended, takes: appended.takes.filter((t) => t.id !== take.id) };
        if (base.takes.some((t) => t.id === take.id)) throw new TakeStoreError(`Another window logged ${take.id} meanwhile, so nothing was logged. Log the take again.`, 'conflict');
        return { ...base, takes: [...base.takes, recorded] };
      });
    } catch (error) {
      if (source) await this.host.move?.(destination, source);
      throw error;
    }
    return { take: recorded, log: written, logPath, ...(videoPath ? { videoPath } : {}) };
  }

  /** The video's extension and, for a file already in takes/, its path and the id it is named with when that id is free. */
  private async videoFile(input: RecordTakeInput, log: TakeLog): Promise<{ extension: string; explicitId?: string; existing?: string }> {
    const video = input.video;
    if (video.kind === 'move') {
      if (!this.host.move) throw new TakeStoreError('This window cannot move files: save the video into takes/ beside the storyboard, then log it from there.', 'usage');
      if ((await this.host.stat(video.source))?.kind !== 'file') throw new TakeStoreError(`${baseName(video.source)} is not a file.`, 'usage');
      return { extension: extensionOf(baseName(video.source)) };
    }
    if (video.kind === 'existing') {
      const parsed = parseTakeFileName(baseName(video.file));
      if (!parsed) throw new TakeStoreError(`${video.file} is not named like a take (scene${input.sceneId}_take03.mp4).`, 'usage');
      const existing = resolveRelativePath(input.storyboardPath, video.file);
      if (folderOf(existing) !== resolveRelativePath(input.storyboardPath, 'takes')) throw new TakeStoreError(`${video.file} is not in takes/ beside the storyboard.`, 'usage');
      return { extension: parsed.extension, existing, ...(log.takes.some((take) => take.id === parsed.takeId) ? {} : { explicitId: parsed.takeId }) };
    }
    return { extension: 'mp4' };
  }

  private async moveVideo(source: string, destination: string, logged: string): Promise<void> {
    const moved = this.host.move ? await this.host.move(source, destination) : { status: 'refused' as const, message: 'this window cannot move files' };
    if (moved.status === 'exists') throw new TakeStoreError(`${logged} already exists. It was not overwritten and nothing was logged; move it away or rename it first.`, 'conflict');
    if (moved.status === 'refused') throw new TakeStoreError(`Could not move the video to ${logged}: ${moved.message}. Nothing was logged.`, 'io');
  }

  private async provenanceOf(videoPath: string, now: Date | undefined) {
    const read = await this.host.readBytes(videoPath, takeVideoLimit);
    if (read.status === 'ok') return provenanceOfBytes(read.bytes, now);
    return unreadableProvenance(read.status === 'absent' ? 'cannot read the file: it is not there' : read.message, now);
  }

  private emit(logPath: string): void {
    for (const listener of this.listeners) listener(logPath);
  }
}

/** A read of the log as the store keeps it: absent, a valid log, or why it cannot be used. */
function interpret(logPath: string, read: HostRead): TakeLogLoad {
  if (read.status === 'absent') return { status: 'absent', path: logPath };
  if (read.status === 'refused') return { status: 'invalid', path: logPath, message: read.message };
  const parsed = parseTakeLog(read.text);
  if (parsed.ok) return { status: 'ok', path: logPath, log: parsed.log };
  return { status: 'invalid', path: logPath, message: describeTakeLogProblems(baseName(logPath), parsed.problems) };
}

function refusalOfInvalid(message: string): string {
  return /will not be overwritten/.test(message) ? message : `${message} It will not be overwritten until it is fixed.`;
}

function appendTakeOrRefuse(log: TakeLog, input: RecordTakeInput, id: string | undefined, extension: string) {
  try {
    return appendTake(log, input.sceneId, {
      id,
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
  } catch (error) {
    throw new TakeStoreError((error as Error).message, 'usage');
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) || 'mp4' : 'mp4';
}
