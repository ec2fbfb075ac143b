import type { BeatSection, Range, Storyboard } from '../ast';
import type { Fix, Severity } from '../diagnostics';
import type { FileAccess } from '../files';
import type { Compilation } from '../compile';
import type { Names, SettingsView } from '../model';
import type { Target } from '../target/target';
import type { SequenceListing, SequenceSource } from '../sequence';
import type { TakeLog } from '../takes';
import type { LineIndex } from '../text';
import type { RuleCase } from './cases';

export interface RuleOptions {
  /** Speaking rate used to judge whether a line fits its time. */
  wordsPerSecond: number;
}

export interface Problem {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** Only for rules whose severity depends on the case (`timeline`: over is an error, under a warning). */
  severity?: Severity;
}

export interface RuleContext {
  readonly storyboard: Storyboard;
  readonly text: string;
  readonly lines: LineIndex;
  readonly names: Names;
  readonly settings: SettingsView;
  /** The storyboard's path, when it has one (for the scene id, references and the take log). */
  readonly documentPath?: string;
  /** The take log beside the storyboard, when it exists and parsed. */
  readonly takeLog?: TakeLog;
  readonly files?: FileAccess;
  /** The storyboard's workspace folder (forward slashes): files it names must lie inside. Default: its own folder. */
  readonly workspaceRoot?: string;
  readonly options: RuleOptions;
  /** The model the storyboard is for; `target.limits` is set for a current model only. */
  readonly target: Target;
  /** The storyboard compiled for its target (worked out once, on first use). */
  compiled(): Compilation;
  /** The sequence that lists this scene, as parsed (ranges in the sequence file). */
  readonly sequence?: SequenceSource;
  /**
   * The scene as written, without what it inherits. `storyboard` is the merged scene, whose
   * inherited parts carry `origin` and lie past the scene's last line.
   */
  readonly ownStoryboard?: Storyboard;
  /** For a sequence file: the workspace's other sequences and the scenes they list. */
  readonly otherSequences?: readonly SequenceListing[];
  /**
   * For a beat-scoped rule run by the incremental analysis: judge only this beat, or only what is
   * not a beat (`rest`). The storyboard stays whole (a fix may insert a section anywhere). Unset:
   * judge everything.
   */
  readonly scope?: 'rest' | { readonly beat: BeatSection };
  report(problem: Problem): void;
}

/** One rule of the checker: everything about one diagnostic code in one place. */
export interface Rule {
  code: string;
  /** Default severity; users can override it per code. */
  severity: Severity;
  /** When it fires, in one line (the design's rule table). */
  summary: string;
  /** Markdown for hovers and `sora explain`: the limit, why it exists, and what to do. */
  explanation: string;
  check(context: RuleContext): void;
  /**
   * `beat`: the rule judges each beat on its own. With `context.scope` set to one beat it reports
   * exactly that beat's problems (`judgedBeats`, `judgedSections`); with `rest`, everything else.
   * What it finds in a beat depends on nothing of the file but that beat's lines, the sections
   * that are not beats, and the options (never `compiled()`, `files`, or other beats), so the
   * incremental analysis reuses its problems per beat (see ../ruleCache).
   */
  scope?: 'beat';
  /** Its messages name line numbers: what it found in a beat is reused only while the beat has not moved. */
  linesInMessages?: boolean;
  /** A trigger, near misses and the fix's result for each way the rule fires (see `./cases`); the rule tests walk them. */
  cases: readonly RuleCase[];
}
