// "Sora: Log Take": records a generated draft in NAME.takes.json with its exact prompt and settings,
// and moves the downloaded video into takes/ under its clean name. The choices are gathered here;
// the server compiles the variant, moves the video, reads its provenance and writes the log.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TakesRecordParams } from '../../../server/src/protocol';
import { resolveStoryboard } from '../activeStoryboard';
import { displayName, requestCompile } from '../compile';
import { confirmDespiteReview } from '../review';
import { requestRecordTake, requestTakesView, showInvalidLog } from './requests';
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

type VideoChoice = { kind: 'pick' } | { kind: 'none' } | { kind: 'existing'; file: string };

/** Returns the id of the take logged, or undefined when cancelled or refused. */
export async function logTake(client: LanguageClient, uriArg?: unknown, options: LogTakeOptions = {}): Promise<string | undefined> {
  const uri = storyboardArg(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .sora storyboard first, then log the take you generated from it.');
    return undefined;
  }
  if (uri.scheme === 'untitled') {
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
  const view = await requestTakesView(client, uri);
  if (view.status === 'invalid') {
    await showInvalidLog(view.problem ?? `${name}'s take log cannot be read.`, view.logUri);
    return undefined;
  }
  const logged = view.takes;

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
  const suggestedParent = variantInfo && logged.some((entry) => entry.take.id === variantInfo.base) ? variantInfo.base : view.best ?? undefined;
  let parent: string | undefined;
  if (logged.length) {
    const takes = [...logged].reverse();
    const ordered = suggestedParent ? [...takes.filter((e) => e.take.id === suggestedParent), ...takes.filter((e) => e.take.id !== suggestedParent)] : takes;
    const parentItems: Pick<string | undefined>[] = [
      ...ordered.map(({ take: t, total }) => ({
        label: t.id,
        description: [t.variant === 'main' ? 'main' : `variant ${t.variant}`, total !== null ? `total ${total}/25` : 'not scored', t.id === suggestedParent ? 'suggested' : ''].filter(Boolean).join(' · '),
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
    // The server checks the name (scene09_take04.mp4) and where it is.
    video = { kind: 'existing', file: options.file };
  } else {
    const unlogged = view.unlogged.filter((u) => u.idFree);
    const videoItems: Pick<VideoChoice>[] = [
      { label: '$(file-media) Pick the downloaded video…', description: view.next ? `moved to ${view.next.file}` : 'moved into takes/', value: { kind: 'pick' } },
      ...unlogged.map((u) => ({ label: `$(file) ${u.file}`, description: 'in takes/, not logged yet', value: { kind: 'existing', file: u.file } as VideoChoice })),
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

  // The server adds the take to the log as it is then: another window may have logged one meanwhile.
  const params: TakesRecordParams = {
    uri: uri.toString(),
    variant,
    ...(parent ? { parent } : {}),
    ...(change ? { change } : {}),
    video: source ? { kind: 'move', source: source.toString() } : video.kind === 'existing' ? { kind: 'existing', file: video.file } : { kind: 'none' },
  };
  const recorded = await requestRecordTake(client, params);
  if (!recorded.ok) {
    if (recorded.kind === 'invalid-log') await showInvalidLog(recorded.message, recorded.logUri);
    else void vscode.window.showErrorMessage(recorded.message);
    return undefined;
  }
  const { take } = recorded;
  if (recorded.warning) void vscode.window.showWarningMessage(`${take.id}: ${recorded.warning}`);
  const where = recorded.videoFile ? take.file : `no video yet (save it as ${take.file})`;
  void vscode.window.showInformationMessage(`Logged ${take.id} of ${name}: ${take.variant}${take.parent ? ` from ${take.parent}` : ''}, ${where}. Watch it, then score it on the five criteria.`, 'Score Takes').then((choice) => {
    if (choice) void vscode.commands.executeCommand('sora.scoreTakes', uri.toString(), take.id);
  });
  return take.id;
}
