// The preview page: what will be pasted into Sora. Built once, then updated in place from the
// extension's messages (never by resetting the page), so it does not flicker or lose its scroll.
// Every string from the storyboard goes through textContent or setAttribute, never innerHTML.
import { boundedDiff } from '../../src/preview/boundedDiff';
import { phraseParts } from './diff';
import {
  countWords,
  formatSeconds,
  formatTimecode,
  promptParts,
  readPreviewState,
  shotAtLine,
  stableClipSeconds,
  timelineLayout,
  type CompileResponse,
  type FromWebview,
  type PreviewState,
  type ToWebview,
} from '../../src/preview/model';
import { el, flash, reconcile, setAttr, setClass, setHidden, setText } from './dom';
import { mountTargets } from './targets';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function send(message: FromWebview): void {
  vscode.postMessage(message);
}

// ---- the page's frame, built once ----------------------------------------------------------------

const fileLabel = el('span', { class: 'file', id: 'file' });
const variantLabel = el('span', { class: 'variant-label', id: 'variant-label' });
const variantSelect = el('select', { id: 'variant', attrs: { 'aria-label': 'Variant' } });
const variantPicker = el('label', { class: 'variant-picker', id: 'variant-picker' }, 'Variant ', variantSelect);
const lockButton = el('button', { id: 'lock', class: 'secondary', attrs: { type: 'button', 'aria-pressed': 'false', title: 'Lock the preview to this file' } }, 'Lock');
const copyPromptButton = el('button', { id: 'copy-prompt', attrs: { type: 'button' } }, 'Copy prompt');
const notice = el('div', { id: 'notice', class: 'notice', attrs: { role: 'status' } });
const errorBanner = el('div', { id: 'error', class: 'notice error' });
// The setting chips are reconciled in their own box, so the problems chip after them stays put.
const settingChipList = el('span', { class: 'setting-chips' });
const settingsChips = el('div', { id: 'settings', class: 'chips' }, settingChipList);
const diagnosticsChip = el('span', { id: 'problems', class: 'chip problems' });
const timelineTrack = el('div', { class: 'track', id: 'timeline-track' });
const timelineMarkers = el('div', { class: 'markers', id: 'timeline-markers' });
const timelineScale = el('div', { class: 'scale', id: 'timeline-scale' });
const clipEndLine = el('div', { class: 'clip-end', id: 'clip-end', attrs: { title: 'End of the clip' } });
const limitLine = el('div', { class: 'limit', id: 'limit', attrs: { title: `Stable limit (~${stableClipSeconds} s)` } });
const timeline = el('div', { class: 'timeline', id: 'timeline' }, timelineTrack, timelineMarkers, clipEndLine, limitLine, timelineScale);
const timelineNotes = el('ul', { class: 'timeline-notes', id: 'timeline-notes' });
const remixText = el('p', { id: 'remix-text', class: 'remix-text' });
const remixOf = el('span', { id: 'remix-of' });
const copyRemixButton = el('button', { id: 'copy-remix', attrs: { type: 'button' } }, 'Copy remix instruction');
const remixSection = el('section', { id: 'remix', class: 'remix' }, el('h2', {}, 'Remix instruction ', remixOf), remixText, copyRemixButton);
const diffBase = el('span', { id: 'diff-base' });
const diffView = el('div', { id: 'diff', class: 'diff' });
const diffStats = el('span', { id: 'diff-stats', class: 'muted' });
const diffSection = el('section', { id: 'diff-section' }, el('h2', {}, 'Changes from ', diffBase, ' ', diffStats), diffView);
const promptView = el('div', { id: 'prompt', class: 'prompt' });
const charactersList = el('ul', { id: 'characters', class: 'characters' });
const charactersSection = el('section', { id: 'characters-section' }, el('h2', {}, 'Characters'), charactersList);
const counts = el('footer', { id: 'counts', class: 'counts' });
const targets = mountTargets({ send, state: () => state, saveState: (next) => saveState(next) });
const content = el(
  'main',
  { id: 'content' },
  el('section', { id: 'settings-section' }, settingsChips),
  errorBanner,
  el('section', { id: 'timeline-section' }, el('h2', {}, 'Timeline'), targets.generationRows, timeline, timelineNotes),
  targets.section,
  remixSection,
  diffSection,
  el('section', { id: 'prompt-section' }, el('h2', {}, 'Prompt'), promptView),
  charactersSection,
  counts,
);
const toolbar = el(
  'header',
  { class: 'toolbar' },
  el('div', { class: 'title' }, fileLabel, variantLabel),
  el('div', { class: 'actions' }, variantPicker, targets.picker, lockButton, copyPromptButton, targets.copyRequestButton),
);

