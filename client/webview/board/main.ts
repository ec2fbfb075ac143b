// The sequence board: the film's scenes in order as cards (a frame of the best take, title,
// logline, length and span, model, takes, best take with its score, spend, problems), the film's
// runtime and spend; click or Enter opens a scene, drag and drop or Alt+↑/↓ reorders, which asks
// the extension to rewrite `scenes:`. Every user string goes through textContent.
import { cardSpendText, clock, filmSpendText, moved, readBoardPageState, type BoardCard, type BoardMessage, type BoardPageState, type FromBoardPage, type ToBoardPage } from '../../src/board/model';
import { captureFrame } from './frame';
import { el } from '../shared/dom';
import { messageGuard, onMessage } from '../shared/messages';
import { webviewHost } from '../shared/vscode';

const host = webviewHost<FromBoardPage, BoardPageState>(readBoardPageState);
const restored = host.restoredState();
let shown: BoardMessage | null = restored?.message ?? null;
let focused = restored?.focused ?? 0;
let dragging: number | null = null;
/** Videos being read, and why one could not be (by video key): a video changed on disk gets a new key and another try. */
const capturing = new Set<string>();
const failures = new Map<string, string>();
/** Videos shown paused at their frame where a canvas could not read them. */
const stills = new Map<string, HTMLVideoElement>();

function send(message: FromBoardPage): void {
  host.post(message);
}

const root = el('main', { class: 'board' });
document.body.appendChild(root);

function saveState(): void {
  if (shown) host.saveState({ message: shown, focused });
}

function reorder(from: number, to: number): void {
  if (!shown || from === to || to < 0 || to >= shown.board.cards.length) return;
  const cards = moved(shown.board.cards, from, to);
  shown = { ...shown, board: { ...shown.board, cards } };
  focused = to;
  render();
  send({ type: 'reorder', order: cards.map((card) => card.entry) });
}

/** The card's picture: the best take's frame, or a placeholder that says why there is none. */
function frameBox(item: BoardCard): HTMLElement {
  const box = el('div', { class: 'frame' });
  const video = shown?.videos[item.entry];
  const placeholder = (state: string, text: string) => {
    box.dataset.state = state;
    box.classList.add('placeholder');
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', text);
    box.appendChild(el('span', {}, text));
    return box;
  };
  if (!item.best) return placeholder('no-take', item.takeCount ? 'No take scored yet' : 'No takes yet');
  const best = item.best;
  if (best.videoProblem === 'outside') return placeholder('outside', `${best.id}'s video is outside the workspace: not shown`);
  if (!best.video || !video) return placeholder('missing', `${best.id}'s video is missing: ${best.file}`);
  box.dataset.key = video.key;
  const frame = shown?.frames[video.key];
  const still = stills.get(video.key);
  const failure = failures.get(video.key);
  if (frame) {
    const image = el('img', { class: 'still' });
    image.src = frame;
    image.alt = `A frame of ${best.id}`;
    image.draggable = false;
    box.dataset.state = 'frame';
    box.appendChild(image);
    return box;
  }
  if (still) {
    box.dataset.state = 'frame';
    box.appendChild(still);
    return box;
  }
  if (failure) return placeholder('undecodable', `${best.id}'s video cannot be played here: ${failure}`);
  return placeholder('loading', `Reading ${best.id}'s video…`);
}

function card(item: BoardCard, index: number, count: number): HTMLElement {
  const li = el('li', { class: `card${item.uri ? '' : ' missing'}` });
  li.tabIndex = index === focused ? 0 : -1;
  li.draggable = true;
  li.dataset.index = String(index);
  li.setAttribute('role', 'listitem');
  li.setAttribute('aria-label', `Scene ${index + 1} of ${count}: ${item.title ?? item.entry}. Enter opens it; Alt+Up and Alt+Down move it.`);
  const head = el('div', { class: 'head' });
  head.append(el('span', { class: 'number' }, String(index + 1)), el('span', { class: 'title' }, item.title ?? item.entry));
  li.appendChild(head);
  li.appendChild(el('div', { class: 'file' }, item.entry));
  if (!item.uri) {
    li.appendChild(el('p', { class: 'logline' }, 'There is no such file: the film has a hole here.'));
    return li;
  }
  li.appendChild(frameBox(item));
  if (item.logline) li.appendChild(el('p', { class: 'logline' }, item.logline));
  const facts = el('dl', { class: 'facts' });
  const fact = (name: string, value: string) => facts.append(el('dt', {}, name), el('dd', { class: `fact-${name.toLowerCase()}` }, value));
  fact('Length', `${item.seconds} s · ${clock(item.start)}–${clock(item.end)}`);
  fact('Model', item.model ?? 'not set');
  fact('Takes', String(item.takeCount));
  fact('Best', item.best ? `${item.best.id} · ${item.best.total}/25` : 'none scored');
  fact('Spend', cardSpendText(item.spend));
  if (item.errors || item.warnings) fact('Problems', [counted(item.errors, 'error'), counted(item.warnings, 'warning')].filter(Boolean).join(', '));
  li.appendChild(facts);
  return li;
}

function counted(n: number, noun: string): string {
  return n ? `${n} ${noun}${n === 1 ? '' : 's'}` : '';
}

