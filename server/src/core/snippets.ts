import { placeholderPattern } from './rules/placeholder';

// Fix text as a snippet (LSP / TextMate syntax): each `<…>` placeholder becomes a tab stop, so the
// editor selects the first one and Tab moves to the next. Where the client takes no snippet edits
// the plain text is applied instead, and the `placeholder` rule flags what is left unfilled.

/** Escapes `$`, `}` and `\` so text is inserted literally inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The text with every placeholder as a tab stop, numbered from `first`; undefined when it has none. */
export function placeholderSnippet(text: string, first = 1): { snippet: string; stops: number } | undefined {
  let snippet = '';
  let at = 0;
  let stop = first;
  for (const match of text.matchAll(placeholderPattern)) {
    const start = match.index ?? 0;
    snippet += `${escapeSnippet(text.slice(at, start))}\${${stop++}:${escapeSnippet(match[0])}}`;
    at = start + match[0].length;
  }
  if (stop === first) return undefined;
  return { snippet: snippet + escapeSnippet(text.slice(at)), stops: stop - first };
}
