import { formatSeconds } from '../text';
import { setDurationEdits } from './support';
import type { Rule } from './types';

export const durationDraftRule: Rule = {
  code: 'duration-draft',
  severity: 'info',
  summary: 'a first draft (no takes logged yet) under 12 s, or over 15 s but not over 20 s',
  explanation: [
    'A first draft works best at **12–15 s**: long enough for 3–5 beats, short enough that Sora keeps',
    'everything consistent, so the first takes tell you about the storyboard, not about the length.',
    '',
    'Once takes are logged you know what the scene needs, and this hint goes quiet. The quick fix',
    'sets 12 s and scales the beats to fit.',
  ].join('\n'),
  check(context) {
    const duration = context.settings.duration;
    if (!duration) return;
    if ((context.takeLog?.takes.length ?? 0) > 0) return;
    const s = duration.seconds;
    const short = s < 12;
    if (!short && !(s > 15 && s <= 20)) return;
    context.report({
      range: duration.text.range,
      message: short
        ? `A first draft of ${formatSeconds(s)} is short for 3–5 beats: start at 12–15 s, then trim once a take shows what the scene needs.`
        : `A first draft of ${formatSeconds(s)} is long: start at 12–15 s, where Sora keeps a scene consistent, and lengthen it once a take works.`,
      fixes: [{ title: 'Set the clip to 12s and scale the beats to fit', edits: setDurationEdits(context, 12), safe: false, preferred: true }],
    });
  },
};
