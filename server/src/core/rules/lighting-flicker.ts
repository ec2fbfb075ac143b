import type { Text } from '../ast';
import type { Fix, TextEdit } from '../diagnostics';
import { fieldOf } from '../model';
import { splitList } from '../parse';
import { consistentLighting, hasConsistentLighting, isCameraMovement, tokenize } from '../words';
import { appendToValue, insertFields, insertSection } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

export const lightingFlickerRule: Rule = {
  code: 'lighting-flicker',
  severity: 'info',
  summary: 'a moving camera while the style\'s lighting lacks `consistent lighting`',
  explanation: [
    'When the camera moves (pan, dolly, push in, handheld, …), Sora re-lights the scene from frame to',
    'frame, and light flickers or shifts across the shot. Saying `consistent lighting` in the style\'s',
    'lighting line is the tested way to hold it steady; a static camera avoids the problem altogether.',
    '',
    'Append `consistent lighting` to the style\'s lighting, or make the camera static.',
  ].join('\n'),
  check(context) {
    const style = context.storyboard.style;
    const lighting = fieldOf(style, 'lighting')?.value;
    if (lighting && hasConsistentLighting(lighting.text)) return;
    for (const beat of context.storyboard.beats) {
      const camera = fieldOf(beat, 'camera')?.value;
      if (!camera) continue;
      const items = splitList(camera);
      const moving = items.filter((item) => tokenize(item.text).some(isCameraMovement));
      if (!moving.length) continue;
      const first = moving[0];
      const makeStatic: TextEdit[] = [{ range: first.range, newText: 'static' }];
      // Further movements go too, with the comma before each.
      for (const item of moving.slice(1)) {
        const previous = items[items.indexOf(item) - 1];
        makeStatic.push({ range: { start: previous.range.end, end: item.range.end }, newText: '' });
      }
      context.report({
        range: first.range,
        message: lighting
          ? `Beat ${beat.index}'s camera moves ("${first.text}") but the style's lighting does not say "consistent lighting"; a moving camera is when Sora's light flickers. Add it to the lighting, or keep the camera static.`
          : `Beat ${beat.index}'s camera moves ("${first.text}") and the style sets no lighting; a moving camera is when Sora's light flickers. Add \`lighting: … , consistent lighting\` to the style, or keep the camera static.`,
        fixes: [
          appendConsistent(context, lighting),
          { title: `Make beat ${beat.index}'s camera static`, edits: makeStatic, safe: false },
        ],
      });
    }
  },
  cases: [
    {
      name: 'a push-in without consistent lighting',
      trigger: edit(clean, ['lighting: misty morning, consistent lighting', 'lighting: misty morning']),
      underlines: 'slow push in',
      fixed: [['  lighting: misty morning', '  lighting: misty morning, consistent lighting']],
      nearMisses: [
        { name: 'consistent lighting', text: clean },
        { name: 'static cameras only', text: edit(clean, ['lighting: misty morning, consistent lighting', 'lighting: misty morning'], ['wide, slow push in', 'wide, static']) },
      ],
    },
  ],
};

function appendConsistent(context: RuleContext, lighting: Text | undefined): Fix {
  const title = 'Append "consistent lighting" to the style\'s lighting';
  // Appending a stabilizer to an existing lighting line loses nothing the writer said: safe.
  if (lighting) return { title, edits: [appendToValue(lighting, consistentLighting)], safe: true, preferred: true };
  const style = context.storyboard.style;
  const line = `lighting: ${consistentLighting}`;
  const edit = style ? insertFields(context, style, [line]) : insertSection(context, ['settings', 'logline', 'scene'], ['style', `  ${line}`]);
  return { title: 'Add `lighting: consistent lighting` to the style', edits: [edit], safe: false, preferred: true };
}
