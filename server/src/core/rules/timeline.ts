import { formatSeconds } from '../text';
import { replace } from './edits';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const timelineRule: Rule = {
  code: 'timeline',
  severity: 'error',
  summary: 'beats add up to more (error) or less (warning) than the clip duration',
  explanation: [
    'Beats play one after another: beat 1 starts at 0:00 and each next beat starts where the previous',
    'one ends. Their durations must add up to `settings duration`.',
    '',
    '- **More** than the clip (error): the last beats fall off the end of the clip; Sora rushes or drops them.',
    '- **Less** (warning): Sora fills the rest on its own, which is where drift and odd endings come from.',
    '',
    'The quick fix scales the last beat so the total matches.',
  ].join('\n'),
  check(context) {
    const clip = context.settings.duration;
    const beats = context.storyboard.beats;
    if (!clip || beats.length === 0) return;
    const total = beats[beats.length - 1].end;
    const difference = Math.round((total - clip.seconds) * 100) / 100;
    if (difference === 0) return;
    const last = beats[beats.length - 1];
    const newLast = Math.round((last.end - last.start - difference) * 100) / 100;
    const fixes =
      last.duration && newLast > 0
        ? [{ title: `Make beat ${last.index} ${formatSeconds(newLast)} so the beats fill ${formatSeconds(clip.seconds)}`, edits: [replace(last.duration.range, formatSeconds(newLast))], safe: false, preferred: true }]
        : [];
    const over = difference > 0;
    context.report({
      range: clip.text.range,
      severity: over ? 'error' : 'warning',
      message: over
        ? `The beats add up to ${formatSeconds(total)} but the clip is ${formatSeconds(clip.seconds)}: ${formatSeconds(difference)} would fall off the end. Shorten beats or lengthen the clip.`
        : `The beats add up to ${formatSeconds(total)} but the clip is ${formatSeconds(clip.seconds)}: Sora would improvise the last ${formatSeconds(-difference)}. Lengthen a beat or shorten the clip.`,
      fixes,
    });
  },
  cases: [
    {
      name: 'beats over the clip',
      trigger: edit(clean, ['beat 4s The harbour', 'beat 5s The harbour']),
      underlines: '12s',
      fixed: [['beat 5s The harbour', 'beat 4s The harbour']],
      nearMisses: [
        { name: 'beats that add up', text: clean },
        { name: 'no duration set', text: edit(clean, ['  duration: 12s\n', '']) },
      ],
    },
  ],
};
