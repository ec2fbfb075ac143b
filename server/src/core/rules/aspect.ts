import type { Fix } from '../diagnostics';
import { replace } from './edits';
import type { Rule } from './types';

export const aspectRule: Rule = {
  code: 'aspect',
  severity: 'error',
  summary: 'aspect is not 16:9 or 9:16',
  explanation: [
    'Sora 2 renders two frames: landscape **16:9** and vertical **9:16**. Any other ratio is not',
    'generated as written: the clip comes back in one of the two and the framing you planned',
    '(what is in shot, where the subject sits) is lost.',
    '',
    'Pick 16:9 for the screen, 9:16 for phones and social feeds.',
  ].join('\n'),
  check(context) {
    const aspect = context.settings.aspect;
    if (!aspect) return;
    const value = aspect.text.replace(/\s+/g, '');
    if (value === '16:9' || value === '9:16') return;
    const ratio = /^(\d+(?:\.\d+)?)[:x/](\d+(?:\.\d+)?)$/i.exec(value);
    const tall = ratio ? Number(ratio[1]) < Number(ratio[2]) : false;
    const fix = (to: string, preferred: boolean): Fix => ({ title: `Set aspect ${to}`, edits: [replace(aspect.range, to)], safe: false, preferred });
    context.report({
      range: aspect.range,
      message: `Aspect "${aspect.text || '(empty)'}" is not one Sora 2 renders: use 16:9 (landscape) or 9:16 (vertical).`,
      fixes: tall ? [fix('9:16', true), fix('16:9', false)] : [fix('16:9', true), fix('9:16', false)],
    });
  },
};
