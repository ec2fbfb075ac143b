import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  fountainScenesRequest,
  importFountainRequest,
  type FountainScenesParams,
  type FountainScenesResponse,
  type ImportFountainParams,
  type ImportFountainResponse,
} from '../../../server/src/protocol';

/** "Sora: Import Fountain Scene": pick a screenplay and a scene; the server writes the storyboard beside it. */
export async function importFountainScene(client: LanguageClient, uriArg?: unknown): Promise<void> {
  let uri = uriArg instanceof vscode.Uri ? uriArg : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Fountain screenplay': ['fountain', 'spmd', 'txt'] }, openLabel: 'Import scene' });
    uri = picked?.[0];
  }
  if (!uri) return;
  const listing = await client.sendRequest<FountainScenesResponse>(fountainScenesRequest, { uri: uri.toString() } satisfies FountainScenesParams);
  const choice = await vscode.window.showQuickPick(
    [{ label: 'Every scene', number: undefined as number | undefined }, ...listing.scenes.map((scene) => ({ label: `${scene.number}. ${scene.heading}`, number: scene.number as number | undefined }))],
    { placeHolder: `Which scene of ${listing.title ?? 'the screenplay'}?` },
  );
  if (!choice) return;
  const result = await client.sendRequest<ImportFountainResponse>(importFountainRequest, { uri: uri.toString(), scene: choice.number } satisfies ImportFountainParams);
  if (result.written[0]) await vscode.window.showTextDocument(vscode.Uri.parse(result.written[0]));
  void vscode.window.showInformationMessage(`Imported ${result.written.length} scene${result.written.length === 1 ? '' : 's'}: every <…> is for you to decide.`);
}
