import type { Range, Text } from './ast';
import { findWholeWord } from './model';

// Writing a prompt while remembering which span came from which source range (the preview's
// two-way sync). Shared by the seed layout and every target's layout.

/** Which span of the prompt came from which source range. Offsets are UTF-16 indexes into `prompt`. */
export interface SourceMapEntry {
  start: number;
  end: number;
  source: Range;
}

export interface PromptCharacter {
  name: Text;
  anchors: Text[];
}

export class PromptWriter {
  text = '';
  map: SourceMapEntry[] = [];

  write(text: string): void {
    this.text += text;
  }

  /** Writes a value from the storyboard and remembers where it came from. */
  source(value: Text, text = value.text): void {
    const start = this.text.length;
    this.text += text;
    this.map.push({ start, end: this.text.length, source: value.range });
  }

  paragraph(): void {
    if (this.text.length && !this.text.endsWith('\n\n')) this.text += '\n\n';
  }

  get length(): number {
    return this.text.length;
  }
}

/** Starts a sentence with a capital; the source map covers only the characters copied as written. */
export function writeCapitalized(writer: PromptWriter, value: Text): void {
  const first = value.text.charAt(0);
  const upper = first.toUpperCase();
  if (first === upper) {
    writer.source(value);
    return;
  }
  writer.write(upper);
  writer.source(subText(value, 1, value.text.length));
}

export function writeAnchors(writer: PromptWriter, anchors: Text[]): void {
  anchors.forEach((anchor, i) => {
    if (i) writer.write(', ');
    writer.source(anchor);
  });
}

/** The subject, with each declared character followed by all of its anchors: repetition keeps identity. */
export function writeSubject(writer: PromptWriter, characters: readonly PromptCharacter[], subject: Text, capitalize = false): void {
  const mentions = characters
    .map((character) => ({ character, at: findWholeWord(subject.text, character.name.text) }))
    .filter((mention) => mention.at >= 0 && mention.character.anchors.length)
    .sort((a, b) => a.at - b.at);
  let cursor = 0;
  let first = capitalize;
  const copy = (piece: Text) => {
    if (first && piece.text) writeCapitalized(writer, piece);
    else writer.source(piece);
    if (piece.text) first = false;
  };
  for (const { character, at } of mentions) {
    const end = at + character.name.text.length;
    if (at < cursor) continue;
    copy(subText(subject, cursor, end));
    writer.write(' (');
    writeAnchors(writer, character.anchors);
    writer.write(')');
    cursor = end;
  }
  if (cursor < subject.text.length) copy(subText(subject, cursor, subject.text.length));
}

export function subText(value: Text, from: number, to: number): Text {
  const line = value.range.start.line;
  const single = value.range.end.line === line;
  return {
    text: value.text.slice(from, to),
    range: single
      ? { start: { line, character: value.range.start.character + from }, end: { line, character: value.range.start.character + to } }
      : value.range,
  };
}

export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)]*$/.test(text.trim());
}

export function stripPeriod(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
