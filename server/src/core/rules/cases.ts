import type { SequenceListing } from '../sequence';
import type { TakeLog } from '../takes';

// Each rule carries its own cases (`Rule.cases`): a storyboard that triggers it, near misses that
// must not, and the text its preferred fix leaves. One generic test walks the rule table and checks
// them all, so a new rule is its file plus its line in the table. The cases start from `clean` below
// (a storyboard with no diagnostic at all) and change one thing; this module holds the sample and the
// few changes several rules share.

/** What the analysis is told besides the text; plain data, so the cases stay in the pure core. */
export interface CaseSetup {
  /** The storyboard's path (forward slashes). */
  documentPath?: string;
  /** The files that exist (absolute, forward slashes); a folder lists the ones directly in it. Unset: no file access. */
  files?: readonly string[];
  takeLog?: TakeLog;
  wordsPerSecond?: number;
  /** The sequence that lists this scene, as text. */
  sequence?: { path: string; text: string };
  otherSequences?: readonly SequenceListing[];
}

export interface NearMiss {
  /** What it shows, e.g. "aspect 9:16". */
  name: string;
  text: string;
  setup?: CaseSetup;
}

export interface RuleCase {
  /** What the trigger shows, e.g. "aspect 4:3". */
  name: string;
  /** A storyboard that gets exactly one diagnostic of the rule's code. */
  trigger: string;
  /** The text that diagnostic underlines: its first occurrence in `trigger`, or the `occurrence`th. */
  underlines: string;
  /** Which occurrence of `underlines` (1 = the first). */
  occurrence?: number;
  /** When the case reports at another severity than the rule's default (a profile's confidence). */
  severity?: 'error' | 'warning' | 'info';
  setup?: CaseSetup;
  /** For a rule that offers a fix: the changes its preferred fix makes to `trigger` (as `edit` takes them). */
  fixed?: readonly Change[];
  /** Storyboards close to `trigger` that must not get this code. */
  nearMisses: readonly NearMiss[];
}

/** Replace the first occurrence of `from` with `to`. */
export type Change = readonly [from: string, to: string];

/** A storyboard that yields no diagnostic at all. It names no model, so the seed workflow's numbers apply. */
export const clean = [
  '// Harbour, scene 05',
  'scene 05 "Harbour"',
  'logline: A fisherman mends his net as the fog lifts.',
  '',
  'settings',
  '  aspect: 16:9',
  '  resolution: 1080p',
  '  duration: 12s',
  '  audio: voice, ambience',
  '',
  'style',
  '  palette: grey and ochre',
  '  lighting: misty morning, consistent lighting',
  '  look: 35mm, soft',
  '',
  'character Ivo',
  '  anchors: grey beard, orange oilskin coat, knitted cap',
  '',
  'beat 4s The net',
  '  subject: Ivo',
  '  action: pulls the net across his knees',
  '  setting: wooden pier, fog over the water',
  '  emotion: patient',
  '  camera: medium, static',
  '  sound: gulls and lapping water',
  '',
  'beat 4s The knot',
  '  subject: Ivo',
  '  action: ties a knot with quick fingers',
  '  setting: close on the net, wet rope',
  '  emotion: focused',
  '  camera: close-up, static',
  '  say Ivo @1s "Almost there."',
  '',
  'beat 4s The harbour',
  '  subject: the harbour',
  '  action: fog thins over the moored boats',
  '  setting: harbour mouth, calm water',
  '  emotion: quiet',
  '  camera: wide, slow push in',
  '  sound: a distant bell',
  '',
].join('\n');

/** `text` with each change applied in turn; a `from` that does not occur is a mistake in the case. */
export function edit(text: string, ...changes: readonly Change[]): string {
  let result = text;
  for (const [from, to] of changes) {
    if (!result.includes(from)) throw new Error(`rule case: "${from}" not found`);
    result = result.replace(from, to);
  }
  return result;
}

/** `text` (default `clean`) for a model: a `model:` line first in its settings. */
export function withModel(id: string, text = clean): string {
  return edit(text, ['\nsettings\n', `\nsettings\n  model: ${id}\n`]);
}

/** `clean` with another clip length and beat lengths. */
export function withDurations(total: string, first: string, second: string, third: string): string {
  return edit(clean, ['duration: 12s', `duration: ${total}`], ['beat 4s The net', `beat ${first} The net`], ['beat 4s The knot', `beat ${second} The knot`], ['beat 4s The harbour', `beat ${third} The harbour`]);
}

/** `clean` followed by variant blocks. */
export function withVariants(...blocks: string[]): string {
  return `${clean}\n${blocks.join('\n\n')}\n`;
}

/** `clean` with a `reference:` line before the first beat. */
export function withReference(path: string): string {
  return edit(clean, ['\nbeat 4s The net', `\nreference: ${path}\n\nbeat 4s The net`]);
}

/** `clean` with a second character, Mae, who is declared but not in any beat. */
export const withMae = edit(clean, ['\nbeat 4s The net', '\ncharacter Mae\n  anchors: red hat, long green coat, round glasses\n\nbeat 4s The net']);

/** Where `clean` sits on disk in the cases that need a path, and the one reference file beside it. */
export const onDisk: CaseSetup = { documentPath: '/work/scenes/scene05.sora', files: ['/work/scenes/scene05.sora', '/work/scenes/refs/harbour.png'] };

/** A sequence that locks exactly what `clean` sets, so `clean` (its scene05) stays clean under it. */
export const cleanSequence = [
  'sequence "Harbour Days"',
  '  scenes: scene05.sora, scene06.sora',
  '',
  'settings',
  '  aspect: 16:9',
  '  resolution: 1080p',
  '',
  'style',
  '  palette: grey and ochre',
  '  lighting: misty morning, consistent lighting',
  '  look: 35mm, soft',
  '',
  'character Ivo',
  '  anchors: grey beard, orange oilskin coat, knitted cap',
  '',
].join('\n');

export const sequencePath = '/film/harbour.sora';
export const scenePath = '/film/scene05.sora';

/** The folder of the sequence: itself, its two scenes and a stray note. */
export const filmFiles = ['/film/harbour.sora', '/film/scene05.sora', '/film/scene06.sora', '/film/notes.txt'];

/** `clean` as scene05 of `sequenceText`. */
export function inSequence(sequenceText = cleanSequence): CaseSetup {
  return { documentPath: scenePath, sequence: { path: sequencePath, text: sequenceText } };
}

/** Checking the sequence file itself, in its folder. */
export const asSequence: CaseSetup = { documentPath: sequencePath, files: filmFiles };