document.body.append(toolbar, notice, content);
notice.hidden = true;
errorBanner.hidden = true;
remixSection.hidden = true;
diffSection.hidden = true;
content.hidden = true;

// ---- state ----------------------------------------------------------------------------------------

let state: PreviewState | null = readPreviewState(vscode.getState()) ?? null;
let current: CompileResponse | null = null;
let highlightedLine: number | null = null;
let lastDiffKey = '';

function saveState(next: PreviewState): void {
  state = next;
  vscode.setState(next);
  setClass(lockButton, 'on', next.locked);
  setAttr(lockButton, 'aria-pressed', String(next.locked));
  setText(lockButton, next.locked ? 'Locked' : 'Lock');
  setAttr(lockButton, 'title', next.locked ? 'Unlock: follow the active editor' : 'Lock the preview to this file');
}

if (state) saveState(state);

// ---- rendering ----------------------------------------------------------------------------------

function render(response: CompileResponse, fileName: string): void {
  current = response;
  setHidden(notice, true);
  setHidden(content, false);
  // A scene of a sequence: its settings, style and cast come from there, and the label says so.
  const sequenceName = response.inheritedFrom ? response.inheritedFrom.replace(/\\/g, '/').split('/').pop() : null;
  setText(fileLabel, sequenceName ? `${fileName} · inherits from ${sequenceName}` : fileName);
  setText(variantLabel, response.variant ? ` · ${response.variant}` : '');
  renderVariants(response);
  renderSettings(response);
  setText(errorBanner, response.error ?? '');
  setHidden(errorBanner, !response.error);
  renderTimeline(response);
  renderRemix(response);
  renderDiff(response);
  renderPrompt(response);
  renderCharacters(response);
  const words = countWords(response.prompt);
  setText(counts, `${words} ${words === 1 ? 'word' : 'words'} · ${response.prompt.length} characters · ${response.beats.length} ${response.beats.length === 1 ? 'shot' : 'shots'}`);
  applyHighlight();
}

function renderVariants(response: CompileResponse): void {
  const options = [{ value: 'main', label: 'main (as written)' }, ...response.variants.map((v) => ({ value: v.name, label: `${v.name} (from ${v.base})` }))];
  reconcile(
    variantSelect,
    options,
    () => el('option'),
    (node, option) => {
      const opt = node as HTMLOptionElement;
      if (opt.value !== option.value) opt.value = option.value;
      setText(opt, option.label);
    },
  );
  const selected = response.variant ?? state?.variant ?? 'main';
  variantSelect.value = options.some((o) => o.value === selected) ? selected : 'main';
  setHidden(variantPicker, response.variants.length === 0);
}

