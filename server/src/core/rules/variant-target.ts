import { overridableFields } from '../vocabulary';
import { nearest } from '../text';
import { replace } from './edits';
import type { Rule } from './types';
import { withVariants } from './cases';

export const variantTargetRule: Rule = {
  code: 'variant-target',
  severity: 'error',
  summary: 'an override names a beat, field or character that does not exist',
  explanation: [
    'An override changes one thing of its base: `beat N FIELD: VALUE` (a beat that exists, one of its',
    'fields), `style FIELD: VALUE` (palette, lighting, look, avoid), `settings FIELD: VALUE` (aspect, resolution,',
    'duration, audio, model) or `character NAME anchors: VALUE`.',
    '',
    'An override that points at nothing would silently change nothing in the compiled prompt.',
  ].join('\n'),
  check(context) {
    const beatCount = context.storyboard.beats.length;
    for (const variant of context.storyboard.variants) {
      for (const override of variant.overrides) {
        if (override.beat && (override.beat.number < 1 || override.beat.number > beatCount)) {
          context.report({
            range: override.beat.range,
            message: `There is no beat ${override.beat.number}: this storyboard has ${beatCount} beat${beatCount === 1 ? '' : 's'}.`,
          });
        }
        const allowed: readonly string[] = overridableFields[override.target];
        const field = override.field.text.toLowerCase();
        if (!allowed.includes(field)) {
          const suggestion = nearest(field, allowed);
          context.report({
            range: override.field.range,
            message: `A ${override.target} override can change ${allowed.join(', ')}; "${override.field.text}" is none of them.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
            fixes: suggestion
              ? [{ title: `Change to "${suggestion}"`, edits: [replace(override.field.range, suggestion)], safe: true, preferred: true }]
              : [],
          });
        }
      }
    }
  },
  cases: [
    {
      name: 'a beat that does not exist',
      trigger: withVariants('variant a from main\n  beat 7 camera: wide, static'),
      underlines: '7',
      nearMisses: [
        { name: 'beat 3', text: withVariants('variant a from main\n  beat 3 camera: wide, static') },
      ],
    },
  ],
};
