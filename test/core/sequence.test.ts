import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { analyze } from '../../server/out/core/analyze';
import { compile } from '../../server/out/core/compile';
import { parseStoryboard } from '../../server/out/core/parse';
import { inheritFromSequence, sequenceOf } from '../../server/out/core/sequence';
import { applyEdits } from '../../server/out/core/text';
import { clean, describeAll, edit, rangeOf } from './rules/harness';
import { cleanSequence, filmFolder, inSequence, scenePath, sequencePath } from './rules/sequenceFixtures';

// Inheritance: a scene of a sequence is checked and compiled as the merged scene, and what is wrong
// in the sequence is said once, in the sequence.

/** `clean` without what the sequence locks: its settings but duration and audio, no style, no cast. */
const lean = edit(
  clean,
  ['  aspect: 16:9\n', ''],
  ['  resolution: 1080p\n', ''],
  ['style\n  palette: grey and ochre\n  lighting: misty morning, consistent lighting\n  look: 35mm, soft\n\n', ''],
  ['character Ivo\n  anchors: grey beard, orange oilskin coat, knitted cap\n\n', ''],
);

describe('sequences: inheritance', () => {
  it('merges the sequence into the scene, keeping the scene\'s own fields and sections, each value with its file and range', () => {
    const scene = parseStoryboard(lean);
    const sequence = { path: sequencePath, storyboard: parseStoryboard(cleanSequence) };
    const merged = inheritFromSequence(scene, sequence);
    assert.equal(merged.inheritsFrom, sequencePath);
    assert.deepEqual(merged.settings?.fields.map((f) => [f.key, f.value.text, f.origin]), [
      ['duration', '12s', undefined],
      ['audio', 'voice, ambience', undefined],
      ['aspect', '16:9', sequencePath],
      ['resolution', '1080p', sequencePath],
    ]);
    assert.equal(merged.style?.origin, sequencePath);
    assert.deepEqual(merged.style?.fields[0].value.range, rangeOf(cleanSequence, 'grey and ochre'));
    assert.deepEqual(merged.characters.map((c) => [c.name?.text, c.origin]), [['Ivo', sequencePath]]);
    assert.deepEqual(merged.characters[0].name?.range, rangeOf(cleanSequence, 'Ivo'));
    assert.equal(merged.sections, scene.sections, 'the sections stay the scene\'s own');
    assert.equal(scene.characters.length, 0, 'the scene itself is not changed');
  });

  it('keeps a character the scene defines itself instead of the sequence\'s', () => {
    const scene = parseStoryboard(clean);
    const merged = inheritFromSequence(scene, { path: sequencePath, storyboard: parseStoryboard(cleanSequence) });
    assert.deepEqual(merged.characters.map((c) => c.origin), [undefined]);
  });

  it('a scene that leaves its settings, style and cast to the sequence is clean in it, and not on its own', () => {
    assert.equal(describeAll(analyze(lean, inSequence()).diagnostics), '');
    const alone = new Set(analyze(lean, { documentPath: scenePath }).diagnostics.map((d) => d.code));
    for (const code of ['style-missing', 'character-unknown']) assert.ok(alone.has(code), code);
  });

  it('identity-drift sees the sequence\'s anchors: an orange raincoat against the sequence\'s yellow one', () => {
    const film = edit(cleanSequence, ['orange oilskin coat', 'yellow raincoat']);
    const scene = edit(lean, ['pulls the net across his knees', 'pulls the net across his knees in an orange raincoat']);
    const drift = analyze(scene, inSequence(film)).diagnostics.filter((d) => d.code === 'identity-drift');
    assert.equal(drift.length, 1, describeAll(drift));
    assert.deepEqual(drift[0].range, rangeOf(scene, 'orange raincoat'));
    assert.match(drift[0].message, /yellow raincoat/);
    // The fix that would change the anchor edits the sequence, not this file: it is not offered here.
    assert.deepEqual(drift[0].fixes.map((f) => f.title), ['Use the anchor\'s words: "yellow raincoat"']);
    assert.equal(analyze(scene, { documentPath: scenePath }).diagnostics.filter((d) => d.code === 'identity-drift').length, 0);
  });

  it('lighting-drift sees the sequence\'s lighting', () => {
    const scene = edit(lean, ['setting: wooden pier, fog over the water', 'setting: wooden pier at sunset']);
    assert.deepEqual(analyze(scene, inSequence()).diagnostics.filter((d) => d.code === 'lighting-drift').map((d) => d.range), [rangeOf(scene, 'sunset')]);
  });

  it('reports a problem of the sequence in the sequence only, never at the scene\'s lines', () => {
    const film = edit(cleanSequence, ['grey beard, orange oilskin coat, knitted cap', 'grey beard']);
    const inScene = analyze(lean, inSequence(film)).diagnostics;
    assert.equal(describeAll(inScene), '');
    const own = analyze(film, { documentPath: sequencePath, files: filmFolder }).diagnostics;
    assert.deepEqual(own.map((d) => d.code), ['anchor-count']);
    assert.deepEqual(own[0].range.start.line, rangeOf(film, 'grey beard').start.line);
  });

  it('checks a sequence file for what applies to it: the clean sequence has no diagnostic, a bad aspect one', () => {
    assert.equal(describeAll(analyze(cleanSequence, { documentPath: sequencePath, files: filmFolder }).diagnostics), '');
    const bad = edit(cleanSequence, ['aspect: 16:9', 'aspect: 4:3']);
    assert.deepEqual(analyze(bad, { documentPath: sequencePath }).diagnostics.map((d) => d.code), ['aspect']);
  });

  it('a scene listed by two sequences is reported by the one whose path sorts later', () => {
    const listing = (path: string) => ({ path, scenes: ['/film/scene05.sora', '/film/scene06.sora'] });
    const later = analyze(cleanSequence, { documentPath: '/film/z.sora', otherSequences: [listing('/film/a.sora')] }).diagnostics;
    assert.deepEqual(later.map((d) => [d.code, d.range]), [
      ['sequence-duplicate', rangeOf(cleanSequence, 'scene05.sora')],
      ['sequence-duplicate', rangeOf(cleanSequence, 'scene06.sora')],
    ]);
    assert.match(later[0].message, /a\.sora/);
    assert.deepEqual(analyze(cleanSequence, { documentPath: '/film/a.sora', otherSequences: [listing('/film/z.sora')] }).diagnostics, []);
  });

  it('removing a duplicate keeps the rest of its scenes: line', () => {
    const text = edit(cleanSequence, ['scene05.sora, scene06.sora', 'scene05.sora, scene06.sora, scene05.sora, scene07.sora']);
    const [duplicate] = analyze(text, { documentPath: sequencePath }).diagnostics.filter((d) => d.code === 'sequence-duplicate');
    assert.match(applyEdits(text, duplicate.fixes[0].edits), /scenes: scene05\.sora, scene06\.sora, scene07\.sora\n/);
  });

  it('offers the nearest scene not already in the film, and none when nothing is near', () => {
    const text = edit(cleanSequence, ['scene05.sora, scene06.sora', 'scene05.sora, scene6.sora, zzz.sora']);
    const missing = analyze(text, { documentPath: sequencePath, files: filmFolder }).diagnostics.filter((d) => d.code === 'sequence-scene-missing');
    assert.deepEqual(missing.map((d) => d.fixes.map((f) => applyEdits(text, f.edits).split('\n')[1])), [['  scenes: scene05.sora, scene06.sora, zzz.sora'], []]);
  });

  it('moving a style into the sequence edits both files', () => {
    const scene = edit(clean, ['palette: grey and ochre', 'palette: neon pink']);
    const [style] = analyze(scene, inSequence()).diagnostics.filter((d) => d.code === 'continuity-style');
    const move = style.fixes[1];
    assert.equal(move.otherFiles?.[0].path, sequencePath);
    assert.match(applyEdits(cleanSequence, move.otherFiles![0].edits), /^ {2}palette: neon pink$/m);
    assert.doesNotMatch(applyEdits(scene, move.edits), /palette/);
  });

  it('compiles the merged scene: the sequence\'s style and cast reach the prompt', () => {
    const analysis = analyze(lean, inSequence());
    assert.ok(analysis.merged);
    const prompt = compile(analysis.merged).prompt;
    assert.match(prompt, /grey and ochre/);
    assert.match(prompt, /orange oilskin coat/);
    assert.doesNotMatch(compile(analysis.storyboard).prompt, /grey and ochre/);
  });

  it('finds the sequence that lists a scene, and the scene\'s place in it', () => {
    const sequence = { path: sequencePath, storyboard: parseStoryboard(cleanSequence) };
    assert.deepEqual(sequenceOf('/film/scene06.sora', [sequence])?.index, 1);
    assert.equal(sequenceOf('/film/scene06.sora', [sequence])?.count, 2);
    assert.equal(sequenceOf('/elsewhere/scene06.sora', [sequence]), undefined);
  });
});
