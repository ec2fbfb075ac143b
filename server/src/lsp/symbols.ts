import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Range, Section } from '../core/ast';
import { formatSpan } from '../core/text';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';

// The outline (scene → settings, style, characters, beats with their spans, variants) and folding
// per section.

export function documentSymbols(state: DocumentState): DocumentSymbol[] {
  const { storyboard } = state.analysis;
  const children: DocumentSymbol[] = [];
  for (const section of storyboard.sections) {
    if (section === storyboard.scene) continue;
    const symbol = sectionSymbol(section);
    if (symbol) children.push(symbol);
  }
  const scene = storyboard.scene;
  if (!scene) return children;
  const last = storyboard.sections[storyboard.sections.length - 1];
  const start = scene.range.start.line <= (children[0]?.range.start.line ?? Infinity) ? scene.range.start : children[0].range.start;
  const range: Range = { start, end: maxEnd(scene.range.end, last.range.end) };
  return [
    {
      name: `scene ${scene.id?.text ?? ''}`.trim(),
      detail: scene.title?.text,
      kind: SymbolKind.Module,
      range,
      selectionRange: scene.headerRange,
      children,
    },
  ];
}

function maxEnd(a: Range['end'], b: Range['end']): Range['end'] {
  return a.line > b.line || (a.line === b.line && a.character >= b.character) ? a : b;
}

function sectionSymbol(section: Section): DocumentSymbol | undefined {
  const base = { range: section.range, selectionRange: section.headerRange };
  switch (section.kind) {
    case 'logline':
      return { ...base, name: 'logline', detail: section.value?.text, kind: SymbolKind.String };
    case 'settings':
      return { ...base, name: 'settings', detail: section.fields.map((f) => f.value.text).join(' · '), kind: SymbolKind.Namespace, children: fieldSymbols(section) };
    case 'style':
      return { ...base, name: 'style', kind: SymbolKind.Namespace, children: fieldSymbols(section) };
    case 'character':
      return {
        ...base,
        name: section.name?.text ?? 'character',
        detail: `${section.anchors.length} anchors${section.cameo ? ' · cameo' : ''}`,
        kind: SymbolKind.Class,
        selectionRange: section.name?.range ?? section.headerRange,
        children: fieldSymbols(section),
      };
    case 'reference':
      return { ...base, name: 'reference', detail: section.path?.text, kind: SymbolKind.File };
    case 'beat':
      return {
        ...base,
        name: `beat ${section.index}${section.title ? ` ${section.title.text}` : ''}`,
        detail: formatSpan(section.start, section.end),
        kind: SymbolKind.Event,
        children: fieldSymbols(section),
      };
    case 'sequence':
      return {
        ...base,
        name: 'sequence',
        detail: section.title?.text,
        kind: SymbolKind.Module,
        children: section.scenes.map((scene, i) => ({ name: scene.text, detail: `scene ${i + 1} of ${section.scenes.length}`, kind: SymbolKind.File, range: scene.range, selectionRange: scene.range })),
      };
    case 'variant':
      return {
        ...base,
        name: section.name?.text ?? 'variant',
        detail: `from ${section.base?.text ?? '?'}`,
        kind: SymbolKind.Variable,
        selectionRange: section.name?.range ?? section.headerRange,
      };
    default:
      return undefined;
  }
}

function fieldSymbols(section: Section): DocumentSymbol[] {
  return section.fields.map((field) => ({
    name: field.name.text,
    detail: field.value.text,
    kind: SymbolKind.Field,
    range: field.range,
    selectionRange: field.name.range,
  }));
}

export function foldingRanges(state: DocumentState): FoldingRange[] {
  const { storyboard } = state.analysis;
  const ranges: FoldingRange[] = [];
  for (const section of storyboard.sections) {
    if (section.range.end.line > section.range.start.line) {
      ranges.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  // Runs of two or more comment lines.
  let runStart = -1;
  let previous = -2;
  const flush = () => {
    if (runStart >= 0 && previous > runStart) ranges.push({ startLine: runStart, endLine: previous, kind: FoldingRangeKind.Comment });
  };
  for (const comment of storyboard.comments) {
    const line = comment.range.start.line;
    if (line !== previous + 1) {
      flush();
      runStart = line;
    }
    previous = line;
  }
  flush();
  return ranges;
}

export const symbolsFeature: Feature = {
  capabilities: () => ({ documentSymbolProvider: { label: 'Storyboard' }, foldingRangeProvider: true }),
  register: (server) => {
    server.connection.onDocumentSymbol(server.onDocument('documentSymbol', (state) => documentSymbols(state), []));
    server.connection.onFoldingRanges(server.onDocument('foldingRange', (state) => foldingRanges(state), []));
  },
};
