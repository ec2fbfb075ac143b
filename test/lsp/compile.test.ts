import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type * as ProtocolModule from '../../server/out/protocol';
import { Harness, positionOf } from './harness';
import { modelProfiles } from '../../server/out/core/models';

// The sora/compile request (server/src/lsp/compile.ts) through the real server.

type CompileResponse = ProtocolModule.CompileResponse;

const lighthouse = 'lighthouse/scene09.sora';

const problems = 'problems/scene07.sora';

const rooftop = 'rooftop/scene03.sora';

describe('language server: sora/compile', function () {
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

  it('lists what must not go to Sora unseen: errors and placeholders, in plain text', async () => {
    const text = lighthouseText.replace(/^character Mara$/m, 'character Mara\n  cameo: @mara.k').replace('green eyes', '<eye detail>');
    const uri = await server.open('scratch/review.sora', text);
    const result = await server.request<CompileResponse>('sora/compile', { uri });
    const review = result.summary.review.map((p) => `${p.code} ${p.severity}`);
    assert.ok(review.includes('cameo-consent error') && review.includes('placeholder warning'), review.join(', '));
    assert.ok(review.every((p) => p.endsWith('error') || p === 'placeholder warning'), review.join(', '));
    for (const problem of result.summary.review) assert.ok(!problem.message.includes('`'), problem.message);
  });

  it('compiles main with the source map, the variants and a summary', async () => {
    const result = await server.request<CompileResponse>('sora/compile', { uri: lighthouseUri });
    assert.equal(result.uri, lighthouseUri);
    assert.equal(result.version, server.version(lighthouseUri));
    assert.match(result.prompt, /Shot 2 \(0:04–0:08\)/);
    assert.equal(result.remix, null);
    assert.equal(result.basePrompt, null);
    assert.deepEqual(result.variants, [{ name: 'warmer', base: 'take02', line: positionOf(lighthouseText, 'variant warmer').line }]);
    assert.deepEqual(result.summary, { duration: 12, beats: 3, aspect: '16:9', overLimit: false, errors: 0, warnings: 0, model: 'sora-2', cost: result.cost?.usd ?? null, review: [] });
    assert.ok(result.sourceMap.length > 0);
    for (const entry of result.sourceMap) assert.ok(entry.start <= entry.end && entry.end <= result.prompt.length);
  });

  it('compiles a variant of a take to a remix instruction, with the take\'s prompt as the base', async () => {
    const result = await server.request<CompileResponse>('sora/compile', { uri: lighthouseUri, variant: 'warmer' });
    assert.equal(result.variant, 'warmer');
    assert.equal(result.remixOf, 'take02');
    assert.match(result.remix ?? '', /Keep everything else the same/);
    const log = JSON.parse(fs.readFileSync(server.file('lighthouse/scene09.takes.json'), 'utf8')) as { takes: { id: string; prompt: string }[] };
    assert.equal(result.basePrompt, log.takes.find((take) => take.id === 'take02')?.prompt);
    assert.match(result.prompt, /warm tungsten glow/);
  });

  it('uses main\'s prompt as the base of a variant of main, and compiles closed files from disk', async () => {
    const uri = server.uri(rooftop);
    await server.close(uri);
    const main = await server.request<CompileResponse>('sora/compile', { uri });
    const tighter = await server.request<CompileResponse>('sora/compile', { uri, variant: 'tighter' });
    assert.equal(tighter.basePrompt, main.prompt);
    assert.equal(tighter.remix, null);
    assert.notEqual(tighter.prompt, main.prompt);
    assert.equal(main.version, null);
    const missing = await server.request<CompileResponse>('sora/compile', { uri, variant: 'nope' });
    assert.ok(missing.error);
  });

  it('compiles for another target when asked (the preview\'s model picker), and lists the targets', async () => {
    const uri = server.uri(problems);
    const own = await server.request<CompileResponse>('sora/compile', { uri });
    assert.equal(own.model, null);
    assert.equal(own.fileModel, null);
    const retired = await server.request<CompileResponse>('sora/compile', { uri, model: 'sora-2' });
    assert.deepEqual(retired.model, { id: 'sora-2', label: 'Sora 2', status: 'retired', known: true });
    assert.equal(retired.prompt, own.prompt, 'a retired target compiles to the seed prompt');
    assert.deepEqual(retired.generations.map((g) => g.seconds), [25]);
    assert.equal(retired.cost?.usd, 2.5);
    const unknown = await server.request<CompileResponse>('sora/compile', { uri, model: 'nope-1' });
    assert.deepEqual(unknown.model, { id: 'nope-1', label: 'nope-1', status: 'active', known: false });
    assert.deepEqual(own.targets?.map((t) => t.id).sort(), modelProfiles.map((p) => p.id).sort());
    const lighthouse = await server.request<CompileResponse>('sora/compile', { uri: lighthouseUri });
    assert.equal(lighthouse.fileModel, 'sora-2');
  });
});
