import { fieldOf, subjectCharacters } from '../model';
import { joinWords, subjectsOf, judgedBeats } from './support';
import type { Rule } from './types';
import { edit, withMae } from './cases';

export const subjectsManyRule: Rule = {
  code: 'subjects-many',
  severity: 'warning',
  scope: 'beat',
  summary: 'one beat with two or more declared characters as subject (stabilize one subject first)',
  explanation: [
    'Identity holds best when each shot has **one** subject. With two declared characters in one',
    'subject, Sora mixes their anchors (her scarf on him, his glasses on her) and both drift.',
    '',
    'Stabilize one subject first: give each character their own beat, and bring them together only',
    'once a take shows both holding their look.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      if (subjectsOf(context, beat).length < 2) continue;
      const found = subjectCharacters(beat, context.names);
      const subject = fieldOf(beat, 'subject');
      if (!subject) continue;
      const names = found.map((f) => f.character.name?.text ?? '');
      context.report({
        range: subject.value.range,
        message: `Beat ${beat.index} has ${joinWords(names)} as its subject; Sora mixes two characters' anchors. Give each their own beat first.`,
      });
    }
  },
  cases: [
    {
      name: 'two characters in one subject',
      trigger: edit(withMae, ['  subject: Ivo', '  subject: Ivo and Mae']),
      underlines: 'Ivo and Mae',
      nearMisses: [
        { name: 'one character', text: withMae },
      ],
    },
  ],
};
