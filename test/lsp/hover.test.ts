import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';
import { ruleFor } from '../../server/out/core/rules';

// Hovers (server/src/lsp/hover.ts) through the real server.

const lighthouse = 'lighthouse/scene09.sora';

const problems = 'problems/scene07.sora';

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

describe('language server: hover', function () {
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

  it('shows a beat header span, its share of the clip and its place', async () => {
    const text = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'beat 4s The lamp', 0, 2))));
    assert.match(text, /0:04–0:08/);
    assert.match(text, /Beat 2 of 3/);
    assert.match(text, /33%/);
  });

  it('shows a say line\'s words against the time it has', async () => {
    const text = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'say Mara', 0, 1))));
    assert.match(text, /2 words/);
    assert.match(text, /2\.5 words\/s/);
    assert.match(text, /0\.8s/);
    assert.match(text, /3s are available/);
    assert.match(text, /0:05/);
  });

  it('shows anchors, settings, camera, variant and reference figures', async () => {
    const anchors = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'anchors:', 0, 2))));
    assert.match(anchors, /4 anchors/);
    assert.match(anchors, /shots 1 .*, 2 /);
    const aspect = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'aspect:', 0, 1))));
    assert.match(aspect, /16:9/);
    assert.match(aspect, /9:16/);
    const duration = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'duration:', 0, 1))));
    assert.match(duration, /12s/);
    const camera = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'camera: close-up', 0, 10))));
    assert.match(camera, /close-up/);
    const variant = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'variant warmer', 0, 9))));
    assert.match(variant, /take02/);
    assert.match(variant, /stormy dusk/);
    assert.match(variant, /Keep everything else the same/);
    const reference = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'reference:', 0, 3))));
    assert.match(reference, /png/);
  });

  it('explains a diagnostic from the rule table on its range', async () => {
    const uri = await server.open(problems);
    const text = server.text(uri);
    await server.diagnostics(uri, { version: 1 });
    const hover = hoverText(await server.request<Hover>('textDocument/hover', at(uri, positionOf(text, 'Waiter', 0, 2))));
    const rule = ruleFor('character-unknown');
    assert.ok(rule);
    assert.ok(hover.includes(rule.explanation.split('\n')[0]), 'the explanation');
    assert.match(hover, /character-unknown/);
    const diagnostic = (await server.diagnostics(uri, { version: 1 })).find((d: { code?: unknown }) => d.code === 'character-unknown');
    // The hover escapes the message's punctuation for Markdown; unescaped, it reads as published.
    // The hover is Markdown (escaped, `code` spans) where the Problems panel shows plain text ("code").
    const plain = (text: string) => text.replace(/\\(.)/g, '$1').replace(/[`"]/g, '');
    assert.ok(diagnostic && plain(hover).includes(plain(String(diagnostic.message))), 'the problem as found here, before the explanation');
  });

  it('answers null on a blank line', async () => {
    const blank = lighthouseText.split('\n').findIndex((line) => line === '');
    assert.equal(await server.request<Hover | null>('textDocument/hover', at(lighthouseUri, { line: blank, character: 0 })), null);
  });
});
