import { cite, severityFor } from './targets';
import { referenceExtension, videoExtensions } from './reference-format';
import type { Rule } from './types';
import { clean, edit, withModel } from './cases';

/** `clean` with `count` image references. */
const withReferences = (count: number) => edit(clean, ['\nbeat 4s The net', `\n${Array.from({ length: count }, (_, i) => `reference: refs/ref${i + 1}.png`).join('\n')}\n\nbeat 4s The net`]);

export const referenceCountRule: Rule = {
  code: 'reference-count',
  severity: 'error',
  summary: 'more reference images than the model takes',
  explanation: [
    'Each model takes a fixed number of images with a prompt: Veo 3.1 up to three asset references,',
    'Runway Gen-4.5 one (as the first frame), Sora 2 one. Images past that are not sent, so the look',
    'they were meant to pin down is left to chance, and which ones are dropped is not yours to choose.',
    '',
    'Keep the references that matter most, or merge several into one sheet.',
  ].join('\n'),
  check(context) {
    const profile = context.target.limits;
    if (!profile) return;
    const { images } = profile;
    const capacity = Math.max(images.maxReferences, images.firstFrame ? 1 : 0);
    const references = context.storyboard.references.filter((reference) => reference.path?.text.trim() && !videoExtensions.has(referenceExtension(reference.path.text)));
    references.slice(capacity).forEach((reference, i) => {
      context.report({
        range: reference.path!.range,
        severity: severityFor(images.confidence, 'error'),
        message: `${profile.label} takes ${capacity === 0 ? 'no reference images' : `at most ${capacity} reference image${capacity === 1 ? '' : 's'}`}${images.maxReferences === 0 && capacity ? ' (the first frame)' : ''}${cite(profile, images.confidence)}; this is reference ${capacity + i + 1}, which would not be sent. Keep the ones that matter most.`,
      });
    });
  },
  cases: [
    {
      name: 'four references on Veo 3.1',
      trigger: withModel('veo-3.1', withReferences(4)),
      underlines: 'refs/ref4.png',
      nearMisses: [
        { name: 'three references', text: withModel('veo-3.1', withReferences(3)) },
        { name: 'four with no model', text: withReferences(4) },
      ],
    },
  ],
};
