import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

// Two lexer modes: `line` for the structure of a line (keywords, names, durations, markers,
// quoted lines) and `value`, entered after a colon, where everything to the end of the line is
// free text. That is what lets a value hold keywords, colons and `//` without special cases.
// Every character of any input matches some token, so the lexer never reports an error: bad
// lines are the parser's to diagnose, one per line.

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, pop_mode: false });
export const NewlineInValue = createToken({
  name: 'NewlineInValue',
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
  pop_mode: true,
  categories: [Newline],
});
/**
 * Start-character hints for patterns built on negated classes. Chevrotain cannot derive first
 * characters from `[^...]`; without hints it drops its first-character optimisation and tries
 * every pattern at every position, several times slower. Above 255 chevrotain buckets character
 * codes by `~~(code / 255)`, so one matching code per bucket stands for the whole bucket (the
 * pattern itself still decides each character).
 */
function startCharsMatching(firstChar: RegExp): number[] {
  const codes: number[] = [];
  const seenBuckets = new Set<number>();
  for (let code = 0; code <= 0xffff; code++) {
    if (!firstChar.test(String.fromCharCode(code))) continue;
    if (code < 256) {
      codes.push(code);
      continue;
    }
    const bucket = ~~(code / 255);
    if (!seenBuckets.has(bucket)) {
      seenBuckets.add(bucket);
      codes.push(code);
    }
  }
  return codes;
}

export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[^\S\r\n]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: startCharsMatching(/[^\S\r\n]/),
});

/** `//` as the first non-blank characters of a line: a comment to the end of the line. */
export const Comment = createToken({
  name: 'Comment',
  pattern: (text: string, offset: number) => {
    if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 47) return null;
    if (!onlyBlanksBefore(text, offset)) return null;
    const match = /[^\r\n]*/y;
    match.lastIndex = offset;
    return match.exec(text);
  },
  line_breaks: false,
  start_chars_hint: ['/'],
  group: 'comments',
});

/** A category of every token a line's free text (a beat title) can hold. */
export const AnyInLine = createToken({ name: 'AnyInLine', pattern: Lexer.NA });
const inLine = [AnyInLine];

export const Colon = createToken({ name: 'Colon', pattern: /:/, push_mode: 'value', categories: inLine });
export const Value = createToken({ name: 'Value', pattern: /[^\r\n]+/, categories: inLine, start_chars_hint: startCharsMatching(/[^\r\n]/) });
/** A quoted line; the closing quote may be missing (the parser reports it). */
export const QuotedText = createToken({ name: 'QuotedText', pattern: /"[^"\r\n]*"?/, categories: inLine });
/** `@1s`, or anything else after an `@` (the builder reports a marker it can't read). */
export const Marker = createToken({ name: 'Marker', pattern: /@[^\s"]*/, categories: inLine });
export const Duration = createToken({ name: 'Duration', pattern: /\d+(?:\.\d+)?s(?![\w.-])/i, categories: inLine });
export const WholeNumber = createToken({ name: 'WholeNumber', pattern: /\d+(?![\w.-])/, categories: inLine });
/**
 * A name: a letter of any script, then letters, combining marks, digits, `_` and `-` (`Mara`,
 * `Émile`, `Шеф`, `सीता`, `小林`). A function, because chevrotain drops a regex's `u` flag, which
 * `\p{L}` needs. The hint adds the high surrogates, so a name may start beyond the BMP.
 */
const namePattern = /\p{L}[\p{L}\p{M}\p{N}_-]*(?![^\s:"@])/uy;
export const Name = createToken({
  name: 'Name',
  pattern: (text: string, offset: number) => {
    namePattern.lastIndex = offset;
    return namePattern.exec(text);
  },
  line_breaks: false,
  categories: inLine,
  start_chars_hint: [...startCharsMatching(/\p{L}/u), ...startCharsMatching(/[\ud800-\udbff]/)],
});
/** Any other run of text: titles with punctuation, scene ids such as `12b`, and mistakes. */
export const Word = createToken({ name: 'Word', pattern: /[^\s:"@]+/, categories: inLine, start_chars_hint: startCharsMatching(/[^\s:"@]/) });

function keyword(word: string): TokenType {
  return createToken({ name: keywordTokenName(word), pattern: new RegExp(`${word}(?![^\\s:"@])`, 'i'), longer_alt: Name, categories: inLine });
}

function keywordTokenName(word: string): string {
  return word[0].toUpperCase() + word.slice(1) + 'Keyword';
}

export const Scene = keyword('scene');
export const Logline = keyword('logline');
export const Settings = keyword('settings');
export const Style = keyword('style');
export const Character = keyword('character');
export const Reference = keyword('reference');
export const Beat = keyword('beat');
export const Variant = keyword('variant');
export const Say = keyword('say');
export const From = keyword('from');
/** `sequence "TITLE"`: the first line of a sequence file (a film made of scenes). */
export const Sequence = keyword('sequence');

export const sectionKeywords = [Scene, Logline, Settings, Style, Character, Reference, Beat, Variant, Sequence];
const keywords = [...sectionKeywords, Say, From];

const lineTokens = [
  Newline,
  Whitespace,
  Comment,
  Colon,
  QuotedText,
  Marker,
  Duration,
  WholeNumber,
  ...keywords,
  Name,
  Word,
];

export const allTokens = [...lineTokens, NewlineInValue, Value, AnyInLine];

export const soraLexer = new Lexer(
  {
    modes: {
      line: lineTokens,
      value: [NewlineInValue, Whitespace, Value],
    },
    defaultMode: 'line',
  },
  { positionTracking: 'onlyOffset', ensureOptimizations: true },
);

function onlyBlanksBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
}

export function lex(text: string): LexResult {
  const result = soraLexer.tokenize(text);
  return { tokens: result.tokens, comments: (result.groups.comments as IToken[] | undefined) ?? [] };
}
