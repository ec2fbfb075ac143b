import type { Range, Storyboard, Text } from './ast';
import { findName, parseDuration, resolveNames } from './model';
import { splitList } from './parse';
import { sceneOf, variantChain, type SceneBeat, type SceneView } from './scene';
import type { TakeLog } from './takes';
import { formatSpan, formatTimecode } from './text';

// The compiler: a storyboard (or one of its variants) to the prompt pasted into Sora, following
// the structure of OpenAI's Sora 2 prompting guide: style first, then the scene and its people
// with all their anchors, then one block per shot with the anchors repeated. Deterministic: the
// same input gives the same bytes, so prompts can be diffed and logged.

export interface CompileOptions {
  variant?: string;
  takeLog?: TakeLog;
}

/** Which span of the prompt came from which source range. Offsets are UTF-16 indexes into `prompt`. */
export interface SourceMapEntry {
  start: number;
  end: number;
  source: Range;
}

export interface CompiledShot {
  index: number;
  start: number;
  end: number;
  title: string | null;
  subject: string | null;
  camera: string | null;
  /** The shot's block in the prompt. */
  output: { start: number; end: number };
  /** The beat's range in the storyboard. */
  source: Range;
  dialogue: { speaker: string; at: number; line: string }[];
}

export interface CompiledSettings {
  aspect: string | null;
  resolution: string | null;
  duration: number | null;
  audio: string[];
  model: string | null;
}

export interface Compilation {
  prompt: string;
  variant: string | null;
  /** Remix instruction, when the variant branches from a take; otherwise null. */
  remix: string | null;
  /** The take the remix applies to. */
  remixOf: string | null;
  settings: CompiledSettings;
  beats: CompiledShot[];
  characters: { name: string; anchors: string[] }[];
  sourceMap: SourceMapEntry[];
  /** Why the requested variant could not be compiled; the prompt is then main's. */
  error: string | null;
}

export function compile(storyboard: Storyboard, options: CompileOptions = {}): Compilation {
  const names = resolveNames(storyboard, options.takeLog);
  let error: string | null = null;
  let view: SceneView;
  let takeBase: string | undefined;
  if (options.variant && options.variant !== 'main') {
    const chain = variantChain(storyboard, options.variant, options.takeLog, names);
    if (chain.ok) {
      view = sceneOf(storyboard, chain.variants);
      takeBase = chain.takeBase;
    } else {
      error = chain.message;
      view = sceneOf(storyboard);
    }
  } else {
    view = sceneOf(storyboard);
  }
  const writer = new PromptWriter();
  writeStyle(writer, view);
  writeScene(writer, view);
  const beats = view.beats.map((beat) => writeShot(writer, view, beat));
  const variantName = options.variant && options.variant !== 'main' && !error ? options.variant : null;
  const ownChanges = variantName ? view.applied.filter((entry) => entry.variant === variantName) : [];
  return {
    prompt: writer.text,
    variant: variantName,
    remix: takeBase && ownChanges.length ? remixInstruction(view, ownChanges.map((entry) => entry.override)) : null,
    remixOf: takeBase && ownChanges.length ? takeBase : null,
    settings: compiledSettings(view),
    beats,
    characters: view.characters.map((c) => ({ name: c.name.text, anchors: c.anchors.map((a) => a.text) })),
    sourceMap: writer.map,
    error,
  };
}

class PromptWriter {
  text = '';
  map: SourceMapEntry[] = [];

  write(text: string): void {
    this.text += text;
  }

  /** Writes a value from the storyboard and remembers where it came from. */
  source(value: Text, text = value.text): void {
    const start = this.text.length;
    this.text += text;
    this.map.push({ start, end: this.text.length, source: value.range });
  }

  paragraph(): void {
    if (this.text.length) this.text += '\n\n';
  }
}

function writeStyle(writer: PromptWriter, view: SceneView): void {
  const look = view.style.get('look');
  const palette = view.style.get('palette');
  const lighting = view.style.get('lighting');
  if (!look && !palette && !lighting) return;
  writer.paragraph();
  const parts: [string, Text | undefined][] = [['', look], ['Palette: ', palette], ['Lighting: ', lighting]];
  let first = true;
  for (const [label, value] of parts) {
    if (!value || !value.text) continue;
    if (!first) writer.write(' ');
    writer.write(label);
    if (label) writer.source(value);
    else writeCapitalized(writer, value);
    writer.write(endsSentence(value.text) ? '' : '.');
    first = false;
  }
}

