import { formatSeconds } from '../text';
import { insertSection, topRange } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

export const settingsMissingRule: Rule = {
  code: 'settings-missing',
  severity: 'warning',
  summary: 'no settings section (Step 1: lock your settings first)',
  explanation: [
    'Step 1 of the workflow is to lock the settings before writing a single shot: aspect (16:9 or',
    '9:16), resolution (1080p), duration (12–15 s works best, about 20 s at most) and audio. Every',
    'take of a scene must be generated with the same settings, or the scores of two takes compare',
    'different things.',
    '',
    'Without a `settings` section nothing is locked, and the rules that compare against a setting',
    '(timeline, aspect, audio-plan, …) stay silent. The quick fix inserts 16:9, 1080p, the beats\'',
    'total (or 12 s) and the audio the beats use.',
  ].join('\n'),
  check(context) {
    const { storyboard } = context;
    if (storyboard.settings) return;
    const beats = storyboard.beats;
    const total = beats.length ? beats[beats.length - 1].end : 0;
    const duration = total > 0 ? total : 12;
    const audio = ['ambience'];
    if (beats.some((beat) => beat.says.length)) audio.unshift('voice');
    if (beats.some((beat) => beat.fields.some((field) => field.key === 'music'))) audio.push('music');
    const lines = ['settings', '  aspect: 16:9', '  resolution: 1080p', `  duration: ${formatSeconds(duration)}`, `  audio: ${audio.join(', ')}`];
    // No model line: which model to send the storyboard to is the writer's choice, and without one
    // the seed workflow's numbers apply.
    context.report({
      range: topRange(context),
      message: 'There is no `settings` section: lock aspect, resolution, duration and audio first, so every take of this scene is generated the same way.',
      fixes: [
        {
          title: `Insert settings (16:9, 1080p, ${formatSeconds(duration)}, audio: ${audio.join(', ')})`,
          edits: [insertSection(context, ['logline', 'scene'], lines)],
          // The aspect ratio is a creative choice (16:9 or vertical 9:16): offered, not applied blindly.
          safe: false,
          preferred: true,
        },
      ],
    });
  },
  cases: [
    {
      name: 'no settings',
      trigger: edit(clean, ['settings\n  aspect: 16:9\n  resolution: 1080p\n  duration: 12s\n  audio: voice, ambience\n\n', '']),
      underlines: 'scene 05 "Harbour"',
      fixed: [['fog lifts.', 'fog lifts.\n\nsettings\n  aspect: 16:9\n  resolution: 1080p\n  duration: 12s\n  audio: voice, ambience']],
      nearMisses: [
        { name: 'settings present', text: clean },
      ],
    },
  ],
};
