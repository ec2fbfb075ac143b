import assert from 'node:assert/strict';
import { analyze, type AnalyzeOptions } from '../../../server/out/core/analyze';
import type { Diagnostic } from '../../../server/out/core/diagnostics';
import type { Range } from '../../../server/out/core/ast';
import { applyEdits } from '../../../server/out/core/text';

// Shared by the rule tests: a clean storyboard to mutate, exact ranges by search, and fix checks.

/** A storyboard that yields no diagnostic at all (the rules' cases start from it too); every trigger is a small change to it. */
export { clean } from '../../../server/out/core/rules/cases';

/** `clean` with replacements applied; each `from` must occur (the first occurrence is replaced). */
export function edit(text: string, ...changes: [from: string, to: string][]): string {
  let result = text;
  for (const [from, to] of changes) {
    assert.ok(result.includes(from), `test setup: "${from}" not found`);
    result = result.replace(from, to);
  }
  return result;
}

/** The range of the `nth` occurrence (0-based) of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `test setup: occurrence ${nth} of "${needle}" not found`);
  }
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  assert.ok(!needle.includes('\n'), 'rangeOf takes a one-line needle');
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** The whole content of the line holding `needle` (from its first non-blank character). */
export function lineRangeOf(text: string, needle: string, nth = 0): Range {
  const found = rangeOf(text, needle, nth);
  const lineText = text.split('\n')[found.start.line];
  const start = lineText.length - lineText.trimStart().length;
  return { start: { line: found.start.line, character: start }, end: { line: found.start.line, character: lineText.trimEnd().length } };
}

export function diagnostics(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  return analyze(text, options).diagnostics;
}

export function ofCode(text: string, code: string, options: AnalyzeOptions = {}): Diagnostic[] {
  return diagnostics(text, options).filter((d) => d.code === code);
}

export function describeAll(list: Diagnostic[]): string {
  return list.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

/** Exactly one diagnostic of `code`, with that severity and range. */
export function expectOne(text: string, code: string, severity: Diagnostic['severity'], range: Range, options: AnalyzeOptions = {}): Diagnostic {
  const found = ofCode(text, code, options);
  assert.equal(found.length, 1, `expected one ${code}, got:\n${describeAll(diagnostics(text, options))}`);
  assert.equal(found[0].severity, severity);
  assert.deepEqual(found[0].range, range);
  assert.ok(found[0].message.length > 20, 'a message says what is wrong and what to do');
  return found[0];
}

export function expectNone(text: string, code: string, options: AnalyzeOptions = {}): void {
  const found = ofCode(text, code, options);
  assert.equal(found.length, 0, `expected no ${code}, got:\n${describeAll(found)}`);
}

function errorCounts(list: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of list) if (d.severity === 'error') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

/**
 * Applies every fix of every `code` diagnostic in `text`, one at a time, re-analyzes, and checks
 * that the fix removes (or moves on) a diagnostic of that code and adds no new error. Returns how many fixes ran.
 */
export function checkFixes(text: string, code: string, options: AnalyzeOptions = {}): number {
  const before = diagnostics(text, options);
  const mine = before.filter((d) => d.code === code);
  const errorsBefore = errorCounts(before);
  let ran = 0;
  for (const diagnostic of mine) {
    for (const fix of diagnostic.fixes) {
      assert.ok(fix.edits.length > 0, `fix "${fix.title}" has edits`);
      const fixed = applyEdits(text, fix.edits);
      const after = diagnostics(fixed, options);
      const remaining = after.filter((d) => d.code === code);
      // A fix that leaves the writer a step to finish (consent recorded as pending, five beats merged
      // to four of six) must at least move that diagnostic on: a different message.
      const moved = remaining.length < mine.length || !remaining.some((d) => d.message === diagnostic.message);
      assert.ok(moved, `"${fix.title}" should remove or move on a ${code} diagnostic; after it:\n${fixed}\n${describeAll(after)}`);
      for (const [errorCode, count] of errorCounts(after)) {
        assert.ok(count <= (errorsBefore.get(errorCode) ?? 0), `"${fix.title}" added a ${errorCode} error:\n${fixed}\n${describeAll(after)}`);
      }
      ran++;
    }
  }
  return ran;
}

export function applyFix(text: string, diagnostic: Diagnostic, index = 0): string {
  return applyEdits(text, diagnostic.fixes[index].edits);
}

/** Part of a one-line range: `length` characters from `offset`. */
export function sub(range: Range, offset: number, length: number): Range {
  const { line, character } = range.start;
  return { start: { line, character: character + offset }, end: { line, character: character + offset + length } };
}
