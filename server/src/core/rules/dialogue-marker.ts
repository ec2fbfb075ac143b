import type { BeatSection } from '../ast';
import { countWords, formatSeconds } from '../text';
import { judgedBeats } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const dialogueMarkerRule: Rule = {
  code: 'dialogue-marker',
  severity: 'warning',
  scope: 'beat',
  summary: 'a `say` line without a marker',
  explanation: [
    'A `say` line\'s marker (`@1s`) is when the line starts, from the start of its beat. It becomes an',
    'absolute timecode in the prompt (`Mara (0:05): "Not tonight."`), which is what Sora lip-syncs to.',
    'Without one, Sora places the line wherever it likes, often cut off by the next shot.',
    '',
    'Start a line a moment into its beat (`@0.5s`–`@1s`) and leave time to finish it: about 2.5',
    'words a second. The quick fix inserts such a marker.',
  ].join('\n'),
  check(context) {
    const wps = context.options.wordsPerSecond;
    for (const beat of judgedBeats(context)) {
      if (beat.says.length === 0 || beat.says.every((say) => say.marker)) continue;
      const markers = proposeMarkers(beat, wps);
      beat.says.forEach((say, i) => {
        if (say.marker) return;
        const { at, fits } = markers[i];
        const end = say.speaker.range.end;
        context.report({
          range: { start: say.range.start, end },
          message: `${say.speaker.text}'s line in beat ${beat.index} has no marker, so Sora decides when it is spoken. Add one such as \`@${formatSeconds(at)}\` after the name.`,
          fixes: [
            {
              title: `Insert the marker @${formatSeconds(at)}`,
              edits: [{ range: { start: end, end }, newText: ` @${formatSeconds(at)}` }],
              // Pins down a time that was left open, chosen so the line fits: nothing the writer said is lost.
              safe: fits,
              preferred: true,
            },
          ],
        });
      });
    }
  },
  cases: [
    {
      name: 'no marker',
      trigger: edit(clean, ['say Ivo @1s', 'say Ivo']),
      underlines: 'say Ivo',
      fixed: [['  say Ivo "Almost there."', '  say Ivo @1s "Almost there."']],
      nearMisses: [
        { name: 'a marker', text: clean },
      ],
    },
  ],
};

/** A start for each line: a moment in, after the previous line, leaving time to speak it. */
function proposeMarkers(beat: BeatSection, wps: number): { at: number; fits: boolean }[] {
  const duration = beat.end - beat.start;
  let cursor = 0;
  return beat.says.map((say) => {
    const needs = countWords(say.line.text) / wps;
    let at: number;
    if (say.marker) at = say.marker.seconds;
    else {
      const slack = duration - cursor - needs;
      const lead = cursor === 0 ? (slack >= 1 ? 1 : slack >= 0.5 ? 0.5 : 0) : slack >= 0.5 ? 0.5 : 0;
      at = Math.floor((cursor + lead) * 2) / 2;
      if (at < cursor) at = Math.ceil(cursor * 2) / 2;
      // Never at or past the end of the beat (that is a dialogue-timing error).
      if (at >= duration) at = Math.max(0, Math.ceil(duration * 2) / 2 - 0.5);
    }
    cursor = at + needs;
    return { at, fits: at + needs <= duration && at < duration };
  });
}
