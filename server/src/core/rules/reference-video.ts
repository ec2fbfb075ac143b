import { referenceExtension, videoExtensions } from './reference-format';
import type { Rule } from './types';

export const referenceVideoRule: Rule = {
  code: 'reference-video',
  severity: 'error',
  summary: 'a reference to a video (video→video is not supported: use a variant of a take)',
  explanation: [
    'A `reference:` is a still image that sets the look or a character (png, jpg, jpeg, webp). Sora',
    '2 does not take a video as input to a new generation.',
    '',
    'To change a video you already have, log it as a take and branch a **variant** from it',
    '(`variant warmer from take02`): it compiles to a remix instruction for that take.',
  ].join('\n'),
  check(context) {
    for (const reference of context.storyboard.references) {
      const path = reference.path;
      if (!path) continue;
      const extension = referenceExtension(path.text);
      if (!videoExtensions.has(extension)) continue;
      context.report({
        range: path.range,
        message: `"${path.text}" is a video; a reference must be a still image. To rework a video, log it as a take and branch a variant from it (\`variant NAME from takeNN\`).`,
      });
    }
  },
};