function renderSettings(response: CompileResponse): void {
  const s = response.settings;
  const chips: { key: string; label: string; value: string | null; warn?: boolean }[] = [
    { key: 'aspect', label: 'Aspect', value: s.aspect, warn: s.aspect !== null && s.aspect !== '16:9' && s.aspect !== '9:16' },
    { key: 'resolution', label: 'Resolution', value: s.resolution, warn: s.resolution !== null && s.resolution !== '1080p' },
    { key: 'duration', label: 'Duration', value: s.duration !== null ? formatSeconds(s.duration) : null, warn: s.duration !== null && s.duration > stableClipSeconds },
    { key: 'model', label: 'Model', value: s.model },
    { key: 'audio', label: 'Audio', value: s.audio.length ? s.audio.join(', ') : null },
  ];
  reconcile(
    settingChipList,
    chips,
    () => el('span', { class: 'chip' }, el('span', { class: 'chip-label' }), el('span', { class: 'chip-value' })),
    (node, chip) => {
      setAttr(node, 'data-setting', chip.key);
      setText(node.children[0], chip.label);
      setText(node.children[1], chip.value ?? 'not set');
      setClass(node, 'missing', chip.value === null);
      setClass(node, 'warn', !!chip.warn);
    },
  );
  const { errors, warnings } = response.summary;
  const problems: string[] = [];
  if (errors) problems.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) problems.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  setText(diagnosticsChip, problems.join(' · '));
  setClass(diagnosticsChip, 'error', errors > 0);
  if (problems.length) {
    if (diagnosticsChip.parentElement !== settingsChips) settingsChips.append(diagnosticsChip);
  } else {
    diagnosticsChip.remove();
  }
}

function renderTimeline(response: CompileResponse): void {
  const layout = timelineLayout(response);
  setClass(timeline, 'over-limit', layout.overLimit);
  reconcile(
    timelineTrack,
    layout.beats,
    () => el('div', { class: 'beat', attrs: { role: 'button', tabindex: '0' } }, el('span', { class: 'beat-label' }), el('span', { class: 'beat-seconds' })),
    (node, beat, i) => {
      node.style.left = `${beat.left}%`;
      node.style.width = `${beat.width}%`;
      setAttr(node, 'data-shot', String(i));
      setAttr(node, 'data-seconds', String(beat.seconds));
      setAttr(node, 'title', `Shot ${beat.index}${beat.title ? `: ${beat.title}` : ''} (${formatTimecode(beat.start)}–${formatTimecode(beat.end)}, ${formatSeconds(beat.seconds)})`);
      setAttr(node, 'aria-label', `Shot ${beat.index}, reveal in editor`);
      setText(node.children[0], beat.title ? `${beat.index} · ${beat.title}` : String(beat.index));
      setText(node.children[1], formatSeconds(beat.seconds));
      setClass(node, 'beyond-clip', beat.beyondClip);
      setClass(node, 'beyond-limit', beat.beyondLimit);
    },
  );
  reconcile(
    timelineMarkers,
    layout.markers,
    () => el('div', { class: 'marker' }),
    (node, marker) => {
      node.style.left = `${marker.left}%`;
      setAttr(node, 'data-at', String(marker.at));
      setAttr(node, 'data-beat', String(marker.beat));
      setAttr(node, 'title', `${marker.speaker} (${formatTimecode(marker.at)}): "${marker.line}"`);
      setClass(node, 'late', marker.late);
    },
  );
  setHidden(clipEndLine, layout.clipEnd === null);
  if (layout.clipEnd !== null) clipEndLine.style.left = `${layout.clipEnd}%`;
  setHidden(limitLine, layout.limit === null);
  if (layout.limit !== null) limitLine.style.left = `${layout.limit}%`;
  const ticks = [...new Set([0, ...layout.beats.map((b) => b.end), ...(layout.duration !== null ? [layout.duration] : [])])].sort((a, b) => a - b);
  reconcile(
    timelineScale,
    ticks,
    () => el('span', { class: 'tick' }),
    (node, seconds) => {
      node.style.left = `${(Math.min(seconds, layout.span) / layout.span) * 100}%`;
      setText(node, formatTimecode(seconds));
      setClass(node, 'end', seconds >= layout.span);
    },
  );
  const notes: { text: string; level: 'warn' | 'error' }[] = [];
  if (layout.overLimit) notes.push({ text: `Over the stable limit: ${formatSeconds(Math.max(layout.duration ?? 0, layout.beatsTotal))} (clips are stable up to ~${stableClipSeconds} s).`, level: 'warn' });
  if (layout.overDuration) notes.push({ text: `The beats add up to ${formatSeconds(layout.beatsTotal)}, more than the clip's ${formatSeconds(layout.duration!)}.`, level: 'error' });
  if (layout.underDuration) notes.push({ text: `The beats add up to ${formatSeconds(layout.beatsTotal)}, less than the clip's ${formatSeconds(layout.duration!)}.`, level: 'warn' });
  const late = layout.markers.filter((m) => m.late);
  for (const marker of late) notes.push({ text: `${marker.speaker}'s line at ${formatTimecode(marker.at)} starts after its shot ends.`, level: 'error' });
  reconcile(
    timelineNotes,
    notes,
    () => el('li'),
    (node, note) => {
      setText(node, note.text);
      setAttr(node, 'class', note.level);
    },
  );
}

