import type { ModelProfile } from '../models/types';
import { describeBeats, planGenerations, type Plan } from '../target/plan';
import { describeDurations, durationAllowed, longestDuration, nearestAllowed } from '../target/target';
import { plural, seconds as secs, setDurationEdits, topRange } from './support';
import { cite, severityFor } from './targets';
import type { Fix } from '../diagnostics';
import type { Rule, RuleContext } from './types';
import { clean, withModel, withDurations } from './cases';

export const clipLengthRule: Rule = {
  code: 'clip-length',
  severity: 'warning',
  summary: 'the clip is not a length the model makes in one generation (warning when it can be split at beat boundaries, error when no split fits)',
  explanation: [
    'Each model makes clips of certain lengths only: Veo 3.1 makes 4, 6 or 8 s, Kling 3.0 any whole',
    'number of seconds from 3 to 15. A storyboard of another length is made as several generations,',
    'cut at beat boundaries (never inside a beat), each later one starting from the previous clip’s',
    'last frame or extending it where the model can. Every cut is a chance for identity and light to',
    'drift, so the message names the plan the compiler will use.',
    '',
    'It is an **error** when no cut at beat boundaries gives lengths the model makes (a beat longer',
    'than the longest clip, say). The quick fixes make the clip one generation long, or set the beats',
    'to the nearest lengths the model makes.',
  ].join('\n'),
  check(context) {
    const profile = context.target.limits;
    if (!profile) return;
    const beats = context.storyboard.beats;
    const total = context.settings.duration?.seconds ?? (beats.length ? beats[beats.length - 1].end : undefined);
    if (total === undefined || total <= 0) return;
    checkReferenceMode(context, profile);
    const shots = profile.multiShot?.maxShots ?? Infinity;
    if (durationAllowed(profile.durations, total) && beats.length <= shots) return;
    const timed = beats.filter((beat) => beat.end > beat.start);
    const plan = planGenerations(timed.length ? beats : [{ index: 1, start: 0, end: total }], profile, context.settings.resolution?.text);
    const range = context.settings.duration?.text.range ?? beats[0]?.headerRange ?? topRange(context);
    const makes = `${profile.label} makes ${describeDurations(profile.durations)} per generation${cite(profile, profile.durationsConfidence)}`;
    const severity = severityFor(profile.durationsConfidence, plan.fits ? 'warning' : 'error');
    context.report({
      range,
      severity,
      message: plan.fits ? `${makes}; this ${secs(total)} clip is planned as ${describe(plan, profile)}.` : `${makes}; no cut at beat boundaries fits this ${secs(total)} clip: ${whyNoFit(context, profile)}`,
      fixes: fixes(context, profile, total),
    });
  },
  cases: [
    {
      name: 'a 12 s clip on Veo 3.1 (split 8 s + 4 s)',
      trigger: withModel('veo-3.1'),
      underlines: '12s',
      fixed: [['  duration: 12s', '  duration: 8s'], ['beat 4s The net', 'beat 2.5s The net'], ['beat 4s The knot', 'beat 2.5s The knot'], ['beat 4s The harbour', 'beat 3s The harbour']],
      nearMisses: [
        { name: 'the same on Kling 3.0 (3–15 s)', text: withModel('kling-3.0') },
        { name: 'an 8 s clip on Veo 3.1', text: withModel('veo-3.1', withDurations('8s', '4s', '2s', '2s')) },
        { name: 'no model (the seed numbers)', text: clean },
      ],
    },
    {
      name: 'a 12 s beat on Veo 3.1 (no split fits)',
      trigger: withModel('veo-3.1', withDurations('20s', '12s', '4s', '4s')),
      underlines: '20s',
      severity: 'error',
      fixed: [['  duration: 20s', '  duration: 8s'], ['beat 12s The net', 'beat 5s The net'], ['beat 4s The knot', 'beat 1.5s The knot'], ['beat 4s The harbour', 'beat 1.5s The harbour']],
      nearMisses: [
        { name: 'a retired model (the seed numbers)', text: withModel('sora-2', withDurations('20s', '12s', '4s', '4s')) },
      ],
    },
  ],
};

