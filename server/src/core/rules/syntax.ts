import type { Rule } from './types';
import { clean, edit } from './cases';

export const syntaxRule: Rule = {
  code: 'syntax',
  severity: 'error',
  summary: 'a line that parses as nothing',
  explanation: [
    'This line is not one the storyboard language knows, so it is left out of the prompt.',
    '',
    'A line is a section header (`scene`, `logline:`, `settings`, `style`, `character NAME`, `reference:`,',
    '`beat 4s TITLE`, `variant NAME from BASE`), a field (`name: value`), a `say NAME @1s "LINE"` line, or,',
    'inside a variant, an override such as `beat 2 camera: close-up, static`. Comments start with `//`.',
    '',
    'Only this line is affected: the rest of the file is still checked.',
  ].join('\n'),
  check(context) {
    for (const error of context.storyboard.syntaxErrors) {
      context.report({ range: error.range, message: error.message });
    }
  },
  cases: [
    {
      name: 'a line that is nothing',
      trigger: edit(clean, ['  emotion: patient', '  emotion: patient\n  ???']),
      underlines: '???',
      nearMisses: [
        { name: 'the clean storyboard', text: clean },
      ],
    },
  ],
};
