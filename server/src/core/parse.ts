import type { IToken } from 'chevrotain';
import type {
  BeatSection,
  CharacterSection,
  Comment,
  Consent,
  Field,
  Position,
  Range,
  Section,
  Seconds,
  SequenceSection,
  Storyboard,
  SyntaxError as StoryboardSyntaxError,
  Text,
  VariantSection,
} from './ast';
import { lex, Newline, NewlineInValue } from './lexer';
import { parseLine, type LineNode } from './parser';
import { LineIndex } from './text';

/**
 * Parses a storyboard. Never throws: lines that parse as nothing become `syntaxErrors`. Pass the
 * text's `LineIndex` when you have one, so an analysis builds it once.
 */
export function parseStoryboard(text: string, lines?: LineIndex): Storyboard {
  const source = withoutByteOrderMark(text);
  const index = lines && lines.text.length === text.length ? lines : new LineIndex(source);
  const builder = new StoryboardBuilder(index.lineCount);
  // Most lines are `name: value` fields or blank: read directly (see `readField`). The others are
  // lexed a window at a time, which lets their tokens die young instead of living to the end.
  // Per line of a window: 0 blank, 1 a field (its offsets in `fields`), 2 lexed.
  const kinds = new Uint8Array(linesPerWindow);
  const fields = new Int32Array(linesPerWindow * 4);
  for (let from = 0; from < index.lineCount; from += linesPerWindow) {
    const to = Math.min(index.lineCount, from + linesPerWindow);
    const texts: string[] = [];
    for (let line = from; line < to; line++) {
      const start = index.lineStart(line);
      const end = index.lineEnd(line);
      const slot = line - from;
      if (isBlankRun(source, start, end)) kinds[slot] = 0;
      else if (readField(source, start, end, fields.subarray(slot * 4, slot * 4 + 4))) kinds[slot] = 1;
      else {
        kinds[slot] = 2;
        texts.push(source.slice(start, end));
      }
    }
    const parsed = texts.length ? parseLines(texts, { lexerOnly: true }) : [];
    let next = 0;
    for (let line = from; line < to; line++) {
      const slot = line - from;
      if (kinds[slot] === 1) {
        builder.startLine(line, source, index.lineStart(line));
        builder.addFieldAt(fields, slot * 4);
      } else if (kinds[slot] === 2) {
        addParsedLine(builder, parsed[next++], line);
      }
    }
  }
  return builder.finish();
}

const linesPerWindow = 1024;

/** Only blanks (or nothing) in text[start, end): a line without tokens. */
function isBlankRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

const keywordNames = new Set(['scene', 'logline', 'settings', 'style', 'character', 'reference', 'beat', 'variant', 'say', 'from', 'sequence']);

