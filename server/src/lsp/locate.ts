import type { Position, Range, Section, Storyboard, Text } from '../core/ast';
import type { Analysis } from '../core/analyze';
import { baseKind, characterAfter, characterBefore, continuesName, fieldOf, nameKey } from '../core/model';
import { rangeContains } from '../core/text';

// Finding things in the tree by position, and every place a character or a variant is named.

/** The section a line belongs to: the last section whose header is at or above it. */
export function sectionAt(storyboard: Storyboard, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of storyboard.sections) {
    if (section.headerRange.start.line <= line) found = section;
    else break;
  }
  return found;
}

/** The section whose own lines (header to last body line) hold this line. */
export function sectionOn(storyboard: Storyboard, line: number): Section | undefined {
  const section = sectionAt(storyboard, line);
  return section && section.range.end.line >= line ? section : undefined;
}

export function contains(range: Range, position: Position): boolean {
  return rangeContains(range, position);
}

export function onLine(range: Range, line: number): boolean {
  return range.start.line <= line && range.end.line >= line;
}

export type NameKind = 'character' | 'variant';

export interface Occurrence {
  kind: NameKind;
  name: string;
  range: Range;
  declaration: boolean;
}

/** Every whole-word occurrence of `word` in a single-line value, in any of its spellings (NFC, NFD). */
export function wordRanges(value: Text, word: string): Range[] {
  const found: Range[] = [];
  if (!word || value.range.start.line !== value.range.end.line) return found;
  for (const form of new Set([word, word.normalize('NFC'), word.normalize('NFD')])) {
    let from = 0;
    for (;;) {
      const at = value.text.indexOf(form, from);
      if (at < 0) break;
      const end = at + form.length;
      const joined = (character: string) => continuesName(character) || character === '-';
      if (!joined(characterBefore(value.text, at)) && !joined(characterAfter(value.text, end))) {
        const start = value.range.start.character + at;
        found.push({ start: { line: value.range.start.line, character: start }, end: { line: value.range.start.line, character: start + form.length } });
      }
      from = end;
    }
  }
  return found.sort((a, b) => a.start.character - b.start.character);
}

/** Every place a character or a variant is named: declarations, `say`, subjects, overrides, `from`. */
export function occurrences(analysis: Analysis): Occurrence[] {
  const { storyboard, names } = analysis;
  const found: Occurrence[] = [];
  const characterNames = new Map<string, string>();
  for (const character of storyboard.characters) {
    if (!character.name) continue;
    characterNames.set(nameKey(character.name.text), character.name.text);
    found.push({ kind: 'character', name: character.name.text, range: character.name.range, declaration: true });
  }
  const mentions = (value: Text | undefined) => {
    if (!value) return;
    for (const name of characterNames.values()) {
      for (const range of wordRanges(value, name)) found.push({ kind: 'character', name, range, declaration: false });
    }
  };
  for (const beat of storyboard.beats) {
    mentions(fieldOf(beat, 'subject')?.value);
    for (const say of beat.says) found.push({ kind: 'character', name: say.speaker.text, range: say.speaker.range, declaration: false });
  }
  for (const variant of storyboard.variants) {
    if (variant.name) found.push({ kind: 'variant', name: variant.name.text, range: variant.name.range, declaration: true });
    if (variant.base) {
      const kind = baseKind(variant.base.text, names);
      if (kind === 'variant' || (kind === 'unknown' && !/^take\d+$/i.test(variant.base.text))) {
        found.push({ kind: 'variant', name: variant.base.text, range: variant.base.range, declaration: false });
      }
    }
    for (const override of variant.overrides) {
      if (override.character) found.push({ kind: 'character', name: override.character.text, range: override.character.range, declaration: false });
      if (override.target === 'beat' && override.field.text.toLowerCase() === 'subject') mentions(override.value);
    }
  }
  return found;
}

export function occurrenceAt(analysis: Analysis, position: Position): { at: Occurrence; all: Occurrence[] } | undefined {
  const all = occurrences(analysis);
  const at = all.find((occurrence) => contains(occurrence.range, position));
  if (!at) return undefined;
  const key = nameKey(at.name);
  return { at, all: all.filter((occurrence) => occurrence.kind === at.kind && nameKey(occurrence.name) === key) };
}
