import { fieldOf } from '../model';
import { splitList } from '../parse';
import { lookDescriptors } from '../words';
import { replace } from './edits';
import { joinWords } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const styleWordsRule: Rule = {
  code: 'style-words',
  severity: 'warning',
  summary: '`look` has more than two descriptors',
  explanation: [
    '`look` works best with **two descriptors** at most (`35mm, grainy`). Each extra one competes with',
    'the others, and Sora averages them into something none of them describes; the look also drifts',
    'more from shot to shot. Pick the two that matter most.',
    '',
    'Descriptors are counted however they are joined: commas, semicolons, slashes, `and`, `with`,',
    '`plus` (`grainy 16mm with halation and a bleach-bypass grade` is three). A fixed phrase such as',
    '`black and white` is one. When only the words between them (not commas) make more than two, the',
    'count is less certain and the diagnostic is information.',
  ].join('\n'),
  check(context) {
    const look = fieldOf(context.storyboard.style, 'look')?.value;
    if (!look) return;
    const descriptors = lookDescriptors(look.text);
    if (descriptors.length <= 2) return;
    const byCommas = splitList(look).length;
    const kept = descriptors.slice(0, 2).join(', ');
    const quoted = joinWords(descriptors.map((d) => `"${d}"`));
    context.report({
      range: look.range,
      severity: byCommas <= 2 ? 'info' : undefined,
      message: `The look has ${descriptors.length} descriptors (${quoted}); Sora averages more than two into mush. Keep the two that matter most (for example "${kept}").`,
      // Dropping descriptors loses words the writer chose: offered, not applied blindly.
      fixes: [{ title: `Keep the first two: "${kept}"`, edits: [replace(look.range, kept)], safe: false, preferred: true }],
    });
  },
  cases: [
    {
      name: 'three look words',
      trigger: edit(clean, ['look: 35mm, soft', 'look: 35mm, soft, moody']),
      underlines: '35mm, soft, moody',
      fixed: [['  look: 35mm, soft, moody', '  look: 35mm, soft']],
      nearMisses: [
        { name: 'two look words', text: clean },
      ],
    },
  ],
};
