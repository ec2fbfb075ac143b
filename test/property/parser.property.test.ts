import assert from 'node:assert/strict';
import fc from 'fast-check';
import type * as AstModule from '../../server/out/core/ast';
import { readExample } from '../helpers/paths';
import { parseStoryboard } from '../../server/out/core/parse';
import { analyze } from '../../server/out/core/analyze';
import { compile } from '../../server/out/core/compile';
import { parseTakeLog } from '../../server/out/core/takes';

// Properties of the core on any text at all: it never throws, every range it hands out lies inside
// the document, compiling is deterministic, and a bad line costs at most one `syntax` error.

type Range = AstModule.Range;

const parsedLog = parseTakeLog(readExample('lighthouseTakes'));
assert.ok(parsedLog.ok);
const takeLog = parsedLog.log;

const examples = [readExample('lighthouse'), readExample('rooftop'), readExample('problems')];

// ---- arbitraries ---------------------------------------------------------------------------

const keywordTokens = ['scene', 'logline:', 'settings', 'style', 'character', 'reference:', 'beat', 'variant', 'say', 'from', 'SCENE', 'Beat', 'SAY', 'From'];
const otherTokens = [
  'Mara', 'mara', 'Theo', 'main', 'take02', 'take99', 'warmer', '09', '12b', '1', '2', '0', '007',
  '4s', '1.5s', '0s', '0.5S', '99999999999999999999s', '4 s', '.5s', '4s.',
  '@1s', '@', '@x', '@1.5s', '@-1s', '@1s@2s',
  '"Not tonight."', '"', '""', '"unterminated', '"a: b"', "'single'",
  ':', '::', 'camera:', 'anchors:', 'subject:', 'duration:', 'consent:', 'approved 2026-10-02, lines approved', 'revoked',
  '//', '// comment', 'a // b', ',', ', ,', 'close-up, static', 'wide', '16:9', '1080p', 'sora-2',
  '-', '_', '#', '{', '}', '\\', 'é', 'Zoë', '日本', '😀', '\u0000', '\u00a0', '\ufeff', '\u2028', '\f', '\v', '\uD800', '\uDC00',
];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...keywordTokens, ...otherTokens) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const blank = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
const line = fc
  .tuple(blank, fc.array(fc.tuple(token, blank), { maxLength: 7 }))
  .map(([indent, parts]) => indent + parts.map(([t, b]) => t + (b || ' ')).join('').trimEnd());
const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const lineDocument = fc
  .array(fc.tuple(line, newline), { maxLength: 25 })
  .map((lines) => lines.map(([text, eol]) => text + eol).join(''));

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('"', ':', '@', '//', '\r', '\n', '\r\n', ',', '\t')) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    const lines = current.split('\n');
    switch (m.kind) {
      case 'delete':
        lines.splice(m.at % lines.length, 1);
        current = lines.join('\n');
        break;
      case 'duplicate': {
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i]);
        current = lines.join('\n');
        break;
      }
      case 'swap': {
        const i = m.at % lines.length;
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        current = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = m.at % (current.length + 1);
        current = current.slice(0, at) + m.text + current.slice(at);
        break;
      }
      case 'truncate':
        current = current.slice(0, m.at % (current.length + 1));
        break;
    }
  }
  return current;
}

const mutatedExample = fc
  .tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([text, mutations, crlf]) => mutate(crlf ? text.replace(/\n/g, '\r\n') : text, mutations));

// ---- checks --------------------------------------------------------------------------------

function documentLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isRange(value: unknown): value is Range {
  const v = value as Range;
  return !!v && typeof v === 'object' && !!v.start && !!v.end && typeof v.start.line === 'number' && typeof v.end.character === 'number';
}

/** Every range anywhere in a value, with the property path it was found at. */
function collectRanges(value: unknown, at: string, out: [string, Range][], seen = new Set<unknown>()): [string, Range][] {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (isRange(value)) {
    out.push([at, value]);
    return out;
  }
  for (const [key, child] of Object.entries(value)) collectRanges(child, `${at}.${key}`, out, seen);
  return out;
}

