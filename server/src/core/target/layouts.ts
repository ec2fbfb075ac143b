import type { Text } from '../ast';
import type { ModelProfile } from '../models/types';
import { endsSentence, PromptWriter, writeAnchors, writeCapitalized, writeSceneParagraph, writeSubject, type PromptCharacter } from '../promptWriter';
import type { SceneBeat, SceneView } from '../scene';
import { formatSpan } from '../text';

// The prompt of one generation, laid out the way the target's vendor recommends
// (../shared/reference/video-models.md quotes each guide). Every layout repeats the style and every
// anchor of the characters in the generation, so identity holds across cuts; times are the clip's
// own (a second generation starts at 0:00). Dialogue is written in the target's speech syntax, or,
// on a model without native audio, left out and returned for a separate voice step.

export interface LayoutInput {
  view: SceneView;
  profile: ModelProfile;
  beats: readonly SceneBeat[];
  characters: readonly PromptCharacter[];
  /** Where the generation starts in the storyboard, in seconds. */
  offset: number;
  /** The length asked of the model (more than the beats when padded). */
  seconds: number;
  /** Things to keep out (`style avoid:`), written in prose where the target takes them so. */
  avoid: readonly Text[];
}

export interface Line {
  speaker: string;
  /** Seconds from the start of the storyboard. */
  at: number;
  line: string;
}

export interface WrittenShot {
  index: number;
  output: { start: number; end: number };
  dialogue: Line[];
}

export interface ShotListEntry {
  index: number;
  /** Where the shot's prompt is in the writer's text (read once the whole prompt is written). */
  output: { start: number; end: number };
  duration: number;
}

export interface WrittenGeneration {
  shots: WrittenShot[];
  /** For multi-shot targets: the shots as the request's list. */
  shotList?: ShotListEntry[];
  /** Dialogue left out of the prompt because the target makes no speech. */
  voiceStep: Line[];
  /** Sound and music left out because the target makes none. */
  silent: string[];
}

export function writeGeneration(writer: PromptWriter, input: LayoutInput): WrittenGeneration {
  const result: WrittenGeneration = { shots: [], voiceStep: [], silent: [] };
  switch (input.profile.format) {
    case 'sora-cookbook':
      writeCookbook(writer, input, result);
      break;
    case 'veo':
      writeVeo(writer, input, result);
      break;
    case 'kling-shots':
      writeKling(writer, input, result);
      break;
    case 'runway':
      writeOneParagraph(writer, input, result, { styleFirst: false, cameraFirst: true });
      break;
    case 'ltx':
      writeOneParagraph(writer, input, result, { styleFirst: false, cameraFirst: false });
      break;
    case 'paragraph':
      writeOneParagraph(writer, input, result, { styleFirst: true, cameraFirst: false });
      break;
  }
  return result;
}

// ---- pieces every layout uses ------------------------------------------------------------

function styleParts(view: SceneView): [label: string, value: Text][] {
  const parts: [string, Text | undefined][] = [['', view.style.get('look')], ['Palette: ', view.style.get('palette')], ['Lighting: ', view.style.get('lighting')]];
  return parts.filter((part): part is [string, Text] => !!part[1]?.text);
}

/** `35mm, grainy. Palette: teal and amber. Lighting: stormy dusk.` (and `Avoid: …` where the target reads negatives in prose). */
function writeStyleLine(writer: PromptWriter, input: LayoutInput, prefix = ''): void {
  const parts = styleParts(input.view);
  const avoid = input.profile.negativePrompt.kind === 'prose' ? input.avoid : [];
  if (!parts.length && !avoid.length) return;
  writer.paragraph();
  writer.write(prefix);
  parts.forEach(([label, value], i) => {
    if (i) writer.write(' ');
    writer.write(label);
    if (label || prefix) writer.source(value);
    else writeCapitalized(writer, value);
    if (!endsSentence(value.text)) writer.write('.');
  });
  if (avoid.length) {
    if (parts.length) writer.write(' ');
    writer.write('Avoid: ');
    writeAnchors(writer, avoid);
    writer.write('.');
  }
}

function relativeSpan(input: LayoutInput, beat: SceneBeat): string {
  return formatSpan(beat.start - input.offset, beat.end - input.offset);
}

/** ` Label value.` for a field that has a value. */
function labelled(writer: PromptWriter, label: string, value: Text | undefined): void {
  if (!value?.text) return;
  writer.write(` ${label}`);
  writer.source(value);
  if (!endsSentence(value.text)) writer.write('.');
}

function hasSubjectOrAction(beat: SceneBeat): boolean {
  return !!(beat.fields.get('subject')?.text || beat.fields.get('action')?.text);
}

