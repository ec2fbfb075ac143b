import type { CharacterSection, Field, Section, SequenceSection, Storyboard, Text } from './ast';
import { baseName, resolveRelativePath } from './files';

// A sequence locks settings, style and cast once for the scenes it lists. Here is what a scene
// inherits, as a pure function of the two parsed files: the merged scene keeps the scene's own
// fields and characters and adds the sequence's others, each still pointing at the file and range
// it was written at (`origin`), so diagnostics, hovers and edits can tell the two files apart.

/** A parsed sequence file and where it is (an absolute path with forward slashes). */
export interface SequenceSource {
  path: string;
  storyboard: Storyboard;
}

/** Another sequence in the workspace and the scene files it lists (absolute paths). */
export interface SequenceListing {
  path: string;
  scenes: string[];
}

export interface InheritOptions {
  /**
   * Moves every inherited range this many lines down. The checker inherits past the scene's last
   * line, so a range that a rule reports or edits is unambiguously the sequence's (see analyze).
   */
  lineOffset?: number;
}

/** The scene as a sequence's scene: its own sections plus what it inherits. `sections` stays the scene's own. */
export function inheritFromSequence(scene: Storyboard, sequence: SequenceSource, options: InheritOptions = {}): Storyboard {
  const source = sequence.storyboard;
  const offset = options.lineOffset ?? 0;
  const inherited = (section: Section): Section => ({ ...shifted(section, offset), origin: sequence.path });
  const ownNames = new Set(scene.characters.map((character) => character.name?.text).filter((name) => name !== undefined));
  const characters = source.characters
    .filter((character) => character.name && !ownNames.has(character.name.text))
    .map((character) => inherited(character) as CharacterSection);
  return {
    ...scene,
    settings: mergeFields(scene.settings, source.settings, inherited, sequence.path, offset),
    style: mergeFields(scene.style, source.style, inherited, sequence.path, offset),
    characters: [...scene.characters, ...characters],
    inheritsFrom: sequence.path,
  };
}

/** The scene's own section with the sequence's fields it does not set appended; or the sequence's section. */
function mergeFields<T extends Section>(
  own: T | undefined,
  fromSequence: T | undefined,
  inherited: (section: Section) => Section,
  path: string,
  offset: number,
): T | undefined {
  if (!fromSequence) return own;
  if (!own) return inherited(fromSequence) as T;
  const ownKeys = new Set(own.fields.map((field) => field.key));
  const added = fromSequence.fields
    .filter((field) => !ownKeys.has(field.key))
    .map((field) => ({ ...shifted(field, offset), origin: path }) as Field);
  return { ...own, fields: [...own.fields, ...added] };
}

/** A deep copy with every position moved `offset` lines down (the same object back when 0). */
function shifted<T>(value: T, offset: number): T {
  if (offset === 0) return value;
  return shiftDeep(value, offset) as T;
}

function shiftDeep(value: unknown, offset: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftDeep(item, offset));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.line === 'number' && typeof record.character === 'number' && Object.keys(record).length === 2) {
    return { line: record.line + offset, character: record.character };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) copy[key] = shiftDeep(item, offset);
  return copy;
}

/** A sequence's `scenes:` entries with the absolute path each one names. */
export function sceneEntries(sequence: SequenceSource): { entry: Text; path: string }[] {
  const section = sequence.storyboard.sequence;
  if (!section) return [];
  return section.scenes.map((entry) => ({ entry, path: resolveRelativePath(sequence.path, entry.text) }));
}

/** The first sequence (in the order given) that lists the scene, and the scene's place in it. */
export function sequenceOf(
  scenePath: string,
  sequences: readonly SequenceSource[],
): { sequence: SequenceSource; index: number; count: number } | undefined {
  for (const sequence of sequences) {
    const entries = sceneEntries(sequence);
    const index = entries.findIndex((entry) => samePath(entry.path, scenePath));
    if (index >= 0) return { sequence, index, count: entries.length };
  }
  return undefined;
}

/** Paths compare with forward slashes; Windows drive letters in either case. */
export function samePath(a: string, b: string): boolean {
  const normalize = (path: string) => path.replace(/\\/g, '/').replace(/^([a-z]):/, (_, drive: string) => `${drive.toUpperCase()}:`);
  return normalize(a) === normalize(b);
}

/** The file's folder, with forward slashes. */
export function folderOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const name = baseName(normalized);
  return normalized.slice(0, normalized.length - name.length - 1) || '/';
}

/** A cheap look at the first section (past blank and comment lines), so a scan parses only sequence files. */
export function looksLikeSequence(text: string): boolean {
  return /^(?:\uFEFF)?(?:[ \t]*(?:\/\/[^\r\n]*)?(?:\r\n|\r|\n))*[ \t]*sequence(?![^\s:"@])/i.test(text);
}

/** Whether the section was inherited from a sequence rather than written in the scene. */
export function isInherited(item: { origin?: string }): boolean {
  return item.origin !== undefined;
}

export type { SequenceSection };

/**
 * The rules that judge a sequence file: what its scenes inherit (settings values, style, anchors,
 * consent) and the list itself. Scene rules (beats, timing, logline…) do not apply to it.
 */
export const sequenceFileRuleCodes: ReadonlySet<string> = new Set([
  'syntax',
  'unknown-field',
  'duplicate-field',
  'duplicate-name',
  'aspect',
  'resolution',
  'style-missing',
  'style-words',
  'anchor-count',
  'cameo-consent',
  // A sequence's settings and style name the target and its negatives like a scene's do.
  'model-unknown',
  'model-retired',
  'negative-discouraged',
  'placeholder',
  'sequence-scene-missing',
  'sequence-duplicate',
]);

/** The rules that compare a scene with its sequence: they run only on a scene that has one. */
export const continuityRuleCodes: ReadonlySet<string> = new Set(['continuity-anchors', 'continuity-style', 'continuity-settings']);
