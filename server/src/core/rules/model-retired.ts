import { profileFor } from '../models';
import { replace } from './edits';
import { orList } from './targets';
import type { Rule } from './types';
import { withModel } from './cases';

export const modelRetiredRule: Rule = {
  code: 'model-retired',
  severity: 'info',
  summary: 'the model is retired (since when, per which source)',
  explanation: [
    'A retired model can no longer generate anything: its API or app has shut down. Its profile is',
    'kept so old storyboards and take logs still read, and a storyboard naming it is checked with the',
    'seed workflow’s numbers and compiled to the prompt its takes were logged with.',
    '',
    'To make new takes, switch to a current model; the quick fixes offer the profile’s successors.',
    'Sora 2 and Sora 2 Pro shut down with OpenAI’s Videos API on 2026-09-24.',
  ].join('\n'),
  check(context) {
    const { target } = context;
    const profile = target.profile;
    const written = target.written;
    if (!profile || !written || profile.status.kind !== 'retired') return;
    const status = profile.status;
    const successors = status.successors.filter((id) => profileFor(id, target.profiles)?.status.kind === 'active');
    context.report({
      range: written.range,
      message: `${profile.label} is retired since ${status.since} (per ${shortSource(status.source)}): nothing new can be generated with it.${successors.length ? ` Switch to a current model such as ${orList(successors)}.` : ''}`,
      fixes: successors.map((id, i) => ({ title: `Switch to ${profileFor(id, target.profiles)?.label ?? id} (model: ${id})`, edits: [replace(written.range, id)], safe: false, preferred: i === 0 })),
    });
  },
  cases: [
    {
      name: 'model sora-2',
      trigger: withModel('sora-2'),
      underlines: 'sora-2',
      fixed: [['  model: sora-2', '  model: veo-3.1']],
      nearMisses: [
        { name: 'model kling-3.0', text: withModel('kling-3.0') },
        { name: 'an unknown model', text: withModel('sora-3') },
      ],
    },
  ],
};

/** The first source named, without the quotation that backs it up (the profile keeps the full text). */
function shortSource(source: string): string {
  const first = source.split(/;\s*/)[0];
  return first.replace(/:\s*["“].*$/, '').trim();
}
