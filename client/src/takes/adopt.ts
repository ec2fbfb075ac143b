// "Sora: Adopt This Take's Change": a variant's change written into the storyboard's main text.
// The server proposes the text; the writer sees it as a diff and confirms before anything changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { adoptVariantRequest, type AdoptVariantParams, type AdoptVariantResponse } from '../../../server/src/protocol';
import { askServer, displayName } from '../compile';
import { requestTakesView } from './requests';
import { storyboardArg } from './logTake';

export const adoptScheme = 'sora-adopt';

/** The proposed texts, shown read-only on the right of the diff. */
export class AdoptedTextProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

/** Replaces the whole document when it is still the version the proposal was made from. */
export async function applyAdoptedText(document: vscode.TextDocument, version: number | null, text: string): Promise<boolean> {
  if (version !== null && document.version !== version) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  return vscode.workspace.applyEdit(edit);
}

export async function adoptTakeChange(client: LanguageClient, provider: AdoptedTextProvider, uriArg?: unknown, takeArg?: unknown): Promise<boolean> {
  const uri = storyboardArg(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .sora storyboard first.');
    return false;
  }
  const view = await requestTakesView(client, uri);
  if (view.status !== 'ok') {
    void vscode.window.showWarningMessage(view.problem ?? `${displayName(uri)} has no takes yet.`);
    return false;
  }
  const takes = view.takes.map((entry) => entry.take);
  const variantTakes = takes.filter((t) => t.variant !== 'main');
  let takeId = typeof takeArg === 'string' ? takeArg : undefined;
  if (!takeId) {
    const pick = await vscode.window.showQuickPick(
      variantTakes.map((t) => ({ label: t.id, description: `variant ${t.variant}`, detail: t.change, value: t.id })),
      { title: "Adopt this take's change", placeHolder: 'a take made from a variant' },
    );
    if (!pick) return false;
    takeId = pick.value;
  }
  const take = takes.find((t) => t.id === takeId);
  if (!take) {
    void vscode.window.showWarningMessage(`There is no ${takeId} in the take log.`);
    return false;
  }
  if (take.variant === 'main') {
    void vscode.window.showInformationMessage(`${take.id} was made from the main text: its change is already there.`);
    return false;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const params: AdoptVariantParams = { uri: uri.toString(), variant: take.variant };
  const answer = await askServer<AdoptVariantResponse>(client, adoptVariantRequest, params);
  if (!answer.ok) {
    void vscode.window.showWarningMessage(answer.message);
    return false;
  }
  const proposed = vscode.Uri.from({ scheme: adoptScheme, path: uri.path, query: `take=${take.id}` });
  provider.set(proposed, answer.text);
  try {
    await vscode.commands.executeCommand('vscode.diff', uri, proposed, `${displayName(uri)} ↔ with ${take.id}'s change (variant ${take.variant})`);
    const choice = await vscode.window.showInformationMessage(
      `Adopt ${take.id}'s change into the main text? ${answer.changes.join('; ')}. The variant stays; it then changes nothing.`,
      { modal: true },
      'Adopt',
    );
    if (choice !== 'Adopt') return false;
    const applied = await applyAdoptedText(document, answer.version, answer.text);
    if (!applied) void vscode.window.showWarningMessage(`${displayName(uri)} changed while the diff was open; nothing was adopted. Run the command again.`);
    return applied;
  } finally {
    provider.delete(proposed);
  }
}
