import type { AnalyzeOptions } from '../../../server/out/core/analyze';
import type { FileAccess } from '../../../server/out/core/files';
import { parseStoryboard } from '../../../server/out/core/parse';
import type { Case } from './cases';
import { clean, edit, rangeOf } from './harness';

// The sequence rules' cases. `clean` is scene05 of the sequence below, which locks exactly what the
// scene sets, so the scene stays clean under it; each trigger changes one thing.

export const sequencePath = '/film/harbour.sora';
export const scenePath = '/film/scene05.sora';

export const cleanSequence = [
  'sequence "Harbour Days"',
  '  scenes: scene05.sora, scene06.sora',
  '',
  'settings',
  '  aspect: 16:9',
  '  resolution: 1080p',
  '',
  'style',
  '  palette: grey and ochre',
  '  lighting: misty morning, consistent lighting',
  '  look: 35mm, soft',
  '',
  'character Ivo',
  '  anchors: grey beard, orange oilskin coat, knitted cap',
  '',
].join('\n');

/** A folder holding the sequence and its two scenes, and a stray note. */
export const filmFolder: FileAccess = {
  exists: (path) => ['/film/harbour.sora', '/film/scene05.sora', '/film/scene06.sora'].includes(path),
  list: (folder) => (folder === '/film' ? ['harbour.sora', 'scene05.sora', 'scene06.sora', 'notes.txt'] : []),
};

export function inSequence(sequenceText = cleanSequence): AnalyzeOptions {
  return { documentPath: scenePath, sequence: { path: sequencePath, storyboard: parseStoryboard(sequenceText) } };
}

const asSequence: AnalyzeOptions = { documentPath: sequencePath, files: filmFolder };

export function sequenceCases(): Case[] {
  const scenes = '  scenes: scene05.sora, scene06.sora';
  return [
    {
      code: 'sequence-scene-missing', severity: 'error', name: 'a misspelt scene file',
      text: edit(cleanSequence, [scenes, '  scenes: scene05.sora, scene6.sora']), range: rangeOf(edit(cleanSequence, [scenes, '  scenes: scene05.sora, scene6.sora']), 'scene6.sora'), options: asSequence,
      near: [
        { name: 'every scene there', text: cleanSequence, options: asSequence },
        { name: 'no file access (silent)', text: edit(cleanSequence, [scenes, '  scenes: scene05.sora, scene6.sora']) },
      ],
    },
    {
      code: 'sequence-duplicate', severity: 'warning', name: 'a scene listed twice, on two scenes: lines',
      text: edit(cleanSequence, [scenes, `${scenes}\n  scenes: scene05.sora`]), range: rangeOf(edit(cleanSequence, [scenes, `${scenes}\n  scenes: scene05.sora`]), 'scene05.sora', 1), options: asSequence,
      near: [
        { name: 'each scene once, over two lines', text: edit(cleanSequence, [scenes, '  scenes: scene05.sora\n  scenes: scene06.sora']), options: asSequence },
        { name: 'another sequence listing other scenes', text: cleanSequence, options: { ...asSequence, otherSequences: [{ path: '/film/a-other.sora', scenes: ['/film/scene07.sora'] }] } },
      ],
    },
    {
      code: 'continuity-anchors', severity: 'warning', name: 'Ivo redefined in a blue coat',
      text: edit(clean, ['orange oilskin coat', 'blue oilskin coat']), range: rangeOf(clean, 'Ivo'), options: inSequence(),
      near: [
        { name: 'the same anchors in another order and case', text: edit(clean, ['grey beard, orange oilskin coat, knitted cap', 'Knitted cap, grey beard,  orange oilskin coat']), options: inSequence() },
        { name: 'no sequence', text: edit(clean, ['orange oilskin coat', 'blue oilskin coat']) },
      ],
    },
    {
      code: 'continuity-style', severity: 'warning', name: 'a palette of its own',
      text: edit(clean, ['palette: grey and ochre', 'palette: neon pink']), range: rangeOf(edit(clean, ['palette: grey and ochre', 'palette: neon pink']), 'neon pink'), options: inSequence(),
      near: [
        { name: 'the same palette, spaced and cased differently', text: edit(clean, ['palette: grey and ochre', 'palette: Grey and  ochre']), options: inSequence() },
        { name: 'a style field the sequence does not set', text: edit(clean, ['palette: grey and ochre', 'palette: neon pink']), options: inSequence(edit(cleanSequence, ['  palette: grey and ochre\n', ''])) },
      ],
    },
    {
      code: 'continuity-settings', severity: 'warning', name: 'another model',
      text: withModel('kling-3.0'), range: rangeOf(withModel('kling-3.0'), 'kling-3.0'), options: inSequence(sequenceWithModel('veo-3.1')),
      near: [
        { name: 'its own duration against the sequence\'s', text: clean, options: inSequence(edit(cleanSequence, ['  resolution: 1080p', '  resolution: 1080p\n  duration: 10s'])) },
        { name: 'no sequence', text: withModel('kling-3.0') },
      ],
    },
  ];
}

/** The clean scene naming its own model (it names none, so it is checked with the workflow's numbers). */
function withModel(id: string): string {
  return edit(clean, ['  resolution: 1080p', `  resolution: 1080p\n  model: ${id}`]);
}

function sequenceWithModel(id: string): string {
  return edit(cleanSequence, ['  resolution: 1080p', `  resolution: 1080p\n  model: ${id}`]);
}
