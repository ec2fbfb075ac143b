import { sectionFields } from '../vocabulary';
import { contradictions, removeLine, sequenceName } from './continuity';
import { replace } from './edits';
import type { Rule } from './types';
import { clean, edit, cleanSequence, inSequence } from './cases';

export const continuityStyleRule: Rule = {
  code: 'continuity-style',
  severity: 'warning',
  summary: 'a scene sets a style field to something other than its sequence\'s',
  explanation: [
    'Style drifts between clips unless it is locked: the same palette, lighting and look words in every',
    'scene are what make separate generations read as one film. A scene of a sequence inherits its',
    'style; one that sets `palette`, `lighting` or `look` to other words breaks the look at that cut.',
    '',
    'Remove the field from the scene to inherit the sequence\'s, or, if the new words are better for the',
    'whole film, move them into the sequence (the second quick fix edits both files).',
  ].join('\n'),
  check(context) {
    const own = context.ownStoryboard?.style;
    for (const { own: field, locked, sequencePath } of contradictions(context, own, context.sequence?.storyboard.style, sectionFields.style)) {
      const remove = removeLine(context, field);
      context.report({
        range: field.value.range,
        message: `This scene's ${field.key} is "${field.value.text}", but its sequence ${sequenceName(context)} has "${locked.value.text}": the look changes at this cut. Inherit the sequence's, or move these words into it.`,
        fixes: [
          { title: `Remove "${field.key}" from the scene (inherit "${locked.value.text}")`, edits: [remove], safe: false, preferred: true },
          {
            title: `Move "${field.value.text}" into ${sequenceName(context)} (every scene)`,
            edits: [remove],
            otherFiles: [{ path: sequencePath, edits: [replace(locked.value.range, field.value.text)] }],
            safe: false,
          },
        ],
      });
    }
  },
  cases: [
    {
      name: 'a palette of its own',
      trigger: edit(clean, ['palette: grey and ochre', 'palette: neon pink']),
      underlines: 'neon pink',
      setup: inSequence(),
      fixed: [['  palette: neon pink\n', '']],
      nearMisses: [
        { name: 'the same palette, spaced and cased differently', text: edit(clean, ['palette: grey and ochre', 'palette: Grey and  ochre']), setup: inSequence() },
        { name: 'a style field the sequence does not set', text: edit(clean, ['palette: grey and ochre', 'palette: neon pink']), setup: inSequence(edit(cleanSequence, ['  palette: grey and ochre\n', ''])) },
      ],
    },
  ],
};
