import type { Range } from '../ast';
import type { TextEdit } from '../diagnostics';
import type { LineIndex } from '../text';

// Small builders for the text edits quick fixes are made of. Fixes are pure data: the server
// turns them into code actions and `sora check --fix` applies the safe ones.

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Inserts whole lines after `line`, in the document's own line break style. */
export function insertLinesAfter(lines: LineIndex, line: number, newLines: string[]): TextEdit {
  const end = { line, character: lines.lineText(line).length };
  return { range: { start: end, end }, newText: newLines.map((text) => lines.eol + text).join('') };
}

/** Inserts whole lines before `line`. */
export function insertLinesBefore(lines: LineIndex, line: number, newLines: string[]): TextEdit {
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: newLines.map((text) => text + lines.eol).join('') };
}

/** Removes a whole line, line break included. */
export function deleteLine(lines: LineIndex, line: number): TextEdit {
  const isLast = line >= lines.lineCount - 1;
  if (isLast && line > 0) {
    const previousEnd = { line: line - 1, character: lines.lineText(line - 1).length };
    return { range: { start: previousEnd, end: { line, character: lines.lineText(line).length } }, newText: '' };
  }
  return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
}

/** The leading blanks of a line, so inserted fields line up with their neighbours. */
export function indentOf(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
}

/** The indentation used for fields in a section: that of its first field, or two spaces. */
export function fieldIndent(lines: LineIndex, fieldLines: number[]): string {
  return fieldLines.length ? indentOf(lines, fieldLines[0]) : '  ';
}
