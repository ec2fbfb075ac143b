// The scoring page: one row per take, five criteria scored 1–5 (click, or 1–5 / arrows on a focused
// cell), notes, the change that made the take, its parent; the best take highlighted; the selected
// take's video beside the scores; a trend chart per criterion; the typical fix for the weakest
// criterion of the best take. Every user string goes through textContent, never innerHTML.
import uPlot from 'uplot';
import {
  readTakesPageState,
  scoreCriteria,
  scoreCriterionLabels,
  scoreForKey,
  spendText,
  usdText,
  type FromTakesPage,
  type ScoreCriterion,
  type TakeRowView,
  type TakesPageState,
  type TakesState,
  type ToTakesPage,
} from '../../src/takes/model';
import { renderCompare, type ComparePair } from './compare';
import { renderFrameStrip } from './frames';
import { renderLineage } from './lineage';
import { provenanceBadge, provenanceText } from './provenance';
import { button, el } from '../shared/dom';
import { messageGuard, onMessage } from '../shared/messages';
import { webviewHost } from '../shared/vscode';

/** What the page saves: the storyboard, the selected take and the pair shown side by side. */
type SavedPage = TakesPageState & { compare?: ComparePair };

const host = webviewHost<FromTakesPage, SavedPage>(readSavedPage);
const restored = host.restoredState();
let selected: string | null = restored?.selected ?? null;
let current: TakesState | null = null;
let chart: uPlot | null = null;
let comparePair: ComparePair | null = restored?.compare ?? null;
/** Frames captured on this page, beside those the host sent back. */
const capturedFrames: Record<string, string[]> = {};

function send(message: FromTakesPage): void {
  host.post(message);
}

function saveState(): void {
  if (!current) return;
  host.saveState({ uri: current.uri, selected, ...(comparePair ? { compare: comparePair } : {}) });
}

// ---- page skeleton ------------------------------------------------------------------------

const root = el('main', { id: 'takes' });
const header = el('header', {});
const title = el('h1', { id: 'title' }, 'Takes');
const logButton = button('Log Take…', { id: 'log-take', class: 'secondary' }, () => send({ type: 'logTake' }));
const spendLine = el('p', { id: 'spend', class: 'spend', title: 'The estimated cost of every take logged with one, from the model\'s price per second' });
header.append(title, spendLine, logButton);
const notice = el('p', { id: 'notice', role: 'status', 'aria-live': 'polite', hidden: '' });
const errorBox = el('section', { id: 'error', role: 'alert', hidden: '' });
const layout = el('div', { id: 'layout' });
const tableWrap = el('section', { id: 'table-wrap', 'aria-label': 'Scores' });
const side = el('aside', { id: 'side', 'aria-label': 'Selected take' });
const fixBox = el('section', { id: 'fix', 'aria-label': 'Typical fix', hidden: '' });
const chartBox = el('section', { id: 'chart', 'aria-label': 'Trend of each criterion across takes' });
const unloggedBox = el('section', { id: 'unlogged', hidden: '' });
const lineageBox = el('section', { id: 'lineage', 'aria-label': 'Lineage of the takes' });
const framesBox = el('section', { id: 'frames', 'aria-label': 'Frames per shot' });
const compareBox = el('section', { id: 'compare', 'aria-label': 'Two takes side by side' });
const review = el('div', { id: 'review' }, lineageBox, framesBox, compareBox);
layout.append(tableWrap, side);
root.append(header, notice, errorBox, layout, fixBox, review, chartBox, unloggedBox);
document.body.append(root);

const shortLabels: Record<ScoreCriterion, string> = {
  promptAdherence: 'Prompt',
  physicsRealism: 'Physics',
  temporalConsistency: 'Temporal',
  identityStability: 'Identity',
  audioSync: 'Audio',
};

// ---- rendering -----------------------------------------------------------------------------

