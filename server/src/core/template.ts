import { modelProfiles, profileFor, type ModelProfile } from './models';
import { allowsResolution, durationsFor, normalizeAspect } from './models/limits';

// The template behind "Sora: New Storyboard": a storyboard that follows the tested workflow, ready
// to be filled in, for the target the writer picks (or none yet). Its numbers are ones the target
// makes in one generation (length, aspect, resolution), and a target without native audio gets no
// dialogue or sound, so the checker reports one thing only: the logline placeholder, until the
// writer replaces it. Pure (no vscode, no Node): the client's New Storyboard and the tests use it.

export type Aspect = string;

export interface StoryboardTemplateOptions {
  /** The scene id: `09`, `12b`. */
  sceneId: string;
  aspect: Aspect;
  title?: string;
  /** A model id from the profile table; absent: no `model:` line (the seed workflow's numbers). */
  model?: string;
}

/** What the logline says until the writer gives the scene its sentence (the `placeholder` rule flags it). */
export const loglinePlaceholder = '<who wants what, and what happens, in one sentence>';

/** The scene length the workflow starts from when the target allows it. */
const preferredSeconds = 12;
const preferredResolution = '1080p';
const commonAspects = ['16:9', '9:16'];

const sceneIdPattern = /^\d{1,3}[a-z]?$/i;

/** An error message for a scene id that cannot name the file and its takes, or undefined when fine. */
export function validateSceneId(value: string): string | undefined {
  const id = value.trim();
  if (!id) return 'Enter a scene id, for example 09 or 12b.';
  if (!sceneIdPattern.test(id)) return 'A scene id is a number with an optional letter, for example 09 or 12b.';
  return undefined;
}

/** `9` → `09`, `12B` → `12b`. */
export function normalizeSceneId(value: string): string {
  const id = value.trim().toLowerCase();
  const match = /^(\d+)([a-z]?)$/.exec(id);
  if (!match) return id;
  return `${match[1].padStart(2, '0')}${match[2]}`;
}

/** `scene09.sora`: the name the takes are named after (`scene09_take01.mp4`). */
export function storyboardFileName(sceneId: string): string {
  return `scene${normalizeSceneId(sceneId)}.sora`;
}

