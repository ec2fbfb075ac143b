import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import { trackStoryboards } from './activeStoryboard';
import { compileVariant, copyIteration, copyPrompt, copyRequest, newStoryboard, openPreview } from './commands';
import { clientOptions, RestartingErrorHandler, type ClientFactory } from './languageClient';
import { importFountainScene } from './board/importFountain';
import { assembleRoughCut } from './board/roughCut';
import { SequenceBoards } from './board/panel';
import { PreviewManager } from './preview/manager';
import { StoryboardStatus } from './statusBar';
import { registerTakeFeatures } from './takes';
import { registerTestHooks } from './testHooks';

/** `false` in the production bundle (scripts/bundle.mjs defines it), which leaves the e2e test hooks out of it. */
declare const SORA_TEST_HOOKS: boolean | undefined;

// Activation shared by the Node entry (extension.ts: VS Code desktop, a remote's Node extension
// host) and the browser entry (browserExtension.ts: vscode.dev, a web-worker extension host). They
// differ only in what `Platform` says: how the server runs and what it can reach.

export interface Platform {
  createClient: ClientFactory;
  /** The storyboards the server can read: files on disk (Node) or anything workspace.fs reads (browser). */
  documentSelector: DocumentSelector;
  /** Whether the server can read this saved file (the sequence board reads a sequence's scenes). */
  readsFile(uri: vscode.Uri): boolean;
  /** What only this platform needs, registered before the server starts (the browser's file requests). */
  beforeStart?(context: vscode.ExtensionContext, client: BaseLanguageClient): void;
}

let client: BaseLanguageClient | undefined;

export async function activateSora(context: vscode.ExtensionContext, platform: Platform): Promise<void> {
  if (typeof SORA_TEST_HOOKS === 'undefined' || SORA_TEST_HOOKS) registerTestHooks(context); // e2e tests only (ExtensionMode.Test): see testHooks.ts
  const output = vscode.window.createOutputChannel('Sora Storyboard', { log: true });
  const errorHandler = new RestartingErrorHandler();
  const languageClient = platform.createClient(context, clientOptions(errorHandler, output, platform.documentSelector));
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
      await restart(languageClient);
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
    // Returns the server's answer (for the e2e test and for keybindings that pass the film and the output).
    vscode.commands.registerCommand('sora.assembleRoughCut', async (uri?: unknown, target?: unknown) => {
      try {
        return await assembleRoughCut(languageClient, output, uri, target);
      } catch (error) {
        void vscode.window.showErrorMessage(`Sora Storyboard: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(
      'sora.openSequenceBoard',
      guard(async (uri?: unknown) => {
        const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
        if (!target || !platform.readsFile(target)) {
          void vscode.window.showInformationMessage('Open a sequence file (or a scene of one) first: the board shows its scenes.');
          return;
        }
        await boards.open(target);
      }),
    ),
    new StoryboardStatus(getClient),
    // Trusting the folder lifts Restricted Mode: restart the server so it reads the config files.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (languageClient.needsStop()) void restart(languageClient);
    }),
  );

  // The take modules are typed on the Node client; they use only what every client has.
  registerTakeFeatures(context, languageClient as LanguageClient);
  platform.beforeStart?.(context, languageClient);

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

/** Stops the server if it runs and starts it again (the browser client has no `restart`). */
async function restart(languageClient: BaseLanguageClient): Promise<void> {
  if (languageClient.needsStop()) await languageClient.stop();
  await languageClient.start();
}

export async function deactivateSora(): Promise<void> {
  if (client?.needsStop()) await client.stop();
  client = undefined;
}
