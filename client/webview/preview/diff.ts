// The variant's changes against its base, as a reader wants them: whole phrases, the old beside the
// new (`silver braid` → `curly red hair`), never deleted and added words interleaved. A word diff
// is grouped into changes; a change swallows the blanks and single short words between two
// changes, so one edit to a list reads as one change. Blanks at a change's edges stay outside it.
import { boundedDiff, type Change } from '../../src/preview/boundedDiff';

export type DiffPart = { kind: 'same'; text: string } | { kind: 'change'; old: string; now: string };

const isBlank = (text: string) => !/\S/.test(text);
/** What may sit between two changes and still be read as part of one: blanks, one short word. */
const isGlue = (text: string) => isBlank(text) || /^\s*\S{1,3}\s*$/.test(text);

/** The phrases of a bounded diff (a long prompt falls back to lines, so this never hangs). */
export function phraseDiff(before: string, after: string): DiffPart[] {
  return phraseParts(boundedDiff(before, after).changes);
}

export function phraseParts(raw: readonly Change[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const last = () => parts[parts.length - 1];
  for (let i = 0; i < raw.length; i++) {
    const change = raw[i];
    if (change.added || change.removed) {
      let target = last();
      if (!target || target.kind !== 'change') {
        target = { kind: 'change', old: '', now: '' };
        parts.push(target);
      }
      if (change.added) target.now += change.value;
      else target.old += change.value;
      continue;
    }
    const next = raw[i + 1];
    const previous = last();
    if (previous?.kind === 'change' && next && (next.added || next.removed) && isGlue(change.value)) {
      previous.old += change.value;
      previous.now += change.value;
      continue;
    }
    parts.push({ kind: 'same', text: change.value });
  }
  return trimEdges(parts);
}

/**
 * Moves the blanks at the edges of each change's new side out into the text around it (the new
 * text stays exactly the new prompt) and trims the old side's, which is only shown.
 */
function trimEdges(parts: DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  const pushSame = (text: string) => {
    if (!text) return;
    const previous = result[result.length - 1];
    if (previous?.kind === 'same') previous.text += text;
    else result.push({ kind: 'same', text });
  };
  for (const part of parts) {
    if (part.kind === 'same') {
      pushSame(part.text);
      continue;
    }
    const old = part.old.trim();
    const now = part.now.trim();
    if (!now) {
      pushSame(part.now);
      if (old) result.push({ kind: 'change', old, now: '' });
      continue;
    }
    const start = part.now.indexOf(now);
    pushSame(part.now.slice(0, start));
    result.push({ kind: 'change', old, now });
    pushSame(part.now.slice(start + now.length));
  }
  return result;
}

/** The new text the diff shows: every unchanged part and every change's new side. */
export function diffNewText(parts: readonly DiffPart[]): string {
  return parts.map((part) => (part.kind === 'same' ? part.text : part.now)).join('');
}
