import assert from 'node:assert/strict';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';

// The one request wrapper (server/src/lsp/handlers.ts) through the real server: cancellation and unknown documents.

const lighthouse = 'lighthouse/scene09.sora';

describe('language server: robustness', function () {
  let server: Harness;
  let lighthouseUri: string;
  let lighthouseText: string;

  before(async () => {
    server = await Harness.start();
    lighthouseUri = await server.open(lighthouse);
    lighthouseText = server.text(lighthouseUri);
    await server.diagnostics(lighthouseUri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });

  it('answers a cancelled request with RequestCancelled or a result, and keeps serving', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const pending = server.connection.sendRequest('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'beat 4s The lamp')), source.token);
      source.cancel();
      outcomes.push(
        await pending.then(
          () => 'result',
          (error: { code?: number }) => {
            assert.equal(error.code, -32800, 'RequestCancelled');
            return 'cancelled';
          },
        ),
      );
    }
    assert.equal(outcomes.length, 20);
    const after = await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'beat 4s The lamp')));
    assert.ok(after);
    assert.equal(server.exitCode, null);
  });

  it('answers requests on unknown documents with nothing', async () => {
    const uri = 'file:///nowhere/none.sora';
    assert.equal(await server.request('textDocument/hover', at(uri, { line: 0, character: 0 })), null);
    assert.deepEqual(await server.request('textDocument/completion', at(uri, { line: 0, character: 0 })), []);
    const compiled = await server.request('sora/compile', { uri }).then(
      () => 'resolved',
      () => 'rejected',
    );
    assert.equal(compiled, 'rejected');
    const diagnostics: Diagnostic[] = [];
    assert.deepEqual(diagnostics, []);
  });
});
