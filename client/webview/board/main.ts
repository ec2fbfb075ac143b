// The sequence board: the film's scenes in order as cards (title, logline, length and span, model,
// takes, best take with its score, problems), the film's runtime; click or Enter opens a scene,
// drag and drop or Alt+↑/↓ reorders, which asks the extension to rewrite `scenes:`. Every user
// string goes through textContent.
import { clock, moved, readBoardPageState, type BoardCard, type FromBoardPage, type SequenceBoard, type ToBoardPage } from '../../src/board/model';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const restored = readBoardPageState(vscode.getState());
let board: SequenceBoard | null = restored?.board ?? null;
let focused = restored?.focused ?? 0;
let dragging: number | null = null;

function send(message: FromBoardPage): void {
  vscode.postMessage(message);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

const root = el('main', 'board');
document.body.appendChild(root);

function saveState(): void {
  if (board) vscode.setState({ board, focused });
}

function reorder(from: number, to: number): void {
  if (!board || from === to || to < 0 || to >= board.cards.length) return;
  const cards = moved(board.cards, from, to);
  board = { ...board, cards };
  focused = to;
  render();
  send({ type: 'reorder', order: cards.map((card) => card.entry) });
}

function card(item: BoardCard, index: number, count: number): HTMLElement {
  const li = el('li', `card${item.uri ? '' : ' missing'}`);
  li.tabIndex = index === focused ? 0 : -1;
  li.draggable = true;
  li.dataset.index = String(index);
  li.setAttribute('role', 'listitem');
  li.setAttribute('aria-label', `Scene ${index + 1} of ${count}: ${item.title ?? item.entry}. Enter opens it; Alt+Up and Alt+Down move it.`);
  const head = el('div', 'head');
  head.append(el('span', 'number', String(index + 1)), el('span', 'title', item.title ?? item.entry));
  li.appendChild(head);
  li.appendChild(el('div', 'file', item.entry));
  if (!item.uri) {
    li.appendChild(el('p', 'logline', 'There is no such file: the film has a hole here.'));
    return li;
  }
  if (item.logline) li.appendChild(el('p', 'logline', item.logline));
  const facts = el('dl', 'facts');
  const fact = (name: string, value: string) => facts.append(el('dt', undefined, name), el('dd', undefined, value));
  fact('Length', `${item.seconds} s · ${clock(item.start)}–${clock(item.end)}`);
  fact('Model', item.model ?? 'not set');
  fact('Takes', String(item.takeCount));
  fact('Best', item.best ? `${item.best.id} · ${item.best.total}/25` : 'none scored');
  if (item.errors || item.warnings) fact('Problems', `${item.errors} errors, ${item.warnings} warnings`);
  li.appendChild(facts);
  return li;
}

function render(): void {
  root.replaceChildren();
  if (!board) {
    root.appendChild(el('p', 'empty', 'Loading the sequence…'));
    return;
  }
  const header = el('header');
  header.append(el('h1', undefined, board.title ?? 'Untitled sequence'), el('p', 'runtime', `${board.cards.length} scenes · ${clock(board.seconds)} in all`));
  root.appendChild(header);
  const list = el('ol', 'cards');
  list.setAttribute('role', 'list');
  board.cards.forEach((item, index) => list.appendChild(card(item, index, board!.cards.length)));
  root.appendChild(list);
  saveState();
}

function indexOf(target: EventTarget | null): number | null {
  const li = (target as HTMLElement | null)?.closest?.('li.card') as HTMLElement | null;
  return li ? Number(li.dataset.index) : null;
}

function focusCard(index: number): void {
  focused = index;
  render();
  (root.querySelector(`li.card[data-index="${index}"]`) as HTMLElement | null)?.focus();
}

root.addEventListener('click', (event) => {
  const index = indexOf(event.target);
  if (index === null || !board) return;
  const uri = board.cards[index].uri;
  if (uri) send({ type: 'open', uri });
});

root.addEventListener('keydown', (event) => {
  const index = indexOf(event.target);
  if (index === null || !board) return;
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    event.preventDefault();
    const to = index + (event.key === 'ArrowUp' ? -1 : 1);
    if (to >= 0 && to < board.cards.length) {
      reorder(index, to);
      focusCard(to);
    }
  } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
    event.preventDefault();
    focusCard(Math.max(0, Math.min(board.cards.length - 1, index + (event.key === 'ArrowUp' ? -1 : 1))));
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const uri = board.cards[index].uri;
    if (uri) send({ type: 'open', uri });
  }
});

root.addEventListener('dragstart', (event) => {
  dragging = indexOf(event.target);
  event.dataTransfer?.setData('text/plain', String(dragging));
});
root.addEventListener('dragover', (event) => {
  if (dragging !== null && indexOf(event.target) !== null) event.preventDefault();
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
});

window.addEventListener('message', (event: MessageEvent<ToBoardPage>) => {
  const message = event.data;
  if (message?.type === 'board') {
    board = message.board;
    focused = Math.min(focused, Math.max(0, board.cards.length - 1));
    render();
  } else if (message?.type === 'error') {
    root.replaceChildren(el('p', 'error', message.message));
  }
});

render();
send({ type: 'ready' });
