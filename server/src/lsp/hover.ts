import { workspaceFileStatus } from '../core/files';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { BeatSection, CharacterSection, Field, Range, SayLine, Section, VariantSection } from '../core/ast';
import { compile } from '../core/compile';
import { ruleFor } from '../core/rules';
import { baseKind, sameName, subjectCharacters, parseDuration } from '../core/model';
import { splitList } from '../core/parse';
import { sceneOf, variantChain } from '../core/scene';
import { countWords, formatSeconds, formatSpan, formatTimecode } from '../core/text';
import { cameraMovements, settingsValues } from '../core/vocabulary';
import { clampRange } from './convert';
import { contains, onLine, sectionOn } from './locate';
import { escapeMarkdown, inlineCode } from './markdown';
import { modelHover } from './modelInfo';
import { fitHover } from './clients';
import type { Feature } from './handlers';
import { sequenceHover } from './sequenceFeatures';
import type { DocumentState } from './workspace';
import { stableClipSeconds } from '../core/workflow';

// Hovers explain the limit behind a line, with live figures: a beat's span and share of the clip, a
// line's words against the time it has, a character's anchors and the shots that repeat them, and
// for a diagnostic its rule's explanation.

export function hover(state: DocumentState, position: Position): Hover | null {
  const parts: string[] = [];
  let range: Range | undefined;
  const line = lineHover(state, position);
  if (line) {
    parts.push(line.markdown);
    range = line.range;
  }
  const { lines } = state.analysis;
  const seen = new Set<string>();
  for (const diagnostic of state.analysis.diagnostics) {
    if (!contains(clampRange(diagnostic.range, lines), position)) continue;
    if (seen.has(diagnostic.code)) continue;
    seen.add(diagnostic.code);
    const rule = ruleFor(diagnostic.code);
    // The problem as found here (the model, the figure and where it comes from), then why the rule exists.
    parts.push(`**${diagnostic.code}** (${diagnostic.severity})${rule ? `: ${rule.summary}` : ''}\n\n${escapeMarkdown(diagnostic.message)}${rule ? `\n\n${rule.explanation}` : ''}`);
    range ??= clampRange(diagnostic.range, lines);
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

interface LineHover {
  markdown: string;
  range: Range;
}

const settingNotes: Record<string, string> = {
  aspect: 'Sora 2 renders **16:9** (landscape) or **9:16** (vertical). Pick it before anything else: reframing later means a new take.',
  resolution: 'Stick to **1080p**, the default the workflow is tested at. 720p drafts are cheaper but faces and small text break up.',
  duration: `A first draft works best at **12–15 s**; clips are stable up to about **${stableClipSeconds} s**. Longer clips drift: split the scene instead.`,
  audio: 'What the clip may carry: `none`, `ambience`, `voice`, `music`. Beats may only use what is listed (voice for `say`, `music`, ambience for `sound`).',
};

const styleNotes: Record<string, string> = {
  palette: 'The colours of the whole clip, in a few words. Stated once, it keeps shots from drifting apart.',
  lighting: 'One lighting description for the whole clip. Add `consistent lighting` so moving cameras do not make it flicker.',
  look: 'The film look in **one or two** descriptors (`35mm, grainy`); more pull against each other.',
  avoid: 'Things to keep out of the clip, comma-separated. Sent as the model\'s negative prompt where it has one, written as an `Avoid:` line where its guide puts negatives in prose, and left out where the vendor advises against negatives (say what you want instead).',
};

const beatFieldNotes: Record<string, string> = {
  subject: 'Who or what the shot is about: one subject per shot. A declared character is followed by its anchors in the prompt.',
  action: 'What happens, as one visible action. Keep impacts and collisions few: physics is where drafts fail.',
  setting: 'Where the shot takes place.',
  emotion: 'The mood of the shot, in a word or two.',
  sound: 'Ambient sound (needs `ambience` in `settings audio`).',
  music: 'Music for the shot (needs `music` in `settings audio`).',
};

const shotSizeNotes: [RegExp, string, string][] = [
  [/\bextreme wide\b/i, 'extreme wide', 'the place dominates; people are small in it. For establishing a location.'],
  [/\bextreme close-up\b|\bECU\b/, 'extreme close-up', 'one detail fills the frame: eyes, a hand, a match.'],
  [/\bmedium close-up\b/i, 'medium close-up', 'head and shoulders: dialogue with some context.'],
  [/\bmedium wide\b/i, 'medium wide', 'the body from the knees up, with room around.'],
  [/\bclose-up\b|\bCU\b/, 'close-up', 'the face fills the frame: emotion and lip-sync read best.'],
  [/\bover-the-shoulder\b/i, 'over-the-shoulder', 'past one person to another: conversations.'],
  [/\bPOV\b/, 'POV', 'what a character sees, from their eyes.'],
  [/\binsert\b/i, 'insert', 'a cut-in of an object or detail.'],
  [/\bwide\b/i, 'wide', 'the whole subject and its surroundings: where we are.'],
  [/\bfull\b/i, 'full', 'the whole body, head to toe.'],
  [/\bmedium\b/i, 'medium', 'from the waist up: action and gesture.'],
];

function lineHover(state: DocumentState, position: Position): LineHover | undefined {
  const { storyboard } = state.analysis;
  const section = sectionOn(storyboard, position.line);
  if (!section) return undefined;
  if (onLine(section.headerRange, position.line)) return headerHover(state, section);
  if (section.kind === 'beat') {
    const say = section.says.find((s) => onLine(s.range, position.line));
    if (say) return sayHover(state, section, say);
  }
  if (section.kind === 'variant') {
    const override = section.overrides.find((o) => onLine(o.range, position.line));
    if (override) return variantHover(state, section, override.range);
  }
  const field = section.fields.find((f) => onLine(f.range, position.line));
  if (field) return fieldHover(state, section, field);
  return undefined;
}

function headerHover(state: DocumentState, section: Section): LineHover | undefined {
  const range = section.headerRange;
  switch (section.kind) {
    case 'scene': {
      const id = section.id?.text;
      return {
        range,
        markdown: `**Scene ${id ? escapeMarkdown(id) : '?'}**${section.title ? ` · ${escapeMarkdown(section.title.text)}` : ''}\n\nThe id names its takes: ${inlineCode(id ? `scene${id}_take01.mp4` : 'sceneID_take01.mp4')}, logged in the take log beside this file.`,
      };
    }
    case 'logline': {
      const sentences = section.value ? section.value.text.split(/(?<=[.!?])\s+(?=\S)/).filter(Boolean).length : 0;
      return { range, markdown: `**Logline** · ${sentences} sentence${sentences === 1 ? '' : 's'}\n\nThe scene in one sentence. If it does not fit in one, the clip is trying to do too much for 12–20 s.` };
    }
    case 'beat':
      return beatHover(state, section);
    case 'variant':
      return variantHover(state, section, range);
    case 'reference': {
      const hover = referenceHover(section.path?.text, range);
      if (state.path && state.root && state.files && section.path?.text) {
        // The rule's own answers (the analysis's file snapshot): nothing outside the workspace is probed.
        const found = workspaceFileStatus(state.root, state.path, section.path.text, state.files);
        hover.markdown += found.status === 'present' ? '\n\nThe file is there.' : found.status === 'missing' ? '\n\n⚠ The file is not there (yet).' : '\n\n⚠ The path is outside the workspace; it is not used or looked at.';
      }
      return hover;
    }
    case 'character':
      return characterHover(state, section, range);
    case 'settings':
      return { range, markdown: '**Settings** · Step 1: lock aspect, resolution, duration, audio and model before writing beats; change them only in a variant.' };
    case 'style':
      return { range, markdown: '**Style** · palette, lighting and look, stated once for the whole clip so every shot matches.' };
  }
}

function beatHover(state: DocumentState, beat: BeatSection): LineHover {
  const { storyboard, settings } = state.analysis;
  const count = storyboard.beats.length;
  const length = beat.end - beat.start;
  const clip = settings.duration?.seconds;
  const share = clip ? ` — ${Math.round((length / clip) * 100)}% of the ${formatSeconds(clip)} clip` : '';
  const countNote = count < 3 || count > 5 ? ` (a clip works best with 3–5 beats; this one has ${count})` : ' (3–5 beats work best)';
  const overrun = clip !== undefined && beat.end > clip ? `\n\n⚠ Ends at ${formatTimecode(beat.end)}, after the clip's end at ${formatTimecode(clip)}.` : '';
  return {
    range: beat.headerRange,
    markdown: `**Beat ${beat.index} of ${count}**${beat.title ? ` · ${escapeMarkdown(beat.title.text)}` : ''}\n\n\`${formatSpan(beat.start, beat.end)}\` · ${formatSeconds(length)}${share}${countNote}.${overrun}`,
  };
}

function sayHover(state: DocumentState, beat: BeatSection, say: SayLine): LineHover {
  const wordsPerSecond = state.config.wordsPerSecond;
  const words = countWords(say.line.text);
  const needed = words / wordsPerSecond;
  const from = say.marker?.seconds ?? 0;
  const available = Math.max(0, beat.end - beat.start - from);
  const fits = needed <= available;
  const start = beat.start + from;
  const speaker = state.analysis.names.characters.get(say.speaker.text);
  const cameo = speaker?.cameo ? `\n\n${escapeMarkdown(say.speaker.text)} is a cameo: spoken lines need \`consent: approved DATE, lines approved\`.` : '';
  const marker = say.marker ? `starts at \`${formatTimecode(start)}\` (@${formatSeconds(from)} into beat ${beat.index})` : `has no marker, so it starts with the beat at \`${formatTimecode(start)}\``;
  return {
    range: say.range,
    markdown:
      `**${escapeMarkdown(say.speaker.text)}** ${marker}\n\n` +
      `${words} word${words === 1 ? '' : 's'} at ${wordsPerSecond} words/s need **${formatSeconds(round(needed))}**; ` +
      `${formatSeconds(round(available))} are available to the beat's end (\`${formatSpan(start, beat.end)}\`). ${fits ? 'It fits.' : 'It does not fit: shorten the line or the marker.'}` +
      `\n\nOne voice per clip keeps lip-sync right.${cameo}`,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function characterHover(state: DocumentState, character: CharacterSection, range: Range): LineHover {
  const name = character.name?.text ?? '?';
  const appears = state.analysis.storyboard.beats.filter((beat) => subjectCharacters(beat, state.analysis.names).some((s) => s.character === character)).map((b) => b.index);
  const speaks = state.analysis.storyboard.beats.filter((beat) => beat.says.some((s) => sameName(s.speaker.text, name))).map((b) => b.index);
  return {
    range,
    markdown:
      `**Character ${escapeMarkdown(name)}** · ${character.anchors.length} anchor${character.anchors.length === 1 ? '' : 's'}` +
      `\n\nSubject of ${appears.length ? `shot${appears.length > 1 ? 's' : ''} ${appears.join(', ')}` : 'no shot'}` +
      `${speaks.length ? `; speaks in shot${speaks.length > 1 ? 's' : ''} ${speaks.join(', ')}` : ''}.` +
      (character.cameo ? `\n\nA **cameo** (${escapeMarkdown(character.cameo.text)}): ${consentRules}` : ''),
  };
}

const consentRules =
  'a cameo uses a real person\'s likeness. It needs `consent: approved DATE`; spoken lines also need `, lines approved`. `pending` means not yet usable, and `revoked` means it must not be used any more.';

function fieldHover(state: DocumentState, section: Section, field: Field): LineHover | undefined {
  const range = field.range;
  const key = field.key;
  if (section.kind === 'settings' && key === 'model') {
    return { range, markdown: `${modelHover(field.value.text)}\n\nKeep the model fixed while you compare takes; the preview's model picker compiles for another one beside it.` };
  }
  if (section.kind === 'settings' && settingNotes[key]) {
    return { range, markdown: `**${key}**: ${inlineCode(field.value.text)}\n\n${settingNotes[key]}${settingFigures(state, key, field)}` };
  }
  if (section.kind === 'style' && styleNotes[key]) {
    const extra = key === 'look' ? ` This one has ${splitList(field.value).length}.` : '';
    return { range, markdown: `**${key}**\n\n${styleNotes[key]}${extra}` };
  }
  if (section.kind === 'character') {
    if (key === 'anchors') return anchorsHover(state, section, field);
    if (key === 'cameo' || key === 'consent') {
      const status = section.consent ? `Consent: **${section.consent.status}**${section.consent.linesApproved ? ', lines approved' : ''}.` : 'No `consent` yet.';
      return { range, markdown: `**${key}** · ${status}\n\nA cameo ${consentRules.slice(8)}` };
    }
  }
  if (section.kind === 'beat') {
    if (key === 'camera') return { range, markdown: cameraHover(field.value.text) };
    if (beatFieldNotes[key]) {
      const characters = key === 'subject' ? subjectCharacters(section, state.analysis.names).map((s) => s.character.name?.text) : [];
      const who = characters.length ? `\n\nDeclared: ${characters.map((n) => `**${escapeMarkdown(n ?? '')}**`).join(', ')} — anchors repeated in this shot.` : '';
      return { range, markdown: `**${key}** (beat ${section.index})\n\n${beatFieldNotes[key]}${who}` };
    }
  }
  return undefined;
}

function settingFigures(state: DocumentState, key: string, field: Field): string {
  const { storyboard } = state.analysis;
  if (key === 'duration') {
    const seconds = parseDuration(field.value.text);
    if (seconds === undefined) return '';
    const total = storyboard.beats.length ? storyboard.beats[storyboard.beats.length - 1].end : 0;
    return `\n\nThe beats add up to **${formatSeconds(total)}** of **${formatSeconds(seconds)}**.`;
  }
  const allowed = (settingsValues as Record<string, readonly string[]>)[key];
  if (allowed) return `\n\nValues: ${allowed.map((v) => `\`${v}\``).join(', ')}.`;
  return '';
}

function anchorsHover(state: DocumentState, character: CharacterSection, field: Field): LineHover {
  const count = character.anchors.length;
  const shots = state.analysis.storyboard.beats
    .filter((beat) => subjectCharacters(beat, state.analysis.names).some((s) => s.character === character))
    .map((beat) => `${beat.index} (\`${formatSpan(beat.start, beat.end)}\`)`);
  const verdict = count < 3 ? 'too few to hold the identity' : count > 4 ? 'too many: Sora keeps 3–4' : 'in the range that works';
  return {
    range: field.range,
    markdown:
      `**${count} anchor${count === 1 ? '' : 's'}** for ${character.name ? escapeMarkdown(character.name.text) : 'this character'} — ${verdict} (3–4).` +
      `\n\nRepeated in the prompt ${shots.length ? `in shot${shots.length > 1 ? 's' : ''} ${shots.join(', ')}` : 'in no shot yet (no beat names this character as subject)'}, and in the scene introduction. Describe the character with these words everywhere: a different word drifts the identity.`,
  };
}

export function cameraHover(value: string): string {
  const size = shotSizeNotes.find(([pattern]) => pattern.test(value));
  const movement = cameraMovements.find((m) => new RegExp(`\\b${m}\\b`, 'i').test(value));
  const sizeText = size ? `**${size[1]}**: ${size[2]}` : 'No known shot size: start with one (wide, medium, close-up, …).';
  const moving = movement && movement !== 'static';
  const movementText = movement ? `\n\nMovement **${movement}**${moving ? ': moving cameras show flicker unless the style says `consistent lighting`.' : ': a locked-off camera, the most stable choice.'}` : '';
  return `${sizeText}${movementText}`;
}

function referenceHover(file: string | undefined, range: Range): LineHover {
  const extension = file ? /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() : undefined;
  const kind = extension && ['png', 'jpg', 'jpeg', 'webp'].includes(extension) ? `an image (${extension})` : extension ? `a .${extension} file` : 'a file';
  return {
    range,
    markdown: `**Reference** · ${kind}\n\nAn image (png, jpg, jpeg or webp) that sets the look of the first frame, relative to this storyboard. Video references are not supported: to build on a video, make a variant of its take.`,
  };
}

function variantHover(state: DocumentState, variant: VariantSection, range: Range): LineHover {
  const { storyboard, names } = state.analysis;
  const name = variant.name?.text ?? '?';
  const base = variant.base?.text ?? 'main';
  const kind = baseKind(base, names);
  const kindText = { main: 'the storyboard as written', variant: 'a variant', take: 'a logged take', unknown: 'not a known base' }[kind];
  const lines = [`**Variant ${escapeMarkdown(name)}** from ${inlineCode(base)} (${kindText}) · ${variant.overrides.length} change${variant.overrides.length === 1 ? '' : 's'}`];
  const chain = variant.name ? variantChain(storyboard, name, state.takeLog, names) : undefined;
  const baseView = chain?.ok ? sceneOf(storyboard, chain.variants.slice(0, -1)) : sceneOf(storyboard);
  for (const override of variant.overrides) {
    const field = override.field.text.toLowerCase();
    let before: string | undefined;
    let what: string;
    if (override.target === 'beat') {
      before = baseView.beats.find((b) => b.index === override.beat?.number)?.fields.get(field)?.text;
      what = `beat ${override.beat?.number} ${escapeMarkdown(field)}`;
    } else if (override.target === 'character') {
      before = baseView.characters.find((c) => sameName(c.name.text, override.character?.text))?.anchors.map((a) => a.text).join(', ');
      what = `${escapeMarkdown(override.character?.text ?? '?')} anchors`;
    } else {
      before = (override.target === 'style' ? baseView.style : baseView.settings).get(field)?.text;
      what = `${override.target} ${escapeMarkdown(field)}`;
    }
    lines.push(`- ${what}: ${before ? `~~${escapeMarkdown(before)}~~ → ` : ''}${override.value.text ? escapeMarkdown(override.value.text) : '(empty)'}`);
  }
  if (variant.overrides.length === 0) lines.push('Changes nothing yet: add one override line.');
  else if (variant.overrides.length > 1) lines.push('\nOne change at a time: with more, you cannot tell which one made the take better.');
  if (kind === 'take' && variant.name) {
    const compiled = compile(storyboard, { variant: name, takeLog: state.takeLog });
    if (compiled.remix) lines.push(`\nRemix instruction for ${escapeMarkdown(compiled.remixOf ?? '')}:\n\n> ${escapeMarkdown(compiled.remix)}`);
  }
  return { range, markdown: lines.join('\n') };
}


export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register: (server) =>
    server.connection.onHover(
      server.onDocument('hover', async (state, params) => fitHover(await sequenceHover(server.workspace, state, params.position, hover(state, params.position)), server.client()), null),
    ),
};
