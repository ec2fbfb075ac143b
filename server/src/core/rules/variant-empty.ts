import type { Rule } from './types';
import { withVariants } from './cases';

export const variantEmptyRule: Rule = {
  code: 'variant-empty',
  severity: 'warning',
  summary: 'a variant changes nothing',
  explanation: [
    'A variant is its base with **one** change: an override line such as `beat 2 camera: close-up,',
    'static` or `style lighting: warm tungsten glow, consistent lighting`. A variant with no override',
    'compiles to its base unchanged, so its takes only measure Sora\'s randomness.',
    '',
    'Add the one change you want to try, or remove the variant.',
  ].join('\n'),
  check(context) {
    for (const variant of context.storyboard.variants) {
      if (variant.overrides.length) continue;
      context.report({
        range: variant.name?.range ?? variant.headerRange,
        message: `Variant "${variant.name?.text ?? ''}" changes nothing, so its takes would repeat ${variant.base?.text ?? 'its base'}. Add one override, such as \`beat 2 camera: close-up, static\`.`,
      });
    }
  },
  cases: [
    {
      name: 'no override',
      trigger: withVariants('variant idle from main'),
      underlines: 'idle',
      nearMisses: [
        { name: 'one override', text: withVariants('variant idle from main\n  beat 1 camera: wide, static') },
      ],
    },
  ],
};
