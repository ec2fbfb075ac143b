// The generations drawn as groups over the timeline: one row of brackets per target shown (the
// file's own, and the picked model beside it), each bracket spanning the beats one generation
// makes, labelled `Gen 2 · 4 s · from last frame`.
import { formatSecondsProse } from '../../src/preview/model';
import { beatsText, generationGroups, type Generation } from '../../src/preview/targets';
import { el, reconcile, setAttr, setClass, setText } from '../shared/dom';

export interface GenerationRow {
  /** `own` for the file's model, `picked` for the one picked in the preview. */
  key: 'own' | 'picked';
  label: string;
  generations: readonly Generation[] | undefined;
}

export function createGenerationRows(): HTMLElement {
  return el('div', { class: 'generation-rows', id: 'generation-rows', 'aria-label': 'Generations' });
}

/** Draws each target's generations on a strip as long as the timeline's (`span` seconds). */
export function renderGenerationRows(container: HTMLElement, rows: readonly GenerationRow[], span: number): void {
  const drawn = rows.filter((row) => row.generations?.length);
  if (container.hidden !== (drawn.length === 0)) container.hidden = drawn.length === 0;
  reconcile(
    container,
    drawn,
    () => el('div', { class: 'generation-row' }, el('span', { class: 'generation-row-label' }), el('div', { class: 'generation-strip' })),
    (node, row) => {
      setAttr(node, 'data-target', row.key);
      setText(node.children[0], row.label);
      const groups = generationGroups(row.generations, span);
      reconcile(
        node.children[1],
        groups,
        () => el('div', { class: 'generation' }, el('span', { class: 'generation-label' })),
        (bracket, group) => {
          bracket.style.left = `${group.left}%`;
          bracket.style.width = `${group.width}%`;
          setAttr(bracket, 'data-generation', String(group.index));
          setAttr(bracket, 'data-beats', group.beats.join(','));
          const padded = group.padding > 0 ? `, asked as ${formatSecondsProse(group.padding)} longer` : '';
          setAttr(bracket, 'title', `${row.label}: ${group.label} (${beatsText(group.beats)}${padded})`);
          setText(bracket.children[0], group.label);
          setClass(bracket, 'continues', group.startFrom !== null);
        },
      );
    },
  );
}
