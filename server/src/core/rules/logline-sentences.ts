import type { Rule } from './types';

/** Abbreviations whose full stop does not end a sentence. */
const abbreviations = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'vs', 'etc', 'e.g', 'i.e', 'mt', 'no', 'approx', 'capt', 'col', 'gen', 'lt', 'sgt']);
const sentenceEnd = /([\p{L}\p{N}.]*)[.!?]+["'’”)\]]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;

/** How many sentences a text holds (abbreviations such as `Dr.` do not end one). */
export function countSentences(text: string): number {
  let count = 1;
  sentenceEnd.lastIndex = 0;
  for (let match = sentenceEnd.exec(text); match; match = sentenceEnd.exec(text)) {
    const word = match[1].toLowerCase().replace(/\.$/, '');
    if (abbreviations.has(word) || /^\p{L}$/u.test(word)) continue;
    count++;
  }
  return count;
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
};
