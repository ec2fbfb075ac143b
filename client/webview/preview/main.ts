// The preview page: what will be pasted into the model. Built once from its parts (toolbar,
// settings, timeline, targets, variant, prompt, characters), then updated in place from the
// extension's messages (never by resetting the page), so it does not flicker or lose its scroll.
// Every string from the storyboard goes through textContent or setAttribute, never innerHTML.
import { countWords, readPreviewState, shotAtLine, type CompileResponse, type FromWebview, type PreviewState, type ToWebview } from '../../src/preview/model';
import { el, setClass, setHidden, setText } from '../shared/dom';
import { messageGuard, onMessage } from '../shared/messages';
import { webviewHost } from '../shared/vscode';
import { mountCharacters } from './characters';
import { mountPrompt } from './prompt';
import { mountSettings } from './settings';
import { mountTargets } from './targets';
import { mountTimeline } from './timeline';
import { mountToolbar } from './toolbar';
import { mountVariant } from './variant';

const host = webviewHost<FromWebview, PreviewState>(readPreviewState);
const send = (message: FromWebview) => host.post(message);

let state: PreviewState | null = host.restoredState() ?? null;
let current: CompileResponse | null = null;
let highlightedLine: number | null = null;

function saveState(next: PreviewState): void {
  state = next;
  host.saveState(next);
  toolbar.showLock(next.locked);
}

// ---- the page, built once --------------------------------------------------------------------

const targets = mountTargets({ send, state: () => state, saveState });
const toolbar = mountToolbar({ send, state: () => state, saveState, prompt: () => current?.prompt ?? null }, [targets.picker], [targets.copyRequestButton]);
const settings = mountSettings();
const timeline = mountTimeline();
const variant = mountVariant(send);
const prompt = mountPrompt();
const characters = mountCharacters();
const notice = el('div', { id: 'notice', class: 'notice', role: 'status' });
const errorBanner = el('div', { id: 'error', class: 'notice error' });
const counts = el('footer', { id: 'counts', class: 'counts' });
const content = el(
  'main',
  { id: 'content' },
  el('section', { id: 'settings-section' }, settings.element),
  errorBanner,
  el('section', { id: 'timeline-section' }, el('h2', {}, 'Timeline'), targets.generationRows, timeline.strip, timeline.notes),
  targets.section,
  variant.remixSection,
  variant.diffSection,
  prompt.section,
  characters.section,
  counts,
);
document.body.append(toolbar.element, notice, content);
notice.hidden = true;
errorBanner.hidden = true;
content.hidden = true;
if (state) saveState(state);

// ---- rendering ---------------------------------------------------------------------------------

function render(response: CompileResponse, fileName: string, target: CompileResponse | null): void {
  current = response;
  setHidden(notice, true);
  setHidden(content, false);
  toolbar.render(response, fileName);
  settings.render(response);
  setText(errorBanner, response.error ?? '');
  setHidden(errorBanner, !response.error);
  timeline.render(response);
  variant.render(response);
  prompt.render(response);
  characters.render(response);
  targets.render(response, target);
  setText(counts, countsText(response));
  applyHighlight();
}

function countsText(response: CompileResponse): string {
  const words = countWords(response.prompt);
  const shots = response.beats.length;
  return `${words} ${words === 1 ? 'word' : 'words'} · ${response.prompt.length} characters · ${shots} ${shots === 1 ? 'shot' : 'shots'}`;
}

function applyHighlight(): void {
  const index = current && highlightedLine !== null ? shotAtLine(current.beats, highlightedLine) : -1;
  for (const node of document.querySelectorAll<HTMLElement>('.shot, .timeline .beat')) setClass(node, 'active', node.dataset.shot === String(index));
}

function highlight(line: number): void {
  highlightedLine = line;
  applyHighlight();
  const shot = prompt.blocks.querySelector<HTMLElement>('.shot.active');
  if (!shot) return;
  const box = shot.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) shot.scrollIntoView({ block: 'nearest' });
}

function showMessage(text: string, fileName: string | null): void {
  setText(notice, text);
  setHidden(notice, false);
  if (fileName !== null) toolbar.showFileName(fileName);
  if (!current) setHidden(content, true);
}

// ---- a shot or a timeline beat reveals its beat in the editor -----------------------------------

function revealShot(index: number): void {
  const beat = current?.beats[index];
  if (!current || !beat) return;
  const { start, end } = beat.source;
  send({ type: 'reveal', uri: current.uri, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character });
}

function shotFromEvent(event: Event): number | null {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-shot]');
  if (!target?.dataset.shot) return null;
  const index = Number(target.dataset.shot);
  return Number.isInteger(index) ? index : null;
}

for (const container of [prompt.blocks, timeline.track]) {
  container.addEventListener('click', (event) => {
    const index = shotFromEvent(event);
    if (index !== null) revealShot(index);
  });
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const index = shotFromEvent(event);
    if (index === null) return;
    event.preventDefault();
    revealShot(index);
  });
}

// ---- messages from the extension -------------------------------------------------------------

onMessage(messageGuard<ToWebview>(['update', 'highlight', 'state', 'message']), {
  update(message) {
    saveState(message.state);
    render(message.response, message.fileName, message.target ?? null);
  },
  highlight(message) {
    if (typeof message.line === 'number') highlight(message.line);
  },
  state(message) {
    saveState(message.state);
  },
  message(message) {
    if (message.state) saveState(message.state);
    showMessage(message.text, message.fileName);
  },
});

send({ type: 'ready', state });