function renderRemix(response: CompileResponse): void {
  setHidden(remixSection, response.remix === null);
  setText(remixText, response.remix ?? '');
  setText(remixOf, response.remixOf ? `(Remix on ${response.remixOf})` : '');
}

function renderDiff(response: CompileResponse): void {
  const show = response.variant !== null && response.basePrompt !== null;
  setHidden(diffSection, !show);
  if (!show) {
    lastDiffKey = '';
    return;
  }
  const base = response.variants.find((v) => v.name === response.variant)?.base ?? 'base';
  setText(diffBase, base);
  const key = `${response.basePrompt}\u0000${response.prompt}`;
  if (key === lastDiffKey) return;
  lastDiffKey = key;
  const { changes, note } = boundedDiff(response.basePrompt!, response.prompt);
  let added = 0;
  let removed = 0;
  const nodes = phraseParts(changes).map((part) => {
    if (part.kind === 'same') return document.createTextNode(part.text);
    added += countWords(part.now);
    removed += countWords(part.old);
    // Old beside new: the whole phrase that went, then the whole phrase that came.
    return el('span', { class: 'change' }, part.old ? el('del', {}, part.old) : null, part.old && part.now ? el('span', { class: 'arrow', attrs: { 'aria-hidden': 'true' } }, '→') : null, part.now ? el('ins', {}, part.now) : null);
  });
  diffView.replaceChildren(...nodes);
  setText(diffStats, `${added || removed ? `+${added} −${removed} words` : 'no change'}${note ? ` (${note})` : ''}`);
}

function renderPrompt(response: CompileResponse): void {
  const parts = promptParts(response.prompt, response.beats).filter((part) => part.kind === 'shot' || part.text.trim());
  reconcile(
    promptView,
    parts,
    (part) => (part.kind === 'shot' ? shotElement() : el('div', { class: 'prompt-text' })),
    (node, part) => {
      const isShot = part.kind === 'shot';
      if (node.classList.contains('shot') !== isShot) {
        const replacement = isShot ? shotElement() : el('div', { class: 'prompt-text' });
        node.replaceWith(replacement);
        node = replacement;
      }
      if (!isShot) {
        setText(node, part.text.trim());
        return;
      }
      const beat = response.beats[part.shot!];
      const beyondClip = response.settings.duration !== null && beat.end > response.settings.duration + 1e-6;
      // Keyed by what the shot shows: a shot whose text, place and timing did not change is skipped,
      // so a key typed in one shot of a thousand updates that shot alone.
      const key = [part.shot, part.text, beat.index, beat.title ?? '', beat.start, beat.end, beat.source.start.line, beyondClip].join('\u0000');
      if (shotKeys.get(node) === key) return;
      shotKeys.set(node, key);
      setAttr(node, 'data-shot', String(part.shot));
      setAttr(node, 'data-line', String(beat.source.start.line));
      setAttr(node, 'aria-label', `Shot ${beat.index}: reveal in the editor`);
      const [head, text] = [node.children[0], node.children[1]];
      setText(head.children[0], `Shot ${beat.index}`);
      setText(head.children[1], beat.title ?? '');
      setText(head.children[2], `${formatTimecode(beat.start)}–${formatTimecode(beat.end)} · ${formatSeconds(beat.end - beat.start)} · ${countWords(part.text)} words`);
      setText(text, part.text.trim());
      setClass(node, 'beyond-clip', beyondClip);
    },
  );
}

