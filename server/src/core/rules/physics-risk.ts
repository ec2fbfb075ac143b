import type { Field } from '../ast';
import { fieldOf } from '../model';
import { formatSeconds } from '../text';
import { impactTokens, physicsFixes, physicsMitigations, tokensOf, type Token } from '../words';
import { appendToValue, joinWords, rangeIn, judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

const scannedFields = ['action', 'setting'] as const;

function calmed(text: string): boolean {
  const lower = text.toLowerCase();
  return physicsMitigations.some((phrase) => lower.includes(phrase));
}

export const physicsRiskRule: Rule = {
  code: 'physics-risk',
  severity: 'info',
  scope: 'beat',
  summary: 'two or more impacts or collisions in one beat, or one in a beat under 3 s',
  explanation: [
    'Impacts and collisions (crash, shatter, smash, collide, explode…) are where Sora\'s physics breaks',
    'first: objects pass through each other, shards multiply, things bounce wrong. One impact needs',
    'about 3 s to read; two or more in one beat almost always go wrong.',
    '',
    'Give each impact its own beat of 3 s or more, or slow it down: append `in slow motion`, or',
    '`settling gradually` so the motion comes to rest instead of ending mid-air.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      const hits: { field: Field; token: Token }[] = [];
      const fields: Field[] = [];
      for (const key of scannedFields) {
        const field = fieldOf(beat, key);
        if (!field) continue;
        fields.push(field);
        for (const token of impactTokens(tokensOf(field.value), key === 'setting')) hits.push({ field, token });
      }
      if (!hits.length) continue;
      if (fields.some((field) => calmed(field.value.text))) continue;
      const duration = beat.end - beat.start;
      if (hits.length < 2 && duration >= 3) continue;
      const first = hits[0];
      const sameField = hits.filter((hit) => hit.field === first.field);
      const last = sameField[sameField.length - 1];
      const words = joinWords(hits.map((hit) => hit.token.lower));
      context.report({
        range: rangeIn(first.field.value, first.token.start, last.token.end),
        message:
          hits.length >= 2
            ? `Beat ${beat.index} has ${hits.length} impacts (${words}) in ${formatSeconds(duration)}; Sora's physics breaks first on impacts. Give each its own beat, or slow it down ("in slow motion").`
            : `Beat ${beat.index} has an impact (${words}) in only ${formatSeconds(duration)}; an impact needs about 3 s to read. Lengthen the beat, or slow it down ("in slow motion").`,
        fixes: [
          { title: `Append "${physicsFixes.slowMotion}" to the ${first.field.key}`, edits: [appendToValue(first.field.value, physicsFixes.slowMotion)], safe: false, preferred: true },
          { title: `Append "${physicsFixes.settling}" to the ${first.field.key}`, edits: [appendToValue(first.field.value, physicsFixes.settling)], safe: false },
        ],
      });
    }
  },
  cases: [
    {
      name: 'two impacts in one beat',
      trigger: edit(clean, ['pulls the net across his knees', 'drops a crate that crashes and splinters']),
      underlines: 'crashes and splinters',
      fixed: [['  action: drops a crate that crashes and splinters', '  action: drops a crate that crashes and splinters, in slow motion']],
      nearMisses: [
        { name: 'one impact in 4 s', text: edit(clean, ['pulls the net across his knees', 'drops a crate that crashes']) },
        { name: 'two impacts in slow motion', text: edit(clean, ['pulls the net across his knees', 'drops a crate that crashes and splinters in slow motion']) },
      ],
    },
  ],
};
