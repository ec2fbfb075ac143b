import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import {
  allTokens,
  AnyInLine,
  Beat,
  Character,
  Colon,
  Duration,
  From,
  Logline,
  Marker,
  Name,
  QuotedText,
  Reference,
  Say,
  Scene,
  Sequence,
  Settings,
  Style,
  Value,
  Variant,
  WholeNumber,
  Word,
} from './lexer';

// The parser reads one line at a time: the storyboard language is line-oriented, so a line that
// parses as nothing costs exactly one `syntax` diagnostic and never the rest of the file.
// Each statement rule returns the tokens it matched; the builder turns them into the AST.

export type LineNode =
  | { kind: 'sceneHeader'; keyword: IToken; id?: IToken; title?: IToken }
  | { kind: 'sequenceHeader'; keyword: IToken; title?: IToken }
  | { kind: 'logline'; keyword: IToken; value?: IToken }
  | { kind: 'reference'; keyword: IToken; value?: IToken }
  | { kind: 'sectionHeader'; keyword: IToken }
  | { kind: 'characterHeader'; keyword: IToken; name: IToken }
  | { kind: 'beatHeader'; keyword: IToken; duration: IToken; title: IToken[] }
  | { kind: 'variantHeader'; keyword: IToken; name: IToken; base: IToken }
  | { kind: 'say'; keyword: IToken; speaker: IToken; marker?: IToken; line: IToken }
  | { kind: 'field'; name: IToken; value?: IToken }
  | { kind: 'override'; keyword: IToken; beat?: IToken; character?: IToken; field: IToken; value?: IToken };

class LineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { maxLookahead: 4, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public line = this.RULE('line', (): LineNode => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.sceneHeader) },
      { ALT: () => this.SUBRULE(this.sequenceHeader) },
      { ALT: () => this.SUBRULE(this.keywordValueLine) },
      { ALT: () => this.SUBRULE(this.sectionOverride) },
      { ALT: () => this.SUBRULE(this.sectionHeader) },
      { ALT: () => this.SUBRULE(this.characterOverride) },
      { ALT: () => this.SUBRULE(this.characterHeader) },
      { ALT: () => this.SUBRULE(this.beatOverride) },
      { ALT: () => this.SUBRULE(this.beatHeader) },
      { ALT: () => this.SUBRULE(this.variantHeader) },
      { ALT: () => this.SUBRULE(this.sayLine) },
      { ALT: () => this.SUBRULE(this.fieldLine) },
    ]);
  });

  private sceneHeader = this.RULE('sceneHeader', (): LineNode => {
    const keyword = this.CONSUME(Scene);
    let id: IToken | undefined;
    let title: IToken | undefined;
    this.OPTION(() => {
      id = this.OR([
        { ALT: () => this.CONSUME(WholeNumber) },
        { ALT: () => this.CONSUME(Name) },
        { ALT: () => this.CONSUME(Word) },
      ]);
    });
    this.OPTION2(() => {
      title = this.CONSUME(QuotedText);
    });
    return { kind: 'sceneHeader', keyword, id, title };
  });

  private sequenceHeader = this.RULE('sequenceHeader', (): LineNode => {
    const keyword = this.CONSUME(Sequence);
    const title = this.OPTION(() => this.CONSUME(QuotedText));
    return { kind: 'sequenceHeader', keyword, title };
  });

  /** `logline: TEXT` and `reference: PATH`: sections of a single line. */
  private keywordValueLine = this.RULE('keywordValueLine', (): LineNode => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(Logline) }, { ALT: () => this.CONSUME(Reference) }]);
    this.CONSUME(Colon);
    const value = this.OPTION(() => this.CONSUME(Value));
    const kind = keyword.tokenType === Logline ? 'logline' : 'reference';
    return { kind, keyword, value };
  });

  private sectionHeader = this.RULE('sectionHeader', (): LineNode => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(Settings) }, { ALT: () => this.CONSUME(Style) }]);
    return { kind: 'sectionHeader', keyword };
  });

  /** `style lighting: ...` and `settings duration: ...` inside a variant. */
  private sectionOverride = this.RULE('sectionOverride', (): LineNode => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(Settings) }, { ALT: () => this.CONSUME(Style) }]);
    const field = this.CONSUME(Name);
    this.CONSUME(Colon);
    const value = this.OPTION(() => this.CONSUME(Value));
    return { kind: 'override', keyword, field, value };
  });

  private characterHeader = this.RULE('characterHeader', (): LineNode => {
    const keyword = this.CONSUME(Character);
    const name = this.CONSUME(Name);
    return { kind: 'characterHeader', keyword, name };
  });

  private characterOverride = this.RULE('characterOverride', (): LineNode => {
    const keyword = this.CONSUME(Character);
    const character = this.CONSUME(Name);
    const field = this.CONSUME2(Name);
    this.CONSUME(Colon);
    const value = this.OPTION(() => this.CONSUME(Value));
    return { kind: 'override', keyword, character, field, value };
  });

  private beatHeader = this.RULE('beatHeader', (): LineNode => {
    const keyword = this.CONSUME(Beat);
    const duration = this.CONSUME(Duration);
    const title: IToken[] = [];
    this.MANY(() => {
      title.push(this.CONSUME(AnyInLine));
    });
    return { kind: 'beatHeader', keyword, duration, title };
  });

  private beatOverride = this.RULE('beatOverride', (): LineNode => {
    const keyword = this.CONSUME(Beat);
    const beat = this.CONSUME(WholeNumber);
    const field = this.CONSUME(Name);
    this.CONSUME(Colon);
    const value = this.OPTION(() => this.CONSUME(Value));
    return { kind: 'override', keyword, beat, field, value };
  });

  private variantHeader = this.RULE('variantHeader', (): LineNode => {
    const keyword = this.CONSUME(Variant);
    const name = this.CONSUME(Name);
    this.CONSUME(From);
    const base = this.OR([{ ALT: () => this.CONSUME2(Name) }, { ALT: () => this.CONSUME(Word) }]);
    return { kind: 'variantHeader', keyword, name, base };
  });

  private sayLine = this.RULE('sayLine', (): LineNode => {
    const keyword = this.CONSUME(Say);
    const speaker = this.CONSUME(Name);
    const marker = this.OPTION(() => this.CONSUME(Marker));
    const line = this.CONSUME(QuotedText);
    return { kind: 'say', keyword, speaker, marker, line };
  });

  private fieldLine = this.RULE('fieldLine', (): LineNode => {
    const name = this.CONSUME(Name);
    this.CONSUME(Colon);
    const value = this.OPTION(() => this.CONSUME(Value));
    return { kind: 'field', name, value };
  });
}

let sharedParser: LineParser | undefined;

/** Parses the tokens of one line (no newline tokens). Returns undefined when the line matches no statement. */
export function parseLine(tokens: IToken[]): LineNode | undefined {
  sharedParser ??= new LineParser();
  sharedParser.input = tokens;
  const node = sharedParser.line();
  return sharedParser.errors.length === 0 ? node : undefined;
}