/** What each shot element last showed (see renderPrompt). */
const shotKeys = new WeakMap<Element, string>();

function shotElement(): HTMLElement {
  return el(
    'div',
    { class: 'shot', attrs: { role: 'button', tabindex: '0' } },
    el('div', { class: 'shot-head' }, el('span', { class: 'shot-number' }), el('span', { class: 'shot-title' }), el('span', { class: 'shot-span' })),
    el('div', { class: 'shot-text' }),
  );
}

function renderCharacters(response: CompileResponse): void {
  setHidden(charactersSection, response.characters.length === 0);
  reconcile(
    charactersList,
    response.characters,
    () => el('li', { class: 'character' }, el('span', { class: 'character-name' }), el('span', { class: 'anchors' })),
    (node, character) => {
      setText(node.children[0], character.name);
      const anchors = node.children[1];
      reconcile(
        anchors,
        character.anchors,
        () => el('span', { class: 'chip anchor' }),
        (chip, anchor) => setText(chip, anchor),
      );
      setAttr(node, 'data-anchors', String(character.anchors.length));
      setClass(node, 'warn', character.anchors.length < 3 || character.anchors.length > 4);
    },
  );
}

function applyHighlight(): void {
  const index = current && highlightedLine !== null ? shotAtLine(current.beats, highlightedLine) : -1;
  for (const node of document.querySelectorAll<HTMLElement>('.shot, .timeline .beat')) {
    const active = node.dataset.shot === String(index);
    setClass(node, 'active', active);
  }
  return;
}

function highlight(line: number): void {
  highlightedLine = line;
  applyHighlight();
  const shot = promptView.querySelector<HTMLElement>('.shot.active');
  if (shot) {
    const box = shot.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) shot.scrollIntoView({ block: 'nearest' });
  }
}

function showMessage(text: string, fileName: string | null): void {
  setText(notice, text);
  notice.hidden = false;
  if (fileName !== null) setText(fileLabel, fileName);
  if (!current) content.hidden = true;
}

// ---- events -------------------------------------------------------------------------------------

function revealShot(index: number): void {
  const beat = current?.beats[index];
  if (!current || !beat) return;
  send({
    type: 'reveal',
    uri: current.uri,
    line: beat.source.start.line,
    character: beat.source.start.character,
    endLine: beat.source.end.line,
    endCharacter: beat.source.end.character,
  });
}

function shotFromEvent(event: Event): number | null {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-shot]');
  if (!target || !target.dataset.shot) return null;
  const index = Number(target.dataset.shot);
  return Number.isInteger(index) ? index : null;
}

for (const container of [promptView, timelineTrack]) {
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

copyPromptButton.addEventListener('click', () => {
  if (!current) return;
  send({ type: 'copy', what: 'prompt', text: current.prompt });
  flash(copyPromptButton, 'Copied');
});

copyRemixButton.addEventListener('click', () => {
  if (!current?.remix) return;
  send({ type: 'copy', what: 'remix', text: current.remix });
  flash(copyRemixButton, 'Copied');
});

lockButton.addEventListener('click', () => send({ type: 'toggleLock' }));

variantSelect.addEventListener('change', () => {
  const variant = variantSelect.value === 'main' ? null : variantSelect.value;
  if (state) saveState({ ...state, variant });
  send({ type: 'selectVariant', variant });
});

function isMessage(data: unknown): data is ToWebview {
  return !!data && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string';
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data;
  if (!isMessage(message)) return;
  switch (message.type) {
    case 'update':
      saveState(message.state);
      render(message.response, message.fileName);
      targets.render(message.response, message.target ?? null);
      break;
    case 'highlight':
      if (typeof message.line === 'number') highlight(message.line);
      break;
    case 'state':
      saveState(message.state);
      break;
    case 'message':
      if (message.state) saveState(message.state);
      showMessage(message.text, message.fileName);
      break;
  }
});

send({ type: 'ready', state });
