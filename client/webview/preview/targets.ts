// The preview's targets: a model picker that recompiles the storyboard for any model beside the
// file's own, a card per target (its generations with their prompts, the cost, Copy request and
// Copy iteration), and the generation brackets over the timeline. Like the page's other parts, it
// only needs a way to send messages and to save the picked model; main.ts places its elements.
import { formatTimecode, timelineLayout, type CompileResponse, type FromWebview, type PreviewState, type TargetChoice } from '../../src/preview/model';
import {
  beatsText,
  comparisonHeading,
  costText,
  generationLabel,
  iterationText,
  requestText,
  targetId,
  targetLabel,
  type Generation,
} from '../../src/preview/targets';
import { iterationTitle } from '../../../server/src/protocol';
import { el, flash, reconcile, setAttr, setClass, setHidden, setText } from '../shared/dom';
import { createGenerationRows, renderGenerationRows, type GenerationRow } from './generations';

export interface TargetsHost {
  send(message: FromWebview): void;
  state(): PreviewState | null;
  saveState(state: PreviewState): void;
}

export interface Targets {
  /** `Model [select]`, for the toolbar. */
  picker: HTMLElement;
  /** "Copy request" for the file's own target, for the toolbar beside "Copy prompt". */
  copyRequestButton: HTMLButtonElement;
  /** The brackets row, for the timeline section (above the beats). */
  generationRows: HTMLElement;
  /** The side-by-side cards, for the page's content. */
  section: HTMLElement;
  render(own: CompileResponse, picked: CompileResponse | null): void;
}

const ownValue = '';

export function mountTargets(host: TargetsHost): Targets {
  const select = el('select', { id: 'model', 'aria-label': 'Compile for model' });
  const picker = el('label', { class: 'model-picker', id: 'model-picker', title: 'Compile for another model beside the file\'s own' }, 'Model ', select);
  const copyRequestButton = el('button', { id: 'copy-request', class: 'secondary', type: 'button', title: 'Copy the generation parameters as JSON' }, 'Copy request');
  const generationRows = createGenerationRows();
  const banner = el('div', { id: 'target-banner', class: 'notice target-banner', role: 'status' });
  const cards = el('div', { id: 'target-cards', class: 'target-cards' });
  const section = el('section', { id: 'targets-section' }, el('h2', {}, 'Generations'), banner, cards);
  setHidden(picker, true);
  setHidden(banner, true);

  let own: CompileResponse | null = null;
  let shown: CompileResponse[] = [];

  select.addEventListener('change', () => {
    const model = select.value === ownValue ? null : select.value;
    const state = host.state();
    if (state) host.saveState({ ...state, model });
    host.send({ type: 'selectModel', model });
  });

  copyRequestButton.addEventListener('click', () => {
    const text = own && requestText(own);
    if (!own || !text) return;
    host.send({ type: 'copy', what: 'request', text, label: targetId(own) ?? undefined });
    flash(copyRequestButton, 'Copied');
  });

  cards.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
    const card = button?.closest<HTMLElement>('.target-card');
    const response = card ? shown[Number(card.dataset.card)] : undefined;
    if (!button || !response) return;
    const label = targetId(response) ?? undefined;
    const text = button.dataset.copy === 'request' ? requestText(response) : iterationText(response);
    if (!text) return;
    host.send({ type: 'copy', what: button.dataset.copy === 'request' ? 'request' : 'iteration', text, label });
    flash(button, 'Copied');
  });

  function renderPicker(response: CompileResponse, models: readonly TargetChoice[]): void {
    setHidden(picker, models.length === 0);
    const ownId = targetId(response);
    const options = [
      { value: ownValue, label: ownId ? `${ownId} (the file's)` : 'the file\'s (no model set)' },
      ...models.filter((m) => m.id !== ownId).map((m) => ({ value: m.id, label: `${m.label}${m.status === 'retired' ? ' (retired)' : ''}`})),
    ];
    reconcile(
      select,
      options,
      () => el('option'),
      (node, option) => {
        const opt = node as HTMLOptionElement;
        // Always as an attribute: an option without one takes its text as its value.
        setAttr(opt, 'value', option.value);
        setText(opt, option.label);
              },
    );
    const wanted = host.state()?.model ?? ownValue;
    select.value = options.some((o) => o.value === wanted) ? wanted : ownValue;
  }

  function render(ownResponse: CompileResponse, picked: CompileResponse | null): void {
    const models = ownResponse.targets ?? [];
    own = ownResponse;
    shown = picked ? [ownResponse, picked] : [ownResponse];
    renderPicker(ownResponse, models);
    setHidden(banner, !picked);
    setText(banner, picked ? comparisonHeading(picked, ownResponse, models) : '');
    setHidden(copyRequestButton, requestText(ownResponse) === null);
    setHidden(section, !shown.some((response) => response.generations?.length));
    setClass(cards, 'side-by-side', shown.length > 1);
    reconcile(cards, shown, () => createCard(), (node, response, index) => updateCard(node, response, index, models));
    const span = timelineLayout(ownResponse).span;
    const rows: GenerationRow[] = shown.map((response, index) => ({ key: index === 0 ? 'own' : 'picked', label: targetId(response) ?? 'file', generations: response.generations }));
    renderGenerationRows(generationRows, rows, span);
  }

  return { picker, copyRequestButton, generationRows, section, render };
}

