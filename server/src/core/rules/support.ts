import type { BeatSection, CharacterSection, Field, Range, Section, SectionKind, Storyboard, Text } from '../ast';
import type { TextEdit } from '../diagnostics';
import { fieldOf, subjectCharacters } from '../model';
import { formatSeconds } from '../text';
import { fieldIndent, insertLinesAfter, insertLinesBefore } from './edits';
import type { RuleContext } from './types';

// Helpers several rules share: where a new section or field goes, ranges inside a value, and the
// small bits of English messages are made of.

/** A sub-range of a one-line value, by offsets into its text. */
export function rangeIn(value: Text, start: number, end: number): Range {
  const line = value.range.start.line;
  const base = value.range.start.character;
  return { start: { line, character: base + start }, end: { line, character: base + end } };
}

/** A field's value, when it has one (an empty `camera:` counts as no camera). */
export function filled(section: Section | undefined, key: string): Field | undefined {
  const field = fieldOf(section, key);
  return field && field.value.text.trim() ? field : undefined;
}

/** Where a whole-file diagnostic goes: the scene header, else the first line that says something. */
export function topRange(context: RuleContext): Range {
  const { storyboard, lines } = context;
  if (storyboard.scene) return storyboard.scene.headerRange;
  const first = storyboard.sections[0];
  if (first) return first.headerRange;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const start = text.length - text.trimStart().length;
    if (text.trim()) return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export function seconds(value: number): string {
  return `${Math.round(value * 10) / 10} s`;
}

/**
 * Inserts a new section after the last of `after` that exists (in the order given, the first
 * found wins), else before the first section, else at the end of the file. A blank line separates it.
 */
export function insertSection(context: RuleContext, after: readonly SectionKind[], sectionLines: string[]): TextEdit {
  const { storyboard, lines } = context;
  for (const kind of after) {
    const sections = storyboard.sections.filter((section) => section.kind === kind);
    if (sections.length) {
      const last = sections[sections.length - 1];
      return insertLinesAfter(lines, last.range.end.line, ['', ...sectionLines]);
    }
  }
  const first = storyboard.sections[0];
  if (first) return insertLinesBefore(lines, first.headerRange.start.line, [...sectionLines, '']);
  const lastLine = lines.lineCount - 1;
  return insertLinesAfter(lines, lastLine, lines.lineText(lastLine).trim() ? ['', ...sectionLines] : sectionLines);
}

/** Inserts field lines (without indentation) after the section's last field, or its header. */
export function insertFields(context: RuleContext, section: Section, fieldLines: string[], afterLine?: number): TextEdit {
  const fieldStarts = section.fields.map((field) => field.range.start.line);
  const indent = fieldIndent(context.lines, fieldStarts);
  const line = afterLine ?? (fieldStarts.length ? Math.max(...fieldStarts) : section.headerRange.end.line);
  return insertLinesAfter(context.lines, line, fieldLines.map((text) => indent + text));
}

/** Appends `, addition` to a list value (or sets it, when the value is empty). */
export function appendToValue(value: Text, addition: string): TextEdit {
  if (!value.text.trim()) return { range: value.range, newText: addition };
  return { range: { start: value.range.end, end: value.range.end }, newText: `, ${addition}` };
}

/** The beats' durations rescaled so they add up to `target` seconds (half-second steps). */
export function scaleBeatEdits(beats: readonly BeatSection[], target: number): TextEdit[] {
  const timed = beats.filter((beat) => beat.duration);
  if (timed.length !== beats.length || beats.length === 0) return [];
  const total = beats[beats.length - 1].end;
  if (total <= 0 || Math.abs(total - target) < 0.001) return [];
  const edits: TextEdit[] = [];
  let used = 0;
  for (let i = 0; i < beats.length; i++) {
    const duration = beats[i].duration;
    if (!duration) return [];
    const scaled = i === beats.length - 1 ? Math.round((target - used) * 100) / 100 : Math.max(0.5, Math.round((duration.seconds * target) / total * 2) / 2);
    if (scaled <= 0) return [];
    used += scaled;
    if (scaled !== duration.seconds) edits.push({ range: duration.range, newText: formatSeconds(scaled) });
  }
  return edits;
}

/** The clip's duration set to `target`, with the beats rescaled so the timeline still adds up. */
export function setDurationEdits(context: RuleContext, target: number): TextEdit[] {
  const duration = context.settings.duration;
  if (!duration) return [];
  return [{ range: duration.text.range, newText: formatSeconds(target) }, ...scaleBeatEdits(context.storyboard.beats, target)];
}

/** A repeated `settings` or `style` section shares the first one's fields: visit those once. */
export function distinctSections(sections: readonly Section[]): Section[] {
  const seen: Field[][] = [];
  const result: Section[] = [];
  for (const section of sections) {
    if (section.kind === 'settings' || section.kind === 'style') {
      if (seen.includes(section.fields)) continue;
      seen.push(section.fields);
    }
    result.push(section);
  }
  return result;
}

const subjectCache = new WeakMap<Storyboard, Map<string, CharacterSection[]>>();

/** The declared characters a beat's subject names, worked out once per distinct subject text. */
/** The beats a rule judges: all of them, or the one the incremental analysis asks about (see RuleContext.scope). */
export function judgedBeats(context: RuleContext): readonly BeatSection[] {
  const scope = context.scope;
  if (!scope) return context.storyboard.beats;
  return scope === 'rest' ? [] : [scope.beat];
}

/** The sections a rule judges: all of them, those that are not beats, or one beat (see RuleContext.scope). */
export function judgedSections(context: RuleContext): readonly Section[] {
  const scope = context.scope;
  if (!scope) return context.storyboard.sections;
  return scope === 'rest' ? context.storyboard.sections.filter((section) => section.kind !== 'beat') : [scope.beat];
}

/** Whether a rule judges what is not a beat (variants, the cast) this time. */
export function judgesRest(context: RuleContext): boolean {
  return !context.scope || context.scope === 'rest';
}

export function subjectsOf(context: RuleContext, beat: BeatSection): CharacterSection[] {
  const subject = fieldOf(beat, 'subject')?.value.text;
  if (!subject) return [];
  let cache = subjectCache.get(context.storyboard);
  if (!cache) {
    cache = new Map();
    subjectCache.set(context.storyboard, cache);
  }
  let found = cache.get(subject);
  if (!found) {
    found = subjectCharacters(beat, context.names).map((f) => f.character);
    cache.set(subject, found);
  }
  return found;
}
