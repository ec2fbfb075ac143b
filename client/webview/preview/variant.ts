// What a variant changes: the remix instruction (a variant of a take) with its Copy button, and the
// diff against the variant's base as whole phrases, old beside new (see ./diff). The diff is
// recomputed only when either prompt changed.
import { boundedDiff } from '../../src/preview/boundedDiff';
import { countWords, type CompileResponse, type FromWebview } from '../../src/preview/model';
import { el, flash, setHidden, setText } from '../shared/dom';
import { phraseParts } from './diff';

export interface VariantView {
  remixSection: HTMLElement;
  diffSection: HTMLElement;
  render(response: CompileResponse): void;
}

export function mountVariant(send: (message: FromWebview) => void): VariantView {
  const remixText = el('p', { id: 'remix-text', class: 'remix-text' });
  const remixOf = el('span', { id: 'remix-of' });
  const copyRemix = el('button', { id: 'copy-remix', type: 'button' }, 'Copy remix instruction');
  const remixSection = el('section', { id: 'remix', class: 'remix' }, el('h2', {}, 'Remix instruction ', remixOf), remixText, copyRemix);
  const diffBase = el('span', { id: 'diff-base' });
  const diffView = el('div', { id: 'diff', class: 'diff' });
  const diffStats = el('span', { id: 'diff-stats', class: 'muted' });
  const diffSection = el('section', { id: 'diff-section' }, el('h2', {}, 'Changes from ', diffBase, ' ', diffStats), diffView);
  setHidden(remixSection, true);
  setHidden(diffSection, true);
  let remix: string | null = null;
  let lastDiff = '';

  copyRemix.addEventListener('click', () => {
    if (!remix) return;
    send({ type: 'copy', what: 'remix', text: remix });
    flash(copyRemix, 'Copied');
  });

  function renderRemix(response: CompileResponse): void {
    remix = response.remix;
    setHidden(remixSection, response.remix === null);
    setText(remixText, response.remix ?? '');
    setText(remixOf, response.remixOf ? `(Remix on ${response.remixOf})` : '');
  }

  function renderDiff(response: CompileResponse): void {
    const show = response.variant !== null && response.basePrompt !== null;
    setHidden(diffSection, !show);
    if (!show) {
      lastDiff = '';
      return;
    }
    setText(diffBase, response.variants.find((v) => v.name === response.variant)?.base ?? 'base');
    const key = `${response.basePrompt}\u0000${response.prompt}`;
    if (key === lastDiff) return;
    lastDiff = key;
    const { changes, note } = boundedDiff(response.basePrompt!, response.prompt);
    let added = 0;
    let removed = 0;
    const nodes = phraseParts(changes).map((part) => {
      if (part.kind === 'same') return document.createTextNode(part.text);
      added += countWords(part.now);
      removed += countWords(part.old);
      // Old beside new: the whole phrase that went, then the whole phrase that came.
      return el('span', { class: 'change' }, part.old ? el('del', {}, part.old) : null, part.old && part.now ? el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→') : null, part.now ? el('ins', {}, part.now) : null);
    });
    diffView.replaceChildren(...nodes);
    setText(diffStats, `${added || removed ? `+${added} −${removed} words` : 'no change'}${note ? ` (${note})` : ''}`);
  }

  return {
    remixSection,
    diffSection,
    render(response) {
      renderRemix(response);
      renderDiff(response);
    },
  };
}
