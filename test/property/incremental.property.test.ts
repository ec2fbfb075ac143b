import assert from 'node:assert/strict';
import fc from 'fast-check';
import type * as AnalyzeModule from '../../server/out/core/analyze';
import { generateStoryboard } from '../bench/generate';
import { readExample } from '../helpers/paths';
import { analyze } from '../../server/out/core/analyze';
import { IncrementalAnalyzer, splitLines } from '../../server/out/core/incremental';
import { compile } from '../../server/out/core/compile';
import { resolveConfig } from '../../server/out/core/config';
import { parseLines, parseStoryboard, storyboardFromLines } from '../../server/out/core/parse';
import { parseTakeLog } from '../../server/out/core/takes';

// The incremental analysis equals the from-scratch one: random edits (characters and whole lines,
// in beats, headers, settings, style, cast and variants; unicode, CRLF and lone CR included) are
// applied one after another to one document, and after each the incremental analyzer and
// `analyze()` must give the same diagnostics (code, severity, message, range, fixes), the same
// tree (every range in it) and the same compiled prompt; and the tree equals the one built with
// every line lexed (the parser reads plain field lines directly).

const parsedLog = parseTakeLog(readExample('lighthouseTakes'));
assert.ok(parsedLog.ok);
const takeLog = parsedLog.log;

const sequenceText = [
  'sequence "The Long Night"',
  'scenes: scene09.sora',
  '',
  'settings',
  '  aspect: 16:9',
  '  model: veo-3.1',
  '',
  'style',
  '  lighting: stormy dusk, consistent lighting',
  '',
  'character Mara',
  '  anchors: silver braid, yellow raincoat, weathered hands',
  '',
].join('\n');
const sequence = { path: '/work/lighthouse/film.sora', storyboard: parseStoryboard(sequenceText) };

const documents = [readExample('lighthouse'), readExample('rooftop'), readExample('problems'), generateStoryboard(6), readExample('lighthouse').replace(/\n/g, '\r\n')];

/** Whole lines of every kind the language has, right and wrong. */
const lines = [
  'scene 09 "The Last Light"', 'scene 12b', 'SCENE', 'sequence "Film"', 'logline: A keeper fights to keep the light burning.', 'logline:',
  'settings', 'style', 'Settings', '  aspect: 9:16', '  aspect: 16:9', '  resolution: 4k', '  duration: 12s', '  duration: 8s', '  audio: voice, music', '  audio: none', '  model: sora-2', '  model: veo-3.1', '  model: kling-2.5',
  '  palette: teal and amber', '  lighting: warm tungsten glow', '  lighting: harsh neon flicker', '  look: 35mm, grainy, dreamy, handheld', '  avoid: text',
  'character Mara', 'character Émile', 'character 小林', '  anchors: silver braid, yellow raincoat', '  anchors: a, b, c, d, e', '  cameo: @mara', '  consent: approved 2026-10-02, lines approved', '  consent: pending',
  'reference: refs/keeper.png', 'reference: clip.mov',
  'beat 4s The climb', 'beat 1s', 'beat 0.5s Flash', 'Beat 12s Long', 'beat 4s', 'beat x',
  '  subject: Mara', '  subject: Mara and Theo', '  subject: <who>', '  action: climbs the stairs', '  action: punches, crashes, explodes', '  setting: lamp room', '  emotion: calm', '  emotion:',
  '  camera: wide, static', '  camera: close-up, wobble', '  camera: zoomish', '  camera:', '  sound: wind', '  music: strings', '  camra: wide',
  '  say Mara @1s "Not tonight."', '  say Mara "No marker here, and a rather long line to speak in one short beat."', '  say Theo @9s "Late."', '  say Mara @x "Bad."', '  say Mara "unterminated',
  'variant warmer from main', 'variant colder from take02', '  style lighting: warm tungsten glow', '  beat 2 camera: close-up, static', '  character Mara anchors: red scarf', '  settings duration: 8s', '  beat 9 action: waits',
  'Scene: x', 'scenes: a.sora, b.sora', 'beats: 3', 'character: x', 'say: hi', 'FROM: x', 'Sequence: y', 'subjecté: x', 'sub:ject: x', '  x1 :  ', '  subject:\u2028x', '\u00a0subject: x', 'subject\u0301: x', 'a-: b', 'ſcene: x', '  camera\t:\tclose-up\u3000', '  _x: y', '  9s: x',
  '// a comment', '// sora-ignore camera-unknown, beat-fields', '// sora-ignore placeholder', '', '   ', '\t', ':', 'stray words here', '  subject: Mara // not a comment',
];
/** Pieces typed into a line. */
const pieces = ['x', 'e', ' ', ':', ',', '"', '@', '@1s', '4s', '.', '-', '<', '>', '<fill>', 'é', 'Zoë', '日本', '😀', '\ud83d', '\u00a0', '\ufeff', '\t', '\n', '\r\n', '\r', 'beat ', 'say ', 'static', 'wide', 'Mara', 'Theo', 'lighting', '//'];