function render(): void {
  const hadFocus = root.contains(document.activeElement);
  root.replaceChildren();
  if (!shown) {
    root.appendChild(el('p', { class: 'empty' }, 'Loading the sequence…'));
    return;
  }
  const { board } = shown;
  const header = el('header');
  header.append(
    el('h1', {}, board.title ?? 'Untitled sequence'),
    el('p', { class: 'runtime' }, `${board.cards.length} scene${board.cards.length === 1 ? '' : 's'} · ${clock(board.seconds)} in all`),
    el('p', { class: 'spend' }, filmSpendText(board.spend)),
  );
  root.appendChild(header);
  const list = el('ol', { class: 'cards' });
  list.setAttribute('role', 'list');
  board.cards.forEach((item, index) => list.appendChild(card(item, index, board.cards.length)));
  root.appendChild(list);
  if (hadFocus) (root.querySelector(`li.card[data-index="${focused}"]`) as HTMLElement | null)?.focus();
  saveState();
}

/** Redraws the frame boxes of one video in place, so a capture finishing keeps the focus and a drag where they are. */
function redrawFrames(key: string): void {
  if (!shown) return;
  for (const box of root.querySelectorAll<HTMLElement>('.frame')) {
    if (box.dataset.key !== key) continue;
    const index = Number(box.closest<HTMLElement>('li.card')?.dataset.index);
    const item = shown.board.cards[index];
    if (item) box.replaceWith(frameBox(item));
  }
}

let captures: Promise<unknown> = Promise.resolve();

function captureMissingFrames(): void {
  if (!shown) return;
  for (const video of Object.values(shown.videos)) {
    if (shown.frames[video.key] || stills.has(video.key) || failures.has(video.key) || capturing.has(video.key)) continue;
    capturing.add(video.key);
    // One video at a time: a long film's cards would otherwise open a decoder each at once.
    captures = captures.then(() => captureFrame(video.src)).then(
      (frame) => {
        capturing.delete(video.key);
        if (frame.kind === 'image') {
          if (shown) shown = { ...shown, frames: { ...shown.frames, [video.key]: frame.src } };
          send({ type: 'frameCaptured', key: video.key, frame: frame.src });
          saveState();
        } else {
          stills.set(video.key, frame.element);
        }
        redrawFrames(video.key);
      },
      (error: Error) => {
        capturing.delete(video.key);
        failures.set(video.key, error.message);
        redrawFrames(video.key);
      },
    );
  }
}

function indexOf(target: EventTarget | null): number | null {
  const li = (target as HTMLElement | null)?.closest?.('li.card') as HTMLElement | null;
  return li ? Number(li.dataset.index) : null;
}

function focusCard(index: number): void {
  focused = index;
  for (const li of root.querySelectorAll<HTMLElement>('li.card')) li.tabIndex = Number(li.dataset.index) === index ? 0 : -1;
  (root.querySelector(`li.card[data-index="${index}"]`) as HTMLElement | null)?.focus();
  saveState();
}

root.addEventListener('click', (event) => {
  const index = indexOf(event.target);
  if (index === null || !shown) return;
  const uri = shown.board.cards[index].uri;
  if (uri) send({ type: 'open', uri });
});

/** The cards wrap in rows, so left and right step as up and down do. */
const steps: Record<string, number> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };

root.addEventListener('keydown', (event) => {
  const index = indexOf(event.target);
  if (index === null || !shown) return;
  const { board } = shown;
  const step = steps[event.key];
  if (step && event.altKey) {
    event.preventDefault();
    const to = index + step;
    if (to >= 0 && to < board.cards.length) {
      reorder(index, to);
      focusCard(to);
    }
  } else if (step) {
    event.preventDefault();
    focusCard(Math.max(0, Math.min(board.cards.length - 1, index + step)));
  } else if (event.key === 'Home' || event.key === 'End') {
    event.preventDefault();
    focusCard(event.key === 'Home' ? 0 : board.cards.length - 1);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const uri = board.cards[index].uri;
    if (uri) send({ type: 'open', uri });
  }
});

/** Marks the card a drop would land on. */
function markDropTarget(index: number | null): void {
  for (const li of root.querySelectorAll<HTMLElement>('li.card')) li.classList.toggle('drop-target', index !== null && Number(li.dataset.index) === index && index !== dragging);
}

root.addEventListener('dragstart', (event) => {
  dragging = indexOf(event.target);
  event.dataTransfer?.setData('text/plain', String(dragging));
});
root.addEventListener('dragover', (event) => {
  const over = indexOf(event.target);
  if (dragging === null || over === null) return;
  event.preventDefault();
  markDropTarget(over);
});
root.addEventListener('dragleave', (event) => {
  if (!root.contains(event.relatedTarget as Node | null)) markDropTarget(null);
});
root.addEventListener('drop', (event) => {
  const to = indexOf(event.target);
  if (dragging === null || to === null) return;
  event.preventDefault();
  const from = dragging;
  dragging = null;
  reorder(from, to);
});
root.addEventListener('dragend', () => {
  dragging = null;
  markDropTarget(null);
});

onMessage(messageGuard<ToBoardPage>(['board', 'error']), {
  board: (message) => {
    // Frames captured here and not yet echoed by the host stay.
    const frames = { ...(shown?.frames ?? {}), ...message.frames };
    const keys = new Set(Object.values(message.videos).map((video) => video.key));
    shown = { ...message, frames: Object.fromEntries(Object.entries(frames).filter(([key]) => keys.has(key))) };
    focused = Math.min(focused, Math.max(0, message.board.cards.length - 1));
    render();
    captureMissingFrames();
  },
  error: (message) => {
    root.replaceChildren(el('p', { class: 'error' }, message.message));
  },
});

render();
captureMissingFrames();
send({ type: 'ready' });
