import type { Rule } from './types';
import { withVariants } from './cases';

const four = ['a', 'b', 'c', 'd'].map((name, i) => `variant ${name} from main\n  beat ${(i % 3) + 1} camera: wide, static`);

export const variantCountRule: Rule = {
  code: 'variant-count',
  severity: 'warning',
  summary: 'more than three variants from one base (branch 2–3)',
  explanation: [
    'Branch **2–3** variants from a base at a time: generate them, score them, then branch again from',
    'the best take. More branches from one base multiply the takes to generate and score without',
    'telling you more, and the comparison gets noisy.',
  ].join('\n'),
  check(context) {
    const counts = new Map<string, number>();
    for (const variant of context.storyboard.variants) {
      const base = variant.base;
      if (!base) continue;
      const count = (counts.get(base.text) ?? 0) + 1;
      counts.set(base.text, count);
      if (count <= 3) continue;
      context.report({
        range: base.range,
        message: `This is variant ${count} from "${base.text}"; branch 2–3 at a time, score them, then branch again from the best take.`,
      });
    }
  },
  cases: [
    {
      name: 'four variants from main',
      trigger: withVariants(...four),
      underlines: 'main', occurrence: 4,
      nearMisses: [
        { name: 'three variants', text: withVariants(...four.slice(0, 3)) },
      ],
    },
  ],
};
