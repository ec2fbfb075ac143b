import type { Field, Section } from '../ast';
import type { TextEdit } from '../diagnostics';
import { baseName } from '../files';
import { fieldOf } from '../model';
import { deleteLine } from './edits';
import type { RuleContext } from './types';

// What the three continuity rules share: the scene's own fields that set something its sequence
// locks to another value.

export function normalizedValue(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface Contradiction {
  own: Field;
  locked: Field;
  sequencePath: string;
}

/** The scene's own fields of `keys` in `own` whose value differs from the same field in `locked`. */
export function contradictions(context: RuleContext, own: Section | undefined, locked: Section | undefined, keys: readonly string[]): Contradiction[] {
  const sequencePath = context.sequence?.path;
  if (!own || !locked || !sequencePath) return [];
  const found: Contradiction[] = [];
  const seen = new Set<string>();
  for (const field of own.fields) {
    if (field.origin || !keys.includes(field.key) || seen.has(field.key)) continue;
    seen.add(field.key);
    const lockedField = fieldOf(locked, field.key);
    if (!lockedField || !field.value.text.trim()) continue;
    if (normalizedValue(lockedField.value.text) !== normalizedValue(field.value.text)) found.push({ own: field, locked: lockedField, sequencePath });
  }
  return found;
}

export function sequenceName(context: RuleContext): string {
  return context.sequence ? baseName(context.sequence.path) : 'the sequence';
}

export function removeLine(context: RuleContext, field: Field): TextEdit {
  return deleteLine(context.lines, field.range.start.line);
}
