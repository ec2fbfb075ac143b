import type { Text } from '../ast';
import type { Rule, RuleContext } from './types';

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
