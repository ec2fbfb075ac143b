import type { Range } from '../ast';
import type { Rule } from './types';
import { clean, edit } from './cases';

/**
 * `<hair colour and style>`: text in angle brackets that starts with a letter. Quick fixes and the
 * New Storyboard template write their fill-ins this way, so one rule can hold the writer to them.
 */
export const placeholderPattern = /<(\p{L}[^<>\r\n]*)>/gu;

export const placeholderRule: Rule = {
  code: 'placeholder',
  severity: 'warning',
  summary: 'a `<…>` placeholder still to fill in',
  explanation: [
    'Quick fixes and *New Storyboard* write what only you can say as a placeholder in angle brackets:',
    '`anchors: grey beard, <main garment and its colour>`. Until you replace it, the compiled prompt',
    'would send the placeholder to Sora word for word, in every shot it appears in.',
    '',
    'Replace the whole `<…>`, brackets included, with the real detail. In the editor a quick fix that',
    'writes placeholders puts the cursor on the first one; Tab moves to the next.',
  ].join('\n'),
  check(context) {
    const { lines } = context;
    // Only lines holding a `<` can hold a placeholder: found with one search of the text, not a regex per line.
    let previousLine = -1;
    for (let at = lines.text.indexOf('<'); at >= 0; at = lines.text.indexOf('<', at + 1)) {
      const line = lines.positionAt(at).line;
      if (line === previousLine) continue;
      previousLine = line;
      const text = lines.lineText(line);
      if (/^\s*\/\//.test(text)) continue;
      for (const match of text.matchAll(placeholderPattern)) {
        const start = match.index ?? 0;
        const range: Range = { start: { line, character: start }, end: { line, character: start + match[0].length } };
        context.report({
          range,
          message: `"${match[0]}" is a placeholder to fill in: the prompt would give it to Sora word for word. Replace it, brackets included.`,
        });
      }
    }
  },
  cases: [
    {
      name: 'an anchor placeholder left in',
      trigger: edit(clean, ['knitted cap', '<one distinctive detail>']),
      underlines: '<one distinctive detail>',
      nearMisses: [
        { name: 'the detail filled in', text: clean },
        { name: 'angle brackets in a comment', text: edit(clean, ['// Harbour, scene 05', '// Harbour <draft>, scene 05']) },
        { name: 'a "<3" in dialogue', text: edit(clean, ['"Almost there."', '"Almost there <3"']) },
      ],
    },
  ],
};
