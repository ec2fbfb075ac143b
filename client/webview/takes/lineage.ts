// The lineage tree: every take under its parent, each edge labelled with its one change, the path
// to the best take marked. A click on a take selects it.
import type { LineageNode } from '../../../server/src/core/lineage';
import type { TakesState } from '../../src/takes/model';
import { el } from '../shared/dom';

export function renderLineage(target: HTMLElement, state: TakesState, selected: string | null, onSelect: (takeId: string) => void): void {
  const heading = el('h2', {}, 'Lineage');
  if (!state.lineage.roots.length) {
    target.replaceChildren(heading, el('p', { class: 'empty' }, 'No takes yet.'));
    return;
  }
  const tree = el('ul', { class: 'lineage-tree', role: 'tree', 'aria-label': 'Takes by parent' });
  for (const root of state.lineage.roots) tree.append(node(root, selected, onSelect, true));
  const legend = state.lineage.best ? el('p', { class: 'lineage-legend' }, `★ marks the path to the best take: ${state.lineage.bestPath.join(' → ')}.`) : el('p', { class: 'lineage-legend' }, 'No take scored yet.');
  target.replaceChildren(heading, tree, legend);
}

function node(item: LineageNode, selected: string | null, onSelect: (takeId: string) => void, root: boolean): HTMLLIElement {
  const classes = ['lineage-node', item.onBestPath ? 'on-best-path' : '', item.best ? 'best' : '', item.id === selected ? 'selected' : ''].filter(Boolean).join(' ');
  const li = el('li', { class: classes, role: 'treeitem', 'data-take': item.id, 'aria-expanded': item.children.length ? 'true' : 'false' });
  if (item.id === selected) li.setAttribute('aria-selected', 'true');
  if (!root) li.append(el('span', { class: 'edge', title: 'The one change from the parent' }, item.change ?? (item.variant === 'main' ? 'change not logged' : `variant ${item.variant}`)));
  const label = el('button', { type: 'button', class: 'lineage-take link', title: `Select ${item.id}` }, item.id);
  label.addEventListener('click', () => onSelect(item.id));
  li.append(label, el('span', { class: 'lineage-meta' }, ` ${item.variant} · ${item.total === null ? 'not scored' : `${item.total}/25`}`));
  if (item.onBestPath) li.append(el('span', { class: 'best-path-mark', 'aria-label': item.best ? 'best take' : 'on the path to the best take' }, item.best ? ' ★ best' : ' ★'));
  if (item.missingParent) li.append(el('span', { class: 'lineage-warning' }, item.parentProblem === 'loop' ? ` (parent ${item.missingParent} loops back)` : ` (parent ${item.missingParent} not in the log)`));
  if (item.children.length) {
    const children = el('ul', { role: 'group' });
    for (const child of item.children) children.append(node(child, selected, onSelect, false));
    li.append(children);
  }
  return li;
}
