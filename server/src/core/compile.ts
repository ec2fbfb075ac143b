import type { Range, Storyboard, Text } from './ast';
import { findName, parseDuration, resolveNames } from './model';
import type { ModelProfile } from './models/types';
import { splitList } from './parse';
import { endsSentence, PromptWriter, stripPeriod, writeAnchors, writeCapitalized, writeSceneParagraph, writeSubject, type SourceMapEntry } from './promptWriter';
import { sceneDuration, sceneOf, variantChain, type SceneBeat, type SceneView } from './scene';
import { referenceExtension, videoExtensions } from './rules/reference-format';
import type { TakeLog } from './takes';
import { costOf, rateFor, usdFor, type PriceOverrides } from './target/cost';
import { iterationFor } from './target/iterate';
import { writeGeneration, type ShotListEntry } from './target/layouts';
import { planGenerations, type PlannedClip } from './target/plan';
import { describeDurations, resolveTarget, targetInfo, type Target } from './target/target';
import type { Cost, Generation, Iteration, TargetInfo } from './targetOutput';
import { formatSeconds, formatSpan, formatTimecode } from './text';

// The compiler: a storyboard (or one of its variants) to the prompts of its generations on a target.
// With no model (or an unknown or retired one) it writes the seed layout, which follows OpenAI's Sora
// 2 prompting guide: style first, then the scene and its people with all their anchors, then one
// block per shot with the anchors repeated. For a current model the storyboard is planned into the
// clips the model makes and each is written in its vendor's layout (target/layouts.ts).
// Deterministic: the same input gives the same bytes, so prompts can be diffed and logged.

export interface CompileOptions {
  variant?: string;
  takeLog?: TakeLog;
  /** Compile for this target instead of the file's `settings model:` (the preview's picker, `--model`). */
  model?: string;
  /** The profile table to look the target up in (tests pass their own; the shipped one by default). */
  profiles?: readonly ModelProfile[];
  /** Price overrides from `.sorarc.json` / `sora.prices`, per model id and resolution. */
  prices?: PriceOverrides;
}

export type { SourceMapEntry } from './promptWriter';

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

/** A generation as compiled: the shared shape plus what it costs. */
export interface CompiledGeneration extends Generation {
  /** USD for this generation, or null when the target has no price. */
  usd: number | null;
  /** Where this generation's prompt is in `prompt` (UTF-16 offsets). */
  output: { start: number; end: number };
}

export interface Compilation {
  /** The whole prompt: the one generation's, or every generation's joined by a separator line. */
  prompt: string;
  variant: string | null;
  /** Remix instruction, when the variant branches from a take and the target remixes (Sora, or no model); otherwise null. */
  remix: string | null;
  /** The take the remix applies to. */
  remixOf: string | null;
  settings: CompiledSettings;
  beats: CompiledShot[];
  characters: { name: string; anchors: string[] }[];
  sourceMap: SourceMapEntry[];
  /** Why the requested variant could not be compiled; the prompt is then main's. */
  error: string | null;
  /** The target compiled for; null when the file names no model and none was asked for. */
  model: TargetInfo | null;
  generations: CompiledGeneration[];
  cost: Cost | null;
  /** For a variant of a take: the operation that makes its one change on this target. */
  iterate: Iteration | null;
  /** Dialogue the target cannot speak, left out of the prompt for a separate voice and lip-sync step. */
  voiceStep: { speaker: string; at: number; line: string }[];
  /** What the compiler did that a writer should know: padding, negatives it could not pass, sound left out. */
  notes: string[];
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
  const target = resolveTarget(view.settings.get('model'), options.model, options.profiles);
  const references = storyboard.references.map((reference) => reference.path?.text.trim() ?? '').filter((path) => path && !videoExtensions.has(referenceExtension(path)));
  const written = target.limits ? writeForTarget(view, target.limits, options.prices, references) : writeSeed(view, target.profile, options.prices);
  const variantName = options.variant && options.variant !== 'main' && !error ? options.variant : null;
  const ownChanges = variantName ? view.applied.filter((entry) => entry.variant === variantName).map((entry) => entry.override) : [];
  const iterate = takeBase && ownChanges.length ? iterationOf(view, ownChanges, takeBase, target, written.generations, options.takeLog) : null;
  const remixes = !target.limits || target.limits.iterate.operation === 'remix';
  return {
    prompt: written.writer.text,
    variant: variantName,
    remix: remixes && iterate ? remixInstruction(view, ownChanges) : null,
    remixOf: remixes && iterate ? (takeBase ?? null) : null,
    settings: compiledSettings(view),
    beats: written.beats,
    characters: view.characters.map((c) => ({ name: c.name.text, anchors: c.anchors.map((a) => a.text) })),
    sourceMap: written.writer.map,
    error,
    model: targetInfo(target),
    generations: written.generations,
    cost: written.cost,
    iterate,
    voiceStep: written.voiceStep,
    notes: written.notes,
  };
}

