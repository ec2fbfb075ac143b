import type { BoardSpend, SequenceBoard } from '../../../server/src/protocol';
import { spendText, usdText } from '../takes/spend';

// Messages between the sequence board page and the extension, shared by both sides and the tests.

export type { BoardBestTake, BoardCard, BoardSpend, SequenceBoard } from '../../../server/src/protocol';

/** A best take's video as the page may load it: the webview URI, and a key that changes when the file does. */
export interface BoardVideo {
  src: string;
  key: string;
}

export interface BoardMessage {
  type: 'board';
  board: SequenceBoard;
  /** By card entry: the videos of the best takes that are there. */
  videos: Record<string, BoardVideo>;
  /** Frames captured before (this session), by video key. */
  frames: Record<string, string>;
}

export type ToBoardPage = BoardMessage | { type: 'error'; message: string };

export type FromBoardPage =
  | { type: 'ready' }
  | { type: 'open'; uri: string }
  | { type: 'reorder'; order: string[] }
  /** The page captured a frame of a video (a JPEG data: URL); the host keeps it for the session. */
  | { type: 'frameCaptured'; key: string; frame: string };

/** What the page keeps across a reload: the last board it showed, its frames and the focused card. */
export interface BoardPageState {
  message: BoardMessage;
  focused: number;
}

export function readBoardPageState(value: unknown): BoardPageState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const state = value as Partial<BoardPageState>;
  const message = state.message;
  if (!message || !message.board || !Array.isArray(message.board.cards) || typeof state.focused !== 'number') return undefined;
  if (!message.videos || typeof message.videos !== 'object' || !message.frames || typeof message.frames !== 'object') return undefined;
  return state as BoardPageState;
}

/** Frames are small JPEGs the page drew itself; anything else (another scheme, markup, a huge string) is refused. */
export const frameLimit = 300_000;
export function isFrame(value: unknown): value is string {
  return typeof value === 'string' && value.length <= frameLimit && /^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/.test(value);
}

/** Where a card's frame is taken: the middle of the clip, past an opening fade and before the end. */
export function frameTime(duration: number): number {
  return Number.isFinite(duration) && duration > 0 ? duration / 2 : 0;
}

/** A card's spend: `$3.60 on 2 takes`, or why there is no figure. */
export function cardSpendText(spend: BoardSpend | null): string {
  if (!spend) return 'no takes yet';
  if (!spend.priced) return `no cost recorded (${takes(spend.unpriced)})`;
  return `${usdText(spend.usd)} on ${takes(spend.priced)}${spend.unpriced ? ` (+${takes(spend.unpriced)} without a cost)` : ''}`;
}

/** The film's spend, worded as the takes panel words a scene's. */
export function filmSpendText(spend: BoardSpend): string {
  if (spend.priced) return spendText(spend);
  return spend.unpriced ? `No cost recorded for the ${takes(spend.unpriced)}` : 'No takes yet';
}

function takes(n: number): string {
  return `${n} take${n === 1 ? '' : 's'}`;
}

/** `order` with the entry at `from` moved to `to`. */
export function moved<T>(order: readonly T[], from: number, to: number): T[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

export function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
