import type { BeatSection, CharacterSection, Field, Range, Section, Storyboard, Text, VariantSection } from './ast';
import { splitList } from './parse';
import type { TakeLog } from './takes';

// Derived views of a storyboard that rules, the compiler and the server share: field lookup,
// settings, name resolution, and the scene as a variant sees it.

/** The first field of that name (a later duplicate is reported, not used). */
export function fieldOf(section: Section | undefined, key: string): Field | undefined {
  return section?.fields.find((field) => field.key === key);
}

export function valueOf(section: Section | undefined, key: string): string | undefined {
  return fieldOf(section, key)?.value.text;
}

export interface SettingsView {
  aspect?: Text;
  resolution?: Text;
  duration?: { seconds: number; text: Text };
  audio?: Text[];
  model?: Text;
}

export function readSettings(storyboard: Storyboard): SettingsView {
  const settings = storyboard.settings;
  const view: SettingsView = {};
  if (!settings) return view;
  view.aspect = fieldOf(settings, 'aspect')?.value;
  view.resolution = fieldOf(settings, 'resolution')?.value;
  view.model = fieldOf(settings, 'model')?.value;
  const duration = fieldOf(settings, 'duration')?.value;
  const seconds = duration ? parseDuration(duration.text) : undefined;
  if (duration && seconds !== undefined) view.duration = { seconds, text: duration };
  const audio = fieldOf(settings, 'audio')?.value;
  if (audio) view.audio = splitList(audio);
  return view;
}

/** `12s`, `1.5s` (also `12` and `12 s`, which writers type) to seconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*s?$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

export interface Names {
  characters: Map<string, CharacterSection>;
  variants: Map<string, VariantSection>;
  takes: Set<string>;
}

export function resolveNames(storyboard: Storyboard, takeLog?: TakeLog): Names {
  const characters = new Map<string, CharacterSection>();
  for (const character of storyboard.characters) {
    if (character.name && !characters.has(character.name.text)) characters.set(character.name.text, character);
  }
  const variants = new Map<string, VariantSection>();
  for (const variant of storyboard.variants) {
    if (variant.name && !variants.has(variant.name.text)) variants.set(variant.name.text, variant);
  }
  return { characters, variants, takes: new Set(takeLog?.takes.map((take) => take.id) ?? []) };
}

/** Declared characters named in a beat's subject, in the order they appear. */
export function subjectCharacters(beat: BeatSection, names: Names): { character: CharacterSection; range: Range }[] {
  const subject = fieldOf(beat, 'subject')?.value;
  if (!subject) return [];
  const found: { character: CharacterSection; range: Range; at: number }[] = [];
  for (const [name, character] of names.characters) {
    const at = findWholeWord(subject.text, name);
    if (at >= 0) {
      const start = subject.range.start.character + at;
      found.push({
        character,
        at,
        range: { start: { line: subject.range.start.line, character: start }, end: { line: subject.range.start.line, character: start + name.length } },
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ character, range }) => ({ character, range }));
}

export function findWholeWord(text: string, word: string): number {
  let from = 0;
  while (from <= text.length) {
    const at = text.indexOf(word, from);
    if (at < 0) return -1;
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + word.length] ?? '';
    if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) return at;
    from = at + 1;
  }
  return -1;
}

/** What a base name refers to. */
export type BaseKind = 'main' | 'variant' | 'take' | 'unknown';

export function baseKind(base: string, names: Names): BaseKind {
  if (base === 'main') return 'main';
  if (names.variants.has(base)) return 'variant';
  if (names.takes.has(base)) return 'take';
  return 'unknown';
}