interface Written {
  writer: PromptWriter;
  beats: CompiledShot[];
  generations: CompiledGeneration[];
  cost: Cost | null;
  voiceStep: Compilation['voiceStep'];
  notes: string[];
}

/**
 * The seed layout, exactly as before targets: no model line, an unknown one, or a retired one (whose
 * takes were logged with this prompt, so it must not change under them). It is one generation of the
 * whole clip, as Sora made it; a retired profile still names its request fields and prices it, as history.
 */
function writeSeed(view: SceneView, retired: ModelProfile | undefined, prices: PriceOverrides | undefined): Written {
  const writer = new PromptWriter();
  const total = sceneDuration(view) ?? (view.beats.length ? view.beats[view.beats.length - 1].end : 0);
  writeStyle(writer, view);
  writeSceneParagraph(writer, view.logline, view.characters);
  const beats = view.beats.map((beat) => writeShot(writer, view, beat));
  const clip = { index: 1, beats: view.beats.map((b) => b.index), start: 0, end: total, seconds: total, startFrom: null };
  const generations = view.beats.length || total ? [seedGeneration(view, retired, clip, writer.text, { start: 0, end: writer.length })] : [];
  return { writer, beats, generations, ...priced(view, retired, generations, prices), voiceStep: [], notes: [] };
}

function seedGeneration(
  view: SceneView,
  profile: ModelProfile | undefined,
  clip: Omit<Generation, 'prompt' | 'parameters'>,
  prompt: string,
  output: { start: number; end: number },
): CompiledGeneration {
  const parameters = profile ? requestParameters(view, profile, clip, prompt, undefined) : seedParameters(view, clip.seconds);
  return { ...clip, prompt, parameters, usd: null, output };
}

/** With no profile there is no vendor API: the settings as the storyboard names them. */
function seedParameters(view: SceneView, seconds: number): Record<string, unknown> {
  const parameters: Record<string, unknown> = { duration: seconds };
  const aspect = view.settings.get('aspect')?.text;
  const resolution = view.settings.get('resolution')?.text;
  if (aspect) parameters.aspect = aspect;
  if (resolution) parameters.resolution = resolution;
  return parameters;
}