type Edit =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'insertLine'; line: number; text: string; crlf: boolean }
  | { kind: 'deleteLines'; line: number; count: number }
  | { kind: 'replaceLine'; line: number; text: string }
  | { kind: 'moveLine'; line: number; to: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) });
const wholeLine = fc.constantFrom(...lines);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fraction, text: piece }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fraction, length: fc.integer({ min: 1, max: 6 }), text: piece }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertLine' as const), line: fraction, text: wholeLine, crlf: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), line: fraction, count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceLine' as const), line: fraction, text: wholeLine }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('moveLine' as const), line: fraction, to: fraction }) },
);

/** Where each line starts and ends (before its break), as the language splits them. */
function lineSpans(text: string): { start: number; end: number; breakEnd: number }[] {
  const spans: { start: number; end: number; breakEnd: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    const breakEnd = code === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    spans.push({ start, end: i, breakEnd });
    start = breakEnd;
    i = breakEnd - 1;
  }
  spans.push({ start, end: text.length, breakEnd: text.length });
  return spans;
}

function apply(text: string, change: Edit): string {
  const at = (f: number) => Math.floor(f * (text.length + 1));
  const spans = lineSpans(text);
  const lineAt = (f: number) => spans[Math.floor(f * spans.length)];
  switch (change.kind) {
    case 'type':
      return text.slice(0, at(change.at)) + change.text + text.slice(at(change.at));
    case 'delete':
      return text.slice(0, at(change.at)) + text.slice(at(change.at) + change.length);
    case 'replace':
      return text.slice(0, at(change.at)) + change.text + text.slice(at(change.at) + change.length);
    case 'insertLine': {
      const line = lineAt(change.line);
      return text.slice(0, line.start) + change.text + (change.crlf ? '\r\n' : '\n') + text.slice(line.start);
    }
    case 'deleteLines': {
      const first = spans.indexOf(lineAt(change.line));
      const last = spans[Math.min(spans.length - 1, first + change.count - 1)];
      return text.slice(0, spans[first].start) + text.slice(last.breakEnd);
    }
    case 'replaceLine': {
      const line = lineAt(change.line);
      return text.slice(0, line.start) + change.text + text.slice(line.end);
    }
    case 'moveLine': {
      const line = lineAt(change.line);
      const moved = text.slice(line.start, line.breakEnd);
      const rest = text.slice(0, line.start) + text.slice(line.breakEnd);
      const to = Math.floor(change.to * (rest.length + 1));
      return rest.slice(0, to) + moved + rest.slice(to);
    }
  }
}

const optionSets = [
  { documentPath: '/work/lighthouse/scene09.sora' },
  { documentPath: '/work/lighthouse/scene09.sora', takeLog },
  { documentPath: '/work/lighthouse/scene09.sora', config: resolveConfig({ wordsPerSecond: 1, rules: { 'camera-unknown': 'error', 'beat-fields': 'off' } }) },
  { documentPath: '/work/lighthouse/scene09.sora', sequence },
];

