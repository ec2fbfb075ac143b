import assert from 'node:assert/strict';
import type { CodeLens, InlayHint, SemanticTokens } from 'vscode-languageserver-protocol/node';
import { Harness } from './harness';

// Semantic tokens, inlay hints and code lenses (server/src/lsp/semanticTokens.ts, inlayHints.ts, codeLens.ts) through the real server.

const lighthouse = 'lighthouse/scene09.sora';

describe('language server: semantic tokens, inlay hints, code lenses', function () {
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

  it('encodes semantic tokens in order, inside the lines, with the legend\'s types', async () => {
    const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: lighthouseUri } });
    assert.equal(tokens.data.length % 5, 0);
    const lines = lighthouseText.split('\n');
    const legend = ['keyword', 'property', 'type', 'variable', 'number', 'string', 'comment'];
    let line = 0;
    let character = 0;
    let lastEnd = -1;
    let lastLine = -1;
    const found: { text: string; type: string }[] = [];
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 5);
      line += deltaLine;
      character = deltaLine ? deltaStart : character + deltaStart;
      assert.ok(length > 0 && character + length <= lines[line].length, 'inside its line');
      assert.ok(line > lastLine || character >= lastEnd, 'no overlap');
      assert.ok(type < legend.length);
      found.push({ text: lines[line].slice(character, character + length), type: legend[type] });
      lastLine = line;
      lastEnd = character + length;
    }
    const has = (text: string, type: string) => found.some((t) => t.text === text && t.type === type);
    assert.ok(has('beat', 'keyword'));
    assert.ok(has('subject', 'property'));
    assert.ok(has('Mara', 'type'));
    assert.ok(has('warmer', 'variable'));
    assert.ok(has('@1s', 'number'));
    assert.ok(has('"Not tonight."', 'string'));
    assert.ok(has('// The Last Light, scene 09', 'comment'));
  });

  it('shows absolute timecodes after beat headers and say markers', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: lighthouseUri },
      range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
    });
    const texts = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
    assert.deepEqual(texts, ['0:00–0:04', '0:04–0:08', 'at 0:05', '0:08–0:12']);
  });

  it('puts Preview and Score takes above the scene, Compile variant and Copy remix instruction above a variant of a take', async () => {
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: lighthouseUri } });
    const commands = lenses.map((lens) => [lens.command?.command, lens.command?.arguments]);
    assert.deepEqual(commands, [
      ['sora.openPreviewToSide', [lighthouseUri]],
      ['sora.scoreTakes', [lighthouseUri]],
      ['sora.compileVariant', [lighthouseUri, 'warmer']],
      ['sora.copyRemixInstruction', [lighthouseUri, 'warmer']],
    ]);
  });
});
