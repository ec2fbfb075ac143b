import { baseKind } from '../model';
import { nearest } from '../text';
import { replace } from './edits';
import type { Rule } from './types';
import { withVariants } from './cases';

export const variantBaseRule: Rule = {
  code: 'variant-base',
  severity: 'error',
  summary: 'BASE is no variant, no take in the log, and not `main`',
  explanation: [
    'A variant branches off something that exists: `main` (the storyboard as written), another variant',
    'in this file, or a take recorded in the take log beside it (`scene09.takes.json`, ids like `take02`).',
    '',
    'Branching off a take is how you remix a draft: the variant compiles to a remix instruction that',
    'names its one change. Log the take first ("Sora: Log Take"), or pick an existing base.',
  ].join('\n'),
  check(context) {
    const bases = ['main', ...context.names.variants.keys(), ...context.names.takes];
    for (const variant of context.storyboard.variants) {
      const base = variant.base;
      if (!base || baseKind(base.text, context.names) !== 'unknown') continue;
      const suggestion = nearest(base.text, bases);
      const looksLikeTake = /^take\d+$/i.test(base.text);
      const why = looksLikeTake
        ? context.takeLog
          ? `the take log has no take "${base.text}"`
          : 'there is no take log beside this storyboard'
        : `"${base.text}" is not main, a variant or a logged take`;
      context.report({
        range: base.range,
        message: `Variant "${variant.name?.text ?? ''}" branches from "${base.text}", but ${why}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes: suggestion
          ? [{ title: `Branch from "${suggestion}"`, edits: [replace(base.range, suggestion)], safe: false, preferred: true }]
          : [],
      });
    }
  },
  cases: [
    {
      name: 'a base that is nothing',
      trigger: withVariants('variant a from mian\n  beat 1 camera: wide, static'),
      underlines: 'mian',
      nearMisses: [
        { name: 'from main', text: withVariants('variant a from main\n  beat 1 camera: wide, static') },
      ],
    },
  ],
};