function render(state: ToTakesPage): void {
  if (state.type === 'error') {
    current = null;
    title.textContent = `Takes — ${state.storyboard}`;
    layout.hidden = true;
    fixBox.hidden = true;
    chartBox.hidden = true;
    review.hidden = true;
    unloggedBox.hidden = true;
    notice.hidden = true;
    errorBox.hidden = false;
    errorBox.replaceChildren(
      el('h2', {}, 'The take log cannot be read'),
      el('p', { class: 'message' }, state.message),
      el('p', {}, 'Fix the file and the panel reloads.'),
      button('Open file', { id: 'open-file' }, () => send({ type: 'openFile' })),
    );
    host.saveState({ uri: state.uri, selected });
    return;
  }
  current = state;
  if (state.select && state.takes.some((t) => t.id === state.select)) selected = state.select;
  if (selected && !state.takes.some((t) => t.id === selected)) selected = null;
  if (!selected) selected = state.best ?? state.takes[state.takes.length - 1]?.id ?? null;
  saveState();
  title.textContent = `Takes — ${state.storyboard}`;
  errorBox.hidden = true;
  layout.hidden = false;
  chartBox.hidden = false;
  review.hidden = false;
  notice.hidden = !state.notice;
  notice.textContent = state.notice ?? '';
  spendLine.hidden = !state.spend;
  spendLine.textContent = state.spend ? spendText(state.spend) : '';
  renderTable(state);
  renderSide(state);
  renderFix(state);
  renderReview(state);
  renderChart(state);
  renderUnlogged(state);
}

