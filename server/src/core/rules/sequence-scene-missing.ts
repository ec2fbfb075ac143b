import { baseName } from '../files';
import { folderOf, sceneEntries } from '../sequence';
import { nearest } from '../text';
import { replace } from './edits';
import type { Rule } from './types';
import { edit, cleanSequence, asSequence } from './cases';

const scenes = '  scenes: scene05.sora, scene06.sora';

export const sequenceSceneMissingRule: Rule = {
  code: 'sequence-scene-missing',
  severity: 'error',
  summary: 'a scene listed under `scenes:` does not exist',
  explanation: [
    'A sequence\'s `scenes:` entries are scene files relative to the sequence file, in film order.',
    'An entry with no file behind it is a hole in the film: the board, the shot list, the timeline and',
    'the rough cut all skip it, and no scene inherits the sequence\'s settings, style and cast through it.',
    '',
    'Fix the name (the quick fix offers the nearest `.sora` file in that folder), or create the scene.',
  ].join('\n'),
  check(context) {
    const { files, documentPath, storyboard } = context;
    if (!files || !documentPath || !storyboard.sequence) return;
    const entries = sceneEntries({ path: documentPath, storyboard });
    const listed = new Set(entries.map(({ path }) => path));
    for (const { entry, path } of entries) {
      if (files.exists(path)) continue;
      const folder = folderOf(path);
      // A scene already in the film is no fix: it would only be listed twice.
      const candidates = (files.list?.(folder) ?? []).filter(
        (name) => name.toLowerCase().endsWith('.sora') && !listed.has(`${folder}/${name}`) && `${folder}/${name}` !== documentPath,
      );
      const written = baseName(entry.text);
      const closest = nearest(written, candidates);
      const replacement = closest ? entry.text.slice(0, entry.text.length - written.length) + closest : undefined;
      context.report({
        range: entry.range,
        message: `There is no scene file "${entry.text}" (looked for ${path})${replacement ? `; did you mean "${replacement}"?` : '.'} The film has a hole here: fix the name or create the scene.`,
        fixes: replacement ? [{ title: `Change to "${replacement}"`, edits: [replace(entry.range, replacement)], safe: false, preferred: true }] : [],
      });
    }
  },
  cases: [
    {
      name: 'a misspelt scene file',
      trigger: edit(cleanSequence, [scenes, '  scenes: scene05.sora, scene6.sora']),
      underlines: 'scene6.sora',
      setup: asSequence,
      fixed: [['  scenes: scene05.sora, scene6.sora', '  scenes: scene05.sora, scene06.sora']],
      nearMisses: [
        { name: 'every scene there', text: cleanSequence, setup: asSequence },
        { name: 'no file access (silent)', text: edit(cleanSequence, [scenes, '  scenes: scene05.sora, scene6.sora']) },
      ],
    },
  ],
};