function assertRangeInside(lines: string[], at: string, range: Range): void {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${at}.${name} is not integral: ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${at}.${name}.line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${at}.${name}.character ${p.character} outside line ${p.line} of length ${lines[p.line].length}`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${at}: start after end ${JSON.stringify(range)}`);
}

function checkParse(text: string): void {
  const storyboard = parseStoryboard(text);
  const lines = documentLines(text);
  assert.equal(storyboard.lineCount, lines.length, 'lineCount');
  for (const [at, range] of collectRanges(storyboard, 'storyboard', [])) assertRangeInside(lines, at, range);
  const perLine = new Map<number, number>();
  for (const error of storyboard.syntaxErrors) perLine.set(error.range.start.line, (perLine.get(error.range.start.line) ?? 0) + 1);
  for (const [lineNumber, count] of perLine) {
    assert.ok(count <= 1, `${count} syntax errors on line ${lineNumber} (${JSON.stringify(lines[lineNumber])}): ${JSON.stringify(storyboard.syntaxErrors.map((e) => e.message))}`);
  }
}

function checkAnalyzeAndCompile(text: string, withLog: boolean): void {
  const lines = documentLines(text);
  const analysis = analyze(text, { documentPath: '/virtual/scene09.sora', takeLog: withLog ? takeLog : undefined });
  for (const d of analysis.diagnostics) {
    assertRangeInside(lines, `diagnostic ${d.code}`, d.range);
    for (const fix of d.fixes) for (const edit of fix.edits) assertRangeInside(lines, `fix of ${d.code}`, edit.range);
  }
  const syntaxLines = analysis.diagnostics.filter((d) => d.code === 'syntax').map((d) => d.range.start.line);
  assert.equal(new Set(syntaxLines).size, syntaxLines.length, `two syntax diagnostics on one line: ${syntaxLines}`);

  const variants = [undefined, 'main', 'no-such-variant', ...analysis.storyboard.variants.map((v) => v.name?.text)];
  for (const variant of variants) {
    const options = { variant, takeLog: withLog ? takeLog : undefined };
    const first = compile(analysis.storyboard, options);
    const second = compile(parseStoryboard(text), options);
    assert.deepEqual(second, first, `compile is not deterministic for variant ${variant}`);
    assert.equal(typeof first.prompt, 'string');
    for (const entry of first.sourceMap) {
      assert.ok(entry.start >= 0 && entry.start <= entry.end && entry.end <= first.prompt.length, 'source map offsets inside the prompt');
      assertRangeInside(lines, 'source map', entry.source);
    }
    for (const beat of first.beats) assertRangeInside(lines, `shot ${beat.index}`, beat.source);
  }
}

// fast-check prints the shrunk counterexample when a property fails.
const fast = { numRuns: 1500 };

describe('property: the parser never throws and keeps its ranges inside the document', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(120000);
  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkParse), fast);
  });

  it('arbitrary full-unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkParse), fast);
  });

  it('line-structured text built from the language\'s tokens', () => {
    fc.assert(fc.property(lineDocument, checkParse), { numRuns: 2000 });
  });

  it('mutated valid storyboards', () => {
    fc.assert(fc.property(mutatedExample, checkParse), { numRuns: 1500 });
  });

  it('parsing is deterministic', () => {
    fc.assert(fc.property(fc.oneof(lineDocument, mutatedExample), (text) => {
      assert.deepEqual(parseStoryboard(text), parseStoryboard(text));
    }), { numRuns: 300 });
  });
});

describe('property: analyze and compile never throw, ranges stay inside, compile is deterministic', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(120000);
  it('line-structured text, with and without the take log', () => {
    fc.assert(fc.property(lineDocument, fc.boolean(), checkAnalyzeAndCompile), { numRuns: 600 });
  });

  it('mutated valid storyboards, with and without the take log', () => {
    fc.assert(fc.property(mutatedExample, fc.boolean(), checkAnalyzeAndCompile), { numRuns: 400 });
  });

  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.boolean(), checkAnalyzeAndCompile), { numRuns: 300 });
  });

  it('the shared examples themselves', () => {
    for (const text of examples) {
      checkParse(text);
      checkAnalyzeAndCompile(text, true);
      checkAnalyzeAndCompile(text, false);
    }
  });
});
