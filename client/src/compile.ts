import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { compileRequest, type CompileParams, type CompileResponse } from '../../server/src/protocol';

/** Asks the server to compile a storyboard (or one of its variants). The client never parses. */
export async function requestCompile(client: LanguageClient, uri: vscode.Uri, variant?: string | null, model?: string | null): Promise<CompileResponse> {
  const params: CompileParams = { uri: uri.toString() };
  if (variant && variant !== 'main') params.variant = variant;
  if (model) params.model = model;
  return askServer<CompileResponse>(client, compileRequest, params);
}

/** Sends a custom request once the server runs (it may still be starting, or restarting after a crash). */
export async function askServer<Response>(client: LanguageClient, method: string, params: object): Promise<Response> {
  if (!client.isRunning()) await waitForRunning(client);
  return client.sendRequest<Response>(method, params);
}

function waitForRunning(client: LanguageClient, timeoutMs = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('The Sora Storyboard language server is not running.'));
    }, timeoutMs);
    const listener = client.onDidChangeState(() => {
      if (client.isRunning()) {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  });
}

/** A command argument as a Uri: CodeLens passes strings, menus pass Uris. */
export function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return vscode.Uri.file(value);
    }
  }
  if (value && typeof value === 'object' && 'scheme' in value && 'path' in value) {
    return vscode.Uri.from(value as { scheme: string; path: string });
  }
  return undefined;
}

export function isStoryboard(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && document.languageId === 'sora';
}

/** A short name for messages and titles: `scene09.sora`. */
export function displayName(uri: vscode.Uri): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.toString();
}