function renderTable(state: TakesState): void {
  // Keep what is being typed: a focused notes box is not replaced under the cursor.
  const active = document.activeElement;
  const focusKey = active instanceof HTMLElement ? active.dataset.focusKey : undefined;
  const typing = active instanceof HTMLTextAreaElement ? { key: active.dataset.focusKey, value: active.value, start: active.selectionStart, end: active.selectionEnd } : undefined;

  if (state.takes.length === 0) {
    tableWrap.replaceChildren(el('p', { class: 'empty' }, 'No takes logged yet. Generate a draft with your model, then "Log Take" records it with its exact prompt, settings, model and cost.'));
    return;
  }
  const table = el('table', { id: 'grid' });
  const headRow = el('tr', {}, el('th', { scope: 'col' }, 'Take'), el('th', { scope: 'col' }, 'Made from'));
  for (const criterion of scoreCriteria) headRow.append(el('th', { scope: 'col', title: scoreCriterionLabels[criterion] }, shortLabels[criterion]));
  headRow.append(el('th', { scope: 'col' }, 'Total'), el('th', { scope: 'col' }, 'Notes'), el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')));
  table.append(el('thead', {}, headRow));
  const body = el('tbody', {});
  for (const take of state.takes) body.append(renderRow(state, take));
  table.append(body);
  tableWrap.replaceChildren(table);

  if (focusKey) {
    const again = tableWrap.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (again) {
      if (typing && again instanceof HTMLTextAreaElement && typing.key === focusKey) {
        again.value = typing.value;
        again.focus();
        again.setSelectionRange(typing.start, typing.end);
      } else {
        again.focus();
      }
    }
  }
}

function renderRow(state: TakesState, take: TakeRowView): HTMLTableRowElement {
  const isBest = take.id === state.best;
  const row = el('tr', { class: ['take', isBest ? 'best' : '', take.id === selected ? 'selected' : '', take.missing ? 'missing' : ''].filter(Boolean).join(' '), 'data-take': take.id });
  if (take.id === selected) row.setAttribute('aria-current', 'true');

  const idCell = el('th', { scope: 'row', class: 'id' });
  const select = button(take.id, { class: 'select link', 'data-focus-key': `${take.id}:select`, title: `Play ${take.file}` }, () => selectTake(take.id));
  idCell.append(select);
  if (isBest) idCell.append(el('span', { class: 'badge best-badge' }, 'Best'));
  if (take.outside) idCell.append(el('span', { class: 'badge missing-badge outside-badge', title: `${take.file} ${take.outside}` }, 'outside workspace'));
  else if (take.missing) idCell.append(el('span', { class: 'badge missing-badge', title: `${take.file} is not there` }, 'video missing'));
  idCell.append(provenanceBadge(take) ?? '');
  row.append(idCell);

  const origin = el('td', { class: 'origin' });
  origin.append(el('div', { class: 'variant' }, take.variant === 'main' ? 'main' : `variant ${take.variant}`));
  if (take.parent) origin.append(el('div', { class: 'parent' }, `from ${take.parent}`));
  if (take.change) origin.append(el('div', { class: 'change', title: 'The one change that made this take' }, take.change));
  if (take.model || take.cost !== null) origin.append(el('div', { class: 'target', title: 'The model the take was made with, and its estimated cost' }, [take.model, take.cost !== null ? `≈ ${usdText(take.cost)}` : null].filter(Boolean).join(' · ')));
  row.append(origin);

  for (const criterion of scoreCriteria) row.append(scoreCell(take, criterion));

  row.append(el('td', { class: 'total', 'data-label': 'Total', 'aria-label': `Total ${take.total ?? 'not scored'}` }, take.total === null ? '–' : String(take.total)));

  const notesCell = el('td', { class: 'notes' });
  const notes = el('textarea', { rows: '2', 'aria-label': `Notes for ${take.id}`, 'data-focus-key': `${take.id}:notes`, placeholder: 'What to keep, what went wrong…' });
  notes.value = take.notes;
  notes.addEventListener('input', () => send({ type: 'notes', takeId: take.id, notes: notes.value }));
  notesCell.append(notes);
  row.append(notesCell);

  const actions = el('td', { class: 'actions' });
  const full = take.branches >= state.maxBranches;
  const branch = button('Branch…', { class: 'branch', 'data-focus-key': `${take.id}:branch`, title: full ? `${take.id} already has ${take.branches} branches (branch 2–3)` : `Branch a variant off ${take.id}: one change` }, () =>
    send({ type: 'branch', takeId: take.id }),
  );
  if (full) branch.setAttribute('aria-disabled', 'true');
  actions.append(branch, el('span', { class: 'branches' }, `${take.branches}/${state.maxBranches}`));
  row.append(actions);
  return row;
}

function scoreCell(take: TakeRowView, criterion: ScoreCriterion): HTMLTableCellElement {
  const value = take.scores[criterion] ?? null;
  // data-label: the column's name, shown in the cell itself when the grid stacks at half width.
  const cell = el('td', { class: 'score', 'data-label': shortLabels[criterion] });
  const label = `${scoreCriterionLabels[criterion]}, ${take.id}`;
  const slider = el('div', {
    class: 'score-input',
    role: 'slider',
    tabindex: '0',
    'aria-label': label,
    'aria-valuemin': '1',
    'aria-valuemax': '5',
    'aria-valuetext': value === null ? 'not scored' : `${value} of 5`,
    'data-take': take.id,
    'data-criterion': criterion,
    'data-focus-key': `${take.id}:${criterion}`,
    title: `${scoreCriterionLabels[criterion]}: click or press 1–5; arrows step; 0 clears`,
  });
  if (value !== null) slider.setAttribute('aria-valuenow', String(value));
  for (let n = 1; n <= 5; n++) {
    const pip = el('span', { class: `pip${value !== null && n <= value ? ' on' : ''}`, 'data-value': String(n), 'aria-hidden': 'true' });
    pip.addEventListener('click', (event) => {
      event.stopPropagation();
      setScore(take.id, criterion, n);
      slider.focus();
    });
    slider.append(pip);
  }
  slider.append(el('span', { class: 'value', 'aria-hidden': 'true' }, value === null ? '–' : String(value)));
  slider.addEventListener('keydown', (event) => {
    const next = scoreForKey(event.key, value);
    if (next === undefined) return;
    event.preventDefault();
    if (next !== value) setScore(take.id, criterion, next);
  });
  cell.append(slider);
  return cell;
}

function setScore(takeId: string, criterion: ScoreCriterion, value: number | null): void {
  if (!current) return;
  // Show it at once; the host saves and answers with the new totals.
  const take = current.takes.find((t) => t.id === takeId);
  if (take) {
    if (value === null) delete take.scores[criterion];
    else take.scores[criterion] = value;
    const values = scoreCriteria.map((c) => take.scores[c]).filter((v): v is number => v !== undefined);
    take.total = values.length ? values.reduce((a, b) => a + b, 0) : null;
    renderTable(current);
  }
  send({ type: 'score', takeId, criterion, value });
}

function selectTake(takeId: string): void {
  selected = takeId;
  saveState();
  send({ type: 'select', takeId });
  if (current) {
    for (const row of tableWrap.querySelectorAll<HTMLTableRowElement>('tr.take')) {
      const on = row.dataset.take === takeId;
      row.classList.toggle('selected', on);
      if (on) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
    renderSide(current);
    renderReview(current);
  }
}

let shownVideo: string | null = null;

function renderSide(state: TakesState): void {
  const take = state.takes.find((t) => t.id === selected);
  if (!take) {
    shownVideo = null;
    side.replaceChildren(el('p', { class: 'empty' }, 'Select a take to watch it.'));
    return;
  }
  const key = `${take.id}|${take.videoUri ?? ''}`;
  const existing = side.querySelector('video');
  if (key === shownVideo && existing) {
    // Same video: keep playback where it is, refresh the text only.
    side.querySelector('.side-details')?.replaceWith(details(take));
    return;
  }
  shownVideo = key;
  const heading = el('h2', {}, take.id);
  if (take.videoUri) {
    const video = el('video', { controls: '', preload: 'metadata', 'aria-label': `Video of ${take.id}` });
    video.src = take.videoUri;
    side.replaceChildren(heading, video, details(take));
  } else if (take.outside) {
    side.replaceChildren(heading, el('p', { class: 'video-missing video-outside', role: 'note' }, `Not loaded: ${take.file} ${take.outside}. Only videos inside the workspace folder are played; move it into takes/ beside the storyboard and fix the log.`), details(take));
  } else {
    side.replaceChildren(heading, el('p', { class: 'video-missing', role: 'note' }, `Video missing: ${take.file} is not beside the storyboard. The take stays in the log; put the file back to watch it.`), details(take));
  }
}

function details(take: TakeRowView): HTMLElement {
  const list = el('dl', { class: 'side-details' });
  const add = (term: string, value: string) => list.append(el('dt', {}, term), el('dd', {}, value));
  add('File', take.file);
  add('Made from', take.variant === 'main' ? 'main' : `variant ${take.variant}`);
  if (take.parent) add('Parent', take.parent);
  if (take.change) add('Change', take.change);
  const created = new Date(take.createdAt);
  add('Logged', Number.isNaN(created.getTime()) ? take.createdAt : created.toLocaleString());
  const provenance = provenanceText(take);
  if (provenance) add('Provenance', provenance);
  return list;
}

function renderFix(state: TakesState): void {
  if (!state.fix) {
    fixBox.hidden = true;
    fixBox.replaceChildren();
    return;
  }
  const fix = state.fix;
  fixBox.hidden = false;
  fixBox.replaceChildren(
    el('h2', {}, 'Next: one change'),
    el('p', {}, `Weakest for the best take (${fix.takeId}): ${fix.label}, ${fix.score} of 5${fix.shot !== undefined ? `, in shot ${fix.shot}${fix.shotTitle ? ` (beat ${fix.shot}, “${fix.shotTitle}”)` : ''}` : ''}.`),
    el('p', { class: 'fix-text' }, `Typical fix: ${fix.fix}`),
    button(`Branch from ${fix.takeId}…`, { class: 'branch-best' }, () => send({ type: 'branch', takeId: fix.takeId })),
  );
}

function renderUnlogged(state: TakesState): void {
  if (!state.unlogged.length) {
    unloggedBox.hidden = true;
    unloggedBox.replaceChildren();
    return;
  }
  unloggedBox.hidden = false;
  const list = el('ul', {});
  for (const file of state.unlogged) {
    list.append(el('li', {}, el('code', {}, file.file), ' ', button('Log it…', { class: 'log-file' }, () => send({ type: 'logTake', file: file.file }))));
  }
  unloggedBox.replaceChildren(el('h2', {}, 'Videos in takes/ not in the log'), list);
}

// ---- review: lineage, frames per shot, side by side (./lineage, ./frames, ./compare) ----------

function readSavedPage(saved: unknown): SavedPage | undefined {
  const page = readTakesPageState(saved);
  if (!page) return undefined;
  const compare = readComparePair(saved);
  return compare ? { ...page, compare } : page;
}

function readComparePair(value: unknown): ComparePair | null {
  const pair = (value as { compare?: unknown } | undefined)?.compare as Partial<ComparePair> | undefined;
  return pair && typeof pair.a === 'string' && typeof pair.b === 'string' ? { a: pair.a, b: pair.b } : null;
}

function seekMainPlayer(takeId: string, time: number): void {
  if (selected !== takeId) selectTake(takeId);
  const video = side.querySelector('video');
  if (video) video.currentTime = time;
}

function renderReview(state: TakesState): void {
  const cache = { ...state.frames, ...capturedFrames };
  const frameOptions = {
    cache,
    onCaptured: (key: string, frames: string[]) => {
      capturedFrames[key] = frames;
      send({ type: 'framesCaptured', key, frames });
    },
    onSeek: (take: TakeRowView, time: number) => seekMainPlayer(take.id, time),
  };
  renderLineage(lineageBox, state, selected, selectTake);
  const take = state.takes.find((t) => t.id === selected);
  const onShotScore = (scored: TakeRowView, shot: number, criterion: ScoreCriterion, value: number | null) => send({ type: 'shotScore', takeId: scored.id, shot, criterion, value });
  if (take) renderFrameStrip(framesBox, take, state.beats, { ...frameOptions, onShotScore });
  else framesBox.replaceChildren();
  renderCompare(compareBox, state, selected, comparePair, {
    ...frameOptions,
    onSeek: (seekTake, time) => {
      const video = compareBox.querySelector<HTMLVideoElement>(`video[data-take="${CSS.escape(seekTake.id)}"]`);
      if (video) video.currentTime = time;
    },
    onAdopt: (takeId) => send({ type: 'adopt', takeId }),
    onPairChange: (pair) => {
      comparePair = pair;
      saveState();
      if (current) renderReview(current);
    },
  });
}

// ---- the trend chart -----------------------------------------------------------------------

const seriesColours: Record<ScoreCriterion, string[]> = {
  promptAdherence: ['--vscode-charts-blue', '#3794ff'],
  physicsRealism: ['--vscode-charts-orange', '#d18616'],
  temporalConsistency: ['--vscode-charts-purple', '#b180d7'],
  identityStability: ['--vscode-charts-red', '#f14c4c'],
  audioSync: ['--vscode-charts-green', '#89d185'],
};

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function renderChart(state: TakesState): void {
  chart?.destroy();
  chart = null;
  chartBox.replaceChildren(el('h2', {}, 'Trend per criterion'));
  if (state.takes.length === 0) return;
  const target = el('div', { class: 'chart-area', role: 'img', 'aria-label': chartDescription(state) });
  chartBox.append(target);
  const ids = state.takes.map((t) => t.id);
  const xs = ids.map((_, i) => i + 1);
  const data: uPlot.AlignedData = [xs, ...scoreCriteria.map((c) => state.takes.map((t) => t.scores[c] ?? null))];
  const foreground = cssVar('--vscode-foreground', '#cccccc');
  const grid = cssVar('--vscode-charts-lines', 'rgba(128,128,128,0.35)');
  const font = `${cssVar('--vscode-font-size', '12px')} ${cssVar('--vscode-font-family', 'sans-serif')}`;
  const axis = { stroke: foreground, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font };
  const width = Math.max(280, Math.min(900, chartBox.clientWidth || 600));
  chart = new uPlot(
    {
      width,
      height: 220,
      scales: { x: { time: false, range: [0.5, Math.max(1.5, ids.length + 0.5)] }, y: { range: [0.5, 5.5] } },
      axes: [
        { ...axis, splits: () => xs, values: (_u, splits) => splits.map((v) => ids[Math.round(v) - 1] ?? '') },
        { ...axis, splits: () => [1, 2, 3, 4, 5], values: (_u, splits) => splits.map(String) },
      ],
      legend: { show: true, live: false },
      cursor: { show: false },
      series: [
        { label: 'Take' },
        ...scoreCriteria.map((criterion) => {
          const [variable, fallback] = seriesColours[criterion];
          const colour = cssVar(variable, fallback);
          return { label: scoreCriterionLabels[criterion], stroke: colour, width: 2, spanGaps: true, points: { show: true, size: 7, fill: colour, stroke: colour } };
        }),
      ],
    },
    data,
    target,
  );
}

function chartDescription(state: TakesState): string {
  return scoreCriteria
    .map((c) => `${scoreCriterionLabels[c]}: ${state.takes.map((t) => t.scores[c] ?? 'not scored').join(', ')}`)
    .join('. ');
}

// ---- messages --------------------------------------------------------------------------------

onMessage(messageGuard<ToTakesPage>(['state', 'error']), { state: render, error: render });

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => current && renderChart(current), 150);
});

send({ type: 'ready' });
if (selected) send({ type: 'select', takeId: selected });
