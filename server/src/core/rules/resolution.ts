import type { ModelProfile } from '../models/types';
import { planGenerations } from '../target/plan';
import { replace } from './edits';
import { cite, orList, severityFor, sizesConfidence } from './targets';
import type { Rule, RuleContext } from './types';
import { clean, edit, withModel } from './cases';

export const resolutionRule: Rule = {
  code: 'resolution',
  severity: 'warning',
  summary: 'resolution is not one the model makes (with no model: stick to the 1080p default)',
  explanation: [
    'With no `model`, stick to the **1080p** default. It is what the workflow is tested at; lower',
    'resolutions lose the fine detail that anchors rely on (a braid, an earring), so identity drifts',
    'more, and a take at another resolution cannot be compared fairly with the others in the score grid.',
    '',
    'With a model, the resolution must be one its profile lists (Sora 2 made 720p only; Veo 3.1 makes',
    '720p, 1080p and 4k). Some models tie a resolution to a clip length (Hailuo 02: 1080p only at',
    '6 s); the message names the coupling and where it comes from.',
  ].join('\n'),
  check(context) {
    const resolution = context.settings.resolution;
    if (!resolution) return;
    const value = resolution.text.trim().toLowerCase();
    const profile = context.target.limits;
    if (!profile) {
      if (value === '1080p') return;
      context.report({
        range: resolution.range,
        message: `Resolution "${resolution.text || '(empty)'}": stick to the 1080p default, so fine details hold and takes compare fairly.`,
        // 1080p is the one value the workflow accepts: nothing to decide, so safe.
        fixes: [{ title: 'Set resolution 1080p', edits: [replace(resolution.range, '1080p')], safe: true, preferred: true }],
      });
      return;
    }
    const allowed = profile.resolutions.map((r) => r.toLowerCase());
    if (allowed.includes(value)) {
      checkCouplings(context, profile, value);
      return;
    }
    const preferred = allowed.includes('1080p') ? '1080p' : profile.resolutions[profile.resolutions.length - 1];
    context.report({
      range: resolution.range,
      severity: severityFor(sizesConfidence(profile), 'warning'),
      message: `Resolution "${resolution.text || '(empty)'}" is not one ${profile.label} makes: it makes ${orList(profile.resolutions)}${cite(profile, sizesConfidence(profile))}.`,
      fixes: [preferred, ...profile.resolutions.filter((r) => r !== preferred)].slice(0, 3).map((to, i) => ({ title: `Set resolution ${to}`, edits: [replace(resolution.range, to)], safe: false, preferred: i === 0 })),
    });
  },
  cases: [
    {
      name: 'resolution 720p',
      trigger: edit(clean, ['resolution: 1080p', 'resolution: 720p']),
      underlines: '720p',
      fixed: [['  resolution: 720p', '  resolution: 1080p']],
      nearMisses: [
        { name: '1080p', text: clean },
      ],
    },
    {
      name: '1080p on Runway Gen-4.5 (720p only)',
      trigger: withModel('runway-gen-4.5'),
      underlines: '1080p',
      fixed: [['  resolution: 1080p', '  resolution: 720p']],
      nearMisses: [
        { name: '720p on Veo 3.1', text: withModel('veo-3.1', edit(clean, ['resolution: 1080p', 'resolution: 720p'])) },
        { name: '720p on Runway', text: withModel('runway-gen-4.5', edit(clean, ['resolution: 1080p', 'resolution: 720p'])) },
      ],
    },
  ],
};

/** A resolution the model makes, but not at the clip lengths planned (Hailuo 02: 1080p only at 6 s). */
function checkCouplings(context: RuleContext, profile: ModelProfile, resolution: string): void {
  const range = context.settings.resolution!.range;
  for (const coupling of profile.couplings) {
    if (coupling.when.resolution?.toLowerCase() !== resolution) continue;
    const durations = coupling.requires.durations;
    if (durations) {
      const plan = planGenerations(context.storyboard.beats, profile, resolution);
      const lengths = plan.clips.map((clip) => clip.seconds).filter((s) => !durations.includes(s));
      if (lengths.length) {
        context.report({
          range,
          severity: severityFor(coupling.confidence, 'warning'),
          message: `${profile.label}: ${coupling.description}${cite(profile, coupling.confidence)}; this storyboard asks for ${[...new Set(lengths)].map((s) => `${s} s`).join(', ')}. Change the resolution or the beat lengths.`,
        });
      }
    }
    const resolutions = coupling.requires.resolutions;
    if (resolutions && !resolutions.includes(resolution)) {
      context.report({ range, severity: severityFor(coupling.confidence, 'warning'), message: `${profile.label}: ${coupling.description}${cite(profile, coupling.confidence)}.` });
    }
  }
}
