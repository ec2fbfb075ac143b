import type { AnalyzeOptions } from '../../../server/out/core/analyze';
import type { Range } from '../../../server/out/core/ast';
import { resolveConfig } from '../../../server/out/core/config';
import type { Severity } from '../../../server/out/core/diagnostics';
import type { TakeLog } from '../../../server/out/core/takes';
import { withProfiles } from '../targets/fixtures';
import { clean, edit, lineRangeOf, rangeOf, sub } from './harness';
import { sequenceCases } from './sequenceCases';

// One trigger and at least one near miss per rule code: the trigger yields exactly one diagnostic
// of that code (severity and range asserted), each near miss none.

export interface Case {
  code: string;
  severity: Severity;
  /** What the trigger shows. */
  name: string;
  text: string;
  range: Range;
  options?: AnalyzeOptions;
  near: { name: string; text: string; options?: AnalyzeOptions }[];
}

const takeLog: TakeLog = {
  version: 1,
  storyboard: 'scene05.sora',
  takes: [
    {
      id: 'take01',
      file: 'takes/scene05_take01.mp4',
      createdAt: '2026-11-20T09:12:00Z',
      variant: 'main',
      settings: { aspect: '16:9', resolution: '1080p', duration: 12, model: 'sora-2' },
      prompt: '…',
    },
  ],
} as TakeLog;

const mae = '\ncharacter Mae\n  anchors: red hat, long green coat, round glasses\n';
const withMae = edit(clean, ['\nbeat 4s The net', `${mae}\nbeat 4s The net`]);
const cameo = (consent: string) => edit(clean, ['  anchors: grey beard', `  cameo: @ivo.k${consent}\n  anchors: grey beard`]);
const variants = (...blocks: string[]) => `${clean}\n${blocks.join('\n\n')}\n`;
const dur = (total: string, a: string, b: string, c: string) =>
  edit(clean, ['duration: 12s', `duration: ${total}`], ['beat 4s The net', `beat ${a} The net`], ['beat 4s The knot', `beat ${b} The knot`], ['beat 4s The harbour', `beat ${c} The harbour`]);
const files = { exists: (path: string) => path === '/work/scenes/refs/harbour.png' };
const doc = { documentPath: '/work/scenes/scene05.sora', files };
/** `clean` for a model (the target rules' cases pass the test profiles). */
const forModel = (id: string, text = clean) => edit(text, ['\nsettings\n', `\nsettings\n  model: ${id}\n`]);
const withoutSounds = edit(clean, ['  sound: gulls and lapping water\n', ''], ['  sound: a distant bell\n', ''], ['audio: voice, ambience', 'audio: voice']);
const withReferences = (count: number) => edit(clean, ['\nbeat 4s The net', `\n${Array.from({ length: count }, (_, i) => `reference: refs/ref${i + 1}.png`).join('\n')}\n\nbeat 4s The net`]);
const withAvoid = edit(clean, ['  look: 35mm, soft', '  look: 35mm, soft\n  avoid: text, logos']);
const longAction = edit(clean, ['action: pulls the net across his knees', `action: pulls the net across his knees, ${'slowly and carefully working each knot loose with weathered fingers, '.repeat(14)}then rests`]);
const withReference = (path: string) => edit(clean, ['\nbeat 4s The net', `\nreference: ${path}\n\nbeat 4s The net`]);

