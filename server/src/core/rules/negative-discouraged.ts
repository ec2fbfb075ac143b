import { fieldOf } from '../model';
import type { Rule } from './types';
import { clean, edit, withModel } from './cases';

const withAvoid = edit(clean, ['  look: 35mm, soft', '  look: 35mm, soft\n  avoid: text, logos']);

export const negativeDiscouragedRule: Rule = {
  code: 'negative-discouraged',
  severity: 'info',
  summary: 'style `avoid:` on a model whose vendor advises against negative prompts',
  explanation: [
    '`avoid:` lists what to keep out of the clip. It is sent as the negative-prompt parameter where',
    'the model has one, and written as an `Avoid:` line where the vendor’s guide puts negatives in',
    'prose. Some vendors advise against negatives altogether (Runway: “Use positive phrasing and',
    'avoid negative prompts”): naming a thing tends to bring it in. On those models the list is not',
    'passed at all.',
    '',
    'Say what you want instead: “a clear sky” rather than “avoid: clouds”.',
  ].join('\n'),
  check(context) {
    const profile = context.target.limits;
    if (!profile || profile.negativePrompt.kind !== 'discouraged') return;
    const avoid = fieldOf(context.storyboard.style, 'avoid')?.value;
    if (!avoid?.text.trim()) return;
    context.report({
      range: avoid.range,
      message: `${profile.label} is not sent the avoid: list: ${profile.negativePrompt.advice} Describe what you want instead.`,
    });
  },
  cases: [
    {
      name: 'avoid: on Runway Gen-4.5',
      trigger: withModel('runway-gen-4.5', withAvoid),
      underlines: 'text, logos',
      nearMisses: [
        { name: 'avoid: on Veo 3.1 (a negative_prompt parameter)', text: withModel('veo-3.1', withAvoid) },
        { name: 'avoid: with no model', text: withAvoid },
      ],
    },
  ],
};
