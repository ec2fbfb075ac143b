import { planGenerations } from '../target/plan';
import { longestDuration } from '../target/target';
import { formatSeconds } from '../text';
import { plural, setDurationEdits } from './support';
import { cite, severityFor } from './targets';
import type { Rule } from './types';

/** The seed workflow's figure: a scene holds together for about this long. */
const stableSeconds = 20;

export const durationUnstableRule: Rule = {
  code: 'duration-unstable',
  severity: 'warning',
  summary: 'clip longer than 20 s (stable around ~20 s per clip) and, with a model, longer than it makes in one generation',
  explanation: [
    'A video model holds a scene together for about **20 seconds**. Beyond that, characters drift,',
    'lighting wanders and later shots lose the prompt. 12–15 s is the sweet spot for a first draft.',
    'With a model set, a clip past 20 s that the model cannot make in one generation is several',
    'generations chained at beat boundaries, and identity drifts at every cut; the message names the',
    'model’s longest clip and where that figure comes from.',
    '',
    'Split a longer scene into two storyboards and cut the clips together. The quick fix sets 15 s and',
    'scales the beats to fit.',
  ].join('\n'),
  check(context) {
    const duration = context.settings.duration;
    if (!duration || duration.seconds <= stableSeconds) return;
    const profile = context.target.limits;
    const fixes = [{ title: 'Set the clip to 15s and scale the beats to fit', edits: setDurationEdits(context, 15), safe: false, preferred: true }];
    if (!profile) {
      context.report({
        range: duration.text.range,
        message: `The clip is ${formatSeconds(duration.seconds)}; Sora holds a scene together for about 20 s. Cut it to 12–15 s, or split the scene into two clips.`,
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
      message: `The clip is ${formatSeconds(duration.seconds)}; ${profile.label} makes at most ${longest} s per generation${cite(profile, profile.durationsConfidence)}, so this is ${plural(Math.max(clips, 2), 'generation')} chained at beat boundaries, and past about 20 s identity drifts at every cut. Cut it to 12–15 s, or split the scene into two storyboards.`,
      fixes,
    });
  },
};
