import { judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

/** Ivo as a cameo, with `consent` lines appended. */
const cameo = (consent: string) => edit(clean, ['  anchors: grey beard', `  cameo: @ivo.k${consent}\n  anchors: grey beard`]);

export const cameoLinesRule: Rule = {
  code: 'cameo-lines',
  severity: 'warning',
  scope: 'beat',
  summary: 'a cameo character has a `say` line without `lines approved`',
  explanation: [
    'Approving a cameo is not approving words: putting a line in a real person\'s mouth needs their',
    'approval of what they say. Record it as `consent: approved DATE, lines approved` once they have',
    'read the lines, or give the line to someone else.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      for (const say of beat.says) {
        const character = context.names.characters.get(say.speaker.text);
        if (!character?.cameo || character.consent?.linesApproved) continue;
        context.report({
          range: say.speaker.range,
          message: `${say.speaker.text} is a cameo, and their consent does not include \`lines approved\`; have them approve the line, then write \`consent: approved DATE, lines approved\`, or give the line to someone else.`,
        });
      }
    }
  },
  cases: [
    {
      name: 'a cameo speaking without lines approved',
      trigger: cameo('\n  consent: approved 2026-10-02'),
      underlines: 'Ivo', occurrence: 4,
      nearMisses: [
        { name: 'lines approved', text: cameo('\n  consent: approved 2026-10-02, lines approved') },
      ],
    },
  ],
};
