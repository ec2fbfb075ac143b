import { resolveRelativePath } from '../files';
import type { Rule } from './types';

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
  ].join('\n'),
  check(context) {
    const { files, documentPath } = context;
    if (!files || !documentPath) return;
    for (const reference of context.storyboard.references) {
      const path = reference.path;
      if (!path?.text.trim()) continue;
      const resolved = resolveRelativePath(documentPath, path.text.trim());
      if (files.exists(resolved)) continue;
      context.report({
        range: path.range,
        message: `There is no file at "${path.text}" (looked for ${resolved}); the scene would be generated without its reference. Fix the path, or put the image there.`,
      });
    }
  },
};
