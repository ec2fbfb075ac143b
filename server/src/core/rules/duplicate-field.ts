import type { Field } from '../ast';
import type { Fix } from '../diagnostics';
import { sectionFields } from '../vocabulary';
import { deleteLine } from './edits';
import { distinctSections, judgedSections } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const duplicateFieldRule: Rule = {
  code: 'duplicate-field',
  severity: 'warning',
  scope: 'beat',
  linesInMessages: true,
  summary: 'the same field twice in one section',
  explanation: [
    'A section sets each field once. With two `camera:` lines in a beat (or two `duration:` lines in',
    '`settings`), only one reaches the prompt and the other is silently ignored: for `anchors`, `cameo`',
    'and `consent` the later one counts, for every other field the first.',
    '',
    'Keep the one you mean. The quick fix removes the copy that is not used; it is applied',
    'automatically (`sora check --fix`) only when both say the same thing.',
  ].join('\n'),
  check(context) {
    for (const section of distinctSections(judgedSections(context))) {
      const allowed: readonly string[] = sectionFields[section.kind];
      // Sections hold a handful of fields: a scan of the earlier ones beats a Map per section.
      const seen: Field[] = [];
      // The character section keeps the last anchors/cameo/consent; every other section the first.
      const laterWins = section.kind === 'character';
      for (const field of section.fields) {
        if (!allowed.includes(field.key)) continue;
        // `scenes:` lines append to each other: a second one is the next scenes of the film.
        if (section.kind === 'sequence') continue;
        const earlier = seen.find((other) => other.key === field.key);
        if (!earlier) {
          seen.push(field);
          continue;
        }
        const same = normalize(earlier.value.text) === normalize(field.value.text);
        const first = earlier.range.start.line + 1;
        const message = same
          ? `"${field.key}" is set twice with the same value (first on line ${first}); remove this copy.`
          : laterWins
            ? `"${field.key}" is set twice (first on line ${first}) and only this later one is used; keep the one you mean and remove the other.`
            : `"${field.key}" is set twice and only the first (line ${first}) is used, so this one is ignored; keep the one you mean and remove the other.`;
        const removeLater: Fix = {
          title: `Remove this "${field.key}" (line ${field.range.start.line + 1})`,
          edits: [deleteLine(context.lines, field.range.start.line)],
          // Removing an identical copy loses nothing; removing a different value needs the writer's eye.
          safe: same,
          preferred: same || !laterWins,
        };
        const removeEarlier: Fix = {
          title: `Keep this one, remove line ${earlier.range.start.line + 1}`,
          edits: [deleteLine(context.lines, earlier.range.start.line)],
          safe: false,
          preferred: !same && laterWins,
        };
        context.report({ range: field.name.range, message, fixes: same ? [removeLater] : [removeLater, removeEarlier] });
      }
    }
  },
  cases: [
    {
      name: 'aspect twice',
      trigger: edit(clean, ['  audio: voice, ambience', '  audio: voice, ambience\n  aspect: 9:16']),
      underlines: 'aspect', occurrence: 2,
      fixed: [['  aspect: 9:16\n', '']],
      nearMisses: [
        { name: 'the same field in two beats', text: clean },
      ],
    },
  ],
};

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
