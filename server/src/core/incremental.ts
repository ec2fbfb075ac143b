import { check, type AnalyzeOptions, type Analysis } from './analyze';
import { BeatMemo, parseLines, storyboardFromLines, withoutByteOrderMark, type ParsedLine } from './parse';
import { BeatRuleCache } from './ruleCache';
import { LineIndex } from './text';

// Incremental analysis of one document as it is edited. The grammar is line-based (the lexer starts
// every line in the same mode and no token crosses a line break), so each line's lex and parse
// result depends on its text alone: after an edit only the lines it touched are lexed and parsed
// again, and the tree is rebuilt from the cached line results, taking whole the beats whose lines
// are the same ones. The rules run as in `analyze`, with the per-beat cache of beat-scoped rules
// (see ./ruleCache). `analyze()` stays the from-scratch reference; the property test
// (test/property/incremental.property.test.ts) holds the two equal after every edit.

/** Lines lexed together in one pass: large enough to amortise the lexer's set-up, small enough that tokens die young. */
const linesPerPass = 2000;

export class IncrementalAnalyzer {
  private text: string | undefined;
  private index: LineIndex | undefined;
  private lines: ParsedLine[] = [];
  private readonly beats = new BeatMemo();
  private readonly rules = new BeatRuleCache();
  /** How many lines the last update lexed again (for the bench and the tests). */
  relexed = 0;

  /** How many beats the last analysis judged again, summed over the beat-scoped rules. */
  get ruleMisses(): number {
    return this.rules.misses;
  }

  /** Analyses `text`, reusing what is unchanged since the previous call. */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const index = this.update(text);
    const storyboard = storyboardFromLines(this.lines, this.beats);
    return check(text, storyboard, options, index, this.rules);
  }

  /** Brings the line results up to `text`; returns its line index. */
  private update(text: string): LineIndex {
    const previous = this.text;
    const previousIndex = this.index;
    let index: LineIndex;
    if (previous === undefined || previousIndex === undefined) {
      index = new LineIndex(text);
      this.lines = parseAll(splitLines(text, 0, text.length));
      this.relexed = this.lines.length;
    } else if (previous === text) {
      index = previousIndex;
      this.relexed = 0;
    } else {
      const change = changedLines(previous, previousIndex, text);
      const replacement = splitLines(text, change.newStart, change.newEnd);
      // A region that stops short of the end ends with a line break: the empty piece after it is not a line.
      if (!change.toEnd) replacement.pop();
      const parsed = parseAll(replacement);
      this.lines = spliced(this.lines, change.firstLine, change.endLine, parsed);
      this.relexed = parsed.length;
      index = previousIndex.edited(text, change.firstLine, change.endLine, change.newStart, change.newEnd);
    }
    this.text = text;
    this.index = index;
    return index;
  }
}

/** lines[0, from) + replacement + lines[to, …): in place for a small replacement, copied for a large one (a spread of a pasted file would overflow the call). */
function spliced(lines: ParsedLine[], from: number, to: number, replacement: ParsedLine[]): ParsedLine[] {
  if (replacement.length <= 10000) {
    lines.splice(from, to - from, ...replacement);
    return lines;
  }
  return lines.slice(0, from).concat(replacement, lines.slice(to));
}

function parseAll(texts: string[]): ParsedLine[] {
  if (texts.length <= linesPerPass) return parseLines(texts);
  const parsed: ParsedLine[] = [];
  for (let from = 0; from < texts.length; from += linesPerPass) {
    for (const line of parseLines(texts.slice(from, from + linesPerPass))) parsed.push(line);
  }
  return parsed;
}

/**
 * The whole lines an edit replaced: old lines [firstLine, endLine) become the lines of the new text
 * between newStart and newEnd. The region starts at a line start before the first changed character
 * and ends at a line start after the last, both inside the unchanged text around the edit, so a line
 * break joined or split by the edit (`\r` meeting `\n`) is always inside it.
 */
export interface LineChange {
  firstLine: number;
  endLine: number;
  newStart: number;
  newEnd: number;
  /** The region runs to the end of the text (it includes the last line). */
  toEnd: boolean;
}

export function changedLines(before: string, beforeIndex: LineIndex, after: string): LineChange {
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  const firstLine = prefix === 0 ? 0 : beforeIndex.positionAt(prefix - 1).line;
  const lastChanged = beforeIndex.positionAt(before.length - suffix).line;
  const endLine = lastChanged + 1;
  const toEnd = endLine >= beforeIndex.lineCount;
  const start = beforeIndex.lineStart(firstLine);
  const end = toEnd ? before.length : beforeIndex.lineStart(endLine);
  return { firstLine, endLine: toEnd ? beforeIndex.lineCount : endLine, newStart: start, newEnd: end + after.length - before.length, toEnd };
}

/** Compared a block at a time (string equality is a memory compare), then a character at a time. */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  for (let block = 4096; block >= 16; block >>= 4) {
    while (at + block <= limit && a.slice(at, at + block) === b.slice(at, at + block)) at += block;
  }
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let at = 0;
  for (let block = 4096; block >= 16; block >>= 4) {
    while (at + block <= limit && a.slice(a.length - at - block, a.length - at) === b.slice(b.length - at - block, b.length - at)) at += block;
  }
  while (at < limit && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}

/** The lines of text[from, to), split as `LineIndex` splits them (`\r\n`, `\r`, `\n`); a trailing break leaves an empty last piece. */
export function splitLines(text: string, from: number, to: number): string[] {
  const lines: string[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    lines.push(text.slice(start, i));
    if (code === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push(text.slice(start, to));
  if (from === 0 && lines.length > 0) lines[0] = withoutByteOrderMark(lines[0]);
  return lines;
}
