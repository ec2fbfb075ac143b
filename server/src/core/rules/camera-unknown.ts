import { fieldOf } from '../model';
import { splitList } from '../parse';
import { editDistance } from '../text';
import { shotSizes } from '../vocabulary';
import { isCameraMovement, namesShotSize, tokenize, tokensOf } from '../words';
import { replace } from './edits';
import type { Rule } from './types';

const sizes: readonly string[] = shotSizes.filter((size) => size !== 'CU' && size !== 'ECU');

export const cameraUnknownRule: Rule = {
  code: 'camera-unknown',
  severity: 'info',
  summary: 'no known shot size in `camera`',
  explanation: [
    '`camera` starts with a shot size, then optionally a movement: `close-up, slow pan left`.',
    '',
    'Shot sizes: extreme wide, wide, full, medium wide, medium, medium close-up, close-up (CU), extreme',
    'close-up (ECU), over-the-shoulder, POV, insert. Movements: static, pan left/right, tilt up/down,',
    'dolly in/out, push in, pull out, tracking, handheld, crane, orbit, zoom in/out, qualified by `slow`',
    'or `fast`.',
    '',
    'These are the words Sora follows reliably; a camera without a shot size leaves the framing to chance.',
  ].join('\n'),
  check(context) {
    for (const beat of context.storyboard.beats) {
      const camera = fieldOf(beat, 'camera')?.value;
      if (!camera?.text.trim() || namesShotSize(tokensOf(camera))) continue;
      const items = splitList(camera);
      const first = items[0];
      const firstIsMovement = first ? tokenize(first.text).some(isCameraMovement) || /\bstatic\b/i.test(first.text) : false;
      const fixes = [];
      if (first && !firstIsMovement) {
        const ranked = sizes
          .map((size) => ({ size, distance: editDistance(first.text.toLowerCase(), size.toLowerCase()) }))
          .sort((a, b) => a.distance - b.distance)
          .slice(0, 2);
        for (const [i, { size }] of ranked.entries()) {
          fixes.push({ title: `Change "${first.text}" to "${size}"`, edits: [replace(first.range, size)], safe: false, preferred: i === 0 });
        }
      } else if (first) {
        for (const [i, size] of ['medium', 'wide'].entries()) {
          fixes.push({ title: `Start with the shot size "${size}"`, edits: [replace({ start: first.range.start, end: first.range.start }, `${size}, `)], safe: false, preferred: i === 0 });
        }
      }
      context.report({
        range: camera.range,
        message: `Beat ${beat.index}'s camera "${camera.text}" names no shot size Sora knows. Start with one: wide, medium, close-up, … then the movement.`,
        fixes,
      });
    }
  },
};
