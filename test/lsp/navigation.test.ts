import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type {
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Location,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';
import { applyEdits } from '../../server/out/core/text';

// Outline, folding, definition, references, highlights and rename (server/src/lsp/navigation.ts, symbols.ts) through the real server.

const lighthouse = 'lighthouse/scene09.sora';

const rooftop = 'rooftop/scene03.sora';

function slice(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

describe('language server: navigation', function () {
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

  it('lists the outline: scene, sections, beats with their spans, variants', async () => {
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: lighthouseUri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'scene 09');
    const children = symbols[0].children ?? [];
    const beats = children.filter((s) => s.name.startsWith('beat'));
    assert.deepEqual(beats.map((b) => b.detail), ['0:00–0:04', '0:04–0:08', '0:08–0:12']);
    assert.ok(children.some((s) => s.name === 'Mara'));
    assert.ok(children.some((s) => s.name === 'warmer' && s.detail === 'from take02'));
    assert.ok(children.some((s) => s.name === 'settings'));
  });

  it('folds each section', async () => {
    const ranges = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: lighthouseUri } });
    const lines = lighthouseText.split('\n');
    const beat2 = lines.indexOf('beat 4s The lamp');
    assert.ok(ranges.some((r) => r.startLine === beat2 && r.endLine === beat2 + 6));
  });

  it('goes to a character\'s definition, finds its references and renames it everywhere', async () => {
    const uri = await server.open(rooftop);
    const text = server.text(uri);
    const onSay = positionOf(text, 'say Ana', 0, 5);
    const definition = await server.request<Location[]>('textDocument/definition', at(uri, onSay));
    assert.equal(definition.length, 1);
    assert.equal(definition[0].range.start.line, positionOf(text, 'character Ana').line);
    const references = await server.request<Location[]>('textDocument/references', { ...at(uri, onSay), context: { includeDeclaration: true } });
    assert.equal(references.length, 4, 'declaration, two subjects, one say');
    const highlights = await server.request<DocumentHighlight[]>('textDocument/documentHighlight', at(uri, onSay));
    assert.equal(highlights.length, 4);
    const prepared = await server.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(uri, onSay));
    assert.equal(prepared.placeholder, 'Ana');
    assert.equal(slice(text, prepared.range), 'Ana');
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, onSay), newName: 'Ines' });
    const renamed = applyEdits(text, edit.changes![uri]);
    assert.ok(!/\bAna\b/.test(renamed));
    assert.equal(renamed.match(/\bInes\b/g)?.length, 4);
    const bad = await server.request('textDocument/rename', { ...at(uri, onSay), newName: 'two words' }).then(
      () => 'resolved',
      () => 'rejected',
    );
    assert.equal(bad, 'rejected');
    assert.equal(await server.request('textDocument/prepareRename', at(uri, { line: 0, character: 0 })), null);
  });

  it('renames a variant and the bases that name it', async () => {
    const text = fs.readFileSync(server.file(rooftop), 'utf8') + '\nvariant closer from tighter\n  beat 3 camera: extreme close-up, static\n';
    const uri = await server.open('scratch/variants.sora', text);
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, positionOf(text, 'from tighter', 0, 6)), newName: 'snug' });
    const renamed = applyEdits(text, edit.changes![uri]);
    assert.match(renamed, /variant snug from main/);
    assert.match(renamed, /variant closer from snug/);
  });
});
