import type { Range, Storyboard, Text, VariantSection } from './ast';
import { baseKind, parseDuration, resolveNames, sameName, type Names } from './model';
import { splitList } from './parse';
import type { TakeLog } from './takes';

// The scene as one variant sees it: the storyboard's values with the overrides of the variant and
// of every base it descends from applied in order. Each value keeps the range it came from (the
// field in the storyboard, or the override line), which is what the preview's source map needs.

export interface SceneBeat {
  index: number;
  start: number;
  end: number;
  title?: Text;
  range: Range;
  fields: Map<string, Text>;
  says: { speaker: Text; marker?: number; line: Text; range: Range }[];
}

export interface SceneView {
  settings: Map<string, Text>;
  style: Map<string, Text>;
  logline?: Text;
  characters: { name: Text; anchors: Text[]; range: Range }[];
  beats: SceneBeat[];
  /** Overrides applied, root first. */
  applied: { variant: string; override: VariantSection['overrides'][number] }[];
}

export type VariantChain = { ok: true; variants: VariantSection[]; takeBase?: string } | { ok: false; message: string };

/**
 * The variants from the root down to `name`. A base that is a take stands for the variant the take
 * was generated from (when that is known and still in the file), so remixing a remix composes.
 */
export function variantChain(storyboard: Storyboard, name: string, takeLog: TakeLog | undefined, names?: Names): VariantChain {
  const resolved = names ?? resolveNames(storyboard, takeLog);
  const chain: VariantSection[] = [];
  const visited = new Set<string>();
  let current = resolved.variants.get(name);
  if (!current) return { ok: false, message: `There is no variant "${name}" in this storyboard.` };
  let takeBase: string | undefined;
  while (current) {
    const variantName = current.name?.text ?? '';
    if (visited.has(variantName)) return { ok: false, message: `Variant "${name}" branches from itself (through ${[...visited].join(' → ')}).` };
    visited.add(variantName);
    chain.unshift(current);
    const base: string = current.base?.text ?? 'main';
    const kind = baseKind(base, resolved);
    if (kind === 'main') break;
    if (kind === 'unknown') return { ok: false, message: `Variant "${variantName}" branches from "${base}", which is not main, a variant or a logged take.` };
    if (kind === 'take') {
      if (chain.length === 1) takeBase = base;
      const take = takeLog?.takes.find((t) => t.id === base);
      const takeVariant = take?.variant;
      current = takeVariant && takeVariant !== 'main' ? resolved.variants.get(takeVariant) : undefined;
    } else {
      current = resolved.variants.get(base);
    }
  }
  return { ok: true, variants: chain, takeBase };
}

export function sceneOf(storyboard: Storyboard, variants: VariantSection[] = []): SceneView {
  const view = mainScene(storyboard);
  for (const variant of variants) {
    for (const override of variant.overrides) {
      if (applyOverride(view, override)) view.applied.push({ variant: variant.name?.text ?? '', override });
    }
  }
  return view;
}

function mainScene(storyboard: Storyboard): SceneView {
  return {
    settings: fieldMap(storyboard.settings?.fields ?? []),
    style: fieldMap(storyboard.style?.fields ?? []),
    logline: storyboard.logline?.value,
    characters: storyboard.characters
      .filter((character) => character.name)
      .map((character) => ({ name: character.name as Text, anchors: character.anchors, range: character.range })),
    beats: storyboard.beats.map((beat) => ({
      index: beat.index,
      start: beat.start,
      end: beat.end,
      title: beat.title,
      range: beat.range,
      fields: fieldMap(beat.fields),
      says: beat.says.map((say) => ({ speaker: say.speaker, marker: say.marker?.seconds, line: say.line, range: say.range })),
    })),
    applied: [],
  };
}

/** The first value of each field, keyed by lower-case name (a later duplicate is ignored, as the checker says). */
function fieldMap(fields: Storyboard['sections'][number]['fields']): Map<string, Text> {
  const map = new Map<string, Text>();
  for (const field of fields) if (!map.has(field.key)) map.set(field.key, field.value);
  return map;
}

function applyOverride(view: SceneView, override: VariantSection['overrides'][number]): boolean {
  const field = override.field.text.toLowerCase();
  switch (override.target) {
    case 'beat': {
      const beat = view.beats.find((b) => b.index === override.beat?.number);
      if (!beat) return false;
      beat.fields.set(field, override.value);
      return true;
    }
    case 'style':
      view.style.set(field, override.value);
      return true;
    case 'settings':
      view.settings.set(field, override.value);
      return true;
    case 'character': {
      const character = view.characters.find((c) => sameName(c.name.text, override.character?.text));
      if (!character || field !== 'anchors') return false;
      character.anchors = splitList(override.value);
      return true;
    }
  }
}

export function sceneDuration(view: SceneView): number | undefined {
  return parseDuration(view.settings.get('duration')?.text ?? '');
}
