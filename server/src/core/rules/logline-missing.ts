import { insertLinesAfter, insertLinesBefore } from './edits';
import { topRange } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

/** What the inserted logline says until the writer replaces it: one sentence, so nothing else fires. */
export const loglinePlaceholder = '<who wants what, and what happens, in one sentence>';

export const loglineMissingRule: Rule = {
  code: 'logline-missing',
  severity: 'warning',
  summary: 'no logline (can you describe the scene in one sentence?)',
  explanation: [
    'Before writing shots, describe the scene in **one sentence**: who, what they do, what changes.',
    'If you can\'t, the scene is not clear yet, and Sora will not make it clearer. The logline opens',
    'the compiled prompt and keeps every shot pointed at the same story.',
    '',
    'The quick fix inserts `logline:` with a placeholder sentence to replace.',
  ].join('\n'),
  check(context) {
    const { storyboard, lines } = context;
    const logline = storyboard.logline;
    if (logline?.value?.text.trim()) return;
    if (logline) {
      const at = logline.value?.range ?? { start: logline.headerRange.end, end: logline.headerRange.end };
      context.report({
        range: logline.headerRange,
        message: 'The logline is empty: describe the scene in one sentence (who, what they do, what changes).',
        fixes: [{ title: 'Insert a logline to fill in', edits: [{ range: at, newText: `${logline.value ? '' : ' '}${loglinePlaceholder}` }], safe: false, preferred: true }],
      });
      return;
    }
    const scene = storyboard.scene;
    const first = storyboard.sections[0];
    const line = `logline: ${loglinePlaceholder}`;
    const edit = scene
      ? insertLinesAfter(lines, scene.range.end.line, [line])
      : first
        ? insertLinesBefore(lines, first.headerRange.start.line, [line])
        : insertLinesAfter(lines, lines.lineCount - 1, [line]);
    context.report({
      range: topRange(context),
      message: 'There is no logline. Can you describe the scene in one sentence? Add `logline:` with it; it opens the prompt and keeps every shot on the same story.',
      // A placeholder the writer must replace: never applied blindly.
      fixes: [{ title: 'Insert `logline:` to fill in', edits: [edit], safe: false, preferred: true }],
    });
  },
  cases: [
    {
      name: 'no logline',
      trigger: edit(clean, ['logline: A fisherman mends his net as the fog lifts.\n', '']),
      underlines: 'scene 05 "Harbour"',
      fixed: [['scene 05 "Harbour"', 'scene 05 "Harbour"\nlogline: <who wants what, and what happens, in one sentence>']],
      nearMisses: [
        { name: 'a logline', text: clean },
      ],
    },
  ],
};
