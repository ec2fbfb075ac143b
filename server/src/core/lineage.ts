import { bestTake, takeTotal, type Take, type TakeLog } from './takes';

// The takes as a tree: each take under its parent, each edge labelled with the one change that
// made the child, and the path from the first draft to the best take marked. Pure: the CLI prints
// it (`sora takes FILE --format tree`), the scoring panel draws it.

export interface LineageNode {
  id: string;
  variant: string;
  /** The one change from the parent (the edge's label); null for a first draft or when not logged. */
  change: string | null;
  total: number | null;
  best: boolean;
  /** On the path from its root to the best take. */
  onBestPath: boolean;
  /** Set when the take names a parent the log does not have (or that would make a loop): it is drawn as a root. */
  missingParent: string | null;
  /** Why the parent is not drawn: absent from the log, or a loop of parents (a hand-edited log). */
  parentProblem: 'missing' | 'loop' | null;
  children: LineageNode[];
}

export interface Lineage {
  roots: LineageNode[];
  best: string | null;
  /** The ids from the best take's root down to the best take. */
  bestPath: string[];
}

/** The parent a take hangs under, or undefined when it is a root (no parent, unknown parent, or a loop). */
function treeParent(take: Take, byId: Map<string, Take>): string | undefined {
  if (!take.parent || !byId.has(take.parent)) return undefined;
  const seen = new Set([take.id]);
  for (let current = byId.get(take.parent); current; current = current.parent ? byId.get(current.parent) : undefined) {
    if (seen.has(current.id)) return undefined;
    seen.add(current.id);
  }
  return take.parent;
}

export function takeLineage(log: TakeLog): Lineage {
  const byId = new Map(log.takes.map((take) => [take.id, take]));
  const best = bestTake(log)?.id ?? null;
  const parents = new Map(log.takes.map((take) => [take.id, treeParent(take, byId)]));
  const bestPath: string[] = [];
  for (let id: string | undefined = best ?? undefined; id; id = parents.get(id)) bestPath.unshift(id);
  const onPath = new Set(bestPath);
  const nodes = new Map<string, LineageNode>(
    log.takes.map((take) => [
      take.id,
      {
        id: take.id,
        variant: take.variant,
        change: take.change ?? null,
        total: takeTotal(take) ?? null,
        best: take.id === best,
        onBestPath: onPath.has(take.id),
        missingParent: take.parent && !parents.get(take.id) ? take.parent : null,
        parentProblem: take.parent && !parents.get(take.id) ? (byId.has(take.parent) ? 'loop' : 'missing') : null,
        children: [],
      },
    ]),
  );
  const roots: LineageNode[] = [];
  for (const take of log.takes) {
    const node = nodes.get(take.id)!;
    const parent = parents.get(take.id);
    if (parent) nodes.get(parent)!.children.push(node);
    else roots.push(node);
  }
  return { roots, best, bestPath };
}

function nodeLine(node: LineageNode): string {
  const parts = [node.id, node.variant, node.total === null ? 'not scored' : `${node.total}/25`];
  let line = parts.join(' · ');
  if (node.onBestPath) line += node.best ? '  * best' : '  *';
  if (node.missingParent) line += node.parentProblem === 'loop' ? `  (parent ${node.missingParent} loops back to it)` : `  (parent ${node.missingParent} is not in the log)`;
  return line;
}

/** The tree as text: `└─ beat 2 camera: close-up → take02 · main · 20/25  * best`. `*` marks the best path. */
export function formatLineageTree(lineage: Lineage): string {
  const lines: string[] = [];
  const walk = (node: LineageNode, prefix: string, last: boolean, root: boolean) => {
    const edge = node.change ?? (node.variant === 'main' ? '(change not logged)' : `variant ${node.variant}`);
    lines.push(root ? nodeLine(node) : `${prefix}${last ? '└─ ' : '├─ '}${edge} → ${nodeLine(node)}`);
    const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
    node.children.forEach((child, index) => walk(child, childPrefix, index === node.children.length - 1, false));
  };
  for (const root of lineage.roots) walk(root, '', true, true);
  if (!lines.length) return 'No takes yet.';
  lines.push('', lineage.best ? `Best path: ${lineage.bestPath.join(' → ')} (* above).` : 'Best: none scored yet.');
  return lines.join('\n');
}
