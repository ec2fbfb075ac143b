// The typed syntax tree of a `.sora` storyboard. Every node and every value carries its source
// range in LSP coordinates (0-based line and UTF-16 character), so diagnostics, hovers, the
// outline and the preview's source map never have to re-scan the text.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of source text: the trimmed value and where it stands. */
export interface Text {
  text: string;
  range: Range;
}

/** A duration such as `4s` or a marker such as `@1s`: seconds plus where it was written. */
export interface Seconds {
  seconds: number;
  range: Range;
}

/** `name: value` inside a section. `key` is the lower-cased field name. */
export interface Field {
  key: string;
  name: Text;
  value: Text;
  /** The whole line, from the field name to the end of the value. */
  range: Range;
  /** The file the field was written in, when a scene inherits it from its sequence. */
  origin?: string;
}

export type SectionKind =
  | 'scene'
  | 'logline'
  | 'settings'
  | 'style'
  | 'character'
  | 'reference'
  | 'beat'
  | 'variant'
  | 'sequence';

interface SectionBase {
  kind: SectionKind;
  /** The section keyword as written (`Beat`, `beat`, ...). */
  keyword: Text;
  /** The header line. */
  headerRange: Range;
  /** From the header to the last non-blank line that belongs to the section. */
  range: Range;
  /** Field lines in source order, known or not (rules judge unknown and duplicate fields). */
  fields: Field[];
  /**
   * The file the section was written in, when it is not the storyboard's own: a section a scene
   * inherits from its sequence (its ranges are then positions in that file).
   */
  origin?: string;
}

export interface SceneSection extends SectionBase {
  kind: 'scene';
  id?: Text;
  title?: Text;
}

/** `sequence "TITLE"` with its `scenes:` lines: the first section of a sequence file. */
export interface SequenceSection extends SectionBase {
  kind: 'sequence';
  title?: Text;
  /** Every `scenes:` entry in film order, across all `scenes:` lines (each line appends). */
  scenes: Text[];
}

export interface LoglineSection extends SectionBase {
  kind: 'logline';
  value?: Text;
}

export interface SettingsSection extends SectionBase {
  kind: 'settings';
}

export interface StyleSection extends SectionBase {
  kind: 'style';
}

export type ConsentStatus = 'approved' | 'pending' | 'revoked' | 'invalid';

export interface Consent {
  status: ConsentStatus;
  date?: Text;
  linesApproved: boolean;
  value: Text;
}

export interface CharacterSection extends SectionBase {
  kind: 'character';
  name?: Text;
  /** The last `anchors:` field, split at commas; empty when absent. */
  anchors: Text[];
  cameo?: Text;
  consent?: Consent;
}

export interface ReferenceSection extends SectionBase {
  kind: 'reference';
  path?: Text;
}

export interface SayLine {
  speaker: Text;
  marker?: Seconds;
  /** The spoken words, without the quotes. */
  line: Text;
  range: Range;
}

export interface BeatSection extends SectionBase {
  kind: 'beat';
  /** 1-based position among the beats. */
  index: number;
  duration?: Seconds;
  title?: Text;
  says: SayLine[];
  /** Absolute span in seconds, from the timing model. */
  start: number;
  end: number;
}

export type OverrideTarget = 'beat' | 'style' | 'settings' | 'character';

export interface Override {
  target: OverrideTarget;
  /** For `beat N FIELD:`. */
  beat?: { number: number; range: Range };
  /** For `character NAME anchors:`. */
  character?: Text;
  field: Text;
  value: Text;
  range: Range;
}

export interface VariantSection extends SectionBase {
  kind: 'variant';
  name?: Text;
  base?: Text;
  overrides: Override[];
}

export type Section =
  | SceneSection
  | LoglineSection
  | SettingsSection
  | StyleSection
  | CharacterSection
  | ReferenceSection
  | BeatSection
  | VariantSection
  | SequenceSection;

export interface Comment {
  text: string;
  range: Range;
}

export interface SyntaxError {
  message: string;
  range: Range;
}

export interface Storyboard {
  /** All sections in source order. */
  sections: Section[];
  scene?: SceneSection;
  /** Set when the file is a sequence (its first section is `sequence`). */
  sequence?: SequenceSection;
  logline?: LoglineSection;
  settings?: SettingsSection;
  style?: StyleSection;
  characters: CharacterSection[];
  references: ReferenceSection[];
  beats: BeatSection[];
  variants: VariantSection[];
  comments: Comment[];
  syntaxErrors: SyntaxError[];
  /**
   * Set on a merged scene (see `inheritFromSequence`): the sequence file whose settings, style and
   * characters it inherits. Inherited sections and fields carry the same path as `origin`.
   */
  inheritsFrom?: string;
  /** Number of lines in the document (a trailing newline starts an empty last line). */
  lineCount: number;
}
