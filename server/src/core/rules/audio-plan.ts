import type { Range } from '../ast';
import { fieldOf } from '../model';
import { replace } from './edits';
import type { Rule } from './types';
import { clean, edit } from './cases';

type AudioKind = 'voice' | 'music' | 'ambience';

const uses: Record<AudioKind, string> = { voice: 'dialogue', music: 'music', ambience: 'sound' };

export const audioPlanRule: Rule = {
  code: 'audio-plan',
  severity: 'warning',
  summary: 'beats use voice, music or sound that `settings audio` does not list',
  explanation: [
    '`settings audio` is the clip\'s audio plan, locked with the other settings: `voice` for dialogue',
    '(`say` lines), `music` for `music:` fields, `ambience` for `sound:` fields, or `none`.',
    '',
    'A beat that uses audio the plan leaves out is either a line Sora will not voice or a plan that',
    'is out of date; takes scored for audio sync then measure the wrong thing. The quick fix adds it',
    'to `audio`.',
    '',
    'Silent when `settings` has no `audio` line (like every rule that compares against a setting).',
  ].join('\n'),
  check(context) {
    const audio = context.settings.audio;
    const audioField = fieldOf(context.storyboard.settings, 'audio');
    if (!audio || !audioField) return;
    const planned = new Set(audio.map((item) => item.text.toLowerCase()));
    const firstUse = new Map<AudioKind, { range: Range; beat: number }>();
    for (const beat of context.storyboard.beats) {
      const say = beat.says[0];
      if (say && !firstUse.has('voice')) firstUse.set('voice', { range: { start: say.range.start, end: say.speaker.range.end }, beat: beat.index });
      for (const field of beat.fields) {
        const kind = field.key === 'music' ? 'music' : field.key === 'sound' ? 'ambience' : undefined;
        if (kind && field.value.text.trim() && !firstUse.has(kind)) firstUse.set(kind, { range: field.name.range, beat: beat.index });
      }
      if (firstUse.size === 3) break; // each kind's first use is found: later beats change nothing
    }
    for (const [kind, use] of firstUse) {
      if (planned.has(kind)) continue;
      const next = [...audio.map((item) => item.text).filter((item) => item.toLowerCase() !== 'none'), kind];
      const hadNone = planned.has('none');
      context.report({
        range: use.range,
        message: `Beat ${use.beat} has ${uses[kind]}, but \`settings audio\` (${audioField.value.text || 'empty'}) has no \`${kind}\`. Add ${kind} to the audio plan, or take the ${uses[kind]} out.`,
        fixes: [
          {
            title: `Add "${kind}" to audio`,
            edits: [replace(audioField.value.range, next.join(', '))],
            // Adding what the beats already use keeps the writer's intent, unless they had said `none`.
            safe: !hadNone,
            preferred: true,
          },
        ],
      });
    }
  },
  cases: [
    {
      name: 'dialogue without voice',
      trigger: edit(clean, ['audio: voice, ambience', 'audio: ambience']),
      underlines: 'say Ivo',
      fixed: [['  audio: ambience', '  audio: ambience, voice']],
      nearMisses: [
        { name: 'voice planned', text: clean },
        { name: 'no audio line at all (settings-missing style: silent)', text: edit(clean, ['  audio: voice, ambience\n', '']) },
      ],
    },
  ],
};
