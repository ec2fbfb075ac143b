import { topRange } from './support';
import type { Rule } from './types';

export const beatCountRule: Rule = {
  code: 'beat-count',
  severity: 'warning',
  summary: 'fewer than 3 or more than 5 beats',
  explanation: [
    'A 12–15 s clip holds **3–5 beats** of 3–5 s each: enough for a beginning, a turn and an end.',
    '',
    '- Fewer than 3: Sora invents what happens in between, and the clip drifts.',
    '- More than 5: each beat gets too little time to read on screen, and Sora skips or merges them.',
    '',
    'Split a long beat, merge short ones, or split the scene into two clips.',
  ].join('\n'),
  check(context) {
    const beats = context.storyboard.beats;
    const count = beats.length;
    if (count >= 3 && count <= 5) return;
    if (count === 0) {
      context.report({ range: topRange(context), message: 'This storyboard has no beats yet: plan 3–5 timed beats (`beat 4s TITLE`) for the clip.' });
    } else if (count < 3) {
      context.report({
        range: beats[0].headerRange,
        message: `This storyboard has ${count} beat${count === 1 ? '' : 's'}; a clip needs 3–5, or Sora invents what happens in between. Split a beat or add one.`,
      });
    } else {
      context.report({
        range: beats[5].headerRange,
        message: `This storyboard has ${count} beats; a clip holds 3–5, and beats from here on get too little time to read. Merge beats or split the scene.`,
      });
    }
  },
};
