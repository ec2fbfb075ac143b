import type { TextEdit } from '../diagnostics';
import { fieldOf } from '../model';
import { filled, insertFields, insertSection, joinWords } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const stylePlaceholders = {
  palette: '<two or three colours>',
  lighting: '<one light source and time of day>, consistent lighting',
} as const;

export const styleMissingRule: Rule = {
  code: 'style-missing',
  severity: 'warning',
  summary: 'no palette or no lighting',
  explanation: [
    'The `style` section opens the compiled prompt and holds the scene together across shots:',
    '',
    '- **palette**: two or three colours the whole clip keeps;',
    '- **lighting**: one light source and time of day, ideally with `consistent lighting`;',
    '- **look**: at most two descriptors (film stock, grain, lens).',
    '',
    'Without a palette and a lighting line, each shot picks its own, and the cut between beats shows',
    'it. The quick fix inserts the missing field with a placeholder to fill in.',
  ].join('\n'),
  check(context) {
    const style = context.storyboard.style;
    const missing = (['palette', 'lighting'] as const).filter((key) => !filled(style, key));
    if (!missing.length) return;
    // An empty `palette:` line is filled in; a field that is not there at all is inserted.
    const emptyEdits: TextEdit[] = [];
    const absent: (keyof typeof stylePlaceholders)[] = [];
    for (const key of missing) {
      const empty = fieldOf(style, key);
      if (empty) emptyEdits.push({ range: { start: empty.name.range.end, end: empty.range.end }, newText: `: ${stylePlaceholders[key]}` });
      else absent.push(key);
    }
    const fieldLines = absent.map((key) => `${key}: ${stylePlaceholders[key]}`);
    const edits = [...emptyEdits];
    if (fieldLines.length) {
      edits.push(style ? insertFields(context, style, fieldLines) : insertSection(context, ['settings', 'logline', 'scene'], ['style', ...fieldLines.map((line) => `  ${line}`)]));
    }
    context.report({
      range: style ? style.headerRange : context.storyboard.settings?.headerRange ?? context.storyboard.scene?.headerRange ?? context.storyboard.sections[0]?.headerRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: style
        ? `The style has no ${joinWords(missing, 'and no')}: without ${missing.length === 1 ? 'it' : 'them'} each shot picks its own, and the cut between beats shows it.`
        : 'There is no `style` section: give the clip a palette and a lighting line so every shot shares them.',
      fixes: [{ title: `Insert ${joinWords(missing.map((key) => `\`${key}:\``))} to fill in`, edits, safe: false, preferred: true }],
    });
  },
  cases: [
    {
      name: 'no lighting',
      trigger: edit(clean, ['  lighting: misty morning, consistent lighting\n', '']),
      underlines: 'style',
      fixed: [['  look: 35mm, soft', '  look: 35mm, soft\n  lighting: <one light source and time of day>, consistent lighting']],
      nearMisses: [
        { name: 'palette and lighting', text: clean },
      ],
    },
  ],
};
