import { replace } from './edits';
import type { Rule } from './types';

export const resolutionRule: Rule = {
  code: 'resolution',
  severity: 'warning',
  summary: 'resolution is not 1080p (stick to the 1080p default)',
  explanation: [
    'Stick to the **1080p** default. It is what the workflow is tested at; lower resolutions lose the',
    'fine detail that anchors rely on (a braid, an earring), so identity drifts more, and a take',
    'at another resolution cannot be compared fairly with the others in the score grid.',
  ].join('\n'),
  check(context) {
    const resolution = context.settings.resolution;
    if (!resolution || resolution.text.toLowerCase() === '1080p') return;
    context.report({
      range: resolution.range,
      message: `Resolution "${resolution.text || '(empty)'}": stick to the 1080p default, so fine details hold and takes compare fairly.`,
      // 1080p is the one value the workflow accepts: nothing to decide, so safe.
      fixes: [{ title: 'Set resolution 1080p', edits: [replace(resolution.range, '1080p')], safe: true, preferred: true }],
    });
  },
};
