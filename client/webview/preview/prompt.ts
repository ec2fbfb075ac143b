// The prompt as it will be pasted: the text before the shots, then one block per shot (number,
// title, timecodes, seconds, words), each a button that reveals the beat. For a scene of a sequence,
// the passages written in the sequence file are marked (a dotted underline and a tint, named in a
// legend and in each mark's tooltip, so colour is never the only sign).
//
// A keystroke re-renders one shot: blocks are matched by their text (then by their place) and a
// block whose signature did not change is not touched, so a key typed in one shot of a thousand
// changes that shot's DOM alone.
import {
  countWords,
  formatSecondsProse,
  formatTimecode,
  inheritedSegments,
  promptParts,
  sequenceName,
  type CompileResponse,
  type PromptPart,
} from '../../src/preview/model';
import { el, reconcileKeyed, setAttr, setClass, setHidden, setText, updateIfChanged } from '../shared/dom';

export interface PromptView {
  section: HTMLElement;
  /** The blocks, where clicks on a shot are heard. */
  blocks: HTMLElement;
  render(response: CompileResponse): void;
}

const legendId = 'inherited-legend';

export function mountPrompt(): PromptView {
  const blocks = el('div', { id: 'prompt', class: 'prompt' });
  const legendName = el('span', { class: 'legend-file' });
  const legendCount = el('span', { class: 'legend-count' });
  const legend = el(
    'p',
    { id: legendId, class: 'legend' },
    el('mark', { class: 'inherited sample', 'aria-hidden': 'true' }, 'Marked text'),
    ' is written in the sequence ',
    legendName,
    ', not in this scene',
    legendCount,
    '.',
  );
  const section = el('section', { id: 'prompt-section' }, el('h2', {}, 'Prompt'), legend, blocks);
  setHidden(legend, true);

  function render(response: CompileResponse): void {
    const sequence = sequenceName(response.inheritedFrom);
    const spans = sequence ? response.inheritedSpans ?? [] : [];
    renderLegend(response.prompt, spans, sequence);
    const parts = promptParts(response.prompt, response.beats).filter((part) => part.kind === 'shot' || part.text.trim());
    let texts = 0;
    reconcileKeyed(blocks, parts, {
      keys: (part) => [`${part.kind}\u0000${part.text}`, part.kind === 'shot' ? `shot#${part.shot}` : `text#${texts++}`],
      create: (part) => (part.kind === 'shot' ? shotElement() : el('div', { class: 'prompt-text' })),
      update: (node, part) => (part.kind === 'shot' ? updateShot(node, part, response, spans, sequence) : updateText(node, part, spans, sequence)),
    });
  }

  function renderLegend(prompt: string, spans: readonly { start: number; end: number }[], sequence: string | null): void {
    const marked = spans.filter((span) => span.end > span.start && span.start < prompt.length).length;
    setHidden(legend, !sequence || marked === 0);
    setText(legendName, sequence ?? '');
    setText(legendCount, marked ? ` (${marked} ${marked === 1 ? 'passage' : 'passages'})` : '');
  }

  return { section, blocks, render };
}

function shotElement(): HTMLElement {
  return el(
    'div',
    { class: 'shot', role: 'button', tabindex: '0' },
    el('div', { class: 'shot-head' }, el('span', { class: 'shot-number' }), el('span', { class: 'shot-title' }), el('span', { class: 'shot-span' })),
    el('div', { class: 'shot-text' }),
  );
}

type Spans = readonly { start: number; end: number }[];

function updateShot(node: HTMLElement, part: PromptPart, response: CompileResponse, spans: Spans, sequence: string | null): void {
  const beat = response.beats[part.shot!];
  const beyondClip = response.settings.duration !== null && beat.end > response.settings.duration + 1e-6;
  const { text, segments } = shownText(part, spans);
  const signature = [part.shot, text, beat.index, beat.title ?? '', beat.start, beat.end, beat.source.start.line, beyondClip, sequence ?? '', segmentsSignature(segments)].join('\u0000');
  updateIfChanged(node, signature, () => {
    setAttr(node, 'data-shot', String(part.shot));
    setAttr(node, 'data-line', String(beat.source.start.line));
    setAttr(node, 'aria-label', `Shot ${beat.index}: reveal in the editor`);
    const head = node.children[0];
    setText(head.children[0], `Shot ${beat.index}`);
    setText(head.children[1], beat.title ?? '');
    const words = countWords(part.text);
    setText(head.children[2], `${formatTimecode(beat.start)}–${formatTimecode(beat.end)} · ${formatSecondsProse(beat.end - beat.start)} · ${words} ${words === 1 ? 'word' : 'words'}`);
    renderSegments(node.children[1], text, segments, sequence);
    setClass(node, 'beyond-clip', beyondClip);
    setClass(node, 'inherits', segments.some((s) => s.inherited));
  });
}

function updateText(node: HTMLElement, part: PromptPart, spans: Spans, sequence: string | null): void {
  const { text, segments } = shownText(part, spans);
  updateIfChanged(node, [text, sequence ?? '', segmentsSignature(segments)].join('\u0000'), () => renderSegments(node, text, segments, sequence));
}

/** The part's text as shown (trimmed), cut where the inherited spans begin and end. */
function shownText(part: PromptPart, spans: Spans) {
  const text = part.text.trim();
  const lead = part.text.length - part.text.trimStart().length;
  return { text, segments: inheritedSegments(text, part.start + lead, spans) };
}

function segmentsSignature(segments: readonly { text: string; inherited: boolean }[]): string {
  return segments.map((s) => `${s.inherited ? '+' : '-'}${s.text.length}`).join(',');
}

function renderSegments(container: Element, text: string, segments: readonly { text: string; inherited: boolean }[], sequence: string | null): void {
  if (!segments.some((s) => s.inherited)) {
    setText(container, text);
    return;
  }
  container.replaceChildren(
    ...segments.map((segment) =>
      segment.inherited
        ? el('mark', { class: 'inherited', title: `Written in ${sequence}, the sequence`, 'aria-describedby': legendId }, segment.text)
        : document.createTextNode(segment.text),
    ),
  );
}
