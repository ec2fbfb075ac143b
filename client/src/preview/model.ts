// Pure preview logic shared by the extension host and the webview page: the messages between them,
// the state saved for restore, and the timeline's geometry. No vscode or DOM imports here, so it can
// be unit-tested in Node and bundled into the browser script.
import { countWords, formatSecondsProse, formatTimecode } from '../../../server/src/core/text';
import type { CompileResponse, TargetChoice } from '../../../server/src/protocol';
import { stableClipSeconds } from '../../../server/src/core/workflow';

export type { CompileResponse, TargetChoice };

/** The stable limit the workflow recommends for one clip. */
export { stableClipSeconds };

/** What the webview saves with `vscode.setState` and the serializer restores. */
export interface PreviewState {
  /** The storyboard's URI (string form). */
  uri: string;
  /** A locked preview stays on its file instead of following the active editor. */
  locked: boolean;
  /** The variant shown; null for the storyboard as written (main). */
  variant: string | null;
  /** A model picked to compile for beside the file's own; null or absent for the file's own only. */
  model?: string | null;
}

export function isPreviewState(value: unknown): value is PreviewState {
  if (!value || typeof value !== 'object') return false;
  const state = value as Record<string, unknown>;
  return (
    typeof state.uri === 'string' &&
    state.uri.length > 0 &&
    typeof state.locked === 'boolean' &&
    (state.variant === null || typeof state.variant === 'string') &&
    (state.model === undefined || state.model === null || typeof state.model === 'string')
  );
}

/** Reads a saved state leniently (older or partial states fall back to defaults); undefined without a uri. */
export function readPreviewState(value: unknown): PreviewState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const state = value as Record<string, unknown>;
  if (typeof state.uri !== 'string' || !state.uri) return undefined;
  return {
    uri: state.uri,
    locked: state.locked === true,
    variant: typeof state.variant === 'string' && state.variant && state.variant !== 'main' ? state.variant : null,
    ...(typeof state.model === 'string' && /^[\w.-]{1,64}$/.test(state.model) ? { model: state.model } : {}),
  };
}

// ---- messages ----------------------------------------------------------------------------------

/** Extension → webview. */
export type ToWebview =
  | {
      type: 'update';
      response: CompileResponse;
      fileName: string;
      state: PreviewState;
      /** The same storyboard compiled for the picked model, when one is picked and differs from the file's. */
      target?: CompileResponse | null;
    }
  | { type: 'highlight'; line: number }
  | { type: 'state'; state: PreviewState }
  | { type: 'message'; fileName: string | null; state: PreviewState | null; text: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready'; state: PreviewState | null }
  | { type: 'reveal'; uri: string; line: number; character: number; endLine: number; endCharacter: number }
  | { type: 'copy'; what: 'prompt' | 'remix' | 'request' | 'iteration'; text: string; label?: string }
  | { type: 'selectVariant'; variant: string | null }
  | { type: 'selectModel'; model: string | null }
  | { type: 'toggleLock' };

const copyKinds: readonly string[] = ['prompt', 'remix', 'request', 'iteration'];

/**
 * A message from the page, or undefined when it is not one the host knows in every field: the page
 * shows storyboard text, so the host takes nothing from it on trust.
 */
export function readFromWebview(data: unknown): FromWebview | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  const text = (value: unknown): value is string => typeof value === 'string';
  const whole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  const nameOrNull = (value: unknown) => (text(value) && value ? value : value === null ? null : undefined);
  switch (m.type) {
    case 'ready':
      return { type: 'ready', state: readPreviewState(m.state) ?? null };
    case 'reveal':
      return text(m.uri) && whole(m.line) && whole(m.character) && whole(m.endLine) && whole(m.endCharacter)
        ? { type: 'reveal', uri: m.uri, line: m.line, character: m.character, endLine: m.endLine, endCharacter: m.endCharacter }
        : undefined;
    case 'copy':
      if (!text(m.text) || !text(m.what) || !copyKinds.includes(m.what)) return undefined;
      return { type: 'copy', what: m.what as Extract<FromWebview, { type: 'copy' }>['what'], text: m.text, ...(text(m.label) && m.label ? { label: m.label } : {}) };
    case 'selectVariant': {
      const variant = nameOrNull(m.variant);
      return variant === undefined ? undefined : { type: 'selectVariant', variant: variant === 'main' ? null : variant };
    }
    case 'selectModel': {
      const model = nameOrNull(m.model);
      return model === undefined ? undefined : { type: 'selectModel', model };
    }
    case 'toggleLock':
      return { type: 'toggleLock' };
    default:
      return undefined;
  }
}

