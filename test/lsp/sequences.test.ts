import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/paths';
import { Harness, positionOf } from './harness';
import { applyEdits } from '../../server/out/core/text';

// Sequences through the protocol: the workspace index (a sequence or a scene added, changed,
// renamed, deleted), scenes checked with what they inherit, and the cast renamed across files.
// The workspace is the three-scene example, examples/06-sequence.

const exampleDir = path.join(repoRoot, 'examples/06-sequence');
const example = Object.fromEntries(fs.readdirSync(exampleDir).map((name) => [`film/${name}`, fs.readFileSync(path.join(exampleDir, name), 'utf8')]));

const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((d) => d.code);
const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });
const WATCH = { created: 1, changed: 2, deleted: 3 };

describe('language server: sequences', function () {
  let server: Harness;

  beforeEach(async () => {
    server = await Harness.start({ examples: false, files: example });
  });
  afterEach(async () => {
    await server.stop();
  });

  async function watched(...changes: [relative: string, type: number][]): Promise<void> {
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([relative, type]) => ({ uri: server.uri(relative), type })) });
  }

  it('checks a scene with the sequence\'s cast and style: clean, and an orange raincoat against the yellow one is identity-drift', async () => {
    const clean = await server.open('film/scene01.sora');
    assert.deepEqual(await server.diagnostics(clean, { version: 1 }), []);
    const text = server.text(clean).replace('pushes the heavy door open against the wind', 'pushes the door open in an orange raincoat');
    const version = await server.replaceText(clean, text);
    const drift = await server.diagnostics(clean, { version });
    assert.deepEqual(codes(drift), ['identity-drift']);
    assert.equal(drift[0].range.start.line, positionOf(text, 'orange raincoat').line);
  });

  it('re-checks the scenes when the open sequence is edited: anchors changed there reach every scene', async () => {
    const scene = await server.open('film/scene03.sora', example['film/scene03.sora'].replace('hands on the cold iron', 'in her yellow raincoat'));
    assert.deepEqual(await server.diagnostics(scene, { version: 1 }), []);
    const film = await server.open('film/film.sora');
    await server.diagnostics(film, { version: 1 });
    const mark = server.mark;
    await server.replaceText(film, server.text(film).replace('yellow raincoat', 'red raincoat'));
    const after = await server.diagnostics(scene, { after: mark, accept: (p) => p.diagnostics.length > 0 });
    assert.deepEqual(codes(after), ['identity-drift']);
  });

  it('a closed scene follows the index: dropped from scenes:, it stands alone; listed again, it inherits', async () => {
    const filmFile = server.file('film/film.sora');
    const sceneUri = server.uri('film/scene01.sora');
    fs.writeFileSync(filmFile, example['film/film.sora'].replace('scene01.sora, ', ''));
    let mark = server.mark;
    await watched(['film/film.sora', WATCH.changed]);
    const alone = await server.diagnostics(sceneUri, { after: mark });
    assert.ok(codes(alone).includes('character-unknown'), JSON.stringify(codes(alone)));
    fs.writeFileSync(filmFile, example['film/film.sora']);
    mark = server.mark;
    await watched(['film/film.sora', WATCH.changed]);
    assert.deepEqual(await server.diagnostics(sceneUri, { after: mark }), []);
  });

  it('a scene deleted is sequence-scene-missing in the sequence; created again, the problem goes', async () => {
    const filmUri = server.uri('film/film.sora');
    const sceneFile = server.file('film/scene02.sora');
    fs.rmSync(sceneFile);
    let mark = server.mark;
    await watched(['film/scene02.sora', WATCH.deleted]);
    const missing = await server.diagnostics(filmUri, { after: mark });
    assert.deepEqual(codes(missing), ['sequence-scene-missing']);
    fs.writeFileSync(sceneFile, example['film/scene02.sora']);
    mark = server.mark;
    await watched(['film/scene02.sora', WATCH.created]);
    assert.deepEqual(await server.diagnostics(filmUri, { after: mark }), []);
  });

  it('a renamed sequence (deleted, then created under a new name) keeps its scenes inheriting', async () => {
    const sceneUri = server.uri('film/scene03.sora');
    fs.renameSync(server.file('film/film.sora'), server.file('film/movie.sora'));
    const mark = server.mark;
    await watched(['film/film.sora', WATCH.deleted], ['film/movie.sora', WATCH.created]);
    // Deleted first, the scene stands alone for a moment; then the new name lists it again.
    const settled = await server.diagnostics(sceneUri, { after: mark, accept: (p) => p.diagnostics.length === 0 });
    assert.deepEqual(settled, []);
    const scene = await server.open('film/scene03.sora');
    assert.deepEqual(await server.diagnostics(scene, { version: 1 }), []);
  });

  it('a new sequence created on disk makes a scene that stood alone inherit', async () => {
    const scene = await server.open('film/solo.sora', example['film/scene01.sora']);
    assert.ok(codes(await server.diagnostics(scene, { version: 1 })).includes('character-unknown'));
    fs.writeFileSync(server.file('film/second.sora'), example['film/film.sora'].replace('scene01.sora, scene02.sora, scene03.sora', 'solo.sora'));
    const mark = server.mark;
    await watched(['film/second.sora', WATCH.created]);
    assert.deepEqual(await server.diagnostics(scene, { after: mark }), []);
  });

  it('renames a character of the sequence in the sequence and in every scene that names it, in one WorkspaceEdit', async () => {
    const film = await server.open('film/film.sora');
    const text = server.text(film);
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(film, positionOf(text, 'character Mara', 0, 11)), newName: 'Ines' });
    const changes = edit.changes ?? {};
    const files = Object.keys(changes).map((uri) => path.basename(new URL(uri).pathname)).sort();
    assert.deepEqual(files, ['film.sora', 'scene01.sora', 'scene02.sora', 'scene03.sora']);
    for (const [uri, edits] of Object.entries(changes)) {
      const name = path.basename(new URL(uri).pathname);
      // As in one file, a rename reaches declarations, subjects, say lines and overrides, not free prose such as a logline.
      const renamed = applyEdits(example[`film/${name}`], edits).replace(/^logline:.*$/m, '');
      assert.ok(!/\bMara\b/.test(renamed), `${name} still names Mara:\n${renamed}`);
      assert.ok(/\bInes\b/.test(renamed), name);
    }
    // From a scene's say line, the same edit.
    const scene = await server.open('film/scene02.sora');
    const fromScene = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(scene, positionOf(server.text(scene), 'say Mara', 0, 5)), newName: 'Ines' });
    assert.equal(Object.keys(fromScene.changes ?? {}).length, 4);
  });

  it('indexes a sequence when it is opened, though no watcher told of its files (a folder copied in at once)', async () => {
    fs.mkdirSync(server.file('copy'));
    for (const name of ['film.sora', 'scene01.sora', 'scene02.sora', 'scene03.sora']) fs.writeFileSync(server.file(`copy/${name}`), example[`film/${name}`]);
    const film = await server.open('copy/film.sora');
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(film, positionOf(server.text(film), 'character Mara', 0, 11)), newName: 'Ines' });
    const files = Object.keys(edit.changes ?? {}).map((uri) => path.relative(server.file(''), new URL(uri).pathname)).sort();
    assert.deepEqual(files, ['copy/film.sora', 'copy/scene01.sora', 'copy/scene02.sora', 'copy/scene03.sora']);
  });

  it('goes from a scene\'s character to its definition in the sequence, and lists references in every file', async () => {
    const scene = await server.open('film/scene02.sora');
    const onSay = positionOf(server.text(scene), 'say Mara', 0, 5);
    const definition = await server.request<Location[]>('textDocument/definition', at(scene, onSay));
    assert.equal(definition.length, 1);
    assert.equal(path.basename(new URL(definition[0].uri).pathname), 'film.sora');
    assert.equal(definition[0].range.start.line, positionOf(example['film/film.sora'], 'character Mara').line);
    const references = await server.request<Location[]>('textDocument/references', { ...at(scene, onSay), context: { includeDeclaration: false } });
    const perFile = new Map<string, number>();
    for (const reference of references) perFile.set(path.basename(new URL(reference.uri).pathname), (perFile.get(path.basename(new URL(reference.uri).pathname)) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perFile), { 'scene01.sora': 3, 'scene02.sora': 3, 'scene03.sora': 1 });
  });

  it('hovers a scenes: entry with its place in the film, its span and its best take', async () => {
    const film = await server.open('film/film.sora');
    const hover = await server.request<Hover>('textDocument/hover', at(film, positionOf(server.text(film), 'scene02.sora', 0, 3)));
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Scene 2 of 3/);
    assert.match(value, /"The Match"/);
    assert.match(value, /0:12–0:24 of the film/);
    assert.match(value, /Best take: take02, 20\/25/);
  });

  it('compiles a scene as the merged scene, telling apart the spans that come from the sequence', async () => {
    const scene = await server.open('film/scene01.sora');
    const result = await server.request<{ prompt: string; inheritedFrom: string | null; inheritedSpans: { start: number; end: number }[]; sourceMap: { source: { start: { line: number } } }[] }>('sora/compile', { uri: scene });
    assert.match(result.prompt, /teal and amber/);
    assert.match(result.prompt, /yellow raincoat/);
    assert.equal(path.basename(result.inheritedFrom ?? ''), 'film.sora');
    const inherited = result.inheritedSpans.map(({ start, end }) => result.prompt.slice(start, end));
    assert.ok(inherited.includes('teal and amber'), JSON.stringify(inherited));
    assert.ok(!inherited.some((text) => text.includes('pushes the heavy door')), 'the scene\'s own action is its own');
    const sceneLines = server.text(scene).split('\n').length;
    assert.ok(result.sourceMap.length > 0 && result.sourceMap.every((entry) => entry.source.start.line < sceneLines));
  });

  it('completes scenes: with the scene files beside the sequence that it does not list yet', async () => {
    fs.writeFileSync(server.file('film/scene04.sora'), example['film/scene01.sora'].replace('scene 01', 'scene 04'));
    const text = example['film/film.sora'].replace('scene03.sora', 'scene03.sora, ');
    const film = await server.open('film/film.sora', text);
    const position = positionOf(text, 'scene03.sora, ', 0, 'scene03.sora, '.length);
    const answer = await server.request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', at(film, position));
    const items = Array.isArray(answer) ? answer : answer.items;
    assert.deepEqual(items.map((i) => i.label), ['scene04.sora']);
  });

  it('answers the board: cards in film order with best takes; a new order becomes one scenes: line', async () => {
    const twoLines = example['film/film.sora'].replace('scene01.sora, scene02.sora, scene03.sora', 'scene01.sora, scene02.sora\n  scenes: scene03.sora');
    const film = await server.open('film/film.sora', twoLines);
    const scene = await server.open('film/scene02.sora');
    const board = await server.request<{ title: string; seconds: number; cards: { entry: string; start: number; best: { id: string; total: number } | null; logline: string | null }[] }>('sora/sequenceBoard', { uri: scene });
    assert.equal(board.title, 'The Last Light');
    assert.equal(board.seconds, 36);
    assert.deepEqual(board.cards.map((c) => [c.entry, c.start, c.best?.id ?? null]), [['scene01.sora', 0, null], ['scene02.sora', 12, 'take02'], ['scene03.sora', 24, null]]);
    const edits = await server.request<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>('sora/reorderScenes', { uri: film, order: ['scene03.sora', 'scene01.sora', 'scene02.sora'] });
    const reordered = applyEdits(twoLines, edits);
    assert.match(reordered, /^ {2}scenes: scene03\.sora, scene01\.sora, scene02\.sora\n\nsettings/m);
    assert.equal(reordered.match(/scenes:/g)?.length, 1);
    const stale = await server.request('sora/reorderScenes', { uri: film, order: ['scene01.sora'] }).then(() => 'resolved', (error: Error) => error.message);
    assert.match(stale, /out of date/);
  });

  it('gives each card its spend and where its best take\'s video is, refusing a path out of the workspace; the film\'s spend adds them up', async () => {
    const log = JSON.parse(example['film/scene02.takes.json']);
    log.takes[0].cost = { usd: 1.2, perSecond: 0.1, asOf: '2026-11-01', source: 'profile' };
    log.takes[1].cost = { usd: 2.4, perSecond: 0.2, asOf: '2026-11-01', source: 'profile' };
    fs.writeFileSync(server.file('film/scene02.takes.json'), JSON.stringify(log));
    const three = { ...log, storyboard: 'scene03.sora', takes: [{ ...log.takes[0], file: '../../outside.mp4', cost: undefined }] };
    fs.writeFileSync(server.file('film/scene03.takes.json'), JSON.stringify(three));
    await watched(['film/scene02.takes.json', WATCH.changed], ['film/scene03.takes.json', WATCH.created]);
    type Card = { entry: string; spend: { usd: number; priced: number; unpriced: number } | null; best: { id: string; file: string; video: string | null; videoProblem: string | null } | null };
    const board = await server.request<{ spend: { usd: number; priced: number; unpriced: number }; cards: Card[] }>('sora/sequenceBoard', { uri: server.uri('film/film.sora') });
    assert.deepEqual(board.cards.map((c) => c.spend), [null, { usd: 3.6, priced: 2, unpriced: 0 }, { usd: 0, priced: 0, unpriced: 1 }]);
    assert.deepEqual(board.spend, { usd: 3.6, priced: 2, unpriced: 1 });
    assert.deepEqual(board.cards[1].best, { id: 'take02', total: 20, file: 'takes/scene02_take02.mp4', video: server.uri('film/takes/scene02_take02.mp4'), videoProblem: null });
    assert.deepEqual(board.cards[2].best, { id: 'take01', total: 16, file: '../../outside.mp4', video: null, videoProblem: 'outside' });
  });

  it('lists a Fountain screenplay\'s scenes and imports one beside it, refusing malformed input', async () => {
    fs.mkdirSync(server.file('script'));
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/fountain/earnest.fountain'), server.file('script/earnest.fountain'));
    const listing = await server.request<{ title: string; scenes: { number: number; heading: string }[] }>('sora/fountainScenes', { uri: server.uri('script/earnest.fountain') });
    assert.equal(listing.title, 'The Importance of Being Earnest');
    assert.deepEqual(listing.scenes.map((s) => s.number), [1, 2]);
    const result = await server.request<{ written: string[] }>('sora/importFountain', { uri: server.uri('script/earnest.fountain'), scene: 2 });
    assert.deepEqual(result.written.map((uri) => path.basename(new URL(uri).pathname)), ['scene02.sora']);
    const again = await server.request('sora/importFountain', { uri: server.uri('script/earnest.fountain'), scene: 2 }).then(() => 'resolved', (error: Error) => error.message);
    assert.match(again, /not overwriting.*Nothing was written\./);
    fs.writeFileSync(server.file('script/notes.fountain'), 'no headings, just notes\n');
    const bad = await server.request('sora/fountainScenes', { uri: server.uri('script/notes.fountain') }).then(() => 'resolved', (error: Error) => error.message);
    assert.match(bad, /no scene heading/);
  });

  it('completes say with the sequence\'s cast in a scene that declares none', async () => {
    const text = `${example['film/scene03.sora']}  say `;
    const scene = await server.open('film/scene03.sora', text);
    const lines = text.split('\n');
    const items = await server.request<{ label: string }[]>('textDocument/completion', at(scene, { line: lines.length - 1, character: lines[lines.length - 1].length }));
    assert.deepEqual(items.map((i) => i.label), ['Mara']);
  });

  it('outlines a sequence: its scenes in film order', async () => {
    const film = await server.open('film/film.sora');
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: film } });
    const sequence = symbols.find((s) => s.name === 'sequence');
    assert.ok(sequence, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(sequence.detail, 'The Last Light');
    assert.deepEqual(sequence.children?.map((c) => c.name), ['scene01.sora', 'scene02.sora', 'scene03.sora']);
  });
});
