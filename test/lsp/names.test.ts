import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { fixturesDir } from '../helpers/paths';
import { Harness, positionOf } from './harness';
import { applyEdits } from '../../server/out/core/text';

// Hover, completion and rename with names in five scripts, against the real server.

const scripts = { latin: 'Émile', cyrillic: 'Шеф', greek: 'Ζωή', cjk: '小林', devanagari: 'सीता' };
const chef = [
  'scene 01 "Kitchen"',
  'logline: A chef tastes the soup.',
  '',
  'character Chef',
  '  anchors: white hat, blue apron, grey beard',
  '',
  'beat 4s The soup',
  '  subject: Chef',
  '  action: tastes the soup',
  '  camera: close-up, static',
  '  say Chef @1s "More salt."',
  '',
].join('\n');

describe('LSP: names in any script', function () {
  this.timeout(30000);
  let server: Harness;
  const fixture = fs.readFileSync(path.join(fixturesDir, 'names/scene21.sora'), 'utf8');

  before(async () => {
    server = await Harness.start({ examples: false, files: { 'names/scene21.sora': fixture, 'kitchen/scene01.sora': chef } });
  });
  after(async () => {
    await server.stop();
  });

  it('hovers each character in its own script, with its anchors', async () => {
    const uri = await server.open('names/scene21.sora');
    assert.deepEqual(await server.diagnostics(uri, { version: 1 }), []);
    for (const name of Object.values(scripts)) {
      const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(fixture, `character ${name}`, 0, 11) });
      assert.ok(hover, name);
      assert.match((hover.contents as MarkupContent).value, new RegExp(`Character ${name}`), name);
    }
  });

  it('completes the speakers of every script after `say`', async () => {
    const uri = await server.open('names/scene21.sora');
    const line = fixture.split('\n').findIndex((l) => l.startsWith('  say Émile'));
    const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: '  say '.length } });
    const labels = items.map((item) => item.label);
    for (const name of Object.values(scripts)) assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
  });

  for (const [script, name] of Object.entries(scripts)) {
    it(`renames Chef to ${name} (${script}) and the file checks as before`, async () => {
      const uri = await server.open('kitchen/scene01.sora');
      const before = (await server.diagnostics(uri)).map((d) => d.code);
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(chef, 'Chef', 0, 1), newName: name });
      const edits = edit.changes![uri];
      assert.equal(edits.length, 3);
      const renamed = applyEdits(chef, edits);
      assert.ok(!renamed.includes('Chef'));
      const version = await server.replaceText(uri, renamed);
      const after = (await server.diagnostics(uri, { version })).map((d) => d.code);
      assert.deepEqual(after, before, `the renamed file checks as before:\n${renamed}`);
      assert.ok(!after.includes('syntax') && !after.includes('character-unknown'));
      await server.replaceText(uri, chef);
    });
  }

  it('refuses to rename to the decomposed spelling of another character', async () => {
    const uri = await server.open('names/scene21.sora');
    await assert.rejects(
      server.request('textDocument/rename', { textDocument: { uri }, position: positionOf(fixture, 'character Шеф', 0, 11), newName: 'E\u0301mile' }),
      /already a character/,
    );
  });
});
