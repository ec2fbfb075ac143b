import { baseName } from '../files';
import type { Rule } from './types';
import { withReference } from './cases';

export const imageExtensions = new Set(['png', 'jpg', 'jpeg', 'webp']);
export const videoExtensions = new Set(['mp4', 'mov', 'm4v', 'webm', 'avi', 'mkv', 'wmv', 'flv', 'mpg', 'mpeg', '3gp', 'ogv', 'mts']);

/** `refs/Light.PNG` → `png`; `''` when the name has no extension. */
export function referenceExtension(path: string): string {
  const name = baseName(path.trim().replace(/[?#].*$/, ''));
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export const referenceFormatRule: Rule = {
  code: 'reference-format',
  severity: 'error',
  summary: 'a reference that is not png, jpg, jpeg or webp',
  explanation: [
    'Sora 2 takes a reference image as **png, jpg/jpeg or webp**. Other files (gif, heic, tiff, psd,',
    'pdf, …) are rejected at upload, so the scene would be generated without its reference.',
    '',
    'Export the image as png or jpg.',
  ].join('\n'),
  check(context) {
    for (const reference of context.storyboard.references) {
      const path = reference.path;
      if (!path?.text.trim()) continue;
      const extension = referenceExtension(path.text);
      if (imageExtensions.has(extension) || videoExtensions.has(extension)) continue;
      context.report({
        range: path.range,
        message: extension
          ? `"${path.text}" is a .${extension} file; a reference image must be png, jpg, jpeg or webp. Export it as png or jpg.`
          : `"${path.text}" has no file extension; a reference image must be png, jpg, jpeg or webp.`,
      });
    }
  },
  cases: [
    {
      name: 'a gif reference',
      trigger: withReference('refs/harbour.gif'),
      underlines: 'refs/harbour.gif',
      nearMisses: [
        { name: 'a webp', text: withReference('refs/harbour.webp') },
      ],
    },
  ],
};
