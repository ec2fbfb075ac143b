import { lockedSettings } from '../vocabulary';
import { contradictions, removeLine, sequenceName } from './continuity';
import type { Rule } from './types';
import { clean, edit, withModel, cleanSequence, inSequence } from './cases';

function sequenceWithModel(id: string): string {
  return edit(cleanSequence, ['  resolution: 1080p', `  resolution: 1080p\n  model: ${id}`]);
}

export const continuitySettingsRule: Rule = {
  code: 'continuity-settings',
  severity: 'warning',
  summary: 'a scene sets aspect, resolution or model other than its sequence\'s',
  explanation: [
    'A sequence locks `aspect`, `resolution` and `model` for every scene it lists: a film cut from',
    'clips of two shapes, two sharpnesses or two models does not hold together. A scene may still set',
    'its own `duration`.',
    '',
    'Remove the setting from the scene (the quick fix does) so it inherits the sequence\'s; or, if the',
    'whole film should change, change it in the sequence.',
  ].join('\n'),
  check(context) {
    const own = context.ownStoryboard?.settings;
    for (const { own: field, locked } of contradictions(context, own, context.sequence?.storyboard.settings, lockedSettings)) {
      context.report({
        range: field.value.range,
        message: `This scene sets ${field.key} to "${field.value.text}", but its sequence ${sequenceName(context)} locks it to "${locked.value.text}" for every scene. Remove it here to inherit the sequence's.`,
        fixes: [{ title: `Remove "${field.key}" from the scene (inherit "${locked.value.text}")`, edits: [removeLine(context, field)], safe: false, preferred: true }],
      });
    }
  },
  cases: [
    {
      name: 'another model',
      trigger: withModel('kling-3.0'),
      underlines: 'kling-3.0',
      setup: inSequence(sequenceWithModel('veo-3.1')),
      fixed: [['  model: kling-3.0\n', '']],
      nearMisses: [
        { name: 'its own duration against the sequence\'s', text: clean, setup: inSequence(edit(cleanSequence, ['  resolution: 1080p', '  resolution: 1080p\n  duration: 10s'])) },
        { name: 'no sequence', text: withModel('kling-3.0') },
      ],
    },
  ],
};
