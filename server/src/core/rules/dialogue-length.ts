import { countWords, formatSpan } from '../text';
import { seconds, judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const dialogueLengthRule: Rule = {
  code: 'dialogue-length',
  severity: 'warning',
  scope: 'beat',
  summary: 'the line cannot be spoken (2.5 words/s) before its beat ends',
  explanation: [
    'People speak about **2.5 words a second** on screen (the `wordsPerSecond` setting). A line that',
    'needs longer than its beat has left after its marker is rushed, or cut off by the next shot, and',
    'the lip-sync falls apart.',
    '',
    'Shorten the line, move the marker earlier, or give the beat more time.',
  ].join('\n'),
  check(context) {
    const wps = context.options.wordsPerSecond;
    for (const beat of judgedBeats(context)) {
      const duration = beat.end - beat.start;
      for (const say of beat.says) {
        const from = say.marker?.seconds ?? 0;
        if (from >= duration) continue; // dialogue-timing speaks for it
        const words = countWords(say.line.text);
        const needs = words / wps;
        if (from + needs <= duration + 1e-9) continue;
        context.report({
          range: say.line.range,
          message: `Beat ${beat.index} runs ${formatSpan(beat.start, beat.end)} (${seconds(duration)}) but its line needs about ${seconds(needs)} (${words} words at ${wps} a second) ${say.marker ? `from @${from}s` : 'from the start of the beat'}; shorten the line or move the marker earlier.`,
        });
      }
    }
  },
  cases: [
    {
      name: 'nine words from @1s in 4 s',
      trigger: edit(clean, ['"Almost there."', '"One more knot and then we can all go home."']),
      underlines: 'One more knot and then we can all go home.',
      nearMisses: [
        { name: 'seven words', text: edit(clean, ['"Almost there."', '"One more knot and we go home."']) },
        { name: 'nine words at 3 words a second', text: edit(clean, ['"Almost there."', '"One more knot and then we can go home."']), setup: { wordsPerSecond: 3 } },
      ],
    },
  ],
};
