import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { trackStoryboards } from './activeStoryboard';
import { compileVariant, copyIteration, copyPrompt, copyRequest, newStoryboard, openPreview } from './commands';
import { createLanguageClient, RestartingErrorHandler } from './languageClient';
import { importFountainScene } from './board/importFountain';
import { SequenceBoards } from './board/panel';
import { PreviewManager } from './preview/manager';
import { StoryboardStatus } from './statusBar';
import { registerTakeFeatures } from './takes';
import { registerTestHooks } from './testHooks';

let client: LanguageClient | undefined;

/** `false` in the production bundle (scripts/bundle.mjs defines it), which leaves the e2e test hooks out of it. */
declare const SORA_TEST_HOOKS: boolean | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  if (typeof SORA_TEST_HOOKS === 'undefined' || SORA_TEST_HOOKS) registerTestHooks(context); // e2e tests only (ExtensionMode.Test): see testHooks.ts
  const output = vscode.window.createOutputChannel('Sora Storyboard', { log: true });
  const errorHandler = new RestartingErrorHandler();
  const languageClient = createLanguageClient(context, errorHandler, output);
  client = languageClient;
  const getClient = () => languageClient;
  const previews = new PreviewManager(context, getClient);
  const boards = new SequenceBoards(context.extensionUri, languageClient);

  const guard =
    <A extends unknown[]>(run: (...args: A) => unknown) =>
    async (...args: A) => {
      try {
        await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(`Sora Storyboard: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

  context.subscriptions.push(
    trackStoryboards(),
    output,
    previews,
    vscode.commands.registerCommand('sora.restartServer', guard(async () => {
      errorHandler.reset();
      output.info('Restarting the language server.');
      if (languageClient.needsStop()) await languageClient.restart();
      else await languageClient.start();
      vscode.window.setStatusBarMessage('$(check) Sora Storyboard language server restarted', 3000);
    })),
    vscode.commands.registerCommand('sora.showServerOutput', () => output.show(true)),
    vscode.commands.registerCommand('sora.openPreview', guard((uri?: unknown) => openPreview(previews, false, uri))),
    vscode.commands.registerCommand('sora.openPreviewToSide', guard((uri?: unknown) => openPreview(previews, true, uri))),
    vscode.commands.registerCommand('sora.togglePreviewLock', guard(() => previews.toggleLock())),
    vscode.commands.registerCommand('sora.copyPrompt', guard((uri?: unknown, variant?: unknown) => copyPrompt(languageClient, previews, uri, variant))),
    // "Copy Iteration" keeps the id it had as "Copy Remix Instruction".
    vscode.commands.registerCommand('sora.copyRemixInstruction', guard((uri?: unknown, variant?: unknown) => copyIteration(languageClient, previews, uri, variant))),
    vscode.commands.registerCommand('sora.copyRequest', guard((uri?: unknown, variant?: unknown) => copyRequest(languageClient, previews, uri, variant))),
    vscode.commands.registerCommand('sora.compileVariant', guard((uri?: unknown, variant?: unknown) => compileVariant(previews, uri, variant))),
    vscode.commands.registerCommand('sora.newStoryboard', guard(() => newStoryboard())),
    boards,
    vscode.commands.registerCommand('sora.importFountain', guard((uri?: unknown) => importFountainScene(languageClient, uri))),
    vscode.commands.registerCommand(
      'sora.openSequenceBoard',
      guard(async (uri?: unknown) => {
        const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
        if (!target || target.scheme !== 'file') {
          void vscode.window.showInformationMessage('Open a sequence file (or a scene of one) first: the board shows its scenes.');
          return;
        }
        await boards.open(target);
      }),
    ),
    new StoryboardStatus(getClient),
    // Trusting the folder lifts Restricted Mode: restart the server so it reads the config files.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (languageClient.needsStop()) void languageClient.restart();
    }),
  );

  registerTakeFeatures(context, languageClient);

  try {
    await languageClient.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`The language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`The Sora Storyboard language server did not start: ${message}`, 'Show Output').then((choice) => {
      if (choice) output.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  if (client?.needsStop()) await client.stop();
  client = undefined;
}
