// Side by side: two takes (by default the selected one and its parent) with their players in sync
// (play, pause and seek together), their frame strips aligned beat by beat, their scores and the
// difference, and the one change between them. A variant's take offers "Adopt this take's change".
import { scoreCriteria, scoreCriterionLabels, type TakeRowView, type TakesState } from '../../src/takes/model';
import { button, el } from '../shared/dom';
import { beatFrames, beatLabel, framesFor, type FrameStripOptions } from './frames';

export interface ComparePair {
  a: string;
  b: string;
}

export interface CompareOptions extends FrameStripOptions {
  onAdopt: (takeId: string) => void;
  /** The pair changed (to be kept in the page's state). */
  onPairChange: (pair: ComparePair) => void;
}

/** The default pair for a take: it and its parent, else the take before it. */
export function defaultPair(state: TakesState, selected: string | null): ComparePair | null {
  if (state.takes.length < 2) return null;
  const index = Math.max(0, state.takes.findIndex((t) => t.id === selected));
  const take = state.takes[index];
  const parent = take.parent && state.takes.some((t) => t.id === take.parent) ? take.parent : null;
  const other = parent ?? state.takes[index === 0 ? 1 : index - 1].id;
  return { a: other, b: take.id };
}

function validPair(state: TakesState, pair: ComparePair | null): pair is ComparePair {
  return !!pair && pair.a !== pair.b && state.takes.some((t) => t.id === pair.a) && state.takes.some((t) => t.id === pair.b);
}

/** What changed from `a` to `b`: the logged change when one is the other's parent, else the changes along the lineage. */
export function changeBetween(state: TakesState, a: TakeRowView, b: TakeRowView): string {
  const describe = (take: TakeRowView) => take.change ?? (take.variant === 'main' ? 'no change logged' : `variant ${take.variant}`);
  if (b.parent === a.id) return `${a.id} → ${b.id}: ${describe(b)}`;
  if (a.parent === b.id) return `${b.id} → ${a.id}: ${describe(a)}`;
  const byId = new Map(state.takes.map((t) => [t.id, t]));
  const ancestors = (take: TakeRowView) => {
    const chain: TakeRowView[] = [take];
    const seen = new Set([take.id]);
    for (let parent = take.parent ? byId.get(take.parent) : undefined; parent && !seen.has(parent.id); parent = parent.parent ? byId.get(parent.parent) : undefined) {
      chain.push(parent);
      seen.add(parent.id);
    }
    return chain;
  };
  const fromA = ancestors(a);
  const fromB = ancestors(b);
  const common = fromA.find((t) => fromB.some((u) => u.id === t.id));
  if (!common) return `${a.id} and ${b.id} share no parent take: compare their prompts.`;
  const path = (chain: TakeRowView[]) => chain.slice(0, chain.findIndex((t) => t.id === common.id)).reverse();
  const steps = (chain: TakeRowView[]) => path(chain).map((t) => `${t.id}: ${describe(t)}`).join('; ') || 'nothing';
  return `Not one change: both come from ${common.id}. To ${a.id}: ${steps(fromA)}. To ${b.id}: ${steps(fromB)}.`;
}

// ---- the players in sync -------------------------------------------------------------------

/**
 * Plays, pauses and seeks two players together. A seek is mapped by proportion when the two
 * videos differ in length, so the same beat shows in both. Returns a function that stops it.
 */
export function syncPlayers(first: HTMLVideoElement, second: HTMLVideoElement): () => void {
  // What this code asked a player to do: its own event for that is not echoed back.
  const expected = new WeakMap<HTMLVideoElement, Set<string>>([
    [first, new Set()],
    [second, new Set()],
  ]);
  const consume = (video: HTMLVideoElement, what: string) => expected.get(video)!.delete(what);
  const mapTime = (from: HTMLVideoElement, to: HTMLVideoElement) =>
    Number.isFinite(from.duration) && Number.isFinite(to.duration) && from.duration > 0 ? (from.currentTime * to.duration) / from.duration : from.currentTime;
  const handlers: [HTMLVideoElement, string, () => void][] = [];
  for (const [from, to] of [
    [first, second],
    [second, first],
  ] as const) {
    const onPlay = () => {
      if (consume(from, 'play')) return;
      expected.get(to)!.add('play');
      const time = mapTime(from, to);
      if (Math.abs(to.currentTime - time) > 0.05) {
        expected.get(to)!.add('seek');
        to.currentTime = time;
      }
      void to.play().catch(() => expected.get(to)!.delete('play'));
    };
    const onPause = () => {
      if (consume(from, 'pause')) return;
      if (to.paused) return;
      expected.get(to)!.add('pause');
      to.pause();
    };
    const onSeeking = () => {
      if (consume(from, 'seek')) return;
      expected.get(to)!.add('seek');
      to.currentTime = mapTime(from, to);
    };
    handlers.push([from, 'play', onPlay], [from, 'pause', onPause], [from, 'seeking', onSeeking]);
  }
  for (const [video, event, handler] of handlers) video.addEventListener(event, handler);
  return () => {
    for (const [video, event, handler] of handlers) video.removeEventListener(event, handler);
  };
}

// ---- rendering -------------------------------------------------------------------------------

let stopSync: (() => void) | null = null;
let shown: string | null = null;

