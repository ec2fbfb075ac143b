import type { Diagnostic, TextEdit } from './diagnostics';
import { applyEdits } from './text';

// Applying quick fixes to a whole file: `sora check --fix` and the editor's "Fix all safe problems"
// share this, so both stop at the same text.

/** The edits of the first safe fix of each diagnostic (one fix per problem, as `--fix` does). */
export function safeFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  return diagnostics.flatMap((d) => d.fixes.filter((fix) => fix.safe).slice(0, 1).flatMap((fix) => fix.edits));
}

/**
 * Applies safe fixes pass after pass (a fix can reveal another) until nothing changes or `maxPasses`
 * is reached. `check` analyses a text and returns its diagnostics; the first pass may reuse ones the
 * caller already has.
 */
export function applySafeFixes(
  text: string,
  check: (text: string) => readonly Diagnostic[],
  options: { first?: readonly Diagnostic[]; maxPasses?: number } = {},
): { text: string; passes: number } {
  let current = text;
  let diagnostics = options.first ?? check(text);
  const maxPasses = options.maxPasses ?? 5;
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const edits = safeFixEdits(diagnostics);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    diagnostics = check(current);
  }
  return { text: current, passes };
}

/** One edit turning `before` into `after`: the changed middle, common prefix and suffix kept. */
export function minimalEdit(before: string, after: string): { start: number; end: number; newText: string } | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a CRLF or a surrogate pair.
  while (prefix > 0 && (isLowSurrogate(before.charCodeAt(prefix)) || (before.charCodeAt(prefix) === 10 && before.charCodeAt(prefix - 1) === 13))) prefix--;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  while (suffix > 0 && (isLowSurrogate(before.charCodeAt(before.length - suffix)) || (before.charCodeAt(before.length - suffix) === 10 && before.charCodeAt(before.length - suffix - 1) === 13))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
