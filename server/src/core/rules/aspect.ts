import type { Fix } from '../diagnostics';
import type { ModelProfile } from '../models/types';
import { replace } from './edits';
import { cite, orList, severityFor, sizesConfidence } from './targets';
import type { Rule, RuleContext } from './types';
import { clean, edit, withModel } from './cases';

const seedAspects = ['16:9', '9:16'];

export const aspectRule: Rule = {
  code: 'aspect',
  severity: 'error',
  summary: 'aspect is not one the model makes (with no model: 16:9 or 9:16)',
  explanation: [
    'A model renders a few frames only. With no `model` the seed workflow’s two apply: landscape',
    '**16:9** and vertical **9:16**; with a model, the aspects its profile lists (Kling adds 1:1, Luma',
    'and Seedance wide sets such as 21:9). Any other ratio is not generated as written: the clip comes',
    'back in one the model makes and the framing you planned (what is in shot, where the subject sits)',
    'is lost. A model may also tie an aspect to a resolution or a mode (Veo’s reference-image mode is',
    '16:9 only); the message says so.',
    '',
    'Pick 16:9 for the screen, 9:16 for phones and social feeds.',
  ].join('\n'),
  check(context) {
    const aspect = context.settings.aspect;
    if (!aspect) return;
    const value = aspect.text.replace(/\s+/g, '');
    const profile = context.target.limits;
    const allowed = profile ? profile.aspects : seedAspects;
    if (allowed.includes(value)) {
      if (profile) checkCouplings(context, profile, value);
      return;
    }
    const ratio = /^(\d+(?:\.\d+)?)[:x/](\d+(?:\.\d+)?)$/i.exec(value);
    const tall = ratio ? Number(ratio[1]) < Number(ratio[2]) : false;
    const fix = (to: string, preferred: boolean): Fix => ({ title: `Set aspect ${to}`, edits: [replace(aspect.range, to)], safe: false, preferred });
    const ordered = orderByShape(allowed, tall).slice(0, 3);
    context.report({
      range: aspect.range,
      severity: profile ? severityFor(sizesConfidence(profile), 'error') : undefined,
      message: profile
        ? `Aspect "${aspect.text || '(empty)'}" is not one ${profile.label} makes: it makes ${orList(profile.aspects)}${cite(profile, sizesConfidence(profile))}.`
        : `Aspect "${aspect.text || '(empty)'}" is not one Sora 2 renders: use 16:9 (landscape) or 9:16 (vertical).`,
      fixes: ordered.map((to, i) => fix(to, i === 0)),
    });
  },
  cases: [
    {
      name: 'aspect 4:3',
      trigger: edit(clean, ['aspect: 16:9', 'aspect: 4:3']),
      underlines: '4:3',
      fixed: [['  aspect: 4:3', '  aspect: 16:9']],
      nearMisses: [
        { name: 'aspect 9:16', text: edit(clean, ['aspect: 16:9', 'aspect: 9:16']) },
      ],
    },
    {
      name: 'aspect 1:1 on Veo 3.1',
      trigger: withModel('veo-3.1', edit(clean, ['aspect: 16:9', 'aspect: 1:1'])),
      underlines: '1:1',
      fixed: [['  aspect: 1:1', '  aspect: 16:9']],
      nearMisses: [
        { name: 'aspect 1:1 on Kling 3.0', text: withModel('kling-3.0', edit(clean, ['aspect: 16:9', 'aspect: 1:1'])) },
      ],
    },
  ],
};

/** The allowed aspects, those of the same shape (tall or wide) first. */
function orderByShape(allowed: readonly string[], tall: boolean): string[] {
  const isTall = (aspect: string) => {
    const [w, h] = aspect.split(':').map(Number);
    return w < h;
  };
  return [...allowed.filter((a) => isTall(a) === tall), ...allowed.filter((a) => isTall(a) !== tall)];
}

/** An aspect the model makes, but not with the resolution chosen (a coupling in the profile). */
function checkCouplings(context: RuleContext, profile: ModelProfile, aspect: string): void {
  const resolution = context.settings.resolution?.text.trim().toLowerCase();
  for (const coupling of profile.couplings) {
    const requires = coupling.requires.aspects;
    if (!requires || requires.includes(aspect)) continue;
    const applies = (coupling.when.resolution && coupling.when.resolution === resolution) || (coupling.when.references && context.storyboard.references.length > 0);
    if (!applies) continue;
    context.report({
      range: context.settings.aspect!.range,
      severity: severityFor(coupling.confidence, 'error'),
      message: `${profile.label}: ${coupling.description}${cite(profile, coupling.confidence)}; this storyboard is ${aspect}. Use ${orList(requires)}.`,
      fixes: requires.slice(0, 2).map((to, i) => ({ title: `Set aspect ${to}`, edits: [replace(context.settings.aspect!.range, to)], safe: false, preferred: i === 0 })),
    });
  }
}
