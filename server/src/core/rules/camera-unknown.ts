import type { BeatSection, Text } from '../ast';
import type { Fix } from '../diagnostics';
import { fieldOf } from '../model';
import { splitList } from '../parse';
import { editDistance } from '../text';
import { cameraMovements, shotSizes } from '../vocabulary';
import { isCameraMovement, namesShotSize, tokenize, tokensOf, type Token } from '../words';
import { replace } from './edits';
import { rangeIn, judgedBeats } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

const sizes: readonly string[] = shotSizes.filter((size) => size !== 'CU' && size !== 'ECU');

export const cameraUnknownRule: Rule = {
  code: 'camera-unknown',
  severity: 'info',
  scope: 'beat',
  summary: 'no known shot size in `camera`, or a movement word Sora does not know',
  explanation: [
    '`camera` starts with a shot size, then optionally a movement: `close-up, slow pan left`.',
    '',
    'Shot sizes: extreme wide, wide, full, medium wide, medium, medium close-up, close-up (CU), extreme',
    'close-up (ECU), over-the-shoulder, POV, insert. Movements: static, pan left/right, tilt up/down,',
    'dolly in/out, push in, pull out, tracking, handheld, crane, orbit, zoom in/out, qualified by `slow`',
    'or `fast`.',
    '',
    'These are the words Sora follows reliably; a camera without a shot size leaves the framing to chance,',
    'and a word in the movement Sora does not know (`static wobble`) is read as anything or nothing.',
    'What follows a direction word (`push in toward the lamp`) is where the camera goes, and is not checked.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      const camera = fieldOf(beat, 'camera')?.value;
      if (!camera?.text.trim()) continue;
      if (namesShotSize(tokensOf(camera))) {
        checkMovements(context, beat, camera);
        continue;
      }
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
  cases: [
    {
      name: 'no shot size',
      trigger: edit(clean, ['camera: close-up, static', 'camera: closish, static']),
      underlines: 'closish, static',
      fixed: [['  camera: closish, static', '  camera: close-up, static']],
      nearMisses: [
        { name: '"close up" spelt apart', text: edit(clean, ['camera: close-up, static', 'camera: close up, static']) },
      ],
    },
    {
      name: 'a movement word Sora does not know',
      trigger: edit(clean, ['camera: close-up, static', 'camera: close-up, static wobble']),
      underlines: 'wobble',
      fixed: [['  camera: close-up, static wobble', '  camera: close-up, static']],
      nearMisses: [
        { name: 'a known movement with a target', text: edit(clean, ['camera: close-up, static', 'camera: close-up, slow push in toward the knot']) },
        { name: 'a qualified whip pan', text: edit(clean, ['camera: close-up, static', 'camera: close-up, fast whip pan']) },
      ],
    },
  ],
};

/** Words a camera movement is made of, besides the moving words themselves (`pan`, `dolly`, …). */
const movementWords = new Set([
  ...cameraMovements.flatMap((movement) => movement.split(' ')),
  'slow', 'slowly', 'fast', 'quick', 'quickly', 'gentle', 'gently', 'smooth', 'smoothly', 'steady', 'subtle', 'rapid',
  'locked-off', 'locked', 'off', 'still', 'fixed', 'static', 'shot', 'camera', 'and', 'then', 'a', 'the',
  'left', 'right', 'up', 'down', 'in', 'out', 'forward', 'back', 'backward', 'backwards', 'around', 'sideways',
  // "keeping pace": a follow move as writers paraphrase it.
  'keeping', 'keeps', 'pace',
]);
/** After one of these the words say where the camera goes (`toward the lamp`): not movement words. */
const targetLeadIns = new Set(['to', 'toward', 'towards', 'into', 'onto', 'across', 'over', 'past', 'through', 'from', 'on', 'at', 'behind', 'above', 'below', 'along', 'with', 'as', 'until', 'revealing', 'following', 'of',
  // Where the camera is relative to the subject (`tracking alongside her`, `ahead of him`): no more movement words follow.
  'alongside', 'beside', 'ahead', 'next', 'near', 'her', 'him', 'them', 'it']);

/** Words in the movement items of a camera that names a shot size: each should be one Sora knows. */
function unknownMovementWords(item: string): Token[] {
  const unknown: Token[] = [];
  for (const token of tokensOf({ text: item })) {
    if (targetLeadIns.has(token.lower)) break;
    if (movementWords.has(token.lower) || isCameraMovement(token) || /^\d/.test(token.lower)) continue;
    unknown.push(token);
  }
  return unknown;
}

function checkMovements(context: RuleContext, beat: BeatSection, camera: Text): void {
  for (const item of splitList(camera)) {
    if (namesShotSize(tokensOf(item))) continue;
    const unknown = unknownMovementWords(item.text);
    if (!unknown.length) continue;
    const words = unknown.map((token) => `"${token.text}"`).join(', ');
    const itemValue: Text = { text: item.text, range: item.range };
    const fixes: Fix[] = [];
    const kept = removeWords(item.text, unknown);
    if (kept) fixes.push({ title: `Remove ${words}: "${kept}"`, edits: [replace(item.range, kept)], safe: false, preferred: true });
    else {
      const ranked = cameraMovements
        .map((movement) => ({ movement, distance: editDistance(item.text.toLowerCase(), movement) }))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 2);
      for (const [i, { movement }] of ranked.entries()) fixes.push({ title: `Change "${item.text}" to "${movement}"`, edits: [replace(item.range, movement)], safe: false, preferred: i === 0 });
    }
    const first = unknown[0];
    context.report({
      range: rangeIn(itemValue, first.start, unknown[unknown.length - 1].end),
      message: `Beat ${beat.index}'s camera movement "${item.text}": ${words} ${unknown.length === 1 ? 'is not a camera word' : 'are not camera words'} Sora knows. Use static, pan left/right, tilt up/down, dolly in/out, push in, pull out, tracking, handheld, crane, orbit or zoom in/out (slow or fast).`,
      fixes,
    });
  }
}

/** The item with the unknown words taken out, blanks tidied. */
function removeWords(text: string, remove: readonly Token[]): string {
  let result = '';
  let at = 0;
  for (const token of remove) {
    result += text.slice(at, token.start);
    at = token.end;
  }
  return (result + text.slice(at)).replace(/\s+/g, ' ').trim();
}
