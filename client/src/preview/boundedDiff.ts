// The preview's "Changes from base" diff, bounded: a word diff of two long prompts that differ
// throughout costs the product of their lengths (a 32,000-word prompt took 39 s and then ran out of
// memory). The unchanged start and end are cut off first, so a small change in a long prompt still
// gets the fine diff; a large change is compared by lines, and a huge one is shown whole. Pure, so it
// runs in the webview and in Node tests.
import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

export type Change = ChangeObject<string>;

/** A fine (word or phrase) diff; `undefined` when it gave up past its own edit limit. */
export type FineDiff = (before: string, after: string) => Change[] | undefined;

export interface BoundedDiff {
  changes: Change[];
  /** Why the diff is coarser than word by word, when it is. */
  note?: string;
}

/** The most words (both sides together) the fine diff is given once the common ends are cut. */
export const fineWordLimit = 6000;
/** The most lines (both sides together) the line diff is given. */
export const lineLimit = 6000;
/** The most changes a diff may find before it gives up (jsdiff's `maxEditLength`). */
export const maxEdits = 1500;

export const wordsFine: FineDiff = (before, after) => diffWordsWithSpace(before, after, { maxEditLength: maxEdits });

export const byLinesNote = 'too many changes to compare word by word: compared line by line';
export const wholeNote = 'too many changes to compare: the changed part is shown whole';

export function boundedDiff(before: string, after: string, fine: FineDiff = wordsFine): BoundedDiff {
  const { prefix, suffix } = commonEnds(before, after);
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  const around = (middle: Change[]): Change[] => [
    ...unchanged(before.slice(0, prefix)),
    ...middle,
    ...unchanged(before.slice(before.length - suffix)),
  ];
  if (!oldMiddle && !newMiddle) return { changes: around([]) };
  if (blankSeparatedRuns(oldMiddle) + blankSeparatedRuns(newMiddle) <= fineWordLimit) {
    const changes = fine(oldMiddle, newMiddle);
    if (changes) return { changes: around(changes) };
  }
  if (countLines(oldMiddle) + countLines(newMiddle) <= lineLimit) {
    const changes = diffLines(oldMiddle, newMiddle, { maxEditLength: maxEdits });
    if (changes) return { changes: around(changes), note: byLinesNote };
  }
  return { changes: around(replaced(oldMiddle, newMiddle)), note: wholeNote };
}

/**
 * The lengths of the common start and end, cut back to whitespace so no word is split (which also
 * keeps surrogate pairs and CRLFs whole); they never overlap.
 */
export function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  const limit = Math.min(before.length, after.length);
  const spaceAt = (text: string, at: number) => at < 0 || at >= text.length || isSpace(text.charCodeAt(at));
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // A cut is between words when a blank precedes it, or both texts have a blank (or end) after it.
  while (prefix > 0 && !isSpace(before.charCodeAt(prefix - 1)) && !(spaceAt(before, prefix) && spaceAt(after, prefix))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldCut = () => before.length - suffix;
  const newCut = () => after.length - suffix;
  while (suffix > 0 && !isSpace(before.charCodeAt(oldCut())) && !(spaceAt(before, oldCut() - 1) && spaceAt(after, newCut() - 1))) suffix--;
  return { prefix, suffix };
}

function unchanged(value: string): Change[] {
  return value ? [{ value, count: 1, added: false, removed: false }] : [];
}

function replaced(before: string, after: string): Change[] {
  const changes: Change[] = [];
  if (before) changes.push({ value: before, count: 1, added: false, removed: true });
  if (after) changes.push({ value: after, count: 1, added: true, removed: false });
  return changes;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** The diff's cost measure: runs between blanks, as the word diff splits them (not the words shown to writers: that is the core's countWords). */
function blankSeparatedRuns(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
