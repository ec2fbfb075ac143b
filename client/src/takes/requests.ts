// What the take features ask the language server, which owns every take log (server/src/takeStore.ts):
// the view of a storyboard's takes, and the intents that change them (log a take, a score, notes,
// a branch's text). Nothing here reads or writes a file, so the client runs in a browser too.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  takesBranchRequest,
  takesNotesRequest,
  takesRecordRequest,
  takesScoreRequest,
  takesViewRequest,
  type TakeScoreChange,
  type TakesBranchParams,
  type TakesBranchResponse,
  type TakesEditResponse,
  type TakesNotesParams,
  type TakesParams,
  type TakesRecordParams,
  type TakesRecordResponse,
  type TakesScoreParams,
  type TakesView,
} from '../../../server/src/protocol';
import { askServer } from '../compile';

export type { TakeEntryView, TakesView } from '../../../server/src/protocol';

export function requestTakesView(client: LanguageClient, uri: vscode.Uri): Promise<TakesView> {
  const params: TakesParams = { uri: uri.toString() };
  return askServer<TakesView>(client, takesViewRequest, params);
}

export function requestRecordTake(client: LanguageClient, params: TakesRecordParams): Promise<TakesRecordResponse> {
  return askServer<TakesRecordResponse>(client, takesRecordRequest, params);
}

export function requestScore(client: LanguageClient, uri: vscode.Uri, takeId: string, scores: TakeScoreChange[]): Promise<TakesEditResponse> {
  const params: TakesScoreParams = { uri: uri.toString(), takeId, scores };
  return askServer<TakesEditResponse>(client, takesScoreRequest, params);
}

export function requestNotes(client: LanguageClient, uri: vscode.Uri, takeId: string, notes: string): Promise<TakesEditResponse> {
  const params: TakesNotesParams = { uri: uri.toString(), takeId, notes };
  return askServer<TakesEditResponse>(client, takesNotesRequest, params);
}

export function requestBranchText(client: LanguageClient, params: TakesBranchParams): Promise<TakesBranchResponse> {
  return askServer<TakesBranchResponse>(client, takesBranchRequest, params);
}

/** `takes/` beside the storyboard, where logged videos go. */
export function takesFolderUri(storyboard: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(storyboard, '..', 'takes');
}

export function storyboardFolder(storyboard: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(storyboard, '..');
}

/** `scene09.takes.json` beside `scene09.sora`. */
export function takeLogName(storyboard: vscode.Uri): string {
  return `${storyboard.path.slice(storyboard.path.lastIndexOf('/') + 1).replace(/\.sora$/i, '')}.takes.json`;
}

/** Shows why a take log cannot be used, with a button that opens it. */
export async function showInvalidLog(message: string, logUri: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open file');
  if (choice === 'Open file') await vscode.window.showTextDocument(vscode.Uri.parse(logUri));
}
