import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';
import { modelProfiles } from '../../server/out/core/models';

// Completion (server/src/lsp/completion.ts) through the real server.

const lighthouse = 'lighthouse/scene09.sora';

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

describe('language server: completion', function () {
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

  /** Completion labels at the `‸` in `marked` (the marker is removed from the text sent). */
  async function complete(marked: string, file = 'scratch/complete.sora'): Promise<string[]> {
    const offset = marked.indexOf('‸');
    assert.ok(offset >= 0, 'a cursor marker');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const uri = await server.open(file, text);
    return labels(await server.request<CompletionList | CompletionItem[]>('textDocument/completion', at(uri, positionOf(text, marked.slice(0, offset), 0, offset))));
  }

  it('offers section keywords and snippets at the start of a line', async () => {
    const items = await complete(`${lighthouseText}\nbe‸`);
    for (const keyword of ['beat', 'variant', 'character', 'reference']) assert.ok(items.includes(keyword), keyword);
    assert.equal(items.filter((label) => label.startsWith('beat')).length, 1, 'one beat item');
    assert.ok(!items.includes('settings'), 'settings already there');
    const empty = await complete('‸', 'scratch/empty.sora');
    assert.ok(empty.includes('scene (whole storyboard)'), 'scene snippet');
  });

  it('has one beat item, which selects the duration with its unit', async () => {
    const uri = await server.open('scratch/beat.sora', `${lighthouseText}\nbe`);
    const text = server.text(uri);
    const list = await server.request<CompletionList | CompletionItem[]>('textDocument/completion', at(uri, positionOf(text, '\nbe', 0, 3)));
    const items = (Array.isArray(list) ? list : list.items).filter((item) => (item.filterText ?? item.label).startsWith('beat'));
    assert.equal(items.length, 1);
    const newText = (items[0].textEdit as { newText: string }).newText;
    assert.match(newText, /^beat \$\{1:4s\} \$\{2:Title\}\n {2}subject: /);
  });

  it('does not pop up at the end of a complete value, unless asked for', async () => {
    const ask = async (marked: string, triggerKind: number) => {
      const offset = marked.indexOf('‸');
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      const uri = await server.open('scratch/complete-value.sora', text);
      return server.request<CompletionList | CompletionItem[]>('textDocument/completion', { ...at(uri, positionOf(text, marked.slice(0, offset), 0, offset)), context: { triggerKind } });
    };
    const typing = 3; // TriggerForIncompleteCompletions: the list asked again as the writer types
    for (const complete of ['aspect: 16:9‸', 'camera: wide, static‸', 'duration: 12s‸']) {
      const [field] = complete.split(':');
      const line = lighthouseText.split('\n').find((l) => l.trim().startsWith(`${field}:`))!;
      assert.deepEqual(await ask(lighthouseText.replace(line, `  ${complete}`), typing), [], complete);
    }
    const partial = await ask(lighthouseText.replace('camera: wide, static', 'camera: wide, sta‸'), typing);
    assert.ok(!Array.isArray(partial) && partial.isIncomplete, 'a value list is asked for again at every key, so it can close');
    assert.ok(labels(partial).includes('static'));
    const invoked = await ask(lighthouseText.replace('aspect: 16:9', 'aspect: 16:9‸'), 1);
    assert.deepEqual(labels(invoked), ['16:9', '9:16']);
  });

  it('offers nothing but the field\'s values inside a value, even when asked', async () => {
    const offset = 'action: climbs'.length;
    const uri = await server.open('scratch/in-value.sora', lighthouseText);
    const text = server.text(uri);
    const list = await server.request<CompletionList | CompletionItem[]>('textDocument/completion', { ...at(uri, positionOf(text, 'action: climbs', 0, offset)), context: { triggerKind: 1 } });
    assert.deepEqual(labels(list), []);
  });

  it('offers the current section\'s fields after indentation', async () => {
    const settings = await complete(lighthouseText.replace('  model: sora-2', '  model: sora-2\n  mo‸'));
    assert.deepEqual(settings.sort(), ['aspect', 'audio', 'duration', 'model', 'resolution']);
    const beat = await complete(lighthouseText.replace('  sound: waves breaking below', '  sound: waves breaking below\n  ‸'));
    for (const field of ['subject', 'action', 'setting', 'emotion', 'camera', 'sound', 'music', 'say']) assert.ok(beat.includes(field), field);
  });

  it('offers values for settings and camera', async () => {
    assert.deepEqual(await complete(lighthouseText.replace('aspect: 16:9', 'aspect: ‸')), ['16:9', '9:16']);
    const model = await complete(lighthouseText.replace('model: sora-2', 'model: so‸'));
    assert.deepEqual(model, modelProfiles.map((profile) => profile.id), 'every profile in the table, in its order');
    const audio = await complete(lighthouseText.replace('audio: voice, ambience', 'audio: voice, ‸'));
    assert.ok(audio.includes('music') && !audio.includes('voice'));
    const sizes = await complete(lighthouseText.replace('camera: wide, static', 'camera: cl‸'));
    assert.ok(sizes.includes('close-up') && sizes.includes('extreme wide'));
    const moves = await complete(lighthouseText.replace('camera: wide, static', 'camera: wide, ‸'));
    assert.ok(moves.includes('static') && moves.includes('slow push in'));
  });

  it('offers character names after subject: and say, and bases after from', async () => {
    assert.deepEqual(await complete(lighthouseText.replace('subject: the lighthouse beam', 'subject: ‸')), ['Mara']);
    assert.deepEqual(await complete(lighthouseText.replace('say Mara', 'say M‸')), ['Mara']);
    const uri = await server.open(lighthouse, `${lighthouseText}\nvariant other from `);
    const text = server.text(uri);
    const bases = labels(await server.request<CompletionList>('textDocument/completion', at(uri, positionOf(text, 'other from ', 0, 11))));
    for (const base of ['main', 'warmer', 'take01', 'take02']) assert.ok(bases.includes(base), base);
    await server.replaceText(uri, lighthouseText);
  });

  it('offers override targets and their fields inside a variant', async () => {
    const targets = await complete(`${lighthouseText}  ‸`);
    assert.ok(targets.some((label) => label.startsWith('beat')) && targets.some((label) => label.startsWith('character')));
    const beatFields = await complete(`${lighthouseText}  beat 2 ‸`);
    assert.ok(beatFields.includes('camera') && beatFields.includes('subject'));
    const characters = await complete(`${lighthouseText}  character ‸`);
    assert.deepEqual(characters, ['Mara']);
    const values = await complete(`${lighthouseText}  settings aspect: ‸`);
    assert.deepEqual(values, ['16:9', '9:16']);
  });
});
