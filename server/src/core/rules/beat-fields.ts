import type { BeatSection } from '../ast';
import { requiredBeatFields } from '../vocabulary';
import { insertLinesAfter, fieldIndent } from './edits';
import { filled, joinWords, judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

/** What an inserted field says until the writer fills it in. */
export const beatFieldPlaceholders: Record<(typeof requiredBeatFields)[number], string> = {
  subject: '<who or what the shot is about>',
  action: '<what happens>',
  setting: '<where it happens>',
  emotion: '<the mood>',
};

export const beatFieldsRule: Rule = {
  code: 'beat-fields',
  severity: 'warning',
  scope: 'beat',
  summary: 'a beat lacks subject, action, setting or emotion (one diagnostic naming all missing)',
  explanation: [
    'Each beat is one shot, and a shot Sora can follow says four things: the **subject** (who or',
    'what), the **action** (what they do), the **setting** (where) and the **emotion** (the mood).',
    'Whatever a beat leaves out, Sora fills in on its own, differently in every take, which makes',
    'takes impossible to compare.',
    '',
    'The quick fix inserts the missing fields with placeholder values to fill in.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      const missing = requiredBeatFields.filter((key) => !filled(beat, key));
      if (!missing.length) continue;
      context.report({
        range: beat.headerRange,
        message: `Beat ${beat.index} has no ${joinWords(missing, 'or')}. A shot Sora can follow says who, what, where and the mood; add ${missing.length === 1 ? 'it' : 'them'}, or Sora improvises ${missing.length === 1 ? 'it' : 'them'} differently in every take.`,
        // Placeholders to fill in: never applied blindly.
        fixes: [{ title: `Insert ${joinWords(missing.map((key) => `\`${key}:\``))}`, edits: insertMissing(context, beat, missing), safe: false, preferred: true }],
      });
    }
  },
  cases: [
    {
      name: 'a beat without setting and emotion',
      trigger: edit(clean, ['  setting: close on the net, wet rope\n  emotion: focused\n', '']),
      underlines: 'beat 4s The knot',
      fixed: [['  action: ties a knot with quick fingers', '  action: ties a knot with quick fingers\n  setting: <where it happens>\n  emotion: <the mood>']],
      nearMisses: [
        { name: 'all four fields', text: clean },
      ],
    },
  ],
};

/** Each missing field goes after the nearest field that precedes it in the usual order. */
function insertMissing(context: Parameters<typeof beatFieldsRule.check>[0], beat: BeatSection, missing: readonly string[]) {
  const indent = fieldIndent(context.lines, beat.fields.map((field) => field.range.start.line));
  const groups = new Map<number, string[]>();
  const edits = [];
  for (const key of missing) {
    const placeholder = beatFieldPlaceholders[key as keyof typeof beatFieldPlaceholders];
    const empty = beat.fields.find((field) => field.key === key);
    if (empty) {
      // `emotion:` with nothing after it: fill that line in rather than add a second one.
      edits.push({ range: { start: empty.name.range.end, end: empty.range.end }, newText: `: ${placeholder}` });
      continue;
    }
    let line = beat.headerRange.end.line;
    const order = requiredBeatFields as readonly string[];
    for (let i = order.indexOf(key) - 1; i >= 0; i--) {
      const before = beat.fields.find((field) => field.key === order[i]);
      if (before) {
        line = before.range.end.line;
        break;
      }
    }
    const group = groups.get(line) ?? [];
    group.push(`${indent}${key}: ${placeholder}`);
    groups.set(line, group);
  }
  return [...edits, ...[...groups].map(([line, fieldLines]) => insertLinesAfter(context.lines, line, fieldLines))];
}
