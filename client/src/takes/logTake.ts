// "Sora: Log Take": records a generated draft in NAME.takes.json with its exact prompt and settings,
// and moves the downloaded video into takes/ under its clean name.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { parseTakeFileName, provenanceProblem, takeSettingsFrom, takesFolder } from '../../../server/src/core/takeOps';
import { bestTake, emptyTakeLog, nextTakeId, takeFileName, takeTotal, type TakeLog } from '../../../server/src/core/takes';
import { recordTake, RecordTakeError, type RecordedTake } from '../../../server/src/node/recordTake';
import { resolveStoryboard } from '../activeStoryboard';
import { displayName, requestCompile } from '../compile';
import { confirmDespiteReview } from '../review';
import { loadLogFor, showInvalidLog, takeLogPath, unloggedFor, writeRoot } from './files';
import { takeTarget } from './spend';
import { requestStoryboardInfo } from './storyboardInfo';

export interface LogTakeOptions {
  /** A file already in takes/ (`takes/scene09_take04.mp4`) to log as it is. */
  file?: string;
}

/** The storyboard a take command applies to: its argument, else the one the writer last had active. */
export function storyboardArg(arg: unknown): vscode.Uri | undefined {
  return resolveStoryboard(arg);
}

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

type VideoChoice = { kind: 'pick' } | { kind: 'none' } | { kind: 'existing'; file: string; takeId: string };

