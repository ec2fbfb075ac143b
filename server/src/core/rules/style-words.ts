import { fieldOf } from '../model';
import { splitList } from '../parse';
import { replace } from './edits';
import type { Rule } from './types';

export const styleWordsRule: Rule = {
  code: 'style-words',
  severity: 'warning',
  summary: '`look` has more than two descriptors',
  explanation: [
    '`look` works best with **two descriptors** at most (`35mm, grainy`). Each extra one competes with',
    'the others, and Sora averages them into something none of them describes; the look also drifts',
    'more from shot to shot. Pick the two that matter most.',
  ].join('\n'),
  check(context) {
    const look = fieldOf(context.storyboard.style, 'look')?.value;
    if (!look) return;
    const items = splitList(look);
    if (items.length <= 2) return;
    const kept = items.slice(0, 2).map((item) => item.text).join(', ');
    context.report({
      range: look.range,
      message: `The look has ${items.length} descriptors; Sora averages more than two into mush. Keep the two that matter most (for example "${kept}").`,
      // Dropping descriptors loses words the writer chose: offered, not applied blindly.
      fixes: [{ title: `Keep the first two: "${kept}"`, edits: [replace(look.range, kept)], safe: false, preferred: true }],
    });
  },
};
