import assert from 'node:assert/strict';
import type * as ProtocolModule from '../../server/out/protocol';
import { Harness } from './harness';

// `sora/adoptVariant`: the text "Adopt This Take's Change" shows as a diff before applying it.

type AdoptVariantResponse = ProtocolModule.AdoptVariantResponse;

describe('language server: sora/adoptVariant', function () {
  let server: Harness;
  let uri: string;

  before(async () => {
    server = await Harness.start();
    uri = await server.open('lighthouse/scene09.sora');
    await server.diagnostics(uri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  it('answers the open document’s text with the variant’s change in its main text, and the version it was made from', async () => {
    const text = server.text(uri);
    const answer = await server.request<AdoptVariantResponse>('sora/adoptVariant', { uri, variant: 'warmer' });
    assert.ok(answer.ok);
    assert.equal(answer.version, server.version(uri));
    assert.deepEqual(answer.changes, ['style lighting: warm tungsten glow, consistent lighting']);
    assert.equal(answer.text, text.replace('lighting: stormy dusk, consistent lighting', 'lighting: warm tungsten glow, consistent lighting'));
  });

  it('says why it cannot, as an answer rather than an error', async () => {
    const answer = await server.request<AdoptVariantResponse>('sora/adoptVariant', { uri, variant: 'nope' });
    assert.deepEqual(answer, { ok: false, uri, message: 'Cannot adopt: there is no variant nope.' });
  });
});
