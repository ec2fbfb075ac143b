import { planGenerations } from '../target/plan';
import { longestDuration } from '../target/target';
import { formatSeconds } from '../text';
import { plural, setDurationEdits } from './support';
import { cite, severityFor } from './targets';
import type { Rule } from './types';
import { withModel, withDurations } from './cases';
import { stableClipSeconds } from '../workflow';

export const durationUnstableRule: Rule = {
  code: 'duration-unstable',
  severity: 'warning',
  summary: `clip longer than ${stableClipSeconds} s (stable around ~${stableClipSeconds} s per clip) and, with a model, longer than it makes in one generation`,
  explanation: [
    `A video model holds a scene together for about **${stableClipSeconds} seconds**. Beyond that, characters drift,`,
    'lighting wanders and later shots lose the prompt. 12–15 s is the sweet spot for a first draft.',
    `With a model set, a clip past ${stableClipSeconds} s that the model cannot make in one generation is several`,
    'generations chained at beat boundaries, and identity drifts at every cut; the message names the',
    'model’s longest clip and where that figure comes from.',
    '',
    'Split a longer scene into two storyboards and cut the clips together. The quick fix sets 15 s and',
    'scales the beats to fit.',
  ].join('\n'),
  check(context) {
    const duration = context.settings.duration;
    if (!duration || duration.seconds <= stableClipSeconds) return;
    const profile = context.target.limits;
    const fixes = [{ title: 'Set the clip to 15s and scale the beats to fit', edits: setDurationEdits(context, 15), safe: false, preferred: true }];
    if (!profile) {
      context.report({
        range: duration.text.range,
        message: `The clip is ${formatSeconds(duration.seconds)}; Sora holds a scene together for about ${stableClipSeconds} s. Cut it to 12–15 s, or split the scene into two clips.`,
        fixes,
      });
      return;
    }
    const longest = longestDuration(profile.durations);
    if (duration.seconds <= longest) return;
    const clips = planGenerations(context.storyboard.beats, profile, context.settings.resolution?.text).clips.length;
    context.report({
      range: duration.text.range,
      severity: severityFor(profile.durationsConfidence, 'warning'),
      message: `The clip is ${formatSeconds(duration.seconds)}; ${profile.label} makes at most ${longest} s per generation${cite(profile, profile.durationsConfidence)}, so this is ${plural(Math.max(clips, 2), 'generation')} chained at beat boundaries, and past about ${stableClipSeconds} s identity drifts at every cut. Cut it to 12–15 s, or split the scene into two storyboards.`,
      fixes,
    });
  },
  cases: [
    {
      name: 'a 24 s clip',
      trigger: withDurations('24s', '8s', '8s', '8s'),
      underlines: '24s',
      fixed: [['  duration: 24s', '  duration: 15s'], ['beat 8s The net', 'beat 5s The net'], ['beat 8s The knot', 'beat 5s The knot'], ['beat 8s The harbour', 'beat 5s The harbour']],
      nearMisses: [
        { name: 'a 20 s clip', text: withDurations('20s', '6s', '7s', '7s') },
      ],
    },
    {
      name: 'a 24 s clip on Veo 3.1',
      trigger: withModel('veo-3.1', withDurations('24s', '8s', '8s', '8s')),
      underlines: '24s',
      fixed: [['  duration: 24s', '  duration: 15s'], ['beat 8s The net', 'beat 5s The net'], ['beat 8s The knot', 'beat 5s The knot'], ['beat 8s The harbour', 'beat 5s The harbour']],
      nearMisses: [
        { name: 'a 20 s clip on LTX-2 (makes 20 s)', text: withModel('ltx-2', withDurations('20s', '6s', '7s', '7s')) },
      ],
    },
  ],
};
