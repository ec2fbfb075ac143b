import assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HostPort } from '../../server/out/host';
import type { DiagnosticsPublisher } from '../../server/out/lsp/diagnostics';
import { serverOf } from '../../server/out/lsp/handlers';
import { hoverFeature } from '../../server/out/lsp/hover';
import { features } from '../../server/out/lsp/serve';
import { Workspace } from '../../server/out/lsp/workspace';
import { richestClient } from '../../server/out/lsp/clients';
import { memoryHost } from '../helpers/memoryHost';

// The one wrapper every request goes through, on an in-memory workspace: a cancelled request, a
// failing provider and a document that changed while its context was read are each answered the
// same way for every feature.

const text = 'scene 01 "Climb"\nlogline: A keeper climbs her tower.\n\nsettings\n  duration: 4s\n\nbeat 4s The climb\n  action: climbs\n';
const uri = 'memory:///ws/scene01.sora';
const notCancelled: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
const cancelledToken: CancellationToken = { ...notCancelled, isCancellationRequested: true };

function setUp(host: HostPort = memoryHost()) {
  const documents = new Map<string, TextDocument>([[uri, TextDocument.create(uri, 'sora', 1, text)]]);
  const logs: string[] = [];
  const notifier = { warnOnce: () => undefined, errorOnce: () => undefined, log: (message: string) => logs.push(message) };
  const workspace = new Workspace({ get: (key) => documents.get(key), all: () => [...documents.values()] }, notifier, host);
  workspace.folders = ['/ws'];
  const server = serverOf({
    connection: {} as Connection,
    workspace,
    notifier,
    publisher: {} as DiagnosticsPublisher,
    client: () => richestClient,
    snippetEdits: () => false,
  });
  const edit = () => documents.set(uri, TextDocument.update(documents.get(uri)!, [{ text: `${text}\n` }], documents.get(uri)!.version + 1));
  return { server, logs, edit };
}

const code = (expected: number) => (error: unknown) => error instanceof ResponseError && error.code === expected;

describe('lsp: the request wrapper', () => {
  it('answers with the provider on the current version', async () => {
    const { server } = setUp();
    const handler = server.onDocument('lines', (state) => state.analysis.lines.lineCount, -1);
    assert.equal(await handler({ textDocument: { uri } }, notCancelled), text.split('\n').length);
  });

  it('answers a cancelled request RequestCancelled', async () => {
    const { server } = setUp();
    await assert.rejects(server.onDocument('lines', () => 1, -1)({ textDocument: { uri } }, cancelledToken), code(LSPErrorCodes.RequestCancelled));
  });

  it('answers the fallback for an unknown document, and logs a failing provider and answers its fallback', async () => {
    const { server, logs } = setUp();
    assert.equal(await server.onDocument('lines', () => 1, -1)({ textDocument: { uri: 'memory:///ws/other.sora' } }, notCancelled), -1);
    const failing = server.onDocument('broken', (): number => {
      throw new Error('boom');
    }, -1);
    assert.equal(await failing({ textDocument: { uri } }, notCancelled), -1);
    assert.ok(logs.some((line) => /broken failed: Error: boom/.test(line)), logs.join('\n'));
  });

  it('answers ContentModified when the document changed while its context was being read', async () => {
    const inner = memoryHost();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: HostPort = { ...inner, stat: async (path) => (await gate, inner.stat(path)) };
    const { server, edit } = setUp(slow);
    const answer = server.onDocument('lines', () => 1, -1)({ textDocument: { uri } }, notCancelled);
    edit();
    release();
    await assert.rejects(answer, code(LSPErrorCodes.ContentModified));
  });

  it('a storyboard request (our client\'s own) on a document that changed meanwhile answers on the new version', async () => {
    const inner = memoryHost();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: HostPort = { ...inner, stat: async (path) => (await gate, inner.stat(path)) };
    const { server, edit } = setUp(slow);
    const answer = server.onStoryboard('compile', (state) => state.version, 'Could not compile')({ uri }, notCancelled);
    edit();
    release();
    assert.equal(await answer, 2);
  });

  it('a storyboard request on a file that cannot be read fails with RequestFailed', async () => {
    const { server } = setUp();
    await assert.rejects(server.onStoryboard('compile', () => 1, 'Could not compile')({ uri: 'memory:///ws/none.sora' }, notCancelled), code(LSPErrorCodes.RequestFailed));
  });

  it('builds the capabilities from the table: every feature that answers a request says so', () => {
    const capabilities = Object.assign({}, ...features.map((feature) => feature.capabilities?.({ processId: null, rootUri: null, capabilities: {} }) ?? {}));
    assert.equal(hoverFeature.capabilities?.({ processId: null, rootUri: null, capabilities: {} }).hoverProvider, true);
    for (const key of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'semanticTokensProvider', 'inlayHintProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentHighlightProvider', 'documentFormattingProvider', 'codeLensProvider', 'executeCommandProvider']) {
      assert.ok(key in capabilities, key);
    }
  });
});