function subjectAndAction(writer: PromptWriter, input: LayoutInput, beat: SceneBeat, capitalize: boolean): boolean {
  const subject = beat.fields.get('subject');
  const action = beat.fields.get('action');
  if (!subject?.text && !action?.text) return false;
  if (subject?.text) writeSubject(writer, input.characters, subject, capitalize);
  if (subject?.text && action?.text) writer.write(' ');
  if (action?.text) {
    if (!subject?.text && capitalize) writeCapitalized(writer, action);
    else writer.source(action);
  }
  return true;
}

/** Sound and music where the target makes them; otherwise noted for a separate sound step. */
function writeSounds(writer: PromptWriter, input: LayoutInput, beat: SceneBeat, result: WrittenGeneration, labels = { sound: 'Sound: ', music: 'Music: ' }): void {
  const { audio } = input.profile;
  const sound = beat.fields.get('sound');
  const music = beat.fields.get('music');
  if (sound?.text) {
    if (audio.effects) labelled(writer, labels.sound, sound);
    else result.silent.push(`shot ${beat.index} sound: ${sound.text}`);
  }
  if (music?.text) {
    if (audio.music) labelled(writer, labels.music, music);
    else result.silent.push(`shot ${beat.index} music: ${music.text}`);
  }
}

/** The beat's lines, each written in the target's speech syntax, or set aside for the voice step. */
function speak(writer: PromptWriter, input: LayoutInput, beat: SceneBeat, result: WrittenGeneration, style: 'block' | 'inline' | 'labelled'): Line[] {
  const lines: Line[] = [];
  const speaks = input.profile.audio.dialogue && input.profile.audio.speech !== 'none';
  if (speaks && style === 'block' && beat.says.length) writer.write('\nDialogue:');
  for (const say of beat.says) {
    const at = beat.start + (say.marker ?? 0);
    const entry = { speaker: say.speaker.text, at, line: say.line.text };
    lines.push(entry);
    if (!speaks) {
      result.voiceStep.push(entry);
      continue;
    }
    if (style === 'block') {
      writer.write('\n- ');
      writer.source(say.speaker);
      writer.write(': "');
    } else if (style === 'inline') {
      writer.write(' ');
      writer.source(say.speaker);
      writer.write(' says, "');
    } else {
      writer.write(' [');
      writer.source(say.speaker);
      writer.write(']: "');
    }
    writer.source(say.line);
    writer.write('"');
    if (style === 'inline' && !endsSentence(say.line.text)) writer.write('.');
  }
  return lines;
}

// ---- Sora cookbook: prose, then a block per shot with a Dialogue: list ---------------------

function writeCookbook(writer: PromptWriter, input: LayoutInput, result: WrittenGeneration): void {
  writeStyleLine(writer, input);
  writeSceneParagraph(writer, input.view.logline, input.characters);
  for (const beat of input.beats) {
    writer.paragraph();
    const start = writer.length;
    const camera = beat.fields.get('camera');
    writer.write(`Shot ${beat.index} (${relativeSpan(input, beat)})`);
    if (camera?.text) {
      writer.write(', ');
      writer.source(camera);
    }
    writer.write(':');
    if (hasSubjectOrAction(beat)) {
      writer.write(' ');
      subjectAndAction(writer, input, beat, false);
      writer.write('.');
    }
    labelled(writer, 'Setting: ', beat.fields.get('setting'));
    labelled(writer, 'Mood: ', beat.fields.get('emotion'));
    writeSounds(writer, input, beat, result);
    const dialogue = speak(writer, input, beat, result, 'block');
    result.shots.push({ index: beat.index, output: { start, end: writer.length }, dialogue });
  }
}

// ---- Veo: subject, action, style, camera, ambience, audio; speech inline with a verb --------

function writeVeo(writer: PromptWriter, input: LayoutInput, result: WrittenGeneration): void {
  writeSceneParagraph(writer, input.view.logline, input.characters);
  writeStyleLine(writer, input, 'Style: ');
  for (const beat of input.beats) {
    writer.paragraph();
    const start = writer.length;
    writer.write(`${relativeSpan(input, beat)}:`);
    if (hasSubjectOrAction(beat)) {
      writer.write(' ');
      subjectAndAction(writer, input, beat, true);
      writer.write('.');
    }
    labelled(writer, 'Camera: ', beat.fields.get('camera'));
    const setting = beat.fields.get('setting');
    const emotion = beat.fields.get('emotion');
    if (setting?.text || emotion?.text) {
      writer.write(' Ambience: ');
      if (setting?.text) writer.source(setting);
      if (setting?.text && emotion?.text) writer.write(', ');
      if (emotion?.text) {
        writer.source(emotion);
        writer.write(' mood');
      }
      writer.write('.');
    }
    writeSounds(writer, input, beat, result, { sound: 'Audio: ', music: 'Music: ' });
    const dialogue = speak(writer, input, beat, result, 'inline');
    result.shots.push({ index: beat.index, output: { start, end: writer.length }, dialogue });
  }
}