function readField(text: string, start: number, end: number, out: Int32Array): boolean {
  let at = start;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  const nameStart = at;
  if (at >= end || !isAsciiLetter(text.charCodeAt(at))) return false;
  at++;
  while (at < end && isAsciiNameCharacter(text.charCodeAt(at))) at++;
  const nameEnd = at;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  if (at >= end || text.charCodeAt(at) !== 58 /* : */) return false;
  const length = nameEnd - nameStart;
  if (length >= 3 && length <= 9 && keywordNames.has(text.slice(nameStart, nameEnd).toLowerCase())) return false;
  let valueStart = at + 1;
  while (valueStart < end && isBlank(text.charCodeAt(valueStart))) valueStart++;
  out[0] = nameStart;
  out[1] = nameEnd;
  out[2] = valueStart < end ? valueStart : -1;
  out[3] = valueStart < end ? end : -1;
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** What a Name holds after its first letter, in ASCII: letters, digits, `_` and `-`. */
function isAsciiNameCharacter(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/**
 * One line lexed and parsed on its own, offsets relative to the line's start. The grammar is
 * line-based (the lexer starts every line in the same mode), so a line's result depends on its
 * text alone and is reused for as long as the text is unchanged (see ./incremental).
 */
export interface ParsedLine {
  /** The line without its line break (a byte order mark read as a blank). */
  readonly text: string;
  readonly node?: LineNode;
  /** From the first token to the last visible character; undefined for a blank or comment line. */
  readonly span?: { readonly start: number; readonly end: number };
  /** Why the line parses as nothing, when it does. */
  readonly error?: string;
  /** A `//` comment filling the rest of the line. */
  readonly comment?: { readonly start: number; readonly text: string };
  /** The line starts a section, so it ends the beat before it. */
  readonly startsSection?: boolean;
}

/**
 * Lexes and parses lines (texts without their line breaks) in one pass of the lexer; blank lines and
 * plain field lines are read directly (`lexerOnly` sends them through the lexer too, for the tests
 * that hold the two equal).
 */
export function parseLines(texts: readonly string[], options: { lexerOnly?: boolean } = {}): ParsedLine[] {
  if (!options.lexerOnly) return parseLinesReadingFields(texts);
  const joined = texts.join('\n');
  const { tokens, comments } = lex(joined);
  const parsed: ParsedLine[] = [];
  let commentAt = 0;
  let tokenAt = 0;
  let lineStart = 0;
  for (const text of texts) {
    const lineEnd = lineStart + text.length;
    const lineTokens: IToken[] = [];
    for (; tokenAt < tokens.length; tokenAt++) {
      const token = tokens[tokenAt];
      if (token.tokenType === Newline || token.tokenType === NewlineInValue) {
        tokenAt++;
        break;
      }
      // Offsets relative to the line: the result stands for the line wherever it moves.
      token.startOffset -= lineStart;
      lineTokens.push(token);
    }
    let comment: ParsedLine['comment'];
    if (commentAt < comments.length && comments[commentAt].startOffset < lineEnd) {
      comment = { start: comments[commentAt].startOffset - lineStart, text: comments[commentAt].image };
      commentAt++;
    }
    parsed.push(readLine(lineTokens, text, comment));
    lineStart = lineEnd + 1;
  }
  return parsed;
}

function parseLinesReadingFields(texts: readonly string[]): ParsedLine[] {
  const field = new Int32Array(4);
  const results: (ParsedLine | undefined)[] = [];
  const lexed: string[] = [];
  for (const text of texts) {
    if (isBlankRun(text, 0, text.length)) results.push({ text });
    else if (readField(text, 0, text.length, field)) results.push(fieldResult(text, field));
    else {
      results.push(undefined);
      lexed.push(text);
    }
  }
  if (!lexed.length) return results as ParsedLine[];
  const parsed = parseLines(lexed, { lexerOnly: true });
  let next = 0;
  return results.map((result) => result ?? parsed[next++]);
}

/** A field line read by `readField`, in the shape the parser gives (tokens with an image and an offset). */
function fieldResult(text: string, field: Int32Array): ParsedLine {
  const name = { image: text.slice(field[0], field[1]), startOffset: field[0] } as IToken;
  const value = field[2] < 0 ? undefined : ({ image: text.slice(field[2], field[3]), startOffset: field[2] } as IToken);
  let end = value ? field[3] : text.indexOf(':', field[1]) + 1;
  while (end > field[0] && isBlank(text.charCodeAt(end - 1))) end--;
  return { text, node: { kind: 'field', name, value }, span: { start: field[0], end }, startsSection: false };
}

function readLine(tokens: IToken[], text: string, comment: ParsedLine['comment']): ParsedLine {
  if (tokens.length === 0) return { text, comment };
  const span = lineSpan(tokens, text);
  const node = parseLine(tokens);
  return node ? { text, comment, node, span, startsSection: sectionStarts.has(node.kind) } : { text, comment, span, error: describeBadLine(tokens) };
}

/**
 * Beats built by an earlier `storyboardFromLines`, by the line of their header: a beat whose lines
 * are the very same line results, at the same place and with the same number, is the same beat, and
 * is reused instead of built again (the incremental analysis keeps one memo per document).
 */
export class BeatMemo {
  runs = new Map<number, BeatRun>();
}

interface BeatRun {
  lines: readonly ParsedLine[];
  beat: BeatSection;
  syntaxErrors: readonly StoryboardSyntaxError[];
  comments: readonly Comment[];
}

/** Lines that start a section end the beat before them (a stray `sequence` header does not: it is only an error there). */
const sectionStarts = new Set<LineNode['kind']>(['sceneHeader', 'logline', 'reference', 'sectionHeader', 'characterHeader', 'beatHeader', 'variantHeader']);

/** Builds the tree from lines already parsed. `lineCount` counts every line, blank ones too. */
export function storyboardFromLines(lines: readonly ParsedLine[], memo?: BeatMemo): Storyboard {
  const builder = new StoryboardBuilder(lines.length);
  const runs = new Map<number, BeatRun>();
  for (let line = 0; line < lines.length; ) {
    if (!memo || lines[line].node?.kind !== 'beatHeader' || builder.inSequence) {
      addParsedLine(builder, lines[line], line);
      line++;
      continue;
    }
    let end = line + 1;
    while (end < lines.length && !lines[end].startsSection) end++;
    const known = memo.runs.get(line);
    let run: BeatRun;
    if (known && known.beat.index === builder.nextBeatIndex && sameLines(known.lines, lines, line, end)) {
      run = known;
      builder.reuseBeat(run);
    } else {
      const mark = builder.mark();
      for (let at = line; at < end; at++) addParsedLine(builder, lines[at], at);
      run = builder.runSince(mark, lines.slice(line, end));
    }
    runs.set(line, run);
    line = end;
  }
  const storyboard = builder.finish();
  if (memo) {
    // A reused beat whose timing changed was copied (the old tree stays as it was): remember the copy.
    for (const [line, run] of runs) {
      const beat = storyboard.beats[run.beat.index - 1];
      if (beat !== run.beat) runs.set(line, { ...run, beat });
    }
    memo.runs = runs;
  }
  return storyboard;
}

function addParsedLine(builder: StoryboardBuilder, parsed: ParsedLine, line: number): void {
  if (parsed.comment) {
    builder.addComment(parsed.comment.text, { line, character: parsed.comment.start }, { line, character: parsed.comment.start + parsed.comment.text.length });
  }
  if (!parsed.span) return;
  builder.startLine(line, parsed.text, 0);
  builder.addParsed(parsed.node, parsed.span.start, parsed.span.end, parsed.error);
}

function sameLines(known: readonly ParsedLine[], lines: readonly ParsedLine[], from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== lines[from + i]) return false;
  return true;
}

/** A byte order mark is not content: read as a blank, so a first-line comment or keyword still counts and offsets stay those of the text given (the CLI strips it, as editors do). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

const lineShapes: Record<string, string> = {
  scene: '`scene ID "TITLE"`, for example `scene 09 "The Last Light"`',
  logline: '`logline: ONE SENTENCE`',
  settings: '`settings` alone on its line, or in a variant `settings FIELD: VALUE`',
  style: '`style` alone on its line, or in a variant `style FIELD: VALUE`',
  character: '`character NAME`, or in a variant `character NAME anchors: VALUE`',
  reference: '`reference: PATH`',
  beat: '`beat DURATION [TITLE]` such as `beat 4s The climb`, or in a variant `beat N FIELD: VALUE`',
  variant: '`variant NAME from BASE`, for example `variant warmer from take02`',
  say: '`say NAME [@MARKER] "LINE"`, for example `say Mara @1s "Not tonight."`',
  from: 'a section keyword or `FIELD: VALUE`',
  sequence: '`sequence "TITLE"`, for example `sequence "The Last Light"`',
};

/** What a sequence file cannot hold, and what to say instead. */
const notInSequence: Partial<Record<LineNode['kind'], string>> = {
  sceneHeader: 'A sequence file lists its scenes under `scenes:` and holds no `scene` header of its own; put the scene in its own file.',
  beatHeader: 'A sequence holds settings, style and characters, not beats: put the beats in a scene file listed under `scenes:`.',
  say: 'A sequence holds settings, style and characters, not dialogue: put `say` lines in a scene file.',
  variantHeader: 'A sequence holds settings, style and characters, not variants: branch a variant in the scene file.',
  logline: 'A sequence holds settings, style and characters; a logline belongs to each scene.',
  reference: 'A sequence holds settings, style and characters; a `reference:` belongs to the scene it sets the look of.',
};

class StoryboardBuilder {
  private readonly storyboard: Storyboard;
  private current: Section | undefined;
  /** The line being built: its number, the text holding it and where it starts there (token offsets are relative to that text). */
  private line = 0;
  private text = '';
  private lineStart = 0;
  private readonly linesWithErrors = new Set<number>();
  /** Beats taken whole from an earlier build (shared with its tree, so never changed). */
  private readonly reused = new Set<BeatSection>();
  private readonly recentPositions: Position[] = [0, 1, 2, 3].map(() => ({ line: -1, character: -1 }));
  private nextRecent = 0;

  constructor(lineCount: number) {
    this.storyboard = {
      sections: [],
      characters: [],
      references: [],
      beats: [],
      variants: [],
      comments: [],
      syntaxErrors: [],
      lineCount,
    };
  }

  finish(): Storyboard {
    const { beats, sections } = this.storyboard;
    computeTiming(beats, this.reused);
    if (this.reused.size) {
      // computeTiming copies a reused beat rather than change it: put the copies in place.
      for (let i = 0; i < sections.length; i++) {
        const section = sections[i];
        if (section.kind === 'beat' && beats[section.index - 1] !== section && this.reused.has(section)) sections[i] = beats[section.index - 1];
      }
    }
    return this.storyboard;
  }

  get inSequence(): boolean {
    return !!this.storyboard.sequence;
  }

  get nextBeatIndex(): number {
    return this.storyboard.beats.length + 1;
  }

  /** Where the tree stands, so what one beat's lines added can be taken as a run. */
  mark(): { syntaxErrors: number; comments: number } {
    return { syntaxErrors: this.storyboard.syntaxErrors.length, comments: this.storyboard.comments.length };
  }

  runSince(mark: { syntaxErrors: number; comments: number }, lines: readonly ParsedLine[]): BeatRun {
    const { beats, syntaxErrors, comments } = this.storyboard;
    return { lines, beat: beats[beats.length - 1], syntaxErrors: syntaxErrors.slice(mark.syntaxErrors), comments: comments.slice(mark.comments) };
  }

  /** A beat's lines unchanged since an earlier build: its section, errors and comments as they were. */
  reuseBeat(run: BeatRun): void {
    const { sections, beats, syntaxErrors, comments } = this.storyboard;
    sections.push(run.beat);
    beats.push(run.beat);
    for (const error of run.syntaxErrors) {
      this.linesWithErrors.add(error.range.start.line);
      syntaxErrors.push(error);
    }
    for (const comment of run.comments) comments.push(comment);
    this.current = run.beat;
    this.reused.add(run.beat);
  }

  startLine(line: number, text: string, lineStart: number): void {
    this.line = line;
    this.text = text;
    this.lineStart = lineStart;
  }

  addComment(text: string, start: Position, end: Position): void {
    this.storyboard.comments.push({ text, range: { start, end } });
  }

  /** The tokens of the current line (no line breaks), lexed in the text given to `startLine`. */
  addTokens(tokens: IToken[]): void {
    if (tokens.length === 0) return;
    const span = lineSpan(tokens, this.text);
    const node = parseLine(tokens);
    this.addParsed(node, span.start, span.end, node ? undefined : describeBadLine(tokens));
  }

  addParsed(node: LineNode | undefined, start: number, end: number, error: string | undefined): void {
    const lineRange = this.offsetRange(start, end);
    if (!node) {
      this.syntaxError(lineRange, error ?? '');
      return;
    }
    this.addNode(node, lineRange);
  }

  private addNode(node: LineNode, lineRange: Range): void {
    const misplaced = this.storyboard.sequence ? notInSequence[node.kind] : undefined;
    if (misplaced) {
      this.syntaxError(lineRange, misplaced);
      return;
    }
    switch (node.kind) {
      case 'sequenceHeader':
        return this.addSequence(node, lineRange);
      case 'sceneHeader':
        return this.addScene(node, lineRange);
      case 'logline': {
        const section = this.startSection({ kind: 'logline', value: this.value(node.value) }, node.keyword, lineRange);
        this.storyboard.logline ??= section;
        return;
      }
      case 'reference':
        this.storyboard.references.push(
          this.startSection({ kind: 'reference', path: this.value(node.value) }, node.keyword, lineRange),
        );
        return;
      case 'sectionHeader':
        return this.addSettingsOrStyle(node.keyword, lineRange);
      case 'characterHeader':
        this.storyboard.characters.push(
          this.startSection(
            { kind: 'character', name: this.tokenText(node.name), anchors: [] as Text[] },
            node.keyword,
            lineRange,
          ) as CharacterSection,
        );
        return;
      case 'beatHeader':
        return this.addBeat(node, lineRange);
      case 'variantHeader':
        this.storyboard.variants.push(
          this.startSection(
            { kind: 'variant', name: this.tokenText(node.name), base: this.tokenText(node.base), overrides: [] },
            node.keyword,
            lineRange,
          ) as VariantSection,
        );
        return;
      case 'say':
        return this.addSay(node, lineRange);
      case 'field': {
        const { name, value } = node;
        return this.addField(name.startOffset, name.startOffset + name.image.length, value ? value.startOffset : -1, value ? value.startOffset + value.image.length : -1, lineRange);
      }
      case 'override':
        return this.addOverride(node, lineRange);
    }
  }

  private addScene(node: Extract<LineNode, { kind: 'sceneHeader' }>, lineRange: Range): void {
    let title: Text | undefined;
    if (node.title) {
      title = this.quoted(node.title);
      if (!node.title.image.endsWith('"') || node.title.image.length < 2) {
        this.syntaxError(lineRange, 'The scene title needs a closing quote: `scene 09 "The Last Light"`.');
      }
    }
    const section = this.startSection(
      { kind: 'scene', id: node.id ? this.tokenText(node.id) : undefined, title },
      node.keyword,
      lineRange,
    );
    if (this.storyboard.scene) {
      this.syntaxError(lineRange, 'A storyboard holds one scene; this second `scene` header is ignored. Put each scene in its own file.');
    } else {
      this.storyboard.scene = section;
    }
  }

  private addSequence(node: Extract<LineNode, { kind: 'sequenceHeader' }>, lineRange: Range): void {
    if (this.storyboard.sections.length > 0) {
      this.syntaxError(lineRange, 'A `sequence` header is the first section of its own file; a scene joins a sequence by being listed under its `scenes:`.');
      return;
    }
    let title: Text | undefined;
    if (node.title) {
      title = this.quoted(node.title);
      if (!node.title.image.endsWith('"') || node.title.image.length < 2) {
        this.syntaxError(lineRange, 'The sequence title needs a closing quote: `sequence "The Last Light"`.');
      }
    }
    this.storyboard.sequence = this.startSection({ kind: 'sequence', title, scenes: [] as Text[] }, node.keyword, lineRange) as SequenceSection;
  }

  private addSettingsOrStyle(keyword: IToken, lineRange: Range): void {
    const kind = keyword.image.toLowerCase() === 'settings' ? 'settings' : 'style';
    const section = this.startSection({ kind }, keyword, lineRange);
    // A repeated section adds to the first one, so duplicate fields across the two are still caught.
    const first = this.storyboard[kind];
    if (first) section.fields = first.fields;
    else this.storyboard[kind] = section as never;
  }

  private addBeat(node: Extract<LineNode, { kind: 'beatHeader' }>, lineRange: Range): void {
    const duration = this.seconds(node.duration, node.duration.image);
    let title: Text | undefined;
    if (node.title.length > 0) {
      const first = node.title[0];
      const last = node.title[node.title.length - 1];
      title = this.trimmedText(first.startOffset, last.startOffset + last.image.length);
    }
    // Written out (not spread like other sections): a file holds thousands of beats.
    const beat: BeatSection = {
      kind: 'beat',
      index: this.storyboard.beats.length + 1,
      duration,
      title,
      says: [],
      start: 0,
      end: 0,
      keyword: this.tokenText(node.keyword),
      headerRange: lineRange,
      range: { start: lineRange.start, end: lineRange.end },
      fields: [],
    };
    this.storyboard.sections.push(beat);
    this.current = beat;
    this.storyboard.beats.push(beat);
  }

  private addSay(node: Extract<LineNode, { kind: 'say' }>, lineRange: Range): void {
    const beat = this.current?.kind === 'beat' ? this.current : undefined;
    if (!beat) {
      this.syntaxError(lineRange, 'A `say` line belongs inside a beat: put it under the `beat` it is spoken in.');
      return;
    }
    let marker: Seconds | undefined;
    if (node.marker) {
      const match = /^@(\d+(?:\.\d+)?)s$/i.exec(node.marker.image);
      if (!match) {
        this.syntaxError(this.tokenRange(node.marker), `A marker is \`@\` and a duration such as \`@1s\`; found \`${node.marker.image}\`.`);
        return;
      }
      marker = { seconds: Number(match[1]), range: this.tokenRange(node.marker) };
    }
    if (!node.line.image.endsWith('"') || node.line.image.length < 2) {
      this.syntaxError(this.tokenRange(node.line), 'The spoken line needs a closing quote: `say Mara @1s "Not tonight."`.');
    }
    beat.says.push({ speaker: this.tokenText(node.speaker), marker, line: this.quoted(node.line), range: lineRange });
    this.extend(beat, lineRange);
  }

  /** A field line read without the lexer: name start and end, value start and end (-1: none), in the current line's text. */
  addFieldAt(fields: Int32Array, at = 0): void {
    const nameStart = fields[at];
    const nameEnd = fields[at + 1];
    const valueStart = fields[at + 2];
    const valueEnd = fields[at + 3];
    let end = valueStart < 0 ? this.text.indexOf(':', nameEnd) + 1 : valueEnd;
    while (end > nameStart && isBlank(this.text.charCodeAt(end - 1))) end--;
    this.addField(nameStart, nameEnd, valueStart, valueEnd, this.offsetRange(nameStart, end));
  }

  private addField(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, lineRange: Range): void {
    const section = this.current;
    const name = this.text.slice(nameStart, nameEnd);
    if (!section) {
      this.syntaxError(lineRange, `\`${name}:\` stands outside any section; put it under \`settings\`, \`style\`, a \`character\` or a \`beat\`.`);
      return;
    }
    const field: Field = {
      key: name.toLowerCase(),
      name: { text: name, range: this.offsetRange(nameStart, nameEnd) },
      value: valueStart < 0 ? { text: '', range: { start: lineRange.end, end: lineRange.end } } : this.trimmedText(valueStart, valueEnd),
      range: lineRange,
    };
    section.fields.push(field);
    this.extend(section, lineRange);
    if (section.kind === 'character') this.readCharacterField(section, field);
    // Each `scenes:` line appends, so a long film can list one scene a line.
    else if (section.kind === 'sequence' && field.key === 'scenes') section.scenes.push(...splitList(field.value));
  }

  private readCharacterField(character: CharacterSection, field: Field): void {
    if (field.key === 'anchors') character.anchors = splitList(field.value);
    else if (field.key === 'cameo') character.cameo = field.value;
    else if (field.key === 'consent') character.consent = parseConsent(field.value);
  }

  private addOverride(node: Extract<LineNode, { kind: 'override' }>, lineRange: Range): void {
    const variant = this.current?.kind === 'variant' ? this.current : undefined;
    if (!variant) {
      const shape = lineShapes[node.keyword.image.toLowerCase()] ?? '';
      this.syntaxError(lineRange, `\`${node.keyword.image} … FIELD: VALUE\` changes a base and belongs inside a \`variant\`. Here a line should be ${shape}.`);
      return;
    }
    const target = node.keyword.image.toLowerCase() as VariantSection['overrides'][number]['target'];
    variant.overrides.push({
      target,
      beat: node.beat ? { number: Number(node.beat.image), range: this.tokenRange(node.beat) } : undefined,
      character: node.character ? this.tokenText(node.character) : undefined,
      field: this.tokenText(node.field),
      value: this.value(node.value) ?? { text: '', range: { start: lineRange.end, end: lineRange.end } },
      range: lineRange,
    });
    this.extend(variant, lineRange);
  }

  private startSection<T extends Partial<Section> & { kind: Section['kind'] }>(
    partial: T,
    keyword: IToken,
    lineRange: Range,
  ): T & Section {
    const section = {
      ...partial,
      keyword: this.tokenText(keyword),
      headerRange: lineRange,
      // Its own object: `extend` moves its end as lines are added.
      range: { start: lineRange.start, end: lineRange.end },
      fields: [] as Field[],
    } as unknown as T & Section;
    this.storyboard.sections.push(section);
    this.current = section;
    return section;
  }

  private extend(section: Section, lineRange: Range): void {
    section.range.end = lineRange.end;
  }

  /** One bad line, one syntax error: the first problem found on a line is the one reported. */
  private syntaxError(range: Range, message: string): void {
    if (this.linesWithErrors.has(range.start.line)) return;
    this.linesWithErrors.add(range.start.line);
    this.storyboard.syntaxErrors.push({ range, message });
  }

  private seconds(token: IToken, image: string): Seconds {
    return { seconds: Number.parseFloat(image), range: this.tokenRange(token) };
  }

  private value(token: IToken | undefined): Text | undefined {
    if (!token) return undefined;
    return this.trimmedText(token.startOffset, token.startOffset + token.image.length);
  }

  private quoted(token: IToken): Text {
    const closed = token.image.length >= 2 && token.image.endsWith('"');
    const start = token.startOffset + 1;
    const end = token.startOffset + token.image.length - (closed ? 1 : 0);
    return { text: this.text.slice(start, end), range: this.offsetRange(start, end) };
  }

  private trimmedText(start: number, end: number): Text {
    while (start < end && isBlank(this.text.charCodeAt(start))) start++;
    while (end > start && isBlank(this.text.charCodeAt(end - 1))) end--;
    return { text: this.text.slice(start, end), range: this.offsetRange(start, end) };
  }

  private tokenText(token: IToken): Text {
    return { text: token.image, range: this.tokenRange(token) };
  }

  private tokenRange(token: IToken): Range {
    return this.offsetRange(token.startOffset, token.startOffset + token.image.length);
  }

  private offsetRange(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** A position on the current line. */
  private positionAt(offset: number): Position {
    // Ranges on one line share their ends (a field's range starts where its name does), so a
    // few recent positions are reused: fewer objects for the garbage collector on large files.
    const character = offset - this.lineStart;
    for (const known of this.recentPositions) {
      if (known.line === this.line && known.character === character) return known;
    }
    const position = { line: this.line, character };
    this.recentPositions[this.nextRecent] = position;
    this.nextRecent = (this.nextRecent + 1) % this.recentPositions.length;
    return position;
  }
}

/** From the line's first token to its last visible character (a trailing Value may carry blanks). */
function lineSpan(tokens: IToken[], text: string): { start: number; end: number } {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  let end = last.startOffset + last.image.length;
  while (end > first.startOffset && isBlank(text.charCodeAt(end - 1))) end--;
  return { start: first.startOffset, end };
}

/** Blank characters other than line breaks, as trimming sees them. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f || code === 0x2028 || code === 0x2029;
}

function describeBadLine(tokens: IToken[]): string {
  const first = tokens[0];
  const found = tokens
    .map((token) => token.image)
    .join(' ')
    .slice(0, 60);
  const keyword = first.tokenType.name.endsWith('Keyword') ? first.image.toLowerCase() : undefined;
  if (keyword && lineShapes[keyword]) {
    return `This line should be ${lineShapes[keyword]}; found \`${found}\`.`;
  }
  if (first.tokenType.name === 'Colon') return 'A field needs a name before the colon: `NAME: VALUE`.';
  return `Expected a section keyword (scene, logline, settings, style, character, reference, beat, variant, sequence), a \`FIELD: VALUE\` line or a \`say\` line; found \`${found}\`.`;
}

/** Splits a comma-separated value into trimmed items, each with its own range. */
export function splitList(value: Text): Text[] {
  const items: Text[] = [];
  if (value.range.start.line !== value.range.end.line) return items;
  const line = value.range.start.line;
  let offset = 0;
  for (const part of value.text.split(',')) {
    const leading = part.length - part.trimStart().length;
    const trimmed = part.trim();
    if (trimmed) {
      const start = value.range.start.character + offset + leading;
      items.push({
        text: trimmed,
        range: { start: { line, character: start }, end: { line, character: start + trimmed.length } },
      });
    }
    offset += part.length + 1;
  }
  return items;
}

function parseConsent(value: Text): Consent {
  const text = value.text.trim();
  const lower = text.toLowerCase();
  const linesApproved = /,\s*lines approved\s*$/i.test(text);
  const date = /\d{4}-\d{2}-\d{2}/.exec(text);
  const dateText: Text | undefined = date
    ? {
        text: date[0],
        range: {
          start: { line: value.range.start.line, character: value.range.start.character + date.index },
          end: { line: value.range.start.line, character: value.range.start.character + date.index + date[0].length },
        },
      }
    : undefined;
  if (/^approved\s+\d{4}-\d{2}-\d{2}(\s*,\s*lines approved)?$/i.test(text)) {
    return { status: 'approved', date: dateText, linesApproved, value };
  }
  if (lower === 'pending') return { status: 'pending', linesApproved: false, value };
  if (/^revoked(\s+\d{4}-\d{2}-\d{2})?$/i.test(text)) return { status: 'revoked', date: dateText, linesApproved: false, value };
  return { status: 'invalid', date: dateText, linesApproved, value };
}

/** The timing model: beats play in order, each starting where the previous one ends. Beats in `shared` are copied rather than changed. */
export function computeTiming(beats: BeatSection[], shared?: ReadonlySet<BeatSection>): void {
  let clock = 0;
  for (let i = 0; i < beats.length; i++) {
    let beat = beats[i];
    const start = clock;
    clock += beat.duration?.seconds ?? 0;
    if (beat.start === start && beat.end === clock) continue;
    if (shared?.has(beat)) beats[i] = beat = { ...beat };
    beat.start = start;
    beat.end = clock;
  }
}
