import { formatSpan } from '../text';
import { seconds, judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const dialogueTimingRule: Rule = {
  code: 'dialogue-timing',
  severity: 'error',
  scope: 'beat',
  summary: 'a marker at or after the end of its beat',
  explanation: [
    'A marker is measured from the start of its **own** beat: `@1s` in a beat that runs 0:04–0:08 means',
    '0:05. A marker at or past the beat\'s length points into the next shot, so the line is spoken over',
    'someone else\'s beat, or not at all.',
    '',
    'Move the marker inside the beat, or the line to the beat it belongs to.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      const duration = beat.end - beat.start;
      for (const say of beat.says) {
        if (!say.marker || say.marker.seconds < duration) continue;
        context.report({
          range: say.marker.range,
          message: `@${say.marker.seconds}s is at or past the end of beat ${beat.index}, which runs ${formatSpan(beat.start, beat.end)} (${seconds(duration)}); markers count from the start of their own beat. Move it earlier, or move the line to the beat it belongs to.`,
        });
      }
    }
  },
  cases: [
    {
      name: 'a marker at the beat end',
      trigger: edit(clean, ['say Ivo @1s', 'say Ivo @4s']),
      underlines: '@4s',
      nearMisses: [
        { name: '@3.5s', text: edit(clean, ['say Ivo @1s', 'say Ivo @3.5s']) },
      ],
    },
  ],
};
