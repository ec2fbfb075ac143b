import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { clientId, clientName, type ClientFactory } from '../languageClient';

// The language server in a Web Worker (server/dist/browser/server.js), for vscode.dev and
// code-server's web-worker extension host. It has no file system: it asks this client for files
// (./hostFiles.ts answers with workspace.fs).

/** The worker API this module uses; the client's type-check has no DOM library to name it. */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/** Any storyboard the workspace's file systems can read: the server reads through workspace.fs. */
export const browserDocumentSelector = [{ language: 'sora' }];

export const browserLanguageClient: ClientFactory = (context, options) => {
  let worker: ServerWorker | undefined;
  const start = async () => {
    // A restart starts a new worker; the old one would otherwise keep running.
    worker?.terminate();
    worker = new Worker(await workerUrl(vscode.Uri.joinPath(context.extensionUri, 'server', 'dist', 'browser', 'server.js')), { name: clientName });
    // The transports are made here rather than by the library: it tells a worker by `instanceof
    // Worker`, which the extension host's wrapped Worker constructor does not pass.
    const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  return new LanguageClient(clientId, clientName, start, options);
};

/**
 * Where the worker loads its script from. The extension host starts workers from http(s) and file
 * URLs, but refuses an extension installed on a remote (code-server: `vscode-remote:`): its script
 * is read through workspace.fs and started from a blob URL instead.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const source = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
