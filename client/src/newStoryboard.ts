// The template behind "Sora: New Storyboard": a storyboard that follows the tested workflow, ready
// to be filled in. The checker reports one thing only: the logline placeholder, until the writer
// replaces it (the editor selects it). Pure: no vscode imports.

export type Aspect = '16:9' | '9:16';

export interface StoryboardTemplateOptions {
  /** The scene id: `09`, `12b`. */
  sceneId: string;
  aspect: Aspect;
  title?: string;
}

/** What the logline says until the writer gives the scene its sentence (the `placeholder` rule flags it). */
export const loglinePlaceholder = '<who wants what, and what happens, in one sentence>';

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

export function storyboardTemplate(options: StoryboardTemplateOptions): string {
  const id = normalizeSceneId(options.sceneId);
  const title = cleanTitle(options.title);
  const vertical = options.aspect === '9:16';
  const header = title ? `scene ${id} "${title}"` : `scene ${id}`;
  return [
    `// ${title || `Scene ${id}`}: lock the settings first, then 3–5 beats; check, compile, log and score each take.`,
    header,
    `logline: ${loglinePlaceholder}`,
    '',
    'settings',
    `  aspect: ${options.aspect}`,
    '  resolution: 1080p',
    '  duration: 12s',
    '  audio: voice, ambience',
    // No model line: the seed workflow's numbers apply until the writer picks a target (`sora models`).
    '',
    'style',
    '  palette: teal and amber',
    '  lighting: overcast evening, consistent lighting',
    `  look: 35mm, ${vertical ? 'intimate' : 'grainy'}`,
    '',
    'character Ines',
    '  anchors: cropped grey hair, orange courier jacket, black backpack',
    '',
    'beat 4s Departure',
    '  subject: Ines',
    '  action: pulls on her backpack and steps into the street',
    '  setting: narrow city street, wet cobblestones',
    '  emotion: focused',
    `  camera: ${vertical ? 'medium' : 'wide'}, static`,
    '  sound: light rain and distant traffic',
    '',
    'beat 4s The platform',
    '  subject: Ines',
    '  action: runs down the stairs onto the platform',
    '  setting: station platform, train doors open',
    '  emotion: urgent',
    '  camera: medium, static',
    '  sound: a whistle and echoing footsteps',
    '',
    'beat 4s Aboard',
    '  subject: Ines',
    '  action: slips through the closing doors and catches her breath',
    '  setting: train carriage, rain on the windows',
    '  emotion: relieved',
    '  camera: close-up, static',
    '  say Ines @1s "Made it."',
    '',
  ].join('\n');
}
