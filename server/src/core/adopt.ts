import type { Field, Override, Range, Storyboard } from './ast';
import { overrideText } from './branching';

// "Adopt this take's change": a variant's overrides written into the storyboard's main text, so
// the change that made the better take becomes the scene itself. The variant block stays (takes
// name it); after adopting, it changes nothing and can be deleted. Pure: returns the new text.

export type Adoption = { ok: true; text: string; changes: string[] } | { ok: false; message: string };

interface Edit {
  range: Range;
  newText: string;
}

/** The overrides of a variant and of the variants it is built on, the nearest last (it wins). */
function overridesOf(storyboard: Storyboard, name: string): Override[] | string {
  const chain: Override[][] = [];
  const seen = new Set<string>();
  for (let current: string | undefined = name; current && current !== 'main'; ) {
    if (seen.has(current)) return `variant ${name} is built on a loop of variants`;
    seen.add(current);
    const variant = storyboard.variants.find((v) => v.name?.text === current);
    if (!variant) return `there is no variant ${current}`;
    chain.unshift(variant.overrides);
    const base = variant.base?.text;
    current = base && storyboard.variants.some((v) => v.name?.text === base) ? base : undefined;
  }
  return chain.flat();
}

function lastField(fields: Field[], key: string): Field | undefined {
  return [...fields].reverse().find((f) => f.key === key);
}

function fieldEdit(fields: Field[], key: string, value: string, sectionEnd: Range['end'], indent: string, eol: string): Edit {
  const field = lastField(fields, key);
  if (field) return { range: field.value.range, newText: value };
  // Not set in the main text yet: a new field line at the end of the section.
  return { range: { start: sectionEnd, end: sectionEnd }, newText: `${eol}${indent}${key}: ${value}` };
}

function editFor(storyboard: Storyboard, override: Override, eol: string): Edit | string {
  const value = override.value.text;
  const key = override.field.text.toLowerCase();
  switch (override.target) {
    case 'style':
    case 'settings': {
      const section = storyboard[override.target];
      if (!section) return `the storyboard has no ${override.target} section to write "${overrideText(override)}" into`;
      return fieldEdit(section.fields, key, value, section.range.end, '  ', eol);
    }
    case 'beat': {
      const beat = storyboard.beats.find((b) => b.index === override.beat?.number);
      if (!beat) return `there is no beat ${override.beat?.number ?? '?'} for "${overrideText(override)}"`;
      return fieldEdit(beat.fields, key, value, beat.range.end, '  ', eol);
    }
    case 'character': {
      const character = storyboard.characters.find((c) => c.name?.text === override.character?.text);
      if (!character) return `there is no character ${override.character?.text ?? '?'} for "${overrideText(override)}"`;
      return fieldEdit(character.fields, 'anchors', value, character.range.end, '  ', eol);
    }
  }
}

function offsetOf(lineStarts: number[], position: Range['start']): number {
  return (lineStarts[position.line] ?? lineStarts[lineStarts.length - 1]) + position.character;
}

/** The storyboard's text with the variant's change written into its main sections. */
export function adoptVariant(storyboard: Storyboard, text: string, variantName: string): Adoption {
  if (!variantName || variantName === 'main') return { ok: false, message: 'A take of main already is the main text: there is no variant to adopt.' };
  const overrides = overridesOf(storyboard, variantName);
  if (typeof overrides === 'string') return { ok: false, message: `Cannot adopt: ${overrides}.` };
  if (!overrides.length) return { ok: false, message: `Variant ${variantName} changes nothing: there is nothing to adopt.` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // By target: a later override of the same field (the nearer variant) replaces an earlier one.
  const byTarget = new Map<string, Edit>();
  for (const override of overrides) {
    const edit = editFor(storyboard, override, eol);
    if (typeof edit === 'string') return { ok: false, message: `Cannot adopt: ${edit}.` };
    const target = `${override.target}|${override.beat?.number ?? ''}|${override.character?.text ?? ''}|${override.field.text.toLowerCase()}`;
    byTarget.delete(target);
    byTarget.set(target, edit);
  }
  const edits = [...byTarget.values()];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const placed = edits.map((edit) => ({ start: offsetOf(lineStarts, edit.range.start), end: offsetOf(lineStarts, edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of placed) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return { ok: true, text: result, changes: overrides.map(overrideText) };
}
