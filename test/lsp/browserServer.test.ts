import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import type { HostReadTextResponse } from '../../server/src/protocol';
import { repoRoot, sharedExamples } from '../helpers/paths';

// The browser server bundle (server/dist/browser/server.js) as a web worker runs it: in a context
// with the web's globals and none of Node's (no require, process or Buffer), speaking through a
// message port whose messages are structured-cloned, as postMessage does. The test plays the
// client: it answers the server's sora/host/* requests from a map of URIs to texts, as
// client/src/hostFiles.ts does with workspace.fs.

const bundle = path.join(repoRoot, 'server/dist/browser/server.js');
const root = 'vscode-vfs://github/owner/repo';

/** What a dedicated worker's global scope offers the server, and no more. */
function workerScope(port: MessagePort): vm.Context {
  const scope: Record<string, unknown> = {
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
    TextEncoder, TextDecoder, URL, URLSearchParams, atob, btoa, performance, crypto,
    postMessage: (message: unknown) => port.postMessage(message),
    addEventListener: (type: string, listener: (event: unknown) => void) => port.on(type === 'error' ? 'messageerror' : type, listener),
  };
  Object.defineProperty(scope, 'onmessage', { set: (listener: (event: { data: unknown }) => void) => port.on('message', (data) => listener({ data })) });
  scope.self = scope;
  return vm.createContext(scope);
}

class PortReader extends AbstractMessageReader {
  constructor(private readonly port: MessagePort) {
    super();
  }
  listen(callback: DataCallback): Disposable {
    const listener = (data: Message) => callback(data);
    this.port.on('message', listener);
    return { dispose: () => this.port.off('message', listener) };
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: MessagePort) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.port.postMessage(message);
  }
  end(): void {}
}

describe('the browser language server (web worker bundle)', () => {
  let connection: ProtocolConnection;
  let ports: MessageChannel;
  const files = new Map<string, string>();
  const published: PublishDiagnosticsParams[] = [];
  const asked: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
    files.set(`${root}/problems/scene07.sora`, fs.readFileSync(path.join(sharedExamples, 'problems/scene07.sora'), 'utf8'));
    ports = new MessageChannel();
    vm.runInContext(fs.readFileSync(bundle, 'utf8'), workerScope(ports.port2), { filename: bundle });
    connection = createProtocolConnection(new PortReader(ports.port1), new PortWriter(ports.port1));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.push(params);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    const readText = (uri: string): HostReadTextResponse => {
      asked.push(uri);
      const text = files.get(uri);
      return text === undefined ? { status: 'absent' } : { status: 'ok', text };
    };
    connection.onRequest('sora/host/readText', async ({ uri }: { uri: string }) => readText(uri));
    connection.onRequest('sora/host/stat', ({ uri }: { uri: string }) => (files.has(uri) ? { kind: 'file', size: files.get(uri)!.length, mtime: 0 } : null));
    connection.onRequest('sora/host/list', ({ uri }: { uri: string }) => {
      const names = new Map<string, 'file' | 'directory'>();
      for (const file of files.keys()) {
        if (!file.startsWith(`${uri}/`)) continue;
        const [name, ...rest] = file.slice(uri.length + 1).split('/');
        names.set(name, rest.length ? 'directory' : 'file');
      }
      return [...names].map(([name, kind]) => ({ name, kind }));
    });
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'repo' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { client: 'vscode', trusted: true, filesExclude: {} },
    });
    await connection.sendNotification('initialized', {});
  });

  after(() => {
    connection?.dispose();
    ports?.port1.close();
  });

  it('checks a storyboard on a virtual file system, reading the workspace through the client', async () => {
    const uri = `${root}/problems/scene07.sora`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sora', version: 1, text: files.get(uri) } });
    const deadline = Date.now() + 15_000;
    let diagnostics: PublishDiagnosticsParams | undefined;
    while (!diagnostics && Date.now() < deadline) {
      diagnostics = published.find((params) => params.uri === uri && params.diagnostics.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(diagnostics, `no diagnostics for ${uri}; published: ${JSON.stringify(published.map((p) => p.uri))}`);
    const codes = new Set(diagnostics.diagnostics.map((d) => String(d.code)));
    for (const code of ['aspect', 'timeline', 'character-unknown']) assert.ok(codes.has(code), `no ${code} among ${[...codes].join(', ')}`);
    // The server looked for the storyboard's neighbours (config, take log) by asking, not on a disk.
    assert.ok(asked.some((asked) => asked.startsWith(`${root}/`) && asked !== uri), `the server asked for no file beside it: ${asked.join(', ')}`);
  });

  it('answers a hover on the storyboard', async () => {
    const uri = `${root}/problems/scene07.sora`;
    const line = files.get(uri)!.split('\n').findIndex((text) => text.includes('aspect: 4:3'));
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 'aspect: 4:3'.indexOf('4:3') + 3 } });
    assert.match(JSON.stringify(hover), /16:9/);
  });
});
