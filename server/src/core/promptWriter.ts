import type { Range, Text } from './ast';
import { findName } from './model';

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
    this.flushSpace(text);
    this.text += text;
  }

  /** Writes a value from the storyboard and remembers where it came from. */
  source(value: Text, text = value.text): void {
    this.flushSpace(text);
    const start = this.text.length;
    this.text += text;
    this.map.push({ start, end: this.text.length, source: value.range });
  }

  paragraph(): void {
    // Not `text.endsWith`: reading the end of a string built by `+=` flattens it, and doing that
    // per paragraph made long storyboards quadratic. Track the last paragraph break instead.
    if (this.text.length && this.breakAt !== this.text.length) {
      this.text += '\n\n';
      this.breakAt = this.text.length;
    }
  }

  /** Where the last paragraph break ended (a second one right after it is not written). */
  private breakAt = -1;

  /** A space before whatever is written next, if anything is: sentences join without a trailing space. */
  space(): void {
    this.spacePending = this.text.length > 0;
  }

  private spacePending = false;

  private flushSpace(next: string): void {
    if (!this.spacePending || !next) return;
    this.spacePending = false;
    this.text += ' ';
  }

  /** Where the next text goes (after a pending space). */
  get length(): number {
    return this.text.length + (this.spacePending ? 1 : 0);
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

/** Items comma-separated, each mapped to its source (anchors, an `avoid:` list). */
export function writeAnchors(writer: PromptWriter, anchors: readonly Text[]): void {
  anchors.forEach((anchor, i) => {
    if (i) writer.write(', ');
    writer.source(anchor);
  });
}

/** The logline, then each character with anchors introduced by all of them: the scene's opening paragraph. */
export function writeSceneParagraph(writer: PromptWriter, logline: Text | undefined, characters: readonly PromptCharacter[]): void {
  const introduced = characters.filter((c) => c.anchors.length);
  if (!logline?.text && !introduced.length) return;
  writer.paragraph();
  let first = true;
  if (logline?.text) {
    writer.source(logline);
    if (!endsSentence(logline.text)) writer.write('.');
    first = false;
  }
  for (const character of introduced) {
    if (!first) writer.write(' ');
    writer.source(character.name);
    writer.write(': ');
    writeAnchors(writer, character.anchors);
    writer.write('.');
    first = false;
  }
}

/** The subject, with each declared character followed by all of its anchors: repetition keeps identity. */
export function writeSubject(writer: PromptWriter, characters: readonly PromptCharacter[], subject: Text, capitalize = false): void {
  const mentions = characters
    .map((character) => ({ character, ...findName(subject.text, character.name.text) }))
    .filter((mention) => mention.at >= 0 && mention.character.anchors.length)
    .sort((a, b) => a.at - b.at);
  let cursor = 0;
  let first = capitalize;
  const copy = (piece: Text) => {
    if (first && piece.text) writeCapitalized(writer, piece);
    else writer.source(piece);
    if (piece.text) first = false;
  };
  for (const { character, at, name } of mentions) {
    const end = at + name.length;
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
