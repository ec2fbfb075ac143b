import { fieldOf } from '../model';
import { replace } from './edits';
import { insertFields, judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const cameraMissingRule: Rule = {
  code: 'camera-missing',
  severity: 'warning',
  scope: 'beat',
  summary: 'a beat has no camera',
  explanation: [
    'Every shot needs a camera: a shot size (wide, medium, close-up, …) and optionally one movement',
    '(static, slow push in, pan left, …). Without it Sora picks the framing itself, differently in every',
    'take, and the cut from one beat to the next is left to chance.',
    '',
    'When in doubt, `medium, static` is the safe default: a still camera also keeps lighting and',
    'identity steadier.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      const camera = fieldOf(beat, 'camera');
      if (camera?.value.text.trim()) continue;
      // A framing is a creative choice; `medium, static` is a sensible start, not the writer's intent.
      const fix = camera
        ? { title: 'Set `camera: medium, static`', edits: [replace(camera.value.range, 'medium, static')], safe: false, preferred: true }
        : { title: 'Insert `camera: medium, static`', edits: [insertFields(context, beat, ['camera: medium, static'])], safe: false, preferred: true };
      context.report({
        range: beat.headerRange,
        message: `Beat ${beat.index} has no camera, so Sora picks the framing on its own in every take. Add \`camera:\` with a shot size and a movement, such as \`medium, static\`.`,
        fixes: [fix],
      });
    }
  },
  cases: [
    {
      name: 'no camera',
      trigger: edit(clean, ['  camera: close-up, static\n', '']),
      underlines: 'beat 4s The knot',
      fixed: [['  emotion: focused', '  emotion: focused\n  camera: medium, static']],
      nearMisses: [
        { name: 'a camera', text: clean },
      ],
    },
  ],
};
