import { folderOf, workspaceFileStatus } from '../files';
import type { Rule } from './types';
import { withReference, onDisk } from './cases';

export const referenceMissingRule: Rule = {
  code: 'reference-missing',
  severity: 'warning',
  summary: 'the referenced file does not exist',
  explanation: [
    'A `reference:` path is relative to the storyboard (`refs/lighthouse.png` sits in a `refs` folder',
    'beside `scene09.sora`). If the file is not there, the scene is generated without its reference',
    'and the look it was meant to pin down is left to chance.',
    '',
    'Fix the path, or put the image where it points.',
    '',
    'Only files inside the storyboard\'s workspace folder are used: an absolute path, a `../` that',
    'climbs out of it, or a link that leads out is reported as outside the workspace and never looked at.',
  ].join('\n'),
  check(context) {
    const { files, documentPath } = context;
    if (!files || !documentPath) return;
    const root = context.workspaceRoot ?? folderOf(documentPath);
    for (const reference of context.storyboard.references) {
      const path = reference.path;
      if (!path?.text.trim()) continue;
      const found = workspaceFileStatus(root, documentPath, path.text, files);
      if (found.status === 'present') continue;
      context.report({
        range: path.range,
        message:
          found.status === 'outside'
            ? `The reference "${path.text}" ${found.reason}, so it is not used (or looked at). Copy the image into the workspace, e.g. a refs folder beside the storyboard.`
            : `There is no file at "${path.text}" (looked for ${found.path}); the scene would be generated without its reference. Fix the path, or put the image there.`,
      });
    }
  },
  cases: [
    {
      name: 'a reference that is not there',
      trigger: withReference('refs/nope.png'),
      underlines: 'refs/nope.png',
      setup: onDisk,
      nearMisses: [
        { name: 'a reference that is there', text: withReference('refs/harbour.png'), setup: onDisk },
        { name: 'no file access (silent)', text: withReference('refs/nope.png') },
      ],
    },
  ],
};
