import * as vscode from 'vscode';
import { activateSora, deactivateSora } from './activate';
import { nodeDocumentSelector, nodeLanguageClient } from './node/languageClient';

// The extension's Node entry (package.json `main`): VS Code desktop and a remote's Node extension
// host. The server runs as a Node process and reads the disk. browserExtension.ts is the web entry.

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateSora(context, {
    createClient: nodeLanguageClient,
    documentSelector: nodeDocumentSelector,
    readsFile: (uri) => uri.scheme === 'file',
  });
}

export const deactivate = deactivateSora;
