import type { CharacterSection } from '../ast';
import type { TextEdit } from '../diagnostics';
import { fieldOf } from '../model';
import { normalizedValue, sequenceName } from './continuity';
import { replace } from './edits';
import type { Rule, RuleContext } from './types';
import { clean, edit, inSequence } from './cases';

export const continuityAnchorsRule: Rule = {
  code: 'continuity-anchors',
  severity: 'warning',
  summary: 'a scene redefines a sequence character with other anchors',
  explanation: [
    'A character\'s anchors are what keeps the same face and clothes from clip to clip. In a sequence the',
    'cast is defined once and every scene inherits it; a scene that defines the character again with',
    'other anchors gives that scene a different person, and the film drifts at the cut.',
    '',
    'Use the sequence\'s anchors (the first quick fix), or remove the local definition so the scene',
    'inherits it. A deliberate change of costume belongs in the sequence, or in a variant.',
  ].join('\n'),
  check(context) {
    const locked = context.sequence?.storyboard.characters ?? [];
    for (const character of context.ownStoryboard?.characters ?? []) {
      const name = character.name?.text;
      const inSequence = locked.find((other) => other.name?.text === name);
      if (!name || !inSequence || !fieldOf(character, 'anchors')) continue;
      if (sameAnchors(character, inSequence)) continue;
      const anchorsField = [...character.fields].reverse().find((field) => field.key === 'anchors');
      const wanted = inSequence.anchors.map((anchor) => anchor.text).join(', ');
      const fixes = [];
      if (anchorsField && wanted) {
        fixes.push({ title: `Use ${sequenceName(context)}'s anchors: "${wanted}"`, edits: [replace(anchorsField.value.range, wanted)], safe: false, preferred: true });
      }
      fixes.push({ title: `Remove this scene's definition of ${name} (inherit it)`, edits: [removeSection(context, character)], safe: false, preferred: false });
      context.report({
        range: character.name?.range ?? character.headerRange,
        message: `${name} is defined by the sequence ${sequenceName(context)} with the anchors "${wanted}", and again here with "${character.anchors.map((a) => a.text).join(', ')}": two looks for one character. Use the sequence's anchors, or remove this definition.`,
        fixes,
      });
    }
  },
  cases: [
    {
      name: 'Ivo redefined in a blue coat',
      trigger: edit(clean, ['orange oilskin coat', 'blue oilskin coat']),
      underlines: 'Ivo',
      setup: inSequence(),
      fixed: [['  anchors: grey beard, blue oilskin coat, knitted cap', '  anchors: grey beard, orange oilskin coat, knitted cap']],
      nearMisses: [
        { name: 'the same anchors in another order and case', text: edit(clean, ['grey beard, orange oilskin coat, knitted cap', 'Knitted cap, grey beard,  orange oilskin coat']), setup: inSequence() },
        { name: 'no sequence', text: edit(clean, ['orange oilskin coat', 'blue oilskin coat']) },
      ],
    },
  ],
};

function sameAnchors(a: CharacterSection, b: CharacterSection): boolean {
  const key = (character: CharacterSection) => character.anchors.map((anchor) => normalizedValue(anchor.text)).sort().join('\n');
  return key(a) === key(b);
}

/** The section's lines, from its header to its last line, with the line break after them. */
function removeSection(context: RuleContext, section: CharacterSection): TextEdit {
  const first = section.headerRange.start.line;
  const last = section.range.end.line;
  if (last + 1 < context.lines.lineCount) return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  return { range: { start: { line: first, character: 0 }, end: { line: last, character: context.lines.lineText(last).length } }, newText: '' };
}
