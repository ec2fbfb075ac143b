import type { Position, Range } from './ast';
import type { TextEdit } from './diagnostics';

/** Maps between string offsets and LSP positions for one document. */
export class LineIndex {
  private readonly lineStarts: number[];
  private lineBreak: string | undefined;

  /** `lineStarts` only from `edited`, which knows them already. */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    this.lineStarts = [0];
    pushLineStarts(text, 0, text.length, this.lineStarts);
  }

  /**
   * The index of `text`, an edit of this index's text in which lines [firstLine, endLine) became
   * text[newStart, newEnd) (whole lines, as `changedLines` finds them): the starts before the edit
   * are kept and those after it shifted, instead of reading the whole text again.
   */
  edited(text: string, firstLine: number, endLine: number, newStart: number, newEnd: number): LineIndex {
    const starts = this.lineStarts.slice(0, firstLine + 1);
    pushLineStarts(text, newStart, newEnd, starts);
    if (endLine < this.lineStarts.length) {
      // newEnd is a line start: the scan pushed it already.
      const shift = text.length - this.text.length;
      for (let line = endLine + 1; line < this.lineStarts.length; line++) starts.push(this.lineStarts[line] + shift);
    }
    return new LineIndex(text, starts);
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    while (end > this.lineStarts[line] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The line break this document uses, so inserted lines match it. */
  get eol(): string {
    // Remembered: every inserted line asks, and a fix-all over a long file inserts thousands.
    this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.lineBreak;
  }
}

/** Pushes the start of every line that begins after a break in text[from, to). */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): void {
  const carriageReturn = text.indexOf('\r', from);
  if (carriageReturn < 0 || carriageReturn >= to) {
    // Line feeds only (the usual case): found by the engine's search, not a character loop.
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return;
  }
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function rangeContains(outer: Range, position: Position): boolean {
  const afterStart =
    position.line > outer.start.line || (position.line === outer.start.line && position.character >= outer.start.character);
  const beforeEnd =
    position.line < outer.end.line || (position.line === outer.end.line && position.character <= outer.end.character);
  return afterStart && beforeEnd;
}

/**
 * Applies non-overlapping edits to a text; an edit overlapping one after it is skipped rather than
 * corrupting the text. The text is cut once into pieces and joined, so a fix-all of thousands of
 * edits costs the text's length, not the length times the edits.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  const kept: typeof sorted = [];
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > previousStart) continue; // overlaps an edit already kept
    kept.push(edit);
    previousStart = edit.start;
  }
  const pieces: string[] = [];
  let from = 0;
  for (let i = kept.length - 1; i >= 0; i--) {
    pieces.push(text.slice(from, kept[i].start), kept[i].newText);
    from = kept[i].end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** `0:04`, `0:05.5`: a timecode as writers read it. */
export function formatTimecode(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  const minutes = Math.floor(rounded / 60);
  const rest = rounded - minutes * 60;
  const whole = Math.floor(rest);
  const tenths = Math.round((rest - whole) * 10);
  return `${minutes}:${String(whole).padStart(2, '0')}${tenths ? `.${tenths}` : ''}`;
}

export function formatSpan(start: number, end: number): string {
  return `${formatTimecode(start)}–${formatTimecode(end)}`;
}

/** `4s`, `1.5s`: seconds as a storyboard writes them (fixes insert this). */
export function formatSeconds(seconds: number): string {
  return `${roundSeconds(seconds)}s`;
}

/** `4 s`, `1.5 s`: seconds in prose, as the preview and the status bar show them. */
export function formatSecondsProse(seconds: number): string {
  return `${roundSeconds(seconds)} s`;
}

function roundSeconds(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  return bestDistance <= allowed ? best : undefined;
}
