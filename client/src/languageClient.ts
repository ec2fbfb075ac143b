import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
} from 'vscode-languageclient';

// What the Node client (node/languageClient.ts: the server as a Node process) and the browser client
// (browser/languageClient.ts: the server in a Web Worker) share: the name, the options, the restarts.

export const clientId = 'sora';

export const clientName = 'Sora Storyboard';

/** Restarts a crashed server a few times, then stops and tells the user how to start it again. */
export class RestartingErrorHandler implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  reset(): void {
    this.crashes = [];
  }

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // A broken pipe now and then is survivable; many in a row mean the server is gone.
    return { action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((time) => now - time < this.windowMs);
    this.crashes.push(now);
    if (this.crashes.length <= this.maxRestarts) {
      void vscode.window
        .showWarningMessage(`The Sora Storyboard language server stopped unexpectedly and was restarted (${this.crashes.length} of ${this.maxRestarts}).`, 'Show Output')
        .then((choice) => {
          if (choice === 'Show Output') void vscode.commands.executeCommand('sora.showServerOutput');
        });
      return { action: CloseAction.Restart, handled: true };
    }
    const minutes = Math.round(this.windowMs / 60000);
    void vscode.window
      .showErrorMessage(
        `The Sora Storyboard language server crashed ${this.crashes.length} times in the last ${minutes} minutes and will not be restarted. Checking, previews and the status bar are paused.`,
        'Restart Language Server',
        'Show Output',
      )
      .then((choice) => {
        if (choice === 'Restart Language Server') void vscode.commands.executeCommand('sora.restartServer');
        if (choice === 'Show Output') void vscode.commands.executeCommand('sora.showServerOutput');
      });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

/** Starts the language server its own way (a Node process, a Web Worker) with the shared options. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;

export function clientOptions(errorHandler: ErrorHandler, outputChannel: vscode.LogOutputChannel, documentSelector: DocumentSelector): LanguageClientOptions {
  return {
    documentSelector,
    // Watched files (take logs, storyboards, config files) are the server's own registration.
    synchronize: { configurationSection: 'sora' },
    errorHandler,
    outputChannel,
    // Hovers carry the writer's text (escaped by the server): never trusted, so no command link or
    // HTML in them can run, whatever a storyboard holds.
    markdown: { isTrusted: false, supportHtml: false },
    // Read at every (re)start: the client restarts the server when the folder becomes trusted.
    // `client` tells the server it may use what only VS Code has (the suggest command, snippets).
    // A plain copy of the setting: the configuration object is a proxy, which a Web Worker's
    // postMessage cannot clone (Node's IPC writes JSON and never noticed).
    initializationOptions: () => ({
      client: 'vscode',
      trusted: vscode.workspace.isTrusted,
      filesExclude: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('files').get('exclude') ?? {})),
    }),
  };
}
