import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { adoptScheme, adoptTakeChange, AdoptedTextProvider } from './adopt';
import { branchVariant } from './branch';
import { logTake, storyboardArg, type LogTakeOptions } from './logTake';
import { refuseInRestrictedMode } from '../trust';
import { TakesPanels } from './panel';

/** Registers the take log, scoring panel and branching commands. */
export function registerTakeFeatures(context: vscode.ExtensionContext, client: LanguageClient): void {
  const panels = new TakesPanels(context.extensionUri, client);
  const adopted = new AdoptedTextProvider();
  const guard =
    <A extends unknown[]>(run: (...args: A) => unknown) =>
    async (...args: A) => {
      try {
        return await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(`Sora Storyboard: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(
      'sora.logTake',
      guard((uri?: unknown, options?: unknown) => (refuseInRestrictedMode('Log Take') ? undefined : logTake(client, uri, options && typeof options === 'object' ? (options as LogTakeOptions) : {}))),
    ),
    vscode.commands.registerCommand(
      'sora.scoreTakes',
      guard((uriArg?: unknown, takeId?: unknown) => {
        const uri = storyboardArg(uriArg);
        if (!uri) {
          void vscode.window.showInformationMessage('Open a .sora storyboard first: its takes are scored beside it.');
          return;
        }
        if (uri.scheme === 'untitled') {
          void vscode.window.showWarningMessage('Save the storyboard to a folder first: the take log lives beside it.');
          return;
        }
        panels.open(uri, typeof takeId === 'string' ? takeId : undefined);
      }),
    ),
    vscode.commands.registerCommand('sora.branchVariant', guard((uri?: unknown, takeId?: unknown) => (refuseInRestrictedMode('Branch Variant') ? undefined : branchVariant(client, uri, takeId)))),
    vscode.workspace.registerTextDocumentContentProvider(adoptScheme, adopted),
    vscode.commands.registerCommand('sora.adoptTakeChange', guard((uri?: unknown, takeId?: unknown) => adoptTakeChange(client, adopted, uri, takeId))),
  );
}
