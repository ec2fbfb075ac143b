import type { Rule } from './types';
import { clean, edit } from './cases';

/** Abbreviations whose full stop does not end a sentence. */
const abbreviations = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'vs', 'etc', 'e.g', 'i.e', 'mt', 'no', 'approx', 'capt', 'col', 'gen', 'lt', 'sgt']);
// Each pattern below is matched at one known place (sticky) or scanned once (global, each match
// starting where a run of terminal marks starts), so a line of 10,000 dots costs 10,000 steps,
// not the cube of it: the regex this replaced let a word and the marks after it both take dots.
const terminalRun = /(?<![.!?])[.!?]+/g;
const afterTerminal = /["'’”)\]]*\s+["'“‘(]?[\p{Lu}\p{N}]/uy;
const wordChar = /[\p{L}\p{N}.]/u;

/** How many sentences a text holds (abbreviations such as `Dr.` do not end one). */
export function countSentences(text: string): number {
  let count = 1;
  terminalRun.lastIndex = 0;
  for (let match = terminalRun.exec(text); match; match = terminalRun.exec(text)) {
    afterTerminal.lastIndex = match.index + match[0].length;
    if (!afterTerminal.test(text)) continue;
    if (!endsSentence(wordBefore(text, match.index), match[0])) continue;
    count++;
  }
  return count;
}

/** The letters, digits and dots just before a run of terminal marks (`e.g` of `e.g.`). */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const previous = start >= 2 && isLowSurrogate(text.charCodeAt(start - 1)) ? start - 2 : start - 1;
    if (!wordChar.test(text.slice(previous, start))) break;
    start = previous;
  }
  return text.slice(start, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Whether the marks after a word end a sentence. The dots of the run but its last belong to the
 * word (`etc..` reads as `etc.`), as the word of an abbreviation keeps its inner dots.
 */
function endsSentence(word: string, run: string): boolean {
  const leadingDots = /^\.*/.exec(run.slice(0, -1))?.[0] ?? '';
  const written = (word + leadingDots).toLowerCase().replace(/\.$/, '');
  return !abbreviations.has(written) && !/^\p{L}$/u.test(written);
}

export const loglineSentencesRule: Rule = {
  code: 'logline-sentences',
  severity: 'warning',
  summary: 'the logline is more than one sentence',
  explanation: [
    'The logline is the scene in **one sentence**. A second sentence usually means a second scene, or',
    'detail that belongs in a beat. One sentence keeps the clip to one idea, which is what a 12–15 s',
    'clip can carry.',
  ].join('\n'),
  check(context) {
    const value = context.storyboard.logline?.value;
    if (!value?.text.trim()) return;
    const sentences = countSentences(value.text);
    if (sentences <= 1) return;
    context.report({
      range: value.range,
      message: `The logline is ${sentences} sentences; say the scene in one. Move detail into the beats, or split it into two scenes.`,
    });
  },
  cases: [
    {
      name: 'two sentences',
      trigger: edit(clean, ['A fisherman mends his net as the fog lifts.', 'A fisherman mends his net. The fog lifts!']),
      underlines: 'A fisherman mends his net. The fog lifts!',
      nearMisses: [
        { name: 'an abbreviation', text: edit(clean, ['A fisherman mends his net', 'Dr. Ivo mends his net']) },
      ],
    },
  ],
};
