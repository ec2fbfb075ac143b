import { formatSeconds } from '../text';
import { setDurationEdits } from './support';
import type { Rule } from './types';

export const durationUnstableRule: Rule = {
  code: 'duration-unstable',
  severity: 'warning',
  summary: 'clip longer than 20 s (stable around ~20 s per clip)',
  explanation: [
    'Sora 2 holds a scene together for about **20 seconds** per clip. Beyond that, characters drift,',
    'lighting wanders and later shots lose the prompt. 12–15 s is the sweet spot for a first draft.',
    '',
    'Split a longer scene into two storyboards and cut the clips together. The quick fix sets 15 s and',
    'scales the beats to fit.',
  ].join('\n'),
  check(context) {
    const duration = context.settings.duration;
    if (!duration || duration.seconds <= 20) return;
    context.report({
      range: duration.text.range,
      message: `The clip is ${formatSeconds(duration.seconds)}; Sora holds a scene together for about 20 s. Cut it to 12–15 s, or split the scene into two clips.`,
      fixes: [{ title: 'Set the clip to 15s and scale the beats to fit', edits: setDurationEdits(context, 15), safe: false, preferred: true }],
    });
  },
};
