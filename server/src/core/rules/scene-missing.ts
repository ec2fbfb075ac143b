import { baseName } from '../files';
import { insertLinesBefore } from './edits';
import { topRange } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const sceneMissingRule: Rule = {
  code: 'scene-missing',
  severity: 'warning',
  summary: 'no `scene` header (takes can\'t be named)',
  explanation: [
    'The `scene ID "TITLE"` header names the scene. Its ID names every take you generate from it:',
    '`scene 09` → `scene09_take01.mp4`, `scene09_take02.mp4`, …, which is how the take log, the',
    'score grid and remixes find the right videos.',
    '',
    'Without it takes can\'t be named or logged. The quick fix takes the ID from the file name',
    '(`scene07.sora` → `scene 07`).',
  ].join('\n'),
  check(context) {
    if (context.storyboard.scene) return;
    const id = sceneIdFromPath(context.documentPath);
    const line = firstContentLine(context);
    context.report({
      range: topRange(context),
      message: `This storyboard has no \`scene\` header, so its takes can't be named. Start the file with \`scene ${id ?? 'ID'} "TITLE"\`.`,
      fixes: [
        {
          title: `Insert \`scene ${id ?? '01'}\``,
          edits: [insertLinesBefore(context.lines, line, [`scene ${id ?? '01'}`])],
          // From the file name, the ID is the one the takes are already named by: nothing to decide.
          safe: id !== undefined,
          preferred: true,
        },
      ],
    });
  },
  cases: [
    {
      name: 'no scene header',
      trigger: edit(clean, ['scene 05 "Harbour"\n', '']),
      underlines: 'logline: A fisherman mends his net as the fog lifts.',
      setup: { documentPath: '/work/scenes/scene05.sora' },
      fixed: [['// Harbour, scene 05', '// Harbour, scene 05\nscene 05']],
      nearMisses: [
        { name: 'a scene header', text: clean },
      ],
    },
  ],
};

/** `.../scene07.sora` → `07`; `.../Scene_12b.sora` → `12b`. */
export function sceneIdFromPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const match = /^scene[\s_-]*([A-Za-z0-9]+)\.sora$/i.exec(baseName(path));
  return match ? match[1] : undefined;
}

/** The first line that is neither blank nor a comment (the header goes before it, after the file's leading comment). */
function firstContentLine(context: Parameters<Rule['check']>[0]): number {
  const first = context.storyboard.sections[0];
  if (first) return first.headerRange.start.line;
  let line = 0;
  while (line < context.lines.lineCount - 1 && (context.lines.lineText(line).trim().startsWith('//') || !context.lines.lineText(line).trim())) line++;
  return line;
}