function writeScene(writer: PromptWriter, view: SceneView): void {
  const introduced = view.characters.filter((c) => c.anchors.length);
  if (!view.logline?.text && !introduced.length) return;
  writer.paragraph();
  let first = true;
  if (view.logline?.text) {
    writer.source(view.logline);
    if (!endsSentence(view.logline.text)) writer.write('.');
    first = false;
  }
  for (const character of introduced) {
    if (!first) writer.write(' ');
    writer.source(character.name);
    writer.write(': ');
    writeAnchors(writer, character.anchors);
    writer.write('.');
    first = false;
  }
}

/** Starts a sentence with a capital; the source map covers only the characters copied as written. */
function writeCapitalized(writer: PromptWriter, value: Text): void {
  const first = value.text.charAt(0);
  const upper = first.toUpperCase();
  if (first === upper) {
    writer.source(value);
    return;
  }
  writer.write(upper);
  writer.source(subText(value, 1, value.text.length));
}

function writeAnchors(writer: PromptWriter, anchors: Text[]): void {
  anchors.forEach((anchor, i) => {
    if (i) writer.write(', ');
    writer.source(anchor);
  });
}

function writeShot(writer: PromptWriter, view: SceneView, beat: SceneBeat): CompiledShot {
  writer.paragraph();
  const start = writer.text.length;
  const camera = beat.fields.get('camera');
  writer.write(`Shot ${beat.index} (${formatSpan(beat.start, beat.end)})`);
  if (camera?.text) {
    writer.write(', ');
    writer.source(camera);
  }
  writer.write(':');
  const subject = beat.fields.get('subject');
  const action = beat.fields.get('action');
  if (subject?.text || action?.text) {
    writer.write(' ');
    if (subject?.text) writeSubject(writer, view, subject);
    if (subject?.text && action?.text) writer.write(' ');
    if (action?.text) writer.source(action);
    writer.write('.');
  }
  writeLabelled(writer, 'Setting: ', beat.fields.get('setting'));
  writeLabelled(writer, 'Mood: ', beat.fields.get('emotion'));
  writeLabelled(writer, 'Sound: ', beat.fields.get('sound'));
  writeLabelled(writer, 'Music: ', beat.fields.get('music'));
  const dialogue = beat.says.map((say) => {
    const at = beat.start + (say.marker ?? 0);
    writer.write(' ');
    writer.source(say.speaker);
    writer.write(` (${formatTimecode(at)}): "`);
    writer.source(say.line);
    writer.write('"');
    return { speaker: say.speaker.text, at, line: say.line.text };
  });
  return {
    index: beat.index,
    start: beat.start,
    end: beat.end,
    title: beat.title?.text ?? null,
    subject: subject?.text ?? null,
    camera: camera?.text ?? null,
    output: { start, end: writer.text.length },
    source: beat.range,
    dialogue,
  };
}

/** The subject, with each declared character followed by all of its anchors: repetition keeps identity. */
function writeSubject(writer: PromptWriter, view: SceneView, subject: Text): void {
  const mentions = view.characters
    .map((character) => ({ character, ...findName(subject.text, character.name.text) }))
    .filter((mention) => mention.at >= 0 && mention.character.anchors.length)
    .sort((a, b) => a.at - b.at);
  let cursor = 0;
  for (const { character, at, name } of mentions) {
    const end = at + name.length;
    if (at < cursor) continue;
    writer.source(subText(subject, cursor, end));
    writer.write(' (');
    writeAnchors(writer, character.anchors);
    writer.write(')');
    cursor = end;
  }
  if (cursor < subject.text.length) writer.source(subText(subject, cursor, subject.text.length));
}

function subText(value: Text, from: number, to: number): Text {
  const line = value.range.start.line;
  const single = value.range.end.line === line;
  return {
    text: value.text.slice(from, to),
    range: single
      ? { start: { line, character: value.range.start.character + from }, end: { line, character: value.range.start.character + to } }
      : value.range,
  };
}