function writeForTarget(view: SceneView, profile: ModelProfile, prices: PriceOverrides | undefined, references: string[]): Written {
  const writer = new PromptWriter();
  const resolution = view.settings.get('resolution')?.text;
  const plan = planGenerations(view.beats, profile, resolution);
  const avoid = avoidList(view);
  const notes: string[] = [];
  const voiceStep: Compilation['voiceStep'] = [];
  const beats: CompiledShot[] = [];
  const generations: CompiledGeneration[] = [];
  const silent: string[] = [];
  const clips = plan.clips.length ? plan.clips : wholeClip(view);
  const written: { clip: PlannedClip; start: number; end: number; shotList?: ShotListEntry[] }[] = [];
  const position = new Map(view.beats.map((beat, i) => [beat.index, i]));
  clips.forEach((clip, i) => {
    writeSeparator(writer, i, clips.length, clip);
    const start = writer.length;
    const clipBeats = clip.beats.map((index) => view.beats[position.get(index) as number]).filter(Boolean);
    const result = writeGeneration(writer, { view, profile, beats: clipBeats, characters: charactersIn(view, clipBeats), offset: clip.start, seconds: clip.seconds, avoid });
    voiceStep.push(...result.voiceStep);
    silent.push(...result.silent);
    result.shots.forEach((shot, n) => beats.push(compiledShot(clipBeats[n], shot.output, shot.dialogue)));
    written.push({ clip, start, end: writer.length, shotList: result.shotList });
  });
  // Read the text once it is whole: slicing a string while it grows copies it again and again.
  const text = writer.text;
  written.forEach(({ clip, start, end, shotList }, i) => {
    const prompt = text.slice(start, end);
    const generation: Omit<Generation, 'prompt' | 'parameters'> = { index: i + 1, beats: clip.beats, start: clip.start, end: clip.end, seconds: clip.seconds, startFrom: clip.startFrom };
    const shots = shotList?.map((shot) => ({ index: shot.index, prompt: text.slice(shot.output.start, shot.output.end), duration: shot.duration }));
    generations.push({ ...generation, prompt, parameters: requestParameters(view, profile, generation, prompt, shots, references), usd: null, output: { start, end } });
  });
  if (!plan.fits) notes.push(`No cut at beat boundaries gives clips ${profile.label} makes (${describeDurations(profile.durations)}); each beat is planned alone at the nearest length. Change the beat lengths (clip-length).`);
  else if (plan.padded) notes.push(`Padded: ${plan.clips.filter((c) => c.padded).map((c) => `generation ${plan.clips.indexOf(c) + 1} is asked for ${c.seconds} s for ${formatSeconds(c.end - c.start)} of beats`).join('; ')}. Trim the extra after generating.`);
  if (voiceStep.length) notes.push(`${profile.label} makes no speech: ${voiceStep.length === 1 ? 'one line is' : `${voiceStep.length} lines are`} left out of the prompt. Record or synthesise them, then lip-sync them to the clip in a separate step.`);
  if (silent.length) notes.push(`${profile.label} makes no ${profile.audio.effects ? 'music' : profile.audio.music ? 'sound effects' : 'sound'}: left out (${silent.join('; ')}). Add it in the edit.`);
  if (avoid.length && profile.negativePrompt.kind === 'discouraged') notes.push(`Not passed to ${profile.label}: ${profile.negativePrompt.advice} (avoid: ${avoid.map((a) => a.text).join(', ')}).`);
  return { writer, beats, generations, ...priced(view, profile, generations, prices), voiceStep, notes };
}

function wholeClip(view: SceneView): PlannedClip[] {
  const total = sceneDuration(view) ?? 0;
  return [{ beats: view.beats.map((b) => b.index), start: 0, end: total, seconds: total, padded: false, startFrom: null }];
}

/** Between generations: who starts where, so a writer pasting them one by one knows the order. */
function writeSeparator(writer: PromptWriter, index: number, count: number, clip: Pick<PlannedClip, 'start' | 'end' | 'seconds' | 'startFrom'>): void {
  if (count <= 1) return;
  writer.paragraph();
  const from = clip.startFrom === 'previous' ? `, starts from the last frame of generation ${index}` : clip.startFrom === 'extend' ? `, extends generation ${index}` : '';
  writer.write(`--- Generation ${index + 1} of ${count} (${formatSpan(clip.start, clip.end)}, ${clip.seconds} s${from}) ---`);
  writer.paragraph();
}

/** The characters the generation's beats name, each once, in storyboard order. */
function charactersIn(view: SceneView, beats: readonly SceneBeat[]): SceneView['characters'] {
  return view.characters.filter((character) => beats.some((beat) => findName(beat.fields.get('subject')?.text ?? '', character.name.text).at >= 0));
}

function avoidList(view: SceneView): Text[] {
  const avoid = view.style.get('avoid');
  return avoid ? splitList(avoid).filter((item) => item.text) : [];
}

function compiledShot(beat: SceneBeat, output: { start: number; end: number }, dialogue: CompiledShot['dialogue']): CompiledShot {
  return {
    index: beat.index,
    start: beat.start,
    end: beat.end,
    title: beat.title?.text ?? null,
    subject: beat.fields.get('subject')?.text ?? null,
    camera: beat.fields.get('camera')?.text ?? null,
    output,
    source: beat.range,
    dialogue,
  };
}

