import type { ModelProfile } from '../models/types';
import { durationAllowed, longestDuration, nearestAllowed } from '../target/target';
import { formatSeconds } from '../text';
import { setDurationEdits } from './support';
import { cite, severityFor } from './targets';
import type { Rule } from './types';

export const durationDraftRule: Rule = {
  code: 'duration-draft',
  severity: 'info',
  summary: 'a first draft (no takes logged yet) under 12 s, or over 15 s but not over 20 s (with a model: its longest clip when that is shorter)',
  explanation: [
    'A first draft works best at **12–15 s**: long enough for 3–5 beats, short enough that the model',
    'keeps everything consistent, so the first takes tell you about the storyboard, not about the length.',
    'With a model whose longest clip is shorter (Veo 3.1: 8 s), draft one generation at that length;',
    'a clip it cannot make in one generation is `clip-length`’s to report.',
    '',
    'Once takes are logged you know what the scene needs, and this hint goes quiet. The quick fix',
    'sets the draft length and scales the beats to fit.',
  ].join('\n'),
  check(context) {
    const duration = context.settings.duration;
    if (!duration) return;
    if ((context.takeLog?.takes.length ?? 0) > 0) return;
    const s = duration.seconds;
    const profile = context.target.limits;
    if (profile && !durationAllowed(profile.durations, s)) return;
    const { low, high } = draftRange(profile);
    const short = s < low;
    if (!short && !(s > high && s <= 20)) return;
    const target = profile ? (durationAllowed(profile.durations, low) ? low : nearestAllowed(profile.durations, low)) : 12;
    const on = profile ? ` on ${profile.label}, which makes at most ${longestDuration(profile.durations)} s per generation${cite(profile, profile.durationsConfidence)}` : '';
    const span = low === high ? `${low} s` : `${low}–${high} s`;
    context.report({
      range: duration.text.range,
      severity: profile ? severityFor(profile.durationsConfidence, 'info') : undefined,
      message: short
        ? `A first draft of ${formatSeconds(s)} is short for 3–5 beats${on}: start at ${span}, then trim once a take shows what the scene needs.`
        : `A first draft of ${formatSeconds(s)} is long${on}: start at ${span}, where ${profile ? 'the model' : 'Sora'} keeps a scene consistent, and lengthen it once a take works.`,
      fixes: [{ title: `Set the clip to ${formatSeconds(target)} and scale the beats to fit`, edits: setDurationEdits(context, target), safe: false, preferred: true }],
    });
  },
};

/** 12–15 s, capped at the model's longest single clip. */
function draftRange(profile: ModelProfile | undefined): { low: number; high: number } {
  if (!profile) return { low: 12, high: 15 };
  const longest = longestDuration(profile.durations);
  return { low: Math.min(12, longest), high: Math.min(15, longest) };
}
