import { nearestModelIds } from '../target/target';
import { replace } from './edits';
import type { Rule } from './types';
import { clean, withModel } from './cases';

export const modelUnknownRule: Rule = {
  code: 'model-unknown',
  severity: 'warning',
  summary: '`model` names no known model profile',
  explanation: [
    'The `model` setting picks the **target**: the profile whose clip lengths, sizes, audio, prompt',
    'layout, iteration and price the checker and the compiler use. An id that names no profile is',
    'checked with the seed workflow’s own numbers (16:9 or 9:16, 1080p, 12–15 s drafts, stable to',
    'about 20 s) and compiled to the seed layout, which may not be what your model expects.',
    '',
    'Use one of the ids `sora models` lists; the quick fix offers the nearest ones.',
  ].join('\n'),
  check(context) {
    const { target } = context;
    const written = target.written;
    if (!written?.text.trim() || target.profile) return;
    const nearest = nearestModelIds(written.text, target.profiles);
    context.report({
      range: written.range,
      message: `No model profile is called "${written.text}", so the storyboard is checked with the seed workflow's numbers (16:9 or 9:16, 1080p, 12–15 s). ${nearest.length ? `Did you mean ${nearest.join(', ')}?` : ''} \`sora models\` lists every id.`.replace('  ', ' '),
      fixes: nearest.map((id, i) => ({ title: `Set model ${id}`, edits: [replace(written.range, id)], safe: false, preferred: i === 0 })),
    });
  },
  cases: [
    {
      name: 'model veo-3',
      trigger: withModel('veo-3'),
      underlines: 'veo-3',
      fixed: [['  model: veo-3', '  model: veo-3.1']],
      nearMisses: [
        { name: 'model veo-3.1', text: withModel('veo-3.1') },
        { name: 'no model line', text: clean },
      ],
    },
  ],
};