// ---- timeline ----------------------------------------------------------------------------------

export interface TimelineBeat {
  index: number;
  title: string | null;
  start: number;
  end: number;
  seconds: number;
  /** Left edge and width as a percentage of the strip. */
  left: number;
  width: number;
  /** The beat runs past the clip's duration (or past the stable limit). */
  beyondClip: boolean;
  beyondLimit: boolean;
}

export interface TimelineMarker {
  beat: number;
  speaker: string;
  line: string;
  at: number;
  /** Position as a percentage of the strip. */
  left: number;
  /** The line starts after its beat (or the clip) has ended. */
  late: boolean;
}

export interface Timeline {
  /** The seconds the strip spans: the longer of the clip's duration and the beats' total. */
  span: number;
  /** The clip's duration as set, or null. */
  duration: number | null;
  /** Where the clip's duration ends on the strip (percentage), when it is set and inside the strip. */
  clipEnd: number | null;
  /** Where the stable limit falls (percentage), when the strip runs past it. */
  limit: number | null;
  beatsTotal: number;
  /** The clip (or its beats) run past the stable limit. */
  overLimit: boolean;
  /** The beats add up to more than the clip's duration. */
  overDuration: boolean;
  /** The beats add up to less than the clip's duration. */
  underDuration: boolean;
  beats: TimelineBeat[];
  markers: TimelineMarker[];
}

type TimelineInput = Pick<CompileResponse, 'beats' | 'settings'>;

const epsilon = 1e-6;

/** Beats proportional to their seconds on a strip covering the clip (and any beats beyond it). */
export function timelineLayout(response: TimelineInput): Timeline {
  const duration = response.settings.duration && response.settings.duration > 0 ? response.settings.duration : null;
  const beatsTotal = response.beats.reduce((max, beat) => Math.max(max, beat.end), 0);
  const span = Math.max(duration ?? 0, beatsTotal) || 1;
  const pct = (seconds: number) => (Math.min(Math.max(seconds, 0), span) / span) * 100;
  const beats: TimelineBeat[] = response.beats.map((beat) => ({
    index: beat.index,
    title: beat.title,
    start: beat.start,
    end: beat.end,
    seconds: beat.end - beat.start,
    left: pct(beat.start),
    width: pct(beat.end) - pct(beat.start),
    beyondClip: duration !== null && beat.end > duration + epsilon,
    beyondLimit: beat.end > stableClipSeconds + epsilon,
  }));
  const markers: TimelineMarker[] = response.beats.flatMap((beat) =>
    beat.dialogue.map((say) => ({
      beat: beat.index,
      speaker: say.speaker,
      line: say.line,
      at: say.at,
      left: pct(say.at),
      late: say.at >= beat.end - epsilon || (duration !== null && say.at >= duration - epsilon),
    })),
  );
  const longest = Math.max(duration ?? 0, beatsTotal);
  return {
    span,
    duration,
    clipEnd: duration !== null && duration < span - epsilon ? pct(duration) : null,
    limit: span > stableClipSeconds + epsilon ? pct(stableClipSeconds) : null,
    beatsTotal,
    overLimit: longest > stableClipSeconds + epsilon,
    overDuration: duration !== null && beatsTotal > duration + epsilon,
    underDuration: duration !== null && response.beats.length > 0 && beatsTotal < duration - epsilon,
    beats,
    markers,
  };
}

// ---- text --------------------------------------------------------------------------------------

// Words, seconds and timecodes are counted and written by the core's own functions, so the preview
// says what the rules and the compiler say ("Wait--no, not tonight." is four words everywhere).
export { countWords, formatSecondsProse, formatTimecode };

