import type { Storyboard } from './ast';
import { fieldOf } from './model';

// Fountain, the plain-text screenplay format, to and from storyboards. A scene of a screenplay says
// where (the heading), what happens (action) and who says what (cues and dialogue); it does not
// say how long, through which lens, or what anyone looks like. So an imported storyboard takes the
// first three from the script and leaves the rest as `<…>` placeholders that the checker flags,
// never invented. Parsing Fountain itself is the host's (the CLI uses fountain-js): this module
// reads its tokens.

/** A token as Fountain parsers give them: `scene_heading`, `action`, `character`, `dialogue`, … */
export interface FountainToken {
  type: string;
  text?: string;
  scene_number?: string;
}

export type FountainItem = { kind: 'action'; text: string; subject?: string } | { kind: 'dialogue'; character: string; text: string };

export interface FountainScene {
  /** 1-based place in the script. */
  number: number;
  heading: string;
  /** The number written on the heading (`#12#`), if any. */
  written?: string;
  items: FountainItem[];
}

export interface FountainScript {
  title?: string;
  scenes: FountainScene[];
}

/** The script's scenes, in order. Text before the first heading is not a scene and is left out. */
export function fountainScenes(tokens: readonly FountainToken[]): FountainScript {
  const scenes: FountainScene[] = [];
  let title: string | undefined;
  let current: FountainScene | undefined;
  let speaker: string | undefined;
  for (const token of tokens) {
    const text = cleanText(token.text ?? '');
    switch (token.type) {
      case 'title':
        title ??= text || undefined;
        break;
      case 'scene_heading':
        current = { number: scenes.length + 1, heading: text, written: token.scene_number || undefined, items: [] };
        scenes.push(current);
        break;
      case 'action': {
        // `[[subject: Mara]]` before an action is how `sora export` keeps a beat's subject (a note does not print).
        const note = /^\s*\[\[\s*subject:\s*([^\]]*?)\s*\]\]/i.exec(token.text ?? '');
        if (current && text) current.items.push({ kind: 'action', text, subject: note ? cleanText(note[1]) || undefined : undefined });
        break;
      }
      case 'character':
        speaker = text;
        break;
      case 'dialogue':
      case 'lyrics':
        if (current && speaker && text) {
          const last = current.items[current.items.length - 1];
          // One speech in several dialogue tokens (around a parenthetical) is one line.
          if (last?.kind === 'dialogue' && last.character === speaker && token.type === 'dialogue' && previousWasSameSpeech(tokens, token)) last.text += ` ${text}`;
          else current.items.push({ kind: 'dialogue', character: speaker, text });
        }
        break;
      case 'dialogue_end':
        speaker = undefined;
        break;
      default:
        break;
    }
  }
  return { title, scenes };
}

function previousWasSameSpeech(tokens: readonly FountainToken[], token: FountainToken): boolean {
  const at = tokens.indexOf(token);
  for (let i = at - 1; i >= 0; i--) {
    const type = tokens[i].type;
    if (type === 'parenthetical') continue;
    return type === 'dialogue';
  }
  return false;
}

