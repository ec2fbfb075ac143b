import type { SequenceBoard } from '../../../server/src/protocol';

// Messages between the sequence board page and the extension, shared by both sides and the tests.

export type { BoardCard, SequenceBoard } from '../../../server/src/protocol';

export type ToBoardPage = { type: 'board'; board: SequenceBoard } | { type: 'error'; message: string };

export type FromBoardPage =
  | { type: 'ready' }
  | { type: 'open'; uri: string }
  | { type: 'reorder'; order: string[] };

/** What the page keeps across a reload: the last board it showed and the focused card. */
export interface BoardPageState {
  board: SequenceBoard;
  focused: number;
}

export function readBoardPageState(value: unknown): BoardPageState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const state = value as Partial<BoardPageState>;
  if (!state.board || !Array.isArray(state.board.cards) || typeof state.focused !== 'number') return undefined;
  return state as BoardPageState;
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
