import type { Text } from '../ast';
import type { Rule, RuleContext } from './types';
import { withVariants } from './cases';

export const duplicateNameRule: Rule = {
  code: 'duplicate-name',
  severity: 'error',
  summary: 'two characters or two variants share a name',
  explanation: [
    'Characters and variants are referred to by name (in `subject:`, `say`, overrides and `from`), so',
    'each name must point at exactly one of them. Names are case-sensitive: `Mara` and `mara` differ.',
    '',
    'Rename one of the two.',
  ].join('\n'),
  check(context) {
    reportRepeats(context, context.storyboard.characters.map((c) => c.name), 'character');
    reportRepeats(context, context.storyboard.variants.map((v) => v.name), 'variant');
  },
  cases: [
    {
      name: 'two variants named alike',
      trigger: withVariants('variant closer from main\n  beat 1 camera: wide, static', 'variant closer from main\n  beat 2 camera: wide, static'),
      underlines: 'closer', occurrence: 2,
      nearMisses: [
        { name: 'distinct names', text: withVariants('variant closer from main\n  beat 1 camera: wide, static', 'variant wider from main\n  beat 2 camera: wide, static') },
      ],
    },
  ],
};

function reportRepeats(context: RuleContext, names: (Text | undefined)[], what: string): void {
  const firstLine = new Map<string, number>();
  for (const name of names) {
    if (!name) continue;
    const earlier = firstLine.get(name.text);
    if (earlier === undefined) {
      firstLine.set(name.text, name.range.start.line);
      continue;
    }
    context.report({
      range: name.range,
      message: `There is already a ${what} named "${name.text}" (line ${earlier + 1}); rename one of them so references are unambiguous.`,
    });
  }
}