export function renderCompare(target: HTMLElement, state: TakesState, selected: string | null, pair: ComparePair | null, options: CompareOptions): void {
  const heading = el('h2', {}, 'Side by side');
  const chosen = validPair(state, pair) ? pair : defaultPair(state, selected);
  if (!chosen) {
    stopSync?.();
    stopSync = null;
    shown = null;
    target.replaceChildren(heading, el('p', { class: 'empty' }, 'Log a second take to compare two side by side.'));
    return;
  }
  const a = state.takes.find((t) => t.id === chosen.a)!;
  const b = state.takes.find((t) => t.id === chosen.b)!;
  const key = JSON.stringify([a.id, a.videoUri, a.videoKey, b.id, b.videoUri, b.videoKey, state.beats.length]);
  const players = target.querySelector('.compare-players');
  if (key === shown && players) {
    // Same pair and videos: keep the players where they are, refresh the rest.
    target.querySelector('.compare-details')?.replaceWith(details(state, a, b, options));
    return;
  }
  shown = key;
  stopSync?.();
  stopSync = null;
  const pickers = el('div', { class: 'compare-pickers' }, picker('Left', a.id, state, (id) => options.onPairChange({ a: id, b: b.id })), picker('Right', b.id, state, (id) => options.onPairChange({ a: a.id, b: id })));
  const playerA = player(a, false);
  const playerB = player(b, true);
  const playerRow = el('div', { class: 'compare-players' }, playerA, playerB);
  const videoA = playerA.querySelector('video');
  const videoB = playerB.querySelector('video');
  if (videoA && videoB) stopSync = syncPlayers(videoA, videoB);
  target.replaceChildren(heading, pickers, playerRow, details(state, a, b, options));
}

function picker(label: string, value: string, state: TakesState, onChange: (id: string) => void): HTMLElement {
  const select = el('select', { 'aria-label': `${label} take`, class: `compare-${label.toLowerCase()}` });
  for (const take of state.takes) {
    const option = el('option', { value: take.id }, `${take.id} · ${take.variant}`);
    if (take.id === value) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  return el('label', { class: 'compare-picker' }, `${label}: `, select);
}

function player(take: TakeRowView, muted: boolean): HTMLElement {
  const box = el('figure', { class: 'compare-player', 'data-take': take.id });
  box.append(el('figcaption', {}, `${take.id} · ${take.variant === 'main' ? 'main' : `variant ${take.variant}`}`));
  if (take.videoUri) {
    const video = el('video', { controls: '', preload: 'metadata', 'aria-label': `Video of ${take.id}`, 'data-take': take.id });
    // Two soundtracks at once are noise: the right-hand player starts muted.
    video.muted = muted;
    video.src = take.videoUri;
    box.append(video);
  } else {
    box.append(el('p', { class: 'video-missing', role: 'note' }, `Video missing: ${take.file}`));
  }
  return box;
}

function details(state: TakesState, a: TakeRowView, b: TakeRowView, options: CompareOptions): HTMLElement {
  const box = el('div', { class: 'compare-details' });
  box.append(el('p', { class: 'compare-change' }, changeBetween(state, a, b)));
  const adoptable = [a, b].filter((t) => t.variant !== 'main');
  for (const take of adoptable) box.append(button(`Adopt ${take.id}’s change…`, { class: 'adopt secondary', 'data-take': take.id, title: `Write variant ${take.variant}'s change into the storyboard's main text (shown as a diff first)` }, () => options.onAdopt(take.id)));
  box.append(scoresTable(a, b), stripsTable(state, a, b, options));
  return box;
}

function scoresTable(a: TakeRowView, b: TakeRowView): HTMLTableElement {
  const table = el('table', { class: 'compare-scores' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Criterion'), el('th', { scope: 'col' }, a.id), el('th', { scope: 'col' }, b.id), el('th', { scope: 'col' }, 'Difference'))));
  const body = el('tbody', {});
  const row = (label: string, left: number | null | undefined, right: number | null | undefined) => {
    const diff = left != null && right != null ? right - left : null;
    const diffText = diff === null ? '–' : diff > 0 ? `+${diff}` : diff < 0 ? `−${-diff}` : '0';
    body.append(el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, left == null ? '–' : String(left)), el('td', {}, right == null ? '–' : String(right)), el('td', { class: `diff${diff === null ? '' : diff > 0 ? ' up' : diff < 0 ? ' down' : ''}` }, diffText)));
  };
  for (const criterion of scoreCriteria) row(scoreCriterionLabels[criterion], a.scores[criterion], b.scores[criterion]);
  row('Total', a.total, b.total);
  table.append(body);
  return table;
}

function stripsTable(state: TakesState, a: TakeRowView, b: TakeRowView, options: CompareOptions): HTMLElement {
  const box = el('div', { class: 'compare-strips' });
  if (!state.beats.length) return box;
  const rows = state.beats.map((beat) => el('div', { class: 'beat-row compare-row', 'data-beat': String(beat.index) }, beatLabel(beat)));
  const fill = (take: TakeRowView, captured: { times: number[][]; frames: string[] } | null) =>
    rows.forEach((row, i) => {
      const existing = row.querySelector(`.beat-frames[data-take="${CSS.escape(take.id)}"]`);
      const next = take.videoUri ? beatFrames(take, state.beats[i], i, captured, options.onSeek) : el('div', { class: 'beat-frames missing', 'data-take': take.id }, 'no video');
      if (existing) existing.replaceWith(next);
      else row.append(next);
    });
  for (const take of [a, b]) {
    fill(take, null);
    if (take.videoUri) void framesFor(take, state.beats, options).then((result) => !('error' in result) && box.isConnected && fill(take, result));
  }
  box.append(...rows);
  return box;
}