/** The request body of one generation, in the vendor's own field names. */
function requestParameters(
  view: SceneView,
  profile: ModelProfile,
  generation: Omit<Generation, 'prompt' | 'parameters'>,
  prompt: string,
  shotList: { index: number; prompt: string; duration: number }[] | undefined,
  references: string[] = [],
): Record<string, unknown> {
  const p = profile.parameters;
  const parameters: Record<string, unknown> = { [p.model ?? 'model']: profile.apiModel };
  const aspect = view.settings.get('aspect')?.text.replace(/\s+/g, '');
  const resolution = view.settings.get('resolution')?.text.trim().toLowerCase();
  parameters[p.prompt ?? 'prompt'] = prompt;
  parameters[p.duration] = durationValue(generation.seconds, p.durationAs);
  if (aspect) parameters[p.aspect] = p.aspectValues?.[`${aspect} ${resolution ?? ''}`.trim()] ?? p.aspectValues?.[aspect] ?? aspect;
  if (resolution && p.resolution) parameters[p.resolution] = resolution;
  const avoid = avoidList(view);
  if (avoid.length && profile.negativePrompt.kind === 'parameter') parameters[profile.negativePrompt.name] = avoid.map((a) => a.text).join(', ');
  if (profile.audio.parameter && (profile.audio.dialogue || profile.audio.effects || profile.audio.music)) {
    const values = profile.audio.parameterValues ?? { on: true, off: false };
    parameters[profile.audio.parameter] = audioWanted(view) ? values.on : values.off;
  }
  // The storyboard's reference images, as many as the model takes (reference-count reports the rest).
  if (p.references && references.length && profile.images.maxReferences > 0) parameters[p.references] = references.slice(0, profile.images.maxReferences);
  if (generation.startFrom === 'previous' && p.firstFrame) parameters[p.firstFrame] = `<last frame of generation ${generation.index - 1}>`;
  if (generation.startFrom === 'extend') parameters[p.video ?? 'video'] = `<video of generation ${generation.index - 1}>`;
  if (shotList && profile.multiShot) {
    Object.assign(parameters, profile.multiShot.fixed ?? {});
    parameters[profile.multiShot.parameter] = shotList.map((shot) => ({ index: shot.index, prompt: shot.prompt, duration: durationValue(shot.duration, p.durationAs) }));
  }
  return parameters;
}

function durationValue(seconds: number, as: ModelProfile['parameters']['durationAs']): number | string {
  if (as === 'number') return seconds;
  if (as === 'string') return String(seconds);
  return `${seconds}s`;
}

/** Audio on unless the settings say `audio: none`. */
function audioWanted(view: SceneView): boolean {
  const audio = view.settings.get('audio');
  if (!audio) return true;
  const items = splitList(audio).map((item) => item.text.toLowerCase());
  return !(items.length === 1 && items[0] === 'none');
}

function priced(view: SceneView, profile: ModelProfile | undefined, generations: CompiledGeneration[], prices: PriceOverrides | undefined): { cost: Cost | null } {
  if (!profile || !generations.length) return { cost: null };
  const hasAudio = profile.audio.dialogue || profile.audio.effects || profile.audio.music;
  const rate = rateFor(profile, view.settings.get('resolution')?.text, hasAudio && audioWanted(view), prices);
  if (!rate) return { cost: null };
  for (const generation of generations) generation.usd = usdFor(generation.seconds, rate);
  return { cost: costOf(profile, generations.map((g) => g.seconds), rate) };
}

function iterationOf(
  view: SceneView,
  overrides: Override[],
  takeBase: string,
  target: Target,
  generations: CompiledGeneration[],
  takeLog: TakeLog | undefined,
): Iteration {
  const change = overrides.map((override) => describeChange(view, override)).join(' ');
  const keep = whatToKeep(view, overrides);
  const profile = target.limits;
  if (!profile) return { operation: 'remix', instruction: remixInstruction(view, overrides), parameters: {} };
  const take = takeLog?.takes.find((t) => t.id === takeBase);
  const takeSeconds = take?.settings.duration;
  const now = sceneDuration(view);
  const request = generations.length === 1 ? generations[0].parameters : { generations: generations.map((g) => g.parameters) };
  return iterationFor({
    profile,
    change,
    keep,
    take: { id: takeBase, file: take?.file },
    request,
    extendBy: takeSeconds !== undefined && now !== undefined && now > takeSeconds ? now - takeSeconds : undefined,
  });
}

function writeStyle(writer: PromptWriter, view: SceneView): void {
  const look = view.style.get('look');
  const palette = view.style.get('palette');
  const lighting = view.style.get('lighting');
  // Sora takes no negative prompt: its guide writes things to keep out as an `Avoid:` line.
  const avoid = avoidList(view);
  if (!look && !palette && !lighting && !avoid.length) return;
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
  if (avoid.length) {
    if (!first) writer.write(' ');
    writer.write('Avoid: ');
    writeAnchors(writer, avoid);
    writer.write('.');
  }
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
    if (subject?.text) writeSubject(writer, view.characters, subject);
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
  avoid: (value) => `Keep ${value} out of the clip.`,
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

