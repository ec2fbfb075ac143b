// What the scoring panel (client/webview/takes) and the extension host say to each other. No
// vscode or Node imports: the page's bundle includes this file.
import { scoreCriteria, scoreCriterionLabels, type ScoreCriterion } from '../../../server/src/core/vocabulary';
import type { SpendView } from './spend';

export * from './spend';
import type { Lineage } from '../../../server/src/core/lineage';
import type { TakeProvenance } from '../../../server/src/core/takes';

export const takesViewType = 'sora.takes';

export { scoreCriteria, scoreCriterionLabels, type ScoreCriterion };

export interface TakeRowView {
  id: string;
  file: string;
  createdAt: string;
  variant: string;
  parent: string | null;
  change: string | null;
  scores: Partial<Record<ScoreCriterion, number>>;
  total: number | null;
  notes: string;
  /** The video file is not where the log says. The row stays; the page says so. */
  missing: boolean;
  /**
   * Why the video is not looked at when the log names a file outside the workspace (an absolute
   * path, a `../` out, a link out); null for a file inside. Nothing is loaded for such a take.
   */
  outside: string | null;
  /** `webview.asWebviewUri` of the video, or null when missing or outside. */
  videoUri: string | null;
  /** How many variants/takes already branch from this take (2–3 allowed). */
  branches: number;
  /** The model the take was made with (the take's `model`, else its settings'), or null. */
  model: string | null;
  /** The take's estimated cost in USD when it was logged with one, or null. */
  cost: number | null;
  /** The C2PA manifest as read when the take was logged; null for a take logged before provenance was read. */
  provenance: TakeProvenance | null;
  /** Changes when the video file does (its size and time), so cached frames of an old file are not shown. */
  videoKey: string | null;
  /** Scores for single shots, by shot number ("identity broke in shot 3"). */
  shotScores: Record<string, Partial<Record<ScoreCriterion, number>>>;
}

/** A beat of the storyboard as the review views show it beside a take's frames. */
export interface BeatView {
  index: number;
  /** Seconds on the storyboard's timeline. */
  start: number;
  end: number;
  title: string | null;
  /** The shot's text as compiled into the prompt. */
  text: string;
  dialogue: { speaker: string; at: number; line: string }[];
}


export interface TypicalFixView {
  takeId: string;
  criterion: ScoreCriterion;
  label: string;
  score: number;
  fix: string;
  /** The shot the writer scored lowest on this criterion, and its beat's title. */
  shot?: number;
  shotTitle?: string | null;
}

export interface TakesState {
  type: 'state';
  /** The storyboard's URI (string), for state restore. */
  uri: string;
  storyboard: string;
  takes: TakeRowView[];
  best: string | null;
  fix: TypicalFixView | null;
  /** Files in `takes/` named for this scene but not in the log. */
  unlogged: { file: string; takeId: string }[];
  /** Shown above the table (a merge note, a save problem); null when all is well. */
  notice: string | null;
  maxBranches: number;
  /** The scene's spend; null when no take has a cost. */
  spend: SpendView | null;
  /** A take to select now ("Score Takes" on a take); null leaves the page's selection. */
  select: string | null;
  /** The storyboard's beats (main), for the frames per shot; empty when it cannot be compiled. */
  beats: BeatView[];
  lineage: Lineage;
  /** Frames already captured (data: URLs), by frame key (see frameKey in the page). */
  frames: Record<string, string[]>;
}

export interface TakesError {
  type: 'error';
  uri: string;
  storyboard: string;
  /** Why the log cannot be read; it is not overwritten until fixed. */
  message: string;
}

export type ToTakesPage = TakesState | TakesError;

export type FromTakesPage =
  | { type: 'ready' }
  | { type: 'score'; takeId: string; criterion: ScoreCriterion; value: number | null }
  | { type: 'notes'; takeId: string; notes: string }
  | { type: 'select'; takeId: string }
  | { type: 'branch'; takeId: string }
  | { type: 'openFile' }
  | { type: 'logTake'; file?: string }
  | { type: 'framesCaptured'; key: string; frames: string[] }
  | { type: 'adopt'; takeId: string }
  | { type: 'shotScore'; takeId: string; shot: number; criterion: ScoreCriterion; value: number | null };

/** What the page keeps across reloads (vscode.setState). */
export interface TakesPageState {
  uri: string;
  selected: string | null;
}

export function readTakesPageState(value: unknown): TakesPageState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const state = value as Record<string, unknown>;
  if (typeof state.uri !== 'string' || !state.uri) return undefined;
  return { uri: state.uri, selected: typeof state.selected === 'string' ? state.selected : null };
}

/** A score from a key on a focused cell: 1–5 set it, arrows step it, 0/Delete/Backspace clear it. */
export function scoreForKey(key: string, current: number | null): number | null | undefined {
  if (/^[1-5]$/.test(key)) return Number(key);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(5, (current ?? 0) + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return current === null ? null : Math.max(1, current - 1);
    case 'Home':
      return 1;
    case 'End':
      return 5;
    case '0':
    case 'Delete':
    case 'Backspace':
      return null;
    default:
      return undefined;
  }
}

/** A captured frame: a small JPEG or PNG as a data: URL, nothing else (the host keeps these and sends them back). */
export function isFrameImage(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200_000 && /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+=*$/.test(value);
}

/** Messages from the page are checked before the host acts on them. */
export function isFromTakesPage(value: unknown): value is FromTakesPage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'openFile':
      return true;
    case 'logTake':
      return message.file === undefined || typeof message.file === 'string';
    case 'select':
    case 'branch':
    case 'adopt':
      return typeof message.takeId === 'string';
    case 'shotScore':
      return (
        typeof message.takeId === 'string' &&
        typeof message.shot === 'number' &&
        Number.isInteger(message.shot) &&
        message.shot >= 1 &&
        (scoreCriteria as readonly unknown[]).includes(message.criterion) &&
        (message.value === null || (typeof message.value === 'number' && Number.isInteger(message.value) && message.value >= 1 && message.value <= 5))
      );
    case 'framesCaptured':
      return typeof message.key === 'string' && message.key.length <= 2000 && Array.isArray(message.frames) && message.frames.length <= 64 && message.frames.every(isFrameImage);
    case 'notes':
      return typeof message.takeId === 'string' && typeof message.notes === 'string';
    case 'score':
      return (
        typeof message.takeId === 'string' &&
        (scoreCriteria as readonly unknown[]).includes(message.criterion) &&
        (message.value === null || (typeof message.value === 'number' && Number.isInteger(message.value) && message.value >= 1 && message.value <= 5))
      );
    default:
      return false;
  }
}
