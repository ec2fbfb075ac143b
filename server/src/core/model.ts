import type { BeatSection, CharacterSection, Field, Range, Section, Storyboard, Text, VariantSection } from './ast';
import { splitList } from './parse';
import type { TakeLog } from './takes';

// Derived views of a storyboard that rules, the compiler and the server share: field lookup,
// settings, name resolution, and the scene as a variant sees it.

/** The first field of that name (a later duplicate is reported, not used). */
export function fieldOf(section: Section | undefined, key: string): Field | undefined {
  return section?.fields.find((field) => field.key === key);
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

/**
 * The form names are compared in: `Émile` typed as one character or as `E` and a combining accent is
 * one name (NFC). Case still matters.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC');
}

/** Whether a text is one name as the lexer reads it (`Name` in lexer.ts): a letter of any script, then letters, marks, digits, `_`, `-`. */
export function isName(text: string): boolean {
  return /^\p{L}[\p{L}\p{M}\p{N}_-]*$/u.test(text);
}

export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (a === b || nameKey(a) === nameKey(b));
}

/** A map whose keys are names, looked up in their compared form (its keys are that form). */
export class NameMap<V> extends Map<string, V> {
  override get(name: string): V | undefined {
    return super.get(nameKey(name));
  }
  override has(name: string): boolean {
    return super.has(nameKey(name));
  }
  override set(name: string, value: V): this {
    return super.set(nameKey(name), value);
  }
  override delete(name: string): boolean {
    return super.delete(nameKey(name));
  }
}

export function resolveNames(storyboard: Storyboard, takeLog?: TakeLog): Names {
  const characters = new NameMap<CharacterSection>();
  for (const character of storyboard.characters) {
    if (character.name && !characters.has(character.name.text)) characters.set(character.name.text, character);
  }
  const variants = new NameMap<VariantSection>();
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
  for (const character of names.characters.values()) {
    const { at, name } = findName(subject.text, character.name!.text);
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

/** The first whole-word mention of a name in any of its spellings (as declared, NFC or NFD). */
export function findName(text: string, name: string): { at: number; name: string } {
  for (const form of new Set([name, name.normalize('NFC'), name.normalize('NFD')])) {
    const at = findWholeWord(text, form);
    if (at >= 0) return { at, name: form };
  }
  return { at: -1, name };
}

export function findWholeWord(text: string, word: string): number {
  let from = 0;
  while (from <= text.length) {
    const at = text.indexOf(word, from);
    if (at < 0) return -1;
    if (!word || (!continuesName(characterBefore(text, at)) && !continuesName(characterAfter(text, at + word.length)))) return at;
    from = at + 1;
  }
  return -1;
}

const nameCharacter = /^[\p{L}\p{M}\p{N}_]/u;

/** Whether a character (the letters, marks and digits of any script) would run on into a name beside it. */
export function continuesName(character: string): boolean {
  return nameCharacter.test(character);
}

/** The whole character (a surrogate pair whole) ending at an offset. */
export function characterBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text.slice(offset - 1, offset);
}

/** The whole character starting at an offset. */
export function characterAfter(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** What a base name refers to. */
export type BaseKind = 'main' | 'variant' | 'take' | 'unknown';

export function baseKind(base: string, names: Names): BaseKind {
  if (base === 'main') return 'main';
  if (names.variants.has(base)) return 'variant';
  if (names.takes.has(base)) return 'take';
  return 'unknown';
}