function build(): Case[] {
  const cases: Case[] = [];
  const add = (c: Omit<Case, 'range'> & { range: (text: string) => Range }) => cases.push({ ...c, range: c.range(c.text) });

  add({ code: 'syntax', severity: 'error', name: 'a line that is nothing', text: edit(clean, ['  emotion: patient', '  emotion: patient\n  ???']), range: (t) => lineRangeOf(t, '???'), near: [{ name: 'the clean storyboard', text: clean }] });
  add({
    code: 'unknown-field', severity: 'warning', name: 'a misspelt camera', text: edit(clean, ['camera: medium, static', 'camra: medium, static']), range: (t) => rangeOf(t, 'camra'),
    near: [{ name: 'camera spelt right', text: clean }],
  });
  add({
    code: 'duplicate-field', severity: 'warning', name: 'aspect twice', text: edit(clean, ['  audio: voice, ambience', '  audio: voice, ambience\n  aspect: 9:16']), range: (t) => rangeOf(t, 'aspect', 1),
    near: [{ name: 'the same field in two beats', text: clean }],
  });
  add({
    code: 'duplicate-name', severity: 'error', name: 'two variants named alike', text: variants('variant a from main\n  beat 1 camera: wide, static', 'variant a from main\n  beat 2 camera: wide, static'),
    range: (t) => sub(rangeOf(t, 'variant a from main', 1), 8, 1),
    near: [{ name: 'distinct names', text: variants('variant a from main\n  beat 1 camera: wide, static', 'variant b from main\n  beat 2 camera: wide, static') }],
  });
  add({
    code: 'scene-missing', severity: 'warning', name: 'no scene header', text: edit(clean, ['scene 05 "Harbour"\n', '']), range: (t) => lineRangeOf(t, 'logline:'), options: { documentPath: '/work/scenes/scene05.sora' },
    near: [{ name: 'a scene header', text: clean }],
  });
  add({
    code: 'settings-missing', severity: 'warning', name: 'no settings', text: edit(clean, ['settings\n  aspect: 16:9\n  resolution: 1080p\n  duration: 12s\n  audio: voice, ambience\n\n', '']),
    range: (t) => lineRangeOf(t, 'scene 05 "'), near: [{ name: 'settings present', text: clean }],
  });
  add({ code: 'aspect', severity: 'error', name: 'aspect 4:3', text: edit(clean, ['aspect: 16:9', 'aspect: 4:3']), range: (t) => rangeOf(t, '4:3'), near: [{ name: 'aspect 9:16', text: edit(clean, ['aspect: 16:9', 'aspect: 9:16']) }] });
  add({ code: 'resolution', severity: 'warning', name: 'resolution 720p', text: edit(clean, ['resolution: 1080p', 'resolution: 720p']), range: (t) => rangeOf(t, '720p'), near: [{ name: '1080p', text: clean }] });
  add({
    code: 'duration-unstable', severity: 'warning', name: 'a 24 s clip', text: dur('24s', '8s', '8s', '8s'), range: (t) => rangeOf(t, '24s'),
    near: [{ name: 'a 20 s clip', text: dur('20s', '6s', '7s', '7s') }],
  });
  add({
    code: 'duration-draft', severity: 'info', name: 'a 10 s first draft', text: dur('10s', '4s', '3s', '3s'), range: (t) => rangeOf(t, '10s'),
    near: [
      { name: 'the same once a take is logged', text: dur('10s', '4s', '3s', '3s'), options: { takeLog } },
      { name: 'a 15 s first draft', text: dur('15s', '5s', '5s', '5s') },
      { name: 'a 21 s clip (duration-unstable speaks)', text: dur('21s', '7s', '7s', '7s') },
    ],
  });
  add({
    code: 'timeline', severity: 'error', name: 'beats over the clip', text: edit(clean, ['beat 4s The harbour', 'beat 5s The harbour']), range: (t) => rangeOf(t, '12s'),
    near: [{ name: 'beats that add up', text: clean }, { name: 'no duration set', text: edit(clean, ['  duration: 12s\n', '']) }],
  });
  add({
    code: 'logline-missing', severity: 'warning', name: 'no logline', text: edit(clean, ['logline: A fisherman mends his net as the fog lifts.\n', '']), range: (t) => lineRangeOf(t, 'scene 05 "'),
    near: [{ name: 'a logline', text: clean }],
  });
  add({
    code: 'logline-sentences', severity: 'warning', name: 'two sentences', text: edit(clean, ['A fisherman mends his net as the fog lifts.', 'A fisherman mends his net. The fog lifts!']), range: (t) => rangeOf(t, 'A fisherman mends his net. The fog lifts!'),
    near: [{ name: 'an abbreviation', text: edit(clean, ['A fisherman mends his net', 'Dr. Ivo mends his net']) }],
  });
  add({
    code: 'beat-count', severity: 'warning', name: 'two beats', text: edit(clean, ['beat 4s The knot', 'beat 8s The knot'], ['\nbeat 4s The harbour\n  subject: the harbour\n  action: fog thins over the moored boats\n  setting: harbour mouth, calm water\n  emotion: quiet\n  camera: wide, slow push in\n  sound: a distant bell\n', '']),
    range: (t) => lineRangeOf(t, 'beat 4s The net'), near: [{ name: 'three beats', text: clean }],
  });
  add({
    code: 'beat-fields', severity: 'warning', name: 'a beat without setting and emotion', text: edit(clean, ['  setting: close on the net, wet rope\n  emotion: focused\n', '']), range: (t) => lineRangeOf(t, 'beat 4s The knot'),
    near: [{ name: 'all four fields', text: clean }],
  });
  add({ code: 'camera-missing', severity: 'warning', name: 'no camera', text: edit(clean, ['  camera: close-up, static\n', '']), range: (t) => lineRangeOf(t, 'beat 4s The knot'), near: [{ name: 'a camera', text: clean }] });
  add({
    code: 'camera-unknown', severity: 'info', name: 'no shot size', text: edit(clean, ['camera: close-up, static', 'camera: closish, static']), range: (t) => rangeOf(t, 'closish, static'),
    near: [{ name: '"close up" spelt apart', text: edit(clean, ['camera: close-up, static', 'camera: close up, static']) }],
  });
  add({
    code: 'camera-unknown', severity: 'info', name: 'a movement word Sora does not know', text: edit(clean, ['camera: close-up, static', 'camera: close-up, static wobble']), range: (t) => rangeOf(t, 'wobble'),
    near: [
      { name: 'a known movement with a target', text: edit(clean, ['camera: close-up, static', 'camera: close-up, slow push in toward the knot']) },
      { name: 'a qualified whip pan', text: edit(clean, ['camera: close-up, static', 'camera: close-up, fast whip pan']) },
    ],
  });
  add({
    code: 'style-missing', severity: 'warning', name: 'no lighting', text: edit(clean, ['  lighting: misty morning, consistent lighting\n', '']), range: (t) => lineRangeOf(t, 'style'),
    near: [{ name: 'palette and lighting', text: clean }],
  });
  add({
    code: 'style-words', severity: 'warning', name: 'three look words', text: edit(clean, ['look: 35mm, soft', 'look: 35mm, soft, moody']), range: (t) => rangeOf(t, '35mm, soft, moody'),
    near: [{ name: 'two look words', text: clean }],
  });
  add({
    code: 'audio-plan', severity: 'warning', name: 'dialogue without voice', text: edit(clean, ['audio: voice, ambience', 'audio: ambience']), range: (t) => rangeOf(t, 'say Ivo'),
    near: [{ name: 'voice planned', text: clean }, { name: 'no audio line at all (settings-missing style: silent)', text: edit(clean, ['  audio: voice, ambience\n', '']) }],
  });
  add({
    code: 'audio-voices', severity: 'warning', name: 'two speakers', text: edit(withMae, ['  sound: a distant bell', '  sound: a distant bell\n  say Mae @1s "Look."']), range: (t) => sub(rangeOf(t, 'Mae @1s'), 0, 3),
    near: [{ name: 'one speaker, two lines', text: edit(clean, ['  sound: a distant bell', '  sound: a distant bell\n  say Ivo @1s "Look."']) }],
  });
  add({ code: 'dialogue-marker', severity: 'warning', name: 'no marker', text: edit(clean, ['say Ivo @1s', 'say Ivo']), range: (t) => rangeOf(t, 'say Ivo'), near: [{ name: 'a marker', text: clean }] });
  add({ code: 'dialogue-timing', severity: 'error', name: 'a marker at the beat end', text: edit(clean, ['say Ivo @1s', 'say Ivo @4s']), range: (t) => rangeOf(t, '@4s'), near: [{ name: '@3.5s', text: edit(clean, ['say Ivo @1s', 'say Ivo @3.5s']) }] });
  add({
    code: 'dialogue-length', severity: 'warning', name: 'nine words from @1s in 4 s', text: edit(clean, ['"Almost there."', '"One more knot and then we can all go home."']), range: (t) => rangeOf(t, 'One more knot and then we can all go home.'),
    near: [
      { name: 'seven words', text: edit(clean, ['"Almost there."', '"One more knot and we go home."']) },
      { name: 'nine words at 3 words a second', text: edit(clean, ['"Almost there."', '"One more knot and then we can go home."']), options: { config: resolveConfig({ wordsPerSecond: 3 }) } },
    ],
  });
  add({ code: 'character-unknown', severity: 'error', name: 'a misspelt speaker', text: edit(clean, ['say Ivo @1s', 'say Ivoo @1s']), range: (t) => rangeOf(t, 'Ivoo'), near: [{ name: 'the declared name', text: clean }] });
  add({
    code: 'anchor-count', severity: 'warning', name: 'two anchors', text: edit(clean, ['anchors: grey beard, orange oilskin coat, knitted cap', 'anchors: grey beard, orange oilskin coat']), range: (t) => rangeOf(t, 'grey beard, orange oilskin coat'),
    near: [
      { name: 'three anchors', text: clean },
      { name: 'two anchors on a character who never appears', text: edit(clean, ['\nbeat 4s The net', '\ncharacter Mae\n  anchors: red hat, green coat\n\nbeat 4s The net']) },
    ],
  });
  add({
    code: 'identity-drift', severity: 'warning', name: 'a blue coat against an orange one', text: edit(clean, ['pulls the net across his knees', 'pulls the net across his knees in a blue oilskin coat']), range: (t) => rangeOf(t, 'blue oilskin coat'),
    near: [
      { name: 'the anchor repeated', text: edit(clean, ['pulls the net across his knees', 'pulls the net across his knees in his orange coat']) },
      { name: 'a blue coat on the harbour (not Ivo)', text: edit(clean, ['fog thins over the moored boats', 'a sailor in a blue coat waves']) },
    ],
  });
  add({
    code: 'subjects-many', severity: 'warning', name: 'two characters in one subject', text: edit(withMae, ['  subject: Ivo', '  subject: Ivo and Mae']), range: (t) => rangeOf(t, 'Ivo and Mae'),
    near: [{ name: 'one character', text: withMae }],
  });
  add({
    code: 'lighting-drift', severity: 'warning', name: 'a sunset the style does not have', text: edit(clean, ['setting: wooden pier, fog over the water', 'setting: wooden pier at sunset']), range: (t) => rangeOf(t, 'sunset'),
    near: [{ name: 'the sunset in the style', text: edit(clean, ['setting: wooden pier, fog over the water', 'setting: wooden pier at sunset'], ['lighting: misty morning, consistent lighting', 'lighting: low sunset, consistent lighting']) }],
  });
  add({
    code: 'lighting-flicker', severity: 'info', name: 'a push-in without consistent lighting', text: edit(clean, ['lighting: misty morning, consistent lighting', 'lighting: misty morning']), range: (t) => rangeOf(t, 'slow push in'),
    near: [{ name: 'consistent lighting', text: clean }, { name: 'static cameras only', text: edit(clean, ['lighting: misty morning, consistent lighting', 'lighting: misty morning'], ['wide, slow push in', 'wide, static']) }],
  });
  add({
    code: 'physics-risk', severity: 'info', name: 'two impacts in one beat', text: edit(clean, ['pulls the net across his knees', 'drops a crate that crashes and splinters']), range: (t) => rangeOf(t, 'crashes and splinters'),
    near: [
      { name: 'one impact in 4 s', text: edit(clean, ['pulls the net across his knees', 'drops a crate that crashes']) },
      { name: 'two impacts in slow motion', text: edit(clean, ['pulls the net across his knees', 'drops a crate that crashes and splinters in slow motion']) },
    ],
  });
  add({
    code: 'variant-changes', severity: 'warning', name: 'two overrides', text: variants('variant closer from main\n  beat 1 camera: close-up, static\n  style look: 16mm, grainy'), range: (t) => rangeOf(t, 'closer'),
    near: [{ name: 'one override', text: variants('variant closer from main\n  beat 1 camera: close-up, static') }],
  });
  add({ code: 'variant-empty', severity: 'warning', name: 'no override', text: variants('variant idle from main'), range: (t) => rangeOf(t, 'idle'), near: [{ name: 'one override', text: variants('variant idle from main\n  beat 1 camera: wide, static') }] });
  const four = ['a', 'b', 'c', 'd'].map((name, i) => `variant ${name} from main\n  beat ${(i % 3) + 1} camera: wide, static`);
  add({
    code: 'variant-count', severity: 'warning', name: 'four variants from main', text: variants(...four), range: (t) => rangeOf(t, 'main', rangeCount(t, 'main') - 1),
    near: [{ name: 'three variants', text: variants(...four.slice(0, 3)) }],
  });
  add({
    code: 'variant-base', severity: 'error', name: 'a base that is nothing', text: variants('variant a from mian\n  beat 1 camera: wide, static'), range: (t) => rangeOf(t, 'mian'),
    near: [{ name: 'from main', text: variants('variant a from main\n  beat 1 camera: wide, static') }],
  });
  add({
    code: 'variant-target', severity: 'error', name: 'a beat that does not exist', text: variants('variant a from main\n  beat 7 camera: wide, static'), range: (t) => sub(rangeOf(t, '7 camera'), 0, 1),
    near: [{ name: 'beat 3', text: variants('variant a from main\n  beat 3 camera: wide, static') }],
  });
  add({
    code: 'cameo-consent', severity: 'error', name: 'a cameo without consent', text: cameo(''), range: (t) => rangeOf(t, '@ivo.k'),
    near: [{ name: 'approved', text: cameo('\n  consent: approved 2026-10-02, lines approved') }],
  });
  add({
    code: 'cameo-lines', severity: 'warning', name: 'a cameo speaking without lines approved', text: cameo('\n  consent: approved 2026-10-02'), range: (t) => sub(rangeOf(t, 'Ivo @1s'), 0, 3),
    near: [{ name: 'lines approved', text: cameo('\n  consent: approved 2026-10-02, lines approved') }],
  });
  add({ code: 'reference-video', severity: 'error', name: 'an mp4 reference', text: withReference('refs/take.mp4'), range: (t) => rangeOf(t, 'refs/take.mp4'), near: [{ name: 'a png', text: withReference('refs/harbour.png') }] });
  add({
    code: 'placeholder', severity: 'warning', name: 'an anchor placeholder left in', text: edit(clean, ['knitted cap', '<one distinctive detail>']), range: (t) => rangeOf(t, '<one distinctive detail>'),
    near: [
      { name: 'the detail filled in', text: clean },
      { name: 'angle brackets in a comment', text: edit(clean, ['// Harbour, scene 05', '// Harbour <draft>, scene 05']) },
      { name: 'a "<3" in dialogue', text: edit(clean, ['"Almost there."', '"Almost there <3"']) },
    ],
  });
  add({ code: 'reference-format', severity: 'error', name: 'a gif reference', text: withReference('refs/harbour.gif'), range: (t) => rangeOf(t, 'refs/harbour.gif'), near: [{ name: 'a webp', text: withReference('refs/harbour.webp') }] });
  add({
    code: 'reference-missing', severity: 'warning', name: 'a reference that is not there', text: withReference('refs/nope.png'), range: (t) => rangeOf(t, 'refs/nope.png'), options: doc,
    near: [
      { name: 'a reference that is there', text: withReference('refs/harbour.png'), options: doc },
      { name: 'no file access (silent)', text: withReference('refs/nope.png') },
    ],
  });
  // ---- the targets design's codes, and the settings rules reading a target -----------------
  add({
    code: 'model-unknown', severity: 'warning', name: 'model veo-3', text: forModel('veo-3'), range: (t) => rangeOf(t, 'veo-3'), options: withProfiles,
    near: [{ name: 'model veo-3.1', text: forModel('veo-3.1'), options: withProfiles }, { name: 'no model line', text: clean, options: withProfiles }],
  });
  add({
    code: 'model-retired', severity: 'info', name: 'model sora-2', text: forModel('sora-2'), range: (t) => rangeOf(t, 'sora-2'), options: withProfiles,
    near: [{ name: 'model kling-3.0', text: forModel('kling-3.0'), options: withProfiles }, { name: 'an unknown model', text: forModel('sora-3'), options: withProfiles }],
  });
  add({
    code: 'clip-length', severity: 'warning', name: 'a 12 s clip on Veo 3.1 (split 8 s + 4 s)', text: forModel('veo-3.1'), range: (t) => rangeOf(t, '12s'), options: withProfiles,
    near: [
      { name: 'the same on Kling 3.0 (3–15 s)', text: forModel('kling-3.0'), options: withProfiles },
      { name: 'an 8 s clip on Veo 3.1', text: forModel('veo-3.1', dur('8s', '4s', '2s', '2s')), options: withProfiles },
      { name: 'no model (the seed numbers)', text: clean, options: withProfiles },
    ],
  });
  add({
    code: 'clip-length', severity: 'error', name: 'a 12 s beat on Veo 3.1 (no split fits)', text: forModel('veo-3.1', dur('20s', '12s', '4s', '4s')), range: (t) => rangeOf(t, '20s'), options: withProfiles,
    near: [{ name: 'a retired model (the seed numbers)', text: forModel('sora-2', dur('20s', '12s', '4s', '4s')), options: withProfiles }],
  });
  add({
    code: 'prompt-length', severity: 'error', name: 'generation 1 over Runway\'s 1,000 UTF-16 units', text: forModel('runway-gen-4.5', longAction), range: (t) => lineRangeOf(t, 'beat 4s The net'), options: withProfiles,
    near: [{ name: 'the clean storyboard on Runway', text: forModel('runway-gen-4.5'), options: withProfiles }, { name: 'the long action with no model', text: longAction, options: withProfiles }],
  });
  add({
    code: 'audio-unsupported', severity: 'warning', name: 'a say line on Runway Gen-4.5', text: forModel('runway-gen-4.5', edit(withoutSounds, ['audio: voice', 'audio: none'])), range: (t) => lineRangeOf(t, 'say Ivo'), options: withProfiles,
    near: [{ name: 'the same on Veo 3.1', text: forModel('veo-3.1', withoutSounds), options: withProfiles }],
  });
  add({
    code: 'reference-count', severity: 'error', name: 'four references on Veo 3.1', text: forModel('veo-3.1', withReferences(4)), range: (t) => rangeOf(t, 'refs/ref4.png'), options: withProfiles,
    near: [{ name: 'three references', text: forModel('veo-3.1', withReferences(3)), options: withProfiles }, { name: 'four with no model', text: withReferences(4), options: withProfiles }],
  });
  add({
    code: 'negative-discouraged', severity: 'info', name: 'avoid: on Runway Gen-4.5', text: forModel('runway-gen-4.5', withAvoid), range: (t) => rangeOf(t, 'text, logos'), options: withProfiles,
    near: [{ name: 'avoid: on Veo 3.1 (a negative_prompt parameter)', text: forModel('veo-3.1', withAvoid), options: withProfiles }, { name: 'avoid: with no model', text: withAvoid }],
  });
  add({
    code: 'aspect', severity: 'error', name: 'aspect 1:1 on Veo 3.1', text: forModel('veo-3.1', edit(clean, ['aspect: 16:9', 'aspect: 1:1'])), range: (t) => rangeOf(t, '1:1'), options: withProfiles,
    near: [{ name: 'aspect 1:1 on Kling 3.0', text: forModel('kling-3.0', edit(clean, ['aspect: 16:9', 'aspect: 1:1'])), options: withProfiles }],
  });
  add({
    code: 'resolution', severity: 'warning', name: '1080p on Runway Gen-4.5 (720p only)', text: forModel('runway-gen-4.5'), range: (t) => rangeOf(t, '1080p'), options: withProfiles,
    near: [{ name: '4k on Veo 3.1', text: forModel('veo-3.1', edit(clean, ['resolution: 1080p', 'resolution: 4k'])), options: withProfiles }, { name: '720p on Runway', text: forModel('runway-gen-4.5', edit(clean, ['resolution: 1080p', 'resolution: 720p'])), options: withProfiles }],
  });
  add({
    code: 'duration-unstable', severity: 'warning', name: 'a 24 s clip on Veo 3.1', text: forModel('veo-3.1', dur('24s', '8s', '8s', '8s')), range: (t) => rangeOf(t, '24s'), options: withProfiles,
    near: [{ name: 'a 20 s clip on LTX-2 (makes 20 s)', text: forModel('ltx-2', dur('20s', '6s', '7s', '7s')), options: withProfiles }],
  });
  add({
    code: 'duration-draft', severity: 'info', name: 'a 6 s first draft on Veo 3.1 (longest clip 8 s)', text: forModel('veo-3.1', dur('6s', '2s', '2s', '2s')), range: (t) => rangeOf(t, '6s'), options: withProfiles,
    near: [
      { name: 'an 8 s first draft on Veo 3.1', text: forModel('veo-3.1', dur('8s', '4s', '2s', '2s')), options: withProfiles },
      { name: 'a 12 s draft on Veo 3.1 (clip-length speaks)', text: forModel('veo-3.1'), options: withProfiles },
    ],
  });
  return cases;
}

function rangeCount(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

export const cases: Case[] = [...build(), ...sequenceCases()];
