import * as vscode from 'vscode';
import { activateSora, deactivateSora } from './activate';
import { browserDocumentSelector, browserLanguageClient } from './browser/languageClient';
import { answerHostRequests } from './hostFiles';

// The extension's web entry (package.json `browser`): vscode.dev, github.dev and code-server's
// web-worker extension host. No Node here: the server runs in a Web Worker and reads files through
// this client (hostFiles.ts), whatever file system the workspace is on.

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateSora(context, {
    createClient: browserLanguageClient,
    documentSelector: browserDocumentSelector,
    // Whatever workspace.fs reads: a remote's disk, a GitHub repository, a memory file system.
    readsFile: (uri) => uri.scheme !== 'untitled',
    beforeStart: (extension, client) => extension.subscriptions.push(answerHostRequests(client)),
  });
}

export const deactivate = deactivateSora;
