import type { ModelProfile } from '../models/types';
import { durationAllowed, longestDuration, nearestAllowed } from '../target/target';
import { formatSeconds } from '../text';
import { setDurationEdits } from './support';
import { cite, severityFor } from './targets';
import type { TakeLog } from '../takes';
import type { Rule } from './types';
import { withModel, withDurations } from './cases';
import { stableClipSeconds } from '../workflow';

/** One take logged for `clean`: the draft is no longer a first draft. */
const takeLog = {
  version: 1,
  storyboard: 'scene05.sora',
  takes: [{ id: 'take01', file: 'takes/scene05_take01.mp4', createdAt: '2026-11-20T09:12:00Z', variant: 'main', settings: { aspect: '16:9', resolution: '1080p', duration: 12, model: 'sora-2' }, prompt: '…' }],
} as TakeLog;

export const durationDraftRule: Rule = {
  code: 'duration-draft',
  severity: 'info',
  summary: `a first draft (no takes logged yet) under 12 s, or over 15 s but not over ${stableClipSeconds} s (with a model: its longest clip when that is shorter)`,
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
    if (!short && !(s > high && s <= stableClipSeconds)) return;
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
  cases: [
    {
      name: 'a 10 s first draft',
      trigger: withDurations('10s', '4s', '3s', '3s'),
      underlines: '10s',
      fixed: [['  duration: 10s', '  duration: 12s'], ['beat 4s The net', 'beat 5s The net'], ['beat 3s The knot', 'beat 3.5s The knot'], ['beat 3s The harbour', 'beat 3.5s The harbour']],
      nearMisses: [
        { name: 'the same once a take is logged', text: withDurations('10s', '4s', '3s', '3s'), setup: { takeLog } },
        { name: 'a 15 s first draft', text: withDurations('15s', '5s', '5s', '5s') },
        { name: 'a 21 s clip (duration-unstable speaks)', text: withDurations('21s', '7s', '7s', '7s') },
      ],
    },
    {
      name: 'a 6 s first draft on Veo 3.1 (longest clip 8 s)',
      trigger: withModel('veo-3.1', withDurations('6s', '2s', '2s', '2s')),
      underlines: '6s',
      fixed: [['  duration: 6s', '  duration: 8s'], ['beat 2s The net', 'beat 2.5s The net'], ['beat 2s The knot', 'beat 2.5s The knot'], ['beat 2s The harbour', 'beat 3s The harbour']],
      nearMisses: [
        { name: 'an 8 s first draft on Veo 3.1', text: withModel('veo-3.1', withDurations('8s', '4s', '2s', '2s')) },
        { name: 'a 12 s draft on Veo 3.1 (clip-length speaks)', text: withModel('veo-3.1') },
      ],
    },
  ],
};

/** 12–15 s, capped at the model's longest single clip. */
function draftRange(profile: ModelProfile | undefined): { low: number; high: number } {
  if (!profile) return { low: 12, high: 15 };
  const longest = longestDuration(profile.durations);
  return { low: Math.min(12, longest), high: Math.min(15, longest) };
}
