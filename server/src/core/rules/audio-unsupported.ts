import type { Range } from '../ast';
import { cite, severityFor } from './targets';
import type { Rule } from './types';
import { clean, edit, withModel } from './cases';

/** `clean` with no sound lines, its audio plan voice only. */
const withoutSounds = edit(clean, ['  sound: gulls and lapping water\n', ''], ['  sound: a distant bell\n', ''], ['audio: voice, ambience', 'audio: voice']);

export const audioUnsupportedRule: Rule = {
  code: 'audio-unsupported',
  severity: 'warning',
  summary: 'dialogue, sound or music on a model with no native audio',
  explanation: [
    'Some models make silent video (Runway Gen-4.5, Luma Ray 3.2, Hailuo 02, Pika). On those the',
    'compiler leaves `say` lines out of the prompt and lists them for a **separate voice step**:',
    'record or synthesise each line, then lip-sync it to the clip with a lip-sync tool, and lay sound',
    'and music in the edit. Written into the prompt they would only make mouths move at random.',
    '',
    'Keep the lines (they are the script for the voice step), or pick a model with native audio.',
  ].join('\n'),
  check(context) {
    const profile = context.target.limits;
    if (!profile) return;
    const { audio } = profile;
    const severity = severityFor(audio.confidence, 'warning');
    const source = cite(profile, audio.confidence);
    const report = (range: Range, message: string) => context.report({ range, severity, message });
    if (!audio.dialogue) {
      for (const beat of context.storyboard.beats) {
        for (const say of beat.says) {
          report(say.range, `${profile.label} makes no speech${source}: this line is left out of the prompt. Record or synthesise it in a separate voice step, then lip-sync it to the clip.`);
        }
      }
    }
    for (const beat of context.storyboard.beats) {
      for (const field of beat.fields) {
        if (!field.value.text.trim()) continue;
        if (field.key === 'sound' && !audio.effects) report(field.value.range, `${profile.label} makes no sound effects${source}: the sound is left out of the prompt. Add it in the edit.`);
        if (field.key === 'music' && !audio.music) report(field.value.range, `${profile.label} makes no music${source}: the music is left out of the prompt. Add it in the edit.`);
      }
    }
    const settingsAudio = context.settings.audio ?? [];
    for (const item of settingsAudio) {
      const kind = item.text.toLowerCase();
      const missing = (kind === 'voice' && !audio.dialogue) || (kind === 'music' && !audio.music) || (kind === 'ambience' && !audio.effects);
      if (missing) report(item.range, `${profile.label} makes no ${kind === 'voice' ? 'speech' : kind}${source}: plan it as a separate ${kind === 'voice' ? 'voice and lip-sync' : 'sound'} step, or pick a model with native audio.`);
    }
  },
  cases: [
    {
      name: 'a say line on Runway Gen-4.5',
      trigger: withModel('runway-gen-4.5', edit(withoutSounds, ['audio: voice', 'audio: none'])),
      underlines: 'say Ivo @1s "Almost there."',
      nearMisses: [
        { name: 'the same on Veo 3.1', text: withModel('veo-3.1', withoutSounds) },
      ],
    },
  ],
};