/** The status bar's text: `12 s · 3 beats · 16:9 · veo-3.1 · ≈ $4.80`. */
export function summaryText(summary: CompileResponse['summary']): string {
  const parts: string[] = [];
  parts.push(summary.duration !== null ? formatSecondsProse(summary.duration) : 'no duration');
  parts.push(`${summary.beats} ${summary.beats === 1 ? 'beat' : 'beats'}`);
  if (summary.aspect) parts.push(summary.aspect);
  if (summary.model) parts.push(summary.model);
  if (summary.cost !== null && summary.cost !== undefined) parts.push(`≈ ${formatUsd(summary.cost)}`);
  return parts.join(' · ');
}

/** `4.8` → `$4.80`; amounts under a cent keep three decimals. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '$?';
  return usd !== 0 && Math.abs(usd) < 0.01 ? `$${usd.toFixed(3)}` : `$${usd.toFixed(2)}`;
}

/** A price per second: to the cent, or finer where the vendor prices finer (`$0.125`, `$0.1764`). */
export function formatRate(usd: number): string {
  if (!Number.isFinite(usd)) return '$?';
  return `$${usd.toFixed(4).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

/** The index (into beats) of the shot whose source range holds the line, or -1. */
export function shotAtLine(beats: readonly { source: { start: { line: number }; end: { line: number } } }[], line: number): number {
  for (let i = 0; i < beats.length; i++) {
    const { start, end } = beats[i].source;
    if (line >= start.line && line <= end.line) return i;
  }
  return -1;
}

/** The prompt cut into the text before the shots, one block per shot, and what lies between. */
export interface PromptPart {
  kind: 'text' | 'shot';
  text: string;
  /** Where the text starts in the prompt (UTF-16 offset). */
  start: number;
  /** Index into beats for a shot. */
  shot?: number;
}

export function promptParts(prompt: string, beats: readonly { output: { start: number; end: number } }[]): PromptPart[] {
  const parts: PromptPart[] = [];
  let cursor = 0;
  beats.forEach((beat, shot) => {
    const start = Math.max(cursor, Math.min(beat.output.start, prompt.length));
    const end = Math.max(start, Math.min(beat.output.end, prompt.length));
    if (start > cursor) parts.push({ kind: 'text', text: prompt.slice(cursor, start), start: cursor });
    parts.push({ kind: 'shot', text: prompt.slice(start, end), start, shot });
    cursor = end;
  });
  if (cursor < prompt.length) parts.push({ kind: 'text', text: prompt.slice(cursor), start: cursor });
  return parts;
}

/** A run of prompt text, and whether it was written in the sequence rather than in the scene. */
export interface TextSegment {
  text: string;
  inherited: boolean;
}

/**
 * Cuts `text` (which starts at `offset` in the prompt) at the edges of the inherited spans. Spans
 * may come in any order, overlap, or fall outside the text; the segments always join to `text`.
 */
export function inheritedSegments(text: string, offset: number, spans: readonly { start: number; end: number }[] | undefined): TextSegment[] {
  const end = offset + text.length;
  const inside = (spans ?? [])
    .map((span) => ({ start: Math.max(span.start, offset), end: Math.min(span.end, end) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const segments: TextSegment[] = [];
  const push = (from: number, to: number, inherited: boolean) => {
    if (to <= from) return;
    const last = segments[segments.length - 1];
    const piece = text.slice(from - offset, to - offset);
    if (last && last.inherited === inherited) last.text += piece;
    else segments.push({ text: piece, inherited });
  };
  let cursor = offset;
  for (const span of inside) {
    push(cursor, span.start, false);
    push(Math.max(cursor, span.start), span.end, true);
    cursor = Math.max(cursor, span.end);
  }
  push(cursor, end, false);
  return segments;
}

/** The sequence file's name, from the path or URI the server sends. */
export function sequenceName(inheritedFrom: string | null | undefined): string | null {
  if (!inheritedFrom) return null;
  return inheritedFrom.replace(/\\/g, '/').split('/').filter(Boolean).pop() ?? null;
}
