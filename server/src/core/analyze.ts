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
import type { Problem, RuleContext } from './rules/types';
import type { TakeLog } from './takes';
import { resolveTarget, type Target } from './target/target';
import { LineIndex } from './text';

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
}

export interface Analysis {
  storyboard: Storyboard;
  names: Names;
  settings: SettingsView;
  target: Target;
  lines: LineIndex;
  diagnostics: Diagnostic[];
}

/** Parse and check a storyboard: the one entry point the server, the CLI and the tests share. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const storyboard = parseStoryboard(text);
  return check(text, storyboard, options);
}

export function check(text: string, storyboard: Storyboard, options: AnalyzeOptions = {}): Analysis {
  const lines = new LineIndex(text);
  const names = resolveNames(storyboard, options.takeLog);
  const settings = readSettings(storyboard);
  const config = options.config ?? resolveConfig();
  const target = resolveTarget(settings.model, undefined, options.profiles);
  let compilation: Compilation | undefined;
  const compiled = () => (compilation ??= compile(storyboard, { takeLog: options.takeLog, profiles: options.profiles }));
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const severity = effectiveSeverity(config, rule.code, rule.severity);
    if (!severity) continue;
    const context: RuleContext = {
      storyboard,
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
      report(problem: Problem) {
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
          fixes: problem.fixes ?? [],
        });
      },
    };
    rule.check(context);
  }
  return { storyboard, names, settings, target, lines, diagnostics: sortDiagnostics(withoutIgnored(diagnostics, lines)) };
}