/** A mode that fixes the clip length (Veo's reference-image mode is 8 s only): every planned clip must be one. */
function checkReferenceMode(context: RuleContext, profile: ModelProfile): void {
  if (!context.storyboard.references.length) return;
  for (const coupling of profile.couplings) {
    const durations = coupling.requires.durations;
    if (!coupling.when.references || !durations) continue;
    const plan = planGenerations(context.storyboard.beats, profile, context.settings.resolution?.text);
    const off = plan.clips.filter((clip) => !durations.includes(clip.seconds));
    if (!off.length) continue;
    context.report({
      range: context.storyboard.references[0].path?.range ?? context.storyboard.references[0].headerRange,
      severity: severityFor(coupling.confidence, 'warning'),
      message: `${profile.label}: ${coupling.description}${cite(profile, coupling.confidence)}, and clips with references are ${durations.map((d) => `${d} s`).join(' or ')} only; this plan asks for ${[...new Set(off.map((c) => `${c.seconds} s`))].join(', ')}. Change the beat lengths, or drop the reference.`,
    });
  }
}

/** `2 generations cut at beat boundaries: 8 s (beats 1–2) + 4 s (beat 3), the second starting from the first's last frame`. */
function describe(plan: Plan, profile: ModelProfile): string {
  const clips = plan.clips.map((clip) => `${clip.seconds} s (${describeBeats(clip.beats)}${clip.padded ? `, ${secs(clip.end - clip.start)} of beats padded` : ''})`);
  const head = plan.clips.length === 1 ? `one generation of ${clips[0]}` : `${plural(plan.clips.length, 'generation')} cut at beat boundaries: ${clips.join(' + ')}`;
  const continued = plan.clips.slice(1).map((clip) => clip.startFrom);
  let joined = '';
  if (continued.length && continued.every((from) => from === 'previous')) joined = continued.length === 1 ? ", the second starting from the first's last frame" : ", each starting from the previous one's last frame";
  else if (continued.some((from) => from === 'extend')) joined = `, ${continued.filter((from) => from === 'extend').length === 1 ? 'one' : 'some'} made by extending the clip before`;
  else if (continued.length) joined = `; ${profile.label} takes no first frame, so match each cut by hand`;
  const multi = profile.multiShot && plan.clips.length > 1 ? ` (at most ${profile.multiShot.maxShots} shots each)` : '';
  return `${head}${multi}${joined}${plan.padded ? ' (padded clips are trimmed after generating)' : ''}`;
}

function whyNoFit(context: RuleContext, profile: ModelProfile): string {
  const longest = longestDuration(profile.durations);
  const tooLong = context.storyboard.beats.filter((beat) => beat.end - beat.start > longest + 1e-6);
  if (tooLong.length) {
    return `${tooLong.map((beat) => `beat ${beat.index} (${secs(beat.end - beat.start)})`).join(', ')} ${tooLong.length === 1 ? 'is' : 'are'} longer than the ${secs(longest)} it makes at most. Shorten or split ${tooLong.length === 1 ? 'that beat' : 'those beats'}.`;
  }
  return 'no run of beats adds up to a length it makes. Change the beat lengths.';
}

/** The clip made one generation long: the nearest length the model makes, the beats scaled to fit (their new lengths in the title). */
function fixes(context: RuleContext, profile: ModelProfile, total: number): Fix[] {
  const oneClip = nearestAllowed(profile.durations, total);
  if (Math.abs(oneClip - total) < 1e-6) return [];
  const edits = setDurationEdits(context, oneClip);
  if (!edits.length) return [];
  const beats = context.storyboard.beats;
  const lengths = beats.map((beat) => {
    const edit = edits.find((e) => beat.duration && e.range === beat.duration.range);
    return secs(edit ? Number(edit.newText.replace(/s$/, '')) : beat.end - beat.start);
  });
  const detail = beats.length > 1 ? ` (beats ${lengths.join(' + ')})` : '';
  return [{ title: `Make it one generation: set the clip to ${secs(oneClip)}${detail}`, edits, safe: false, preferred: true }];
}