// ---- Kling 3.0: a shot list, each shot's prompt on its own --------------------------------

function writeKling(writer: PromptWriter, input: LayoutInput, result: WrittenGeneration): void {
  writeStyleLine(writer, input);
  writeSceneParagraph(writer, input.view.logline, input.characters);
  const durations = shotDurations(input);
  const shotList: ShotListEntry[] = [];
  input.beats.forEach((beat, i) => {
    writer.paragraph();
    const header = `Shot ${i + 1} (${durations[i]} s): `;
    writer.write(header);
    const start = writer.length;
    const camera = beat.fields.get('camera');
    if (camera?.text) {
      writeCapitalized(writer, camera);
      writer.write(': ');
    }
    if (subjectAndAction(writer, input, beat, !camera?.text)) writer.write('.');
    labelled(writer, 'Setting: ', beat.fields.get('setting'));
    labelled(writer, 'Mood: ', beat.fields.get('emotion'));
    writeSounds(writer, input, beat, result);
    const dialogue = speak(writer, input, beat, result, 'labelled');
    // Each shot is prompted alone: it carries the look so it matches its neighbours.
    const look = styleParts(input.view).filter(([label]) => label !== 'Lighting: ');
    if (look.length) {
      writer.write(' Style: ');
      look.forEach(([, value], n) => {
        if (n) writer.write(', ');
        writer.source(value);
      });
      writer.write('.');
    }
    shotList.push({ index: i + 1, output: { start, end: writer.length }, duration: durations[i] });
    result.shots.push({ index: beat.index, output: { start: start - header.length, end: writer.length }, dialogue });
  });
  result.shotList = shotList;
}

/** Whole-second shot lengths summing to the clip (padding, if any, goes to the last shot). */
function shotDurations(input: LayoutInput): number[] {
  const ends = input.beats.map((beat) => Math.round(beat.end - input.offset));
  const durations = ends.map((end, i) => Math.max(1, end - (i ? ends[i - 1] : 0)));
  const sum = durations.reduce((a, b) => a + b, 0);
  if (durations.length) durations[durations.length - 1] += Math.round(input.seconds) - sum;
  return durations;
}

// ---- Runway, LTX, plain: one flowing paragraph ------------------------------------------

function writeOneParagraph(
  writer: PromptWriter,
  input: LayoutInput,
  result: WrittenGeneration,
  options: { styleFirst: boolean; cameraFirst: boolean },
): void {
  if (options.styleFirst) writeStyleLine(writer, input);
  writer.paragraph();
  let first = true;
  for (const beat of input.beats) {
    if (!first) writer.space();
    first = false;
    const start = writer.length;
    const camera = beat.fields.get('camera');
    // Runway's guide leads with the camera and the motion ("a handheld camera tracks …").
    if (options.cameraFirst && camera?.text) {
      writeCapitalized(writer, camera);
      writer.write(' shot: ');
    }
    const wrote = subjectAndAction(writer, input, beat, !(options.cameraFirst && camera?.text));
    if (wrote) writer.write('.');
    labelled(writer, 'Setting: ', beat.fields.get('setting'));
    const emotion = beat.fields.get('emotion');
    if (emotion?.text) {
      writer.write(' The mood is ');
      writer.source(emotion);
      writer.write('.');
    }
    if (!options.cameraFirst && camera?.text) {
      writer.write(' The camera is ');
      writer.source(camera);
      writer.write('.');
    }
    writeSounds(writer, input, beat, result, { sound: 'The sound of ', music: 'Music: ' });
    const dialogue = speak(writer, input, beat, result, 'inline');
    result.shots.push({ index: beat.index, output: { start, end: writer.length }, dialogue });
  }
  if (!options.styleFirst) {
    const parts = styleParts(input.view);
    if (parts.length) {
      writer.space();
      parts.forEach(([label, value], i) => {
        if (i) writer.write(' ');
        writer.write(label);
        if (label) writer.source(value);
        else writeCapitalized(writer, value);
        if (!endsSentence(value.text)) writer.write('.');
      });
    }
    if (input.profile.negativePrompt.kind === 'prose' && input.avoid.length) {
      writer.write(' Avoid: ');
      writeAnchors(writer, input.avoid);
      writer.write('.');
    }
  }
}