function createCard(): HTMLElement {
  return el(
    'article',
    { class: 'target-card' },
    el('header', { class: 'target-head' }, el('span', { class: 'target-name' }), el('span', { class: 'target-tag' }), el('span', { class: 'target-status' })),
    el('div', { class: 'target-cost' }),
    el('ol', { class: 'target-generations' }),
    el('div', { class: 'target-iterate' }, el('span', { class: 'iterate-text' })),
    el(
      'div',
      { class: 'target-actions' },
      el('button', { class: 'secondary', type: 'button', 'data-copy': 'request' }, 'Copy request'),
      el('button', { class: 'secondary', type: 'button', 'data-copy': 'iteration' }, 'Copy iteration'),
    ),
  );
}

function updateCard(node: HTMLElement, response: CompileResponse, index: number, models: readonly TargetChoice[]): void {
  const [head, cost, list, iterate, actions] = Array.from(node.children) as HTMLElement[];
  setAttr(node, 'data-card', String(index));
  setAttr(node, 'data-model', targetId(response) ?? '');
  const named = targetId(response) !== null;
  setText(head.children[0], named ? targetLabel(response, models) : 'No model set');
  setText(head.children[1], index > 0 ? 'picked' : named ? 'the file\'s model' : 'checked with the workflow\'s own numbers');
  const retired = response.model?.status === 'retired' || models.find((m) => m.id === targetId(response))?.status === 'retired';
  const unknown = response.model?.known === false;
  setText(head.children[2], unknown ? 'unknown model: checked with the workflow\'s own numbers' : retired ? 'retired' : '');
  setClass(head.children[2] as HTMLElement, 'warn', retired || unknown);
  const costLine = costText(response.cost);
  setText(cost, costLine ?? 'No price estimate for this target.');
  setClass(cost, 'missing', costLine === null);
  const generations = response.generations ?? [];
  // No current model (the workflow's own numbers), one generation that is the whole prompt: the prompt above shows it, and copying it twice into the page
  // would redraw every shot on each keystroke.
  const seedPlan = !response.model || !response.model.known || response.model.status === 'retired';
  const samePrompt = seedPlan && generations.length === 1 && generations[0].prompt === response.prompt;
  reconcile(list, generations, () => createGeneration(), (item, generation) => updateGeneration(item, generation, samePrompt));
  const iteration = iterationText(response);
  setHidden(iterate, !response.iterate);
  setText(iterate.children[0], response.iterate ? `${capitalise(response.iterate.operation)}: ${response.iterate.instruction}` : '');
  const [requestButton, iterationButton] = Array.from(actions.children) as HTMLButtonElement[];
  setHidden(requestButton, requestText(response) === null);
  setHidden(iterationButton, !iteration);
  const title = iterationTitle(response.iterate?.operation ?? (response.remix ? 'remix' : null));
  setAttr(iterationButton, 'data-label', title);
  if (iterationButton.textContent !== 'Copied') setText(iterationButton, title);
}

function createGeneration(): HTMLElement {
  return el('li', { class: 'target-generation' }, el('div', { class: 'generation-head' }, el('span', { class: 'generation-name' }), el('span', { class: 'generation-span' })), el('div', { class: 'generation-prompt' }));
}

function updateGeneration(item: HTMLElement, generation: Generation, promptShownAbove: boolean): void {
  const [head, prompt] = Array.from(item.children) as HTMLElement[];
  setAttr(item, 'data-generation', String(generation.index));
  setText(head.children[0], generationLabel(generation));
  setText(head.children[1], `${beatsText(generation.beats)} · ${formatTimecode(generation.start)}–${formatTimecode(generation.end)}`);
  setText(prompt, promptShownAbove ? 'The prompt above, as one generation.' : generation.prompt);
  setClass(prompt, 'missing', promptShownAbove);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
