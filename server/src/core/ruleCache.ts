import type { BeatSection, Range, Storyboard } from './ast';
import type { Fix } from './diagnostics';
import type { Problem, Rule, RuleContext } from './rules/types';
import type { LineIndex } from './text';

// The per-beat cache of the incremental analysis. A rule marked `scope: 'beat'` judges each beat on
// its own, reading nothing of the file but that beat and the sections that are not beats (settings,
// style, cast, variants) and the options: so its problems in a beat are reused while the beat's
// lines, its number and timing, and everything it may read besides are unchanged. The beat may have
// moved: reused problems are shifted by as many lines. Problems that point outside their beat (a fix
// that edits the style) are never reused; that beat is judged again each time.

export interface CacheInputs {
  text: string;
  lines: LineIndex;
  /** The storyboard the rules see (a scene of a sequence: with what it inherits). */
  checked: Storyboard;
  /** Everything else a rule may read, as one string (paths, options, settings of the checker). */
  options: string;
}

/** Per beat-scoped rule (by its place in `ordinals`): the problems found, and the beat's header line when they were. */
type BeatEntry = ({ headerLine: number; problems: Problem[] } | undefined)[];

interface BeatSlot {
  beat: BeatSection;
  entry: BeatEntry;
  /** What tells a rule to judge this beat alone (made on first need). */
  scope?: { beat: BeatSection };
}

/** A beat object seen before (the tree reuses unchanged beats whole): its key, without reading its text again. */
interface KnownBeat {
  key: string;
  endsFile: boolean;
}

export class BeatRuleCache {
  private fingerprint: string | undefined;
  private entries = new Map<string, BeatEntry>();
  private known = new WeakMap<BeatSection, KnownBeat>();
  private readonly ordinals = new Map<string, number>();
  private slots: BeatSlot[] = [];
  /** Beats judged again by the last analysis, per rule, summed (for the tests and the bench). */
  misses = 0;

  /** Starts an analysis: keys every beat, and forgets everything when what the beats are judged against changed. */
  begin(inputs: CacheInputs): void {
    const fingerprint = `${inputs.options}\u0000${inputs.lines.eol}\u0000${contextText(inputs)}`;
    if (fingerprint !== this.fingerprint) {
      this.entries.clear();
      this.known = new WeakMap();
    }
    this.fingerprint = fingerprint;
    const next = new Map<string, BeatEntry>();
    this.slots = [];
    this.misses = 0;
    const lastLine = inputs.lines.lineCount - 1;
    for (const beat of inputs.checked.beats) {
      if (beat.origin) continue;
      const last = beat.range.end.line;
      const endsFile = last === lastLine;
      let known = this.known.get(beat);
      if (!known || known.endsFile !== endsFile) {
        // The text of its lines, its place in the timeline, and whether it ends the file (a fix that deletes its last line reads that).
        const text = inputs.text.slice(inputs.lines.lineStart(beat.headerRange.start.line), inputs.lines.lineEnd(last));
        known = { key: `${beat.index}|${beat.start}|${beat.end}|${endsFile}\u0000${text}`, endsFile };
        this.known.set(beat, known);
      }
      const entry = this.entries.get(known.key) ?? [];
      next.set(known.key, entry);
      this.slots.push({ beat, entry });
    }
    this.entries = next;
  }

  /** Runs a beat-scoped rule: on the sections that are not beats, then on each beat, from the cache where it can. */
  check(rule: Rule, context: RuleContext): void {
    rule.check({ ...context, scope: 'rest' });
    const ordinal = this.ordinalOf(rule);
    for (const slot of this.slots) {
      const first = slot.beat.headerRange.start.line;
      const cached = slot.entry[ordinal];
      if (cached && (cached.headerLine === first || !rule.linesInMessages)) {
        const shift = first - cached.headerLine;
        for (const problem of cached.problems) context.report(shift ? shiftProblem(problem, shift) : problem);
        continue;
      }
      this.misses++;
      const found: Problem[] = [];
      slot.scope ??= { beat: slot.beat };
      rule.check({ ...context, scope: slot.scope, report: (problem) => void found.push(problem) });
      slot.entry[ordinal] = found.every((problem) => insideBeat(problem, first, slot.beat.range.end.line)) ? { headerLine: first, problems: found } : undefined;
      for (const problem of found) context.report(problem);
    }
  }

  private ordinalOf(rule: Rule): number {
    let ordinal = this.ordinals.get(rule.code);
    if (ordinal === undefined) {
      ordinal = this.ordinals.size;
      this.ordinals.set(rule.code, ordinal);
    }
    return ordinal;
  }
}

/** The lines of every section that is not a beat: what a beat is judged against. */
function contextText({ text, lines, checked }: CacheInputs): string {
  const parts: string[] = [];
  for (const section of checked.sections) {
    if (section.kind === 'beat' || section.origin) continue;
    parts.push(text.slice(lines.lineStart(section.headerRange.start.line), lines.lineEnd(section.range.end.line)));
  }
  // A variant names beats by number: how many there are is part of what it is judged against.
  parts.push(String(checked.beats.length));
  return parts.join('\u0000');
}

function insideBeat(problem: Problem, first: number, last: number): boolean {
  if (!within(problem.range, first, last)) return false;
  for (const fix of problem.fixes ?? []) {
    if (fix.otherFiles?.length) return false;
    for (const edit of fix.edits) if (!within(edit.range, first, last + 1)) return false;
  }
  return true;
}

function within(range: Range, first: number, last: number): boolean {
  return range.start.line >= first && range.end.line <= last;
}

function shiftProblem(problem: Problem, shift: number): Problem {
  return { ...problem, range: shiftRange(problem.range, shift), fixes: problem.fixes?.map((fix) => shiftFix(fix, shift)) };
}

function shiftFix(fix: Fix, shift: number): Fix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: shiftRange(edit.range, shift) })) };
}

function shiftRange(range: Range, shift: number): Range {
  return { start: { line: range.start.line + shift, character: range.start.character }, end: { line: range.end.line + shift, character: range.end.character } };
}
