import assert from 'node:assert/strict';
import type * as BoundedDiffModule from '../../client/out/preview/boundedDiff';
import { analyze } from '../../server/out/core/analyze';
import { applyEdits } from '../../server/out/core/text';
import { boundedDiff, byLinesNote, fineWordLimit, wholeNote } from '../../client/out/preview/boundedDiff';

type Change = BoundedDiffModule.Change;

// Work that must grow with the text, not with the text times something else. Budgets are counted in
// operations (characters scanned, words diffed), never in time.

/**
 * Counts the characters `includes` and `indexOf` scan on strings at least `minLength` long while
 * `run` runs: from the position they start at to the match (or the end), as the search reads them.
 */
function charactersSearched(minLength: number, run: () => void): number {
  const prototype = String.prototype as { includes: (...args: unknown[]) => boolean; indexOf: (...args: unknown[]) => number };
  const { includes, indexOf } = prototype;
  let scanned = 0;
  const count = (text: string, args: unknown[]) => {
    if (text.length < minLength) return;
    const from = Math.max(0, Number(args[1] ?? 0) || 0);
    const found = indexOf.apply(text, args) as number;
    scanned += (found >= 0 ? found + String(args[0]).length : text.length) - from;
  };
  prototype.includes = function (this: string, ...args: unknown[]) {
    count(this, args);
    return includes.apply(this, args);
  };
  prototype.indexOf = function (this: string, ...args: unknown[]) {
    count(this, args);
    return indexOf.apply(this, args);
  };
  try {
    run();
  } finally {
    prototype.includes = includes;
    prototype.indexOf = indexOf;
  }
  return scanned;
}

function bareBeats(count: number): string {
  let text = 'scene 01 "Long"\nlogline: A long day passes.\n\nsettings\n  duration: 12s\n\n';
  for (let i = 0; i < count; i++) text += `beat 4s Beat ${i}\n`;
  return text;
}

function sides(changes: Change[]): { before: string; after: string } {
  return {
    before: changes.filter((c) => !c.added).map((c) => c.value).join(''),
    after: changes.filter((c) => !c.removed).map((c) => c.value).join(''),
  };
}

function words(count: number, seed: number): string {
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out.push(`w${state % 997}`);
    if (i % 40 === 39) out.push('\n');
  }
  return out.join(' ');
}

describe('scaling', function () {
  this.timeout(120_000);

  it('building and applying the fixes of 4,000 beats missing their fields does not search the whole text per inserted line', () => {
    const text = bareBeats(4000);
    let fixed = '';
    const scanned = charactersSearched(text.length / 2, () => {
      const edits = analyze(text).diagnostics.flatMap((d) => d.fixes.slice(0, 1).flatMap((fix) => fix.edits));
      fixed = applyEdits(text, edits);
    });
    assert.ok(fixed.length > text.length, 'the fixes inserted lines');
    // Each inserted line used to search the whole text for a CRLF: thousands of times its length.
    assert.ok(scanned <= 20 * text.length, `searched ${scanned} characters of a ${text.length}-character text`);
  });

  it('diffs a small change in a 32,000-word prompt word by word', () => {
    const before = words(32_000, 1);
    const after = before.replace(/w(\d+) w(\d+)/, 'CHANGED');
    const { changes, note } = boundedDiff(before, after);
    assert.equal(note, undefined);
    assert.deepEqual(sides(changes), { before, after });
    assert.deepEqual(changes.filter((c) => c.added).map((c) => c.value), ['CHANGED']);
  });

  it('bounds the diff of two 32,000-word prompts that differ throughout, and says so', () => {
    const before = words(32_000, 1);
    const after = words(32_000, 2);
    let fineWords = 0;
    const { changes, note } = boundedDiff(before, after, (a, b) => {
      fineWords += a.split(/\s+/).length + b.split(/\s+/).length;
      return undefined;
    });
    assert.ok(fineWords <= fineWordLimit + 2, `the word diff was given ${fineWords} words`);
    assert.ok(note === byLinesNote || note === wholeNote, String(note));
    assert.deepEqual(sides(changes), { before, after });
  });

  it('falls back to lines when the word diff gives up, and keeps both texts whole', () => {
    const before = 'one two three\nfour five six\nseven';
    const after = 'one two THREE\nfour five six\nEIGHT';
    const { changes, note } = boundedDiff(before, after, () => undefined);
    assert.equal(note, byLinesNote);
    assert.deepEqual(sides(changes), { before, after });
    assert.ok(changes.some((c) => !c.added && !c.removed && c.value.includes('four five six')));
  });

  it('never splits a word, an emoji or a line break at the cut', () => {
    for (const [before, after] of [
      ['say 😀 hi', 'say 😃 hi'],
      ['abc', 'abc def'],
      ['abc def', 'def'],
      ['a\r\nb', 'a\nb'],
      ['same', 'same'],
      ['', 'new'],
    ]) {
      const { changes } = boundedDiff(before, after);
      assert.deepEqual(sides(changes), { before, after }, `${before} → ${after}`);
      for (const change of changes) assert.ok(!/^[\udc00-\udfff]/.test(change.value), `${JSON.stringify(change.value)} starts inside a pair`);
    }
  });
});