/** Fountain's emphasis, notes and line breaks out: the words as a storyboard line holds them. */
export function cleanText(text: string): string {
  return text
    .replace(/\[\[[\s\S]*?\]\]/g, ' ')
    .replace(/\\([*_])/g, '$1')
    .replace(/(\*{1,3}|_)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `MARA (V.O.)` → `Mara`; `OLD MAN` → `Old-Man`: a storyboard name from a character cue. */
export function nameFromCue(cue: string): string {
  const bare = cue.replace(/\(.*?\)/g, ' ').replace(/[\^@]/g, ' ').trim();
  const words = bare.split(/[\s.']+/).filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join('-');
}

/** `INT. LIGHTHOUSE - NIGHT` → place `lighthouse`, `lighthouse, night` as the setting. */
export function readHeading(heading: string): { place: string; setting: string } {
  const withoutPrefix = heading.replace(/^\s*(?:\.(?!\.)|(?:INT\.?\/EXT|INT|EXT|EST|I\/E)\.?\s+)/i, '').replace(/#[^#]*#\s*$/, '').trim();
  const parts = withoutPrefix.split(/\s+[-–—]\s+/).map((part) => part.trim()).filter(Boolean);
  const place = parts[0] ?? withoutPrefix;
  return { place, setting: parts.join(', ').toLowerCase() };
}

export interface ImportOptions {
  /** The script's file name, for the comment that says where the scaffold came from. */
  source: string;
  /** The clip length the beats split evenly (12 s, the language's default draft length). */
  seconds?: number;
}

export const placeholders = {
  logline: '<one sentence: who does what, where>',
  aspect: '<16:9 or 9:16>',
  resolution: '<1080p or 720p>',
  audioWithoutVoice: '<none, ambience or music>',
  palette: '<palette>',
  lighting: '<lighting>',
  look: '<look: film stock, lens, grain>',
  anchors: '<hair>, <main garment and its colour>, <one distinctive detail>',
  subject: '<who or what the shot is about>',
  action: '<what happens while they speak>',
  emotion: '<emotion>',
  camera: '<shot size, movement>',
} as const;

/** A storyboard scaffold of one scene of a screenplay; what the script does not say is a `<…>` placeholder. */
export function storyboardFromFountain(scene: FountainScene, options: ImportOptions): string {
  const { place, setting } = readHeading(scene.heading);
  const beats = beatsOf(scene);
  const seconds = options.seconds ?? 12;
  const durations = evenSplit(seconds, beats.length);
  const speakers = scene.items.flatMap((item) => (item.kind === 'dialogue' ? [nameFromCue(item.character)] : []));
  // A subject that is one capitalised word names a character, as the language reads it.
  const named = beats.flatMap((beat) => (beat.subject && /^\p{Lu}[\p{L}\p{N}_-]*$/u.test(beat.subject) ? [beat.subject] : []));
  const cast = [...new Set([...speakers, ...named])];
  const speaks = cast.length > 0;
  const id = String(scene.written && /^\w+$/.test(scene.written) ? scene.written : scene.number).padStart(2, '0');
  const lines = [
    `// Imported by \`sora import\` from ${options.source}, scene ${scene.number}: ${scene.heading}`,
    '// Everything in <angle brackets> is not in the script: decide it, then check the scene.',
    `// Durations split ${seconds} s evenly over ${beats.length} beat${beats.length === 1 ? '' : 's'}; the script has no timing, so time each beat yourself.`,
    `scene ${id} "${quoteSafe(titleCase(place))}"`,
    `logline: ${placeholders.logline}`,
    '',
    'settings',
    `  aspect: ${placeholders.aspect}`,
    `  resolution: ${placeholders.resolution}`,
    `  duration: ${seconds}s`,
    `  audio: ${speaks ? 'voice' : placeholders.audioWithoutVoice}`,
    '',
    'style',
    `  palette: ${placeholders.palette}`,
    `  lighting: ${placeholders.lighting}`,
    `  look: ${placeholders.look}`,
  ];
  for (const name of cast) lines.push('', `character ${name}`, `  anchors: ${placeholders.anchors}`);
  beats.forEach((beat, i) => {
    lines.push('', `beat ${formatDuration(durations[i])}`);
    lines.push(`  subject: ${beat.subject ?? subjectOf(beat.action, cast) ?? placeholders.subject}`);
    lines.push(`  action: ${beat.action ?? placeholders.action}`);
    lines.push(`  setting: ${setting || '<where>'}`);
    lines.push(`  emotion: ${placeholders.emotion}`);
    lines.push(`  camera: ${placeholders.camera}`);
    for (const say of beat.says) lines.push(`  say ${say.name} "${quoteSafe(say.line)}"`);
  });
  return `${lines.join('\n')}\n`;
}

interface ImportedBeat {
  action?: string;
  subject?: string;
  says: { name: string; line: string }[];
}

/** Each action paragraph starts a beat; the dialogue after it is spoken in it. */
function beatsOf(scene: FountainScene): ImportedBeat[] {
  const beats: ImportedBeat[] = [];
  for (const item of scene.items) {
    if (item.kind === 'action') beats.push({ action: item.text, subject: item.subject, says: [] });
    else {
      if (!beats.length) beats.push({ says: [] });
      beats[beats.length - 1].says.push({ name: nameFromCue(item.character), line: item.text });
    }
  }
  if (!beats.length) beats.push({ says: [] });
  return beats;
}

/** The first character of the cast the action names (cue names are capitalised, so compare without case). */
function subjectOf(action: string | undefined, cast: readonly string[]): string | undefined {
  if (!action) return undefined;
  let best: { name: string; at: number } | undefined;
  for (const name of cast) {
    const words = name.split('-').join('[\\s-]+');
    const match = new RegExp(`(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, 'iu').exec(action);
    if (match && (!best || match.index < best.at)) best = { name, at: match.index };
  }
  return best?.name;
}

/** `seconds` over `count` beats in half seconds, the last taking what remains. */
export function evenSplit(seconds: number, count: number): number[] {
  if (count <= 0) return [];
  const share = Math.max(0.5, Math.floor((seconds / count) * 2) / 2);
  const durations = Array.from({ length: count }, () => share);
  durations[count - 1] = Math.max(0.5, Math.round((seconds - share * (count - 1)) * 100) / 100);
  return durations;
}

function formatDuration(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1).replace(/\.0$/, '')}s`;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** A storyboard's quoted text cannot hold a double quote. */
function quoteSafe(text: string): string {
  return text.replace(/"/g, "'");
}

export interface ExportScene {
  storyboard: Storyboard;
  /** Used for the heading when the scene has no title. */
  name: string;
}

/** Scenes as a Fountain screenplay: a forced heading per scene, each beat's action, then its lines. */
export function fountainFromStoryboards(title: string | undefined, scenes: readonly ExportScene[]): string {
  const out: string[] = [];
  if (title) out.push(`Title: ${title}`, '');
  for (const { storyboard, name } of scenes) {
    const heading = storyboard.scene?.title?.text || name;
    out.push(`.${heading.toUpperCase()}`, '');
    for (const beat of storyboard.beats) {
      const action = fieldOf(beat, 'action')?.value.text.trim();
      const subject = fieldOf(beat, 'subject')?.value.text.trim();
      if (action) out.push(`${subject ? `[[subject: ${subject.replace(/\]\]/g, '] ]')}]] ` : ''}${asAction(action)}`.replace(/^\[\[(.*?)\]\] !/, '![[$1]] '), '');
      for (const say of beat.says) out.push(say.speaker.text.toUpperCase(), say.line.text, '');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** An action line Fountain would read as something else (a cue, a transition, a heading) is forced with `!`. */
function asAction(text: string): string {
  const upper = text === text.toUpperCase() && /\p{L}/u.test(text);
  const special = /^(?:\.|#|=|~|>|@|\[\[|INT|EXT|EST|I\/E)/i.test(text) || /TO:$/.test(text);
  return upper || special ? `!${text}` : text;
}