/** Returns the id of the take logged, or undefined when cancelled or refused. */
export async function logTake(client: LanguageClient, uriArg?: unknown, options: LogTakeOptions = {}): Promise<string | undefined> {
  const uri = storyboardArg(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .sora storyboard first, then log the take you generated from it.');
    return undefined;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Save the storyboard to a folder first: the take log and the videos live beside it.');
    return undefined;
  }
  const name = displayName(uri);
  const info = await requestStoryboardInfo(client, uri);
  const sceneId = info.sceneId;
  if (!sceneId) {
    void vscode.window.showWarningMessage(`${name} has no \`scene ID\` header, so its takes cannot be named (scene09_take01.mp4). Add one first.`);
    return undefined;
  }
  const logPath = takeLogPath(uri);
  const loaded = loadLogFor(uri);
  if (loaded.status === 'invalid') {
    await showInvalidLog(loaded.message, logPath);
    return undefined;
  }
  const log: TakeLog = loaded.status === 'ok' ? loaded.log : emptyTakeLog(name);

  // 1. Which variant was generated.
  const variantItems: Pick<string>[] = [
    { label: 'main', description: 'the storyboard as written', value: 'main' },
    ...info.variants.map((v) => ({ label: v.name, description: `from ${v.base}`, detail: v.overrides.join(' · '), value: v.name })),
  ];
  const variantPick = await vscode.window.showQuickPick(variantItems, { title: `Log Take (${name}): which did you generate?`, placeHolder: 'main or a variant', ignoreFocusOut: true });
  if (!variantPick) return undefined;
  const variant = variantPick.value;
  const variantInfo = info.variants.find((v) => v.name === variant);

  // 2. Its parent take (optional): the variant's base when that is a take, else the best so far.
  const suggestedParent = variantInfo && log.takes.some((t) => t.id === variantInfo.base) ? variantInfo.base : bestTake(log)?.id;
  let parent: string | undefined;
  if (log.takes.length) {
    const takes = [...log.takes].reverse();
    const ordered = suggestedParent ? [...takes.filter((t) => t.id === suggestedParent), ...takes.filter((t) => t.id !== suggestedParent)] : takes;
    const parentItems: Pick<string | undefined>[] = [
      ...ordered.map((t) => ({
        label: t.id,
        description: [t.variant === 'main' ? 'main' : `variant ${t.variant}`, takeTotal(t) !== undefined ? `total ${takeTotal(t)}/25` : 'not scored', t.id === suggestedParent ? 'suggested' : ''].filter(Boolean).join(' · '),
        detail: t.change,
        value: t.id,
      })),
      { label: 'No parent', description: 'a first draft, not a remix of a take', value: undefined },
    ];
    const parentPick = await vscode.window.showQuickPick(parentItems, { title: 'Log Take: which take was it made from?', placeHolder: 'its parent take (optional)', ignoreFocusOut: true });
    if (!parentPick) return undefined;
    parent = parentPick.value;
  }

  // 3. The one change (prefilled from the variant's override).
  let change: string | undefined;
  if (parent || variant !== 'main') {
    const entered = await vscode.window.showInputBox({
      title: 'Log Take: the one change',
      prompt: parent ? `What changed from ${parent}? One change at a time.` : 'What this variant changes (optional).',
      value: variantInfo?.overrides.join('; ') ?? '',
      placeHolder: 'beat 2 camera: close-up, static',
      ignoreFocusOut: true,
    });
    if (entered === undefined) return undefined;
    change = entered.trim() || undefined;
  }

  // 4. The exact prompt and settings of what was generated.
  const compiled = await requestCompile(client, uri, variant === 'main' ? null : variant);
  if (compiled.error) {
    void vscode.window.showErrorMessage(`Cannot log a take of "${variant}": ${compiled.error}`);
    return undefined;
  }
  if (!(await confirmDespiteReview(name, compiled.summary.review, 'The prompt logged is what the storyboard compiles to now.', 'Log anyway'))) return undefined;

  // 5. The video: a downloaded file to move in, a file already in takes/, or none yet.
  let video: VideoChoice;
  if (options.file) {
    const parsed = parseTakeFileName(path.basename(options.file));
    if (!parsed) {
      void vscode.window.showErrorMessage(`${options.file} is not named like a take (scene${sceneId}_take03.mp4).`);
      return undefined;
    }
    video = { kind: 'existing', file: options.file, takeId: parsed.takeId };
  } else {
    const unlogged = unloggedFor(uri, log, sceneId).filter((u) => u.idFree);
    const next = nextTakeId(log);
    const videoItems: Pick<VideoChoice>[] = [
      { label: '$(file-media) Pick the downloaded video…', description: `moved to ${takesFolder}/${takeFileName(sceneId, next)}`, value: { kind: 'pick' } },
      ...unlogged.map((u) => ({ label: `$(file) ${u.file}`, description: 'in takes/, not logged yet', value: { kind: 'existing', file: u.file, takeId: u.takeId } as VideoChoice })),
      { label: 'Log without the video', description: 'add the file later under the clean name', value: { kind: 'none' } },
    ];
    const videoPick = await vscode.window.showQuickPick(videoItems, { title: 'Log Take: the video', ignoreFocusOut: true });
    if (!videoPick) return undefined;
    video = videoPick.value;
  }

  let source: vscode.Uri | undefined;
  if (video.kind === 'pick') {
    const picked = await vscode.window.showOpenDialog({
      title: 'The video you generated and downloaded',
      canSelectMany: false,
      openLabel: 'Log this video',
      filters: { Video: ['mp4', 'mov', 'webm', 'm4v'], 'All files': ['*'] },
    });
    if (!picked?.length) return undefined;
    source = picked[0];
  }

  // recordTake re-reads the log right before writing: another window may have logged a take meanwhile.
  let recorded: RecordedTake;
  try {
    recorded = await recordTake({
      storyboardPath: uri.fsPath,
      sceneId,
      variant,
      parent,
      change,
      prompt: compiled.prompt,
      settings: takeSettingsFrom(compiled.settings),
      video: source ? { kind: 'move', source: source.fsPath } : video.kind === 'existing' ? { kind: 'existing', file: video.file } : { kind: 'none' },
      ...takeTarget(compiled),
      root: writeRoot(uri),
    });
  } catch (error) {
    if (error instanceof RecordTakeError && error.kind === 'invalid-log') await showInvalidLog(error.message, logPath);
    else void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  const { take } = recorded;
  const provenanceWarning = provenanceProblem(take.provenance);
  if (provenanceWarning) void vscode.window.showWarningMessage(`${take.id}: ${provenanceWarning}`);
  const where = recorded.videoPath ? take.file : `no video yet (save it as ${take.file})`;
  void vscode.window.showInformationMessage(`Logged ${take.id} of ${name}: ${take.variant}${take.parent ? ` from ${take.parent}` : ''}, ${where}. Watch it, then score it on the five criteria.`, 'Score Takes').then((choice) => {
    if (choice) void vscode.commands.executeCommand('sora.scoreTakes', uri.toString(), take.id);
  });
  return take.id;
}
