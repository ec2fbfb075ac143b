import type { Storyboard } from './ast';
import { effectiveSeverity, resolveConfig, type ResolvedConfig } from './config';
import { sortDiagnostics, type Diagnostic } from './diagnostics';
import type { FileAccess } from './files';
import { withoutIgnored } from './ignore';
import { compile, type Compilation } from './compile';
import { readSettings, resolveNames, type Names, type SettingsView } from './model';
import type { ModelProfile } from './models/types';
import { parseStoryboard } from './parse';
import { rules } from './rules';
import { continuityRuleCodes, inheritFromSequence, sequenceFileRuleCodes, type SequenceListing, type SequenceSource } from './sequence';
import type { Problem, Rule, RuleContext } from './rules/types';
import type { TakeLog } from './takes';
import { resolveTarget, type Target } from './target/target';
import { LineIndex } from './text';
import type { BeatRuleCache } from './ruleCache';

export interface AnalyzeOptions {
  /** The storyboard's path (forward slashes), for the scene id, references and messages. */
  documentPath?: string;
  /** The parsed take log beside the storyboard, if there is one. */
  takeLog?: TakeLog;
  files?: FileAccess;
  /** The storyboard's workspace folder (forward slashes); references must lie inside. Default: its own folder. */
  workspaceRoot?: string;
  config?: ResolvedConfig;
  /** The profile table targets are looked up in (tests pass their own; the shipped one by default). */
  profiles?: readonly ModelProfile[];
  /** The sequence that lists this scene: the scene is checked with the settings, style and cast it inherits. */
  sequence?: SequenceSource;
  /** For a sequence file: the other sequences of the workspace, so a scene listed twice is found. */
  otherSequences?: readonly SequenceListing[];
}

export interface Analysis {
  /** The file as written (a scene's own sections, ranges in this file). */
  storyboard: Storyboard;
  /** For a scene of a sequence: the scene with what it inherits (inherited parts carry `origin`). */
  merged?: Storyboard;
  sequence?: SequenceSource;
  names: Names;
  settings: SettingsView;
  target: Target;
  lines: LineIndex;
  diagnostics: Diagnostic[];
}

/** Parse and check a storyboard: the one entry point the server, the CLI and the tests share. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // One line index per analysis: the parser and the rules share it.
  const lines = new LineIndex(text);
  const storyboard = parseStoryboard(text, lines);
  return check(text, storyboard, options, lines);
}

/**
 * Checks a storyboard already parsed from `text` (`lines` is the text's index, built if not given).
 * With a `cache` (the incremental analysis keeps one per document) beat-scoped rules reuse what they
 * found in beats that did not change.
 */
export function check(text: string, storyboard: Storyboard, options: AnalyzeOptions = {}, lines = new LineIndex(text), cache?: BeatRuleCache): Analysis {
  const sequence = options.sequence && !storyboard.sequence ? options.sequence : undefined;
  const merged = sequence ? inheritFromSequence(storyboard, sequence) : undefined;
  // The rules see the merged scene with inherited lines moved past the scene's end: whatever they
  // report or edit there belongs to the sequence, which reports it itself (once, not per scene).
  const firstForeignLine = lines.lineCount + 1;
  const checked = sequence ? inheritFromSequence(storyboard, sequence, { lineOffset: firstForeignLine }) : storyboard;
  const names = resolveNames(checked, options.takeLog);
  const settings = readSettings(checked);
  const config = options.config ?? resolveConfig();
  const target = resolveTarget(settings.model, undefined, options.profiles);
  let compilation: Compilation | undefined;
  // The prompt-length rule counts the prompt the writer will send: the scene with what it inherits.
  const compiled = () => (compilation ??= compile(merged ?? storyboard, { takeLog: options.takeLog, profiles: options.profiles }));
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  cache?.begin({ text, lines, checked, options: cacheOptionsKey(options, config) });
  for (const rule of rulesFor(storyboard, sequence)) {
    const severity = effectiveSeverity(config, rule.code, rule.severity);
    if (!severity) continue;
    const context: RuleContext = {
      storyboard: checked,
      text,
      lines,
      names,
      settings,
      documentPath: options.documentPath,
      takeLog: options.takeLog,
      files: options.files,
      workspaceRoot: options.workspaceRoot,
      options: { wordsPerSecond: config.wordsPerSecond },
      target,
      compiled,
      sequence,
      ownStoryboard: storyboard,
      otherSequences: options.otherSequences,
      report(problem: Problem) {
        if (problem.range.start.line >= firstForeignLine) return;
        // Each code once per place: a rule that meets the same place twice reports it once.
        const key = `${rule.code}@${problem.range.start.line}:${problem.range.start.character}-${problem.range.end.line}:${problem.range.end.character}`;
        if (seen.has(key)) return;
        seen.add(key);
        const ownSeverity = problem.severity ?? rule.severity;
        diagnostics.push({
          code: rule.code,
          severity: config.rules[rule.code] && config.rules[rule.code] !== 'off' ? severity : ownSeverity,
          message: problem.message,
          range: problem.range,
          fixes: (problem.fixes ?? []).filter((fix) => fix.edits.every((edit) => edit.range.end.line < firstForeignLine)),
        });
      },
    };
    if (cache && rule.scope === 'beat') cache.check(rule, context);
    else rule.check(context);
  }
  const mergedNames = merged ? resolveNames(merged, options.takeLog) : names;
  return {
    storyboard,
    merged,
    sequence,
    names: mergedNames,
    settings: merged ? readSettings(merged) : settings,
    target,
    lines,
    diagnostics: sortDiagnostics(withoutIgnored(diagnostics, lines)),
  };
}

/**
 * What the rules read besides the text, as a key: plain values as they are, objects by identity
 * (the target follows from the settings, which the cache reads, and the profiles). Not `files`: a
 * rule scoped to a beat never asks about files (see Rule.scope), and the server hands every
 * analysis a new snapshot of them, which would empty the cache on every keystroke.
 */
function cacheOptionsKey(options: AnalyzeOptions, config: ResolvedConfig): string {
  const { documentPath, workspaceRoot, takeLog, profiles, sequence, otherSequences } = options;
  return JSON.stringify([documentPath, workspaceRoot, config.wordsPerSecond, [takeLog, profiles, sequence, otherSequences].map(identityOf)]);
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function identityOf(value: object | undefined): number {
  if (!value) return 0;
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

/** A sequence file is checked for what applies to it; continuity rules need a scene with a sequence. */
function rulesFor(storyboard: Storyboard, sequence: SequenceSource | undefined): readonly Rule[] {
  if (storyboard.sequence) return rules.filter((rule) => sequenceFileRuleCodes.has(rule.code));
  if (!sequence) return rules.filter((rule) => !continuityRuleCodes.has(rule.code));
  return rules;
}