/** A title fit for `scene 09 "TITLE"`: one line, no double quotes. */
export function cleanTitle(title: string | undefined): string {
  return (title ?? '').replace(/[\r\n]+/g, ' ').replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/** The targets New Storyboard offers: current ones, in the table's order. */
export function templateModels(): ModelProfile[] {
  return modelProfiles.filter((profile) => profile.status.kind === 'active');
}

/** The aspects to offer for a target: landscape and vertical where it makes them, else what it makes. */
export function templateAspects(model?: string): Aspect[] {
  const profile = profileFor(model);
  if (!profile) return [...commonAspects];
  const common = commonAspects.filter((aspect) => profile.aspects.includes(aspect));
  return common.length ? common : [...profile.aspects];
}

export interface TemplateNumbers {
  seconds: number;
  resolution: string;
  beats: number[];
  audio: boolean;
}

/** The template's clip for a target: `8 s · 1080p · with audio`, for the picker. */
export function templateSummary(model: string | undefined, aspect = '16:9'): string {
  const numbers = numbersFor(profileFor(model), aspect);
  return `${numbers.seconds} s in one generation · ${numbers.resolution} · ${numbers.audio ? 'with audio' : 'silent (dialogue for a separate voice step)'}`;
}

/**
 * Length, resolution and beat lengths the target makes in one generation: the longest length up to
 * 12 s first (a draft too short for three beats is what `duration-draft` warns of), then 1080p, or
 * the highest resolution that allows that length (Hailuo makes 10 s only below 1080p).
 */
function numbersFor(profile: ModelProfile | undefined, aspect: string): TemplateNumbers {
  if (!profile) return { seconds: preferredSeconds, resolution: preferredResolution, beats: [4, 4, 4], audio: true };
  const ranked = [preferredResolution, ...resolutionsHighestFirst(profile)].filter((resolution, i, all) => allowsResolution(profile, resolution) && all.indexOf(resolution) === i);
  let best: { seconds: number; resolution: string } | undefined;
  for (const resolution of ranked) {
    const lengths = durationsFor(profile, { aspect: normalizeAspect(aspect), resolution });
    const fitting = lengths.filter((seconds) => seconds <= preferredSeconds);
    const seconds = fitting.length ? fitting[fitting.length - 1] : lengths[0];
    if (seconds !== undefined && (!best || seconds > best.seconds)) best = { seconds, resolution };
  }
  const { seconds, resolution } = best ?? { seconds: preferredSeconds, resolution: ranked[0] ?? preferredResolution };
  const audio = profile.audio.dialogue && profile.audio.effects;
  return { seconds, resolution, beats: splitIntoThree(seconds), audio };
}

/** The profile's resolutions by their number of lines, highest first (`4k` > `1080p` > `768p`). */
function resolutionsHighestFirst(profile: ModelProfile): string[] {
  const lines = (resolution: string) => (/^(\d+)k$/.test(resolution) ? Number(resolution.slice(0, -1)) * 540 : parseInt(resolution, 10) || 0);
  return [...profile.resolutions].sort((a, b) => lines(b) - lines(a));
}

/** Three beats adding up to the clip, the longer ones first, in half seconds. */
function splitIntoThree(seconds: number): number[] {
  const halves = Math.round(seconds * 2);
  const base = Math.floor(halves / 3);
  return [0, 1, 2].map((i) => (base + (i < halves % 3 ? 1 : 0)) / 2);
}

export function storyboardTemplate(options: StoryboardTemplateOptions): string {
  const id = normalizeSceneId(options.sceneId);
  const title = cleanTitle(options.title);
  const vertical = options.aspect === '9:16';
  const header = title ? `scene ${id} "${title}"` : `scene ${id}`;
  const profile = profileFor(options.model);
  const numbers = numbersFor(profile, options.aspect);
  const [first, second, third] = numbers.beats;
  const sound = (line: string) => (numbers.audio ? [`  sound: ${line}`] : []);
  return [
    `// ${title || `Scene ${id}`}: lock the settings first, then 3–5 beats; check, compile, log and score each take.`,
    header,
    `logline: ${loglinePlaceholder}`,
    '',
    'settings',
    // Without a model line the seed workflow's numbers apply until the writer picks a target (`sora models`).
    ...(profile ? [`  model: ${profile.id}`] : []),
    `  aspect: ${options.aspect}`,
    `  resolution: ${numbers.resolution}`,
    `  duration: ${seconds(numbers.seconds)}`,
    ...(numbers.audio ? ['  audio: voice, ambience'] : []),
    '',
    'style',
    '  palette: teal and amber',
    '  lighting: overcast evening, consistent lighting',
    `  look: 35mm, ${vertical ? 'intimate' : 'grainy'}`,
    '',
    'character Ines',
    '  anchors: cropped grey hair, orange courier jacket, black backpack',
    '',
    `beat ${seconds(first)} Departure`,
    '  subject: Ines',
    '  action: pulls on her backpack and steps into the street',
    '  setting: narrow city street, wet cobblestones',
    '  emotion: focused',
    `  camera: ${vertical ? 'medium' : 'wide'}, static`,
    ...sound('light rain and distant traffic'),
    '',
    `beat ${seconds(second)} The platform`,
    '  subject: Ines',
    '  action: runs down the stairs onto the platform',
    '  setting: station platform, train doors open',
    '  emotion: urgent',
    '  camera: medium, static',
    ...sound('a whistle and echoing footsteps'),
    '',
    `beat ${seconds(third)} Aboard`,
    '  subject: Ines',
    '  action: slips through the closing doors and catches her breath',
    '  setting: train carriage, rain on the windows',
    '  emotion: relieved',
    '  camera: close-up, static',
    ...(numbers.audio ? [`  say Ines @${third >= 2 ? 1 : 0}s "Made it."`] : []),
    '',
  ].join('\n');
}

function seconds(value: number): string {
  return `${value}s`;
}