function writeLabelled(writer: PromptWriter, label: string, value: Text | undefined): void {
  if (!value?.text) return;
  writer.write(` ${label}`);
  writer.source(value);
  if (!endsSentence(value.text)) writer.write('.');
}

function compiledSettings(view: SceneView): CompiledSettings {
  const text = (key: string) => view.settings.get(key)?.text || null;
  const audio = view.settings.get('audio');
  return {
    aspect: text('aspect'),
    resolution: text('resolution'),
    duration: parseDuration(view.settings.get('duration')?.text ?? '') ?? null,
    audio: audio ? splitList(audio).map((item) => item.text) : [],
    model: text('model'),
  };
}

type Override = SceneView['applied'][number]['override'];

/** One change in a sentence or two, ready for Sora's Remix on the take it branches from. */
export function remixInstruction(view: SceneView, overrides: Override[]): string {
  const changes = overrides.map((override) => describeChange(view, override));
  return `${changes.join(' ')} Keep everything else the same: ${whatToKeep(view, overrides)}.`;
}

const beatFieldPhrases: Record<string, (value: string) => string> = {
  camera: (value) => `make the camera ${value}`,
  subject: (value) => `make the subject ${value}`,
  action: (value) => `change the action to: ${value}`,
  setting: (value) => `change the setting to ${value}`,
  emotion: (value) => `make the mood ${value}`,
  sound: (value) => `change the sound to ${value}`,
  music: (value) => `change the music to ${value}`,
};

const styleFieldPhrases: Record<string, (value: string) => string> = {
  lighting: (value) => `Change the lighting throughout to ${value}.`,
  palette: (value) => `Change the colour palette to ${value}.`,
  look: (value) => `Change the look to ${value}.`,
};

const settingsFieldPhrases: Record<string, (value: string) => string> = {
  duration: (value) => `Make the clip ${value.replace(/s$/i, ' seconds')} long.`,
  aspect: (value) => `Reframe the clip to ${value}.`,
  resolution: (value) => `Render at ${value}.`,
  audio: (value) => `Limit the audio to ${value}.`,
  model: (value) => `Use ${value}.`,
};

function describeChange(view: SceneView, override: Override): string {
  const field = override.field.text.toLowerCase();
  const value = stripPeriod(override.value.text);
  if (override.target === 'beat') {
    const beat = view.beats.find((b) => b.index === override.beat?.number);
    const where = beat ? `In shot ${beat.index} (${formatSpan(beat.start, beat.end)})` : `In shot ${override.beat?.number}`;
    const phrase = beatFieldPhrases[field]?.(value) ?? `change the ${field} to ${value}`;
    return `${where} ${phrase}.`;
  }
  if (override.target === 'style') return styleFieldPhrases[field]?.(value) ?? `Change the ${field} to ${value}.`;
  if (override.target === 'settings') return settingsFieldPhrases[field]?.(value) ?? `Change the ${field} to ${value}.`;
  return `Show ${override.character?.text ?? 'the character'} with ${value}.`;
}

function whatToKeep(view: SceneView, overrides: Override[]): string {
  const keep: string[] = [];
  const changedCharacters = new Set(overrides.filter((o) => o.target === 'character').map((o) => o.character?.text));
  for (const character of view.characters) {
    if (character.anchors.length && !changedCharacters.has(character.name.text)) {
      keep.push(`${character.name.text}'s look (${character.anchors.map((a) => a.text).join(', ')})`);
    }
  }
  const changedShots = new Set(overrides.filter((o) => o.target === 'beat').map((o) => o.beat?.number));
  if (changedShots.size) {
    keep.push(view.beats.length > 1 ? 'the other shots' : 'the framing');
  } else {
    keep.push('the camera and action of every shot');
  }
  keep.push('the timing');
  if (!overrides.some((o) => o.target === 'beat' && ['sound', 'music'].includes(o.field.text.toLowerCase()))) keep.push('the dialogue and sound');
  return keep.join(', ');
}

function stripPeriod(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)]*$/.test(text.trim());
}