function assertSame(text: string, incremental: AnalyzeModule.Analysis, reference: AnalyzeModule.Analysis, step: number): void {
  const where = `after edit ${step}, text ${JSON.stringify(text.length > 3000 ? text.slice(0, 3000) + '…' : text)}`;
  assert.deepStrictEqual(incremental.diagnostics, reference.diagnostics, `diagnostics differ ${where}`);
  assert.deepStrictEqual(incremental.storyboard, reference.storyboard, `trees differ ${where}`);
  assert.deepStrictEqual(incremental.merged, reference.merged, `merged scenes differ ${where}`);
  assert.equal(incremental.lines.lineCount, reference.lines.lineCount, `line counts differ ${where}`);
  // Field and blank lines are read without the lexer: the tree is the one the lexer and parser give.
  const lexed = storyboardFromLines(parseLines(splitLines(text, 0, text.length), { lexerOnly: true }));
  assert.deepStrictEqual(reference.storyboard, lexed, `the tree differs from the lexer's ${where}`);
  const position = { line: Math.floor(reference.lines.lineCount / 2), character: 3 };
  assert.equal(incremental.lines.offsetAt(position), reference.lines.offsetAt(position), `line indexes differ ${where}`);
  const compiledIncremental = compile(incremental.merged ?? incremental.storyboard, { takeLog });
  const compiledReference = compile(reference.merged ?? reference.storyboard, { takeLog });
  assert.equal(compiledIncremental.prompt, compiledReference.prompt, `prompts differ ${where}`);
  assert.deepStrictEqual(compiledIncremental.sourceMap, compiledReference.sourceMap, `source maps differ ${where}`);
}

describe('incremental analysis (property)', function () {
  this.timeout(120000);

  it('equals a from-scratch analysis after every one of thousands of random edits', () => {
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...documents.keys()), fc.constantFrom(...optionSets.keys()), fc.array(edit, { minLength: 20, maxLength: 50 }), fc.array(fc.nat(optionSets.length - 1), { maxLength: 3 }), (documentIndex, optionIndex, changes, switches) => {
        const analyzer = new IncrementalAnalyzer();
        let text = documents[documentIndex];
        let options = optionSets[optionIndex];
        assertSame(text, analyzer.analyze(text, options), analyze(text, options), 0);
        changes.forEach((change, i) => {
          text = apply(text, change);
          // Now and then the settings change between two edits (a new config, a take log appearing).
          if (switches.length && i % 17 === 16) options = optionSets[switches[(i / 17) % switches.length | 0]];
          assertSame(text, analyzer.analyze(text, options), analyze(text, options), i + 1);
          edits++;
        });
      }),
      { numRuns: 70 },
    );
    assert.ok(edits >= 1400, `only ${edits} edits were tried`);
  });
});

describe('incremental analysis (what it redoes)', () => {
  it('lexes again only the lines an edit touched, and judges again only the beat it touched', () => {
    const text = generateStoryboard(200);
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text);
    const middle = text.indexOf('action:', Math.floor(text.length / 2)) + 10;
    const edited = text.slice(0, middle) + 'x' + text.slice(middle);
    const result = analyzer.analyze(edited);
    assert.ok(analyzer.relexed <= 3, `${analyzer.relexed} lines lexed again`);
    assert.ok(analyzer.ruleMisses > 0 && analyzer.ruleMisses <= 20, `${analyzer.ruleMisses} beat judgements redone`);
    assert.deepStrictEqual(result.diagnostics, analyze(edited).diagnostics);
  });

  it('keeps reusing beats when every analysis gets a new files snapshot, as the server gives it', () => {
    const text = generateStoryboard(100);
    const analyzer = new IncrementalAnalyzer();
    const snapshot = () => ({ exists: () => false, realPath: (path: string) => path, list: () => [] });
    const options = () => ({ documentPath: '/work/film/scene01.sora', workspaceRoot: '/work', files: snapshot() });
    analyzer.analyze(text, options());
    const action = text.indexOf('action: ') + 'action: '.length;
    const edited = text.slice(0, action) + 'x' + text.slice(action);
    const result = analyzer.analyze(edited, options());
    assert.ok(analyzer.ruleMisses > 0 && analyzer.ruleMisses <= 20, `${analyzer.ruleMisses} beat judgements redone`);
    assert.deepStrictEqual(result.diagnostics, analyze(edited, options()).diagnostics);
  });

  it('reuses what it found in beats that moved when a line is inserted above them', () => {
    const text = generateStoryboard(100);
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text);
    const firstBeat = text.indexOf('beat ');
    const edited = text.slice(0, firstBeat) + '// a note\n' + text.slice(firstBeat);
    const result = analyzer.analyze(edited);
    // Only the rule whose messages name line numbers judges the moved beats again.
    const lineNamingRules = 1;
    assert.ok(analyzer.ruleMisses <= 100 * lineNamingRules + 20, `${analyzer.ruleMisses} beat judgements redone`);
    assert.deepStrictEqual(result.diagnostics, analyze(edited).diagnostics);
    assert.deepStrictEqual(result.storyboard, analyze(edited).storyboard);
  });
});
