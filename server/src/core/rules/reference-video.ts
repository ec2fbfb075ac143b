import type { ReferenceSection } from '../ast';
import type { Fix } from '../diagnostics';
import { replace } from './edits';
import { referenceExtension, videoExtensions } from './reference-format';
import type { Rule } from './types';
import { withReference } from './cases';

export const referenceVideoRule: Rule = {
  code: 'reference-video',
  severity: 'error',
  summary: 'a reference to a video (video→video is not supported: use a variant of a take)',
  explanation: [
    'A `reference:` is a still image that sets the look or a character (png, jpg, jpeg, webp). Sora',
    '2 does not take a video as input to a new generation.',
    '',
    'To change a video you already have, log it as a take and branch a **variant** from it',
    '(`variant warmer from take02`): it compiles to a remix instruction for that take. The quick fix',
    'turns the reference into a comment that says so.',
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
        fixes: [iterateNoteFix(context.lines.lineText(reference.headerRange.start.line), reference)],
      });
    }
  },
  cases: [
    {
      name: 'an mp4 reference',
      trigger: withReference('refs/take.mp4'),
      underlines: 'refs/take.mp4',
      fixed: [['reference: refs/take.mp4', '// refs/take.mp4 is a video, not a reference: log it as a take (Sora: Log Take), then branch a variant from it (variant NAME from takeNN) and remix that take.']],
      nearMisses: [
        { name: 'a png', text: withReference('refs/harbour.png') },
      ],
    },
  ],
};

/** The reference line replaced by a comment on how to iterate on a video instead. */
function iterateNoteFix(lineText: string, reference: ReferenceSection): Fix {
  const line = reference.headerRange.start.line;
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  const note = `${indent}// ${reference.path!.text} is a video, not a reference: log it as a take (Sora: Log Take), then branch a variant from it (variant NAME from takeNN) and remix that take.`;
  return {
    title: 'Replace with a note: iterate on the video as a take instead',
    edits: [replace({ start: { line, character: 0 }, end: { line, character: lineText.length } }, note)],
    safe: false,
    preferred: true,
  };
}
