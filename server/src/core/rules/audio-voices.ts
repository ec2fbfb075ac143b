import type { Rule } from './types';
import { clean, edit, withMae } from './cases';

export const audioVoicesRule: Rule = {
  code: 'audio-voices',
  severity: 'warning',
  summary: 'more than one character speaks in the clip (lip-sync: one voice)',
  explanation: [
    'Sora 2 lip-syncs **one voice** per clip reliably. With two speakers it often puts a line in the',
    'wrong mouth, or both mouths move at once, and the take is lost for audio sync.',
    '',
    'Keep one speaker per clip: give the other character\'s line to a separate clip, or make it a',
    'reaction without words.',
  ].join('\n'),
  check(context) {
    let first: string | undefined;
    const reported = new Set<string>();
    for (const beat of context.storyboard.beats) {
      for (const say of beat.says) {
        const speaker = say.speaker.text;
        if (first === undefined) first = speaker;
        if (speaker === first || reported.has(speaker)) continue;
        reported.add(speaker);
        context.report({
          range: say.speaker.range,
          message: `${speaker} is a second voice in this clip (${first} already speaks); Sora lip-syncs one voice per clip. Move ${speaker}'s line to its own clip, or make it a reaction without words.`,
        });
      }
    }
  },
  cases: [
    {
      name: 'two speakers',
      trigger: edit(withMae, ['  sound: a distant bell', '  sound: a distant bell\n  say Mae @1s "Look."']),
      underlines: 'Mae', occurrence: 2,
      nearMisses: [
        { name: 'one speaker, two lines', text: edit(clean, ['  sound: a distant bell', '  sound: a distant bell\n  say Ivo @1s "Look."']) },
      ],
    },
  ],
};
