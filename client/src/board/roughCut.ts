import * as vscode from 'vscode';
import { ResponseError, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { assembleRoughCutRequest, type AssembleRoughCutParams, type AssembleRoughCutResponse } from '../../../server/src/protocol';
import { resolveStoryboard } from '../activeStoryboard';
import { askServer } from '../compile';
import { isRestricted } from '../trust';

// "Sora: Assemble Rough Cut": the film's best takes joined in film order into a video the writer
// names. The Node server runs ffmpeg (its own message when ffmpeg is missing); the browser's server
// cannot, and says so here. What was run, joined and left out goes to the output channel.

/** MethodNotFound: the server has no rough-cut feature (the web worker). */
const methodNotFound = -32601;

export async function assembleRoughCut(client: LanguageClient, output: vscode.LogOutputChannel, uriArg?: unknown, outputArg?: unknown): Promise<AssembleRoughCutResponse | undefined> {
  const film = resolveStoryboard(uriArg);
  if (!film) {
    void vscode.window.showInformationMessage('Open a sequence file (or a scene of one) first: the rough cut joins its scenes’ best takes.');
    return undefined;
  }
  if (isRestricted()) {
    void vscode.window.showInformationMessage('Restricted Mode: a rough cut runs ffmpeg and writes a video, so it waits until you trust this folder.');
    return undefined;
  }
  const target = outputArg instanceof vscode.Uri ? outputArg : await askWhere(film);
  if (!target) return undefined;
  let answer: AssembleRoughCutResponse;
  try {
    answer = await askServer<AssembleRoughCutResponse>(client, assembleRoughCutRequest, { uri: film.toString(), output: target.toString() } satisfies AssembleRoughCutParams);
  } catch (error) {
    if (error instanceof ResponseError && error.code === methodNotFound) {
      answer = { ok: false, message: 'A rough cut runs ffmpeg on your machine, which the browser cannot: use VS Code on the desktop, or run `sora export FILM.sora --format ffconcat --assemble cut.mp4`.' };
    } else {
      throw error;
    }
  }
  report(answer, output);
  return answer;
}

function askWhere(film: vscode.Uri): Thenable<vscode.Uri | undefined> {
  const name = film.path.split('/').pop()?.replace(/\.sora$/i, '') ?? 'film';
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(film, '..', `${name}_roughcut.mp4`), filters: { Video: ['mp4', 'mov', 'mkv', 'm4v'] }, saveLabel: 'Assemble Rough Cut' });
}

function report(answer: AssembleRoughCutResponse, output: vscode.LogOutputChannel): void {
  if (!answer.ok) {
    output.warn(`Rough cut: ${answer.message}`);
    void vscode.window.showErrorMessage(answer.message);
    return;
  }
  output.info(`Rough cut: ${answer.output} from ${answer.clips.length} take${answer.clips.length === 1 ? '' : 's'}`);
  for (const clip of answer.clips) output.info(`  joined: ${clip}`);
  for (const skipped of answer.skipped) output.info(`  left out: ${skipped}`);
  output.info(`  ran: ${answer.command.join(' ')}`);
  const left = answer.skipped.length ? ` (${answer.skipped.length} scene${answer.skipped.length === 1 ? '' : 's'} left out: no scored take or no video)` : '';
  void vscode.window.showInformationMessage(`Rough cut written from ${answer.clips.length} take${answer.clips.length === 1 ? '' : 's'}${left}.`, 'Show Log').then((choice) => {
    if (choice) output.show(true);
  });
}
