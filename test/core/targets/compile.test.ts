import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { compile, type CompileOptions } from '../../../server/out/core/compile';
import type { ModelProfile } from '../../../server/out/core/models/types';
import { parseStoryboard } from '../../../server/out/core/parse';
import { parseTakeLog, type TakeLog } from '../../../server/out/core/takes';
import { readExample } from '../../helpers/paths';
import { kling, testProfiles, veo } from './fixtures';

const lighthouse = readExample('lighthouse');

function compileFor(model: string | undefined, text = lighthouse, options: CompileOptions = {}) {
  return compile(parseStoryboard(text), { profiles: testProfiles, model, ...options });
}

function takeLog(): TakeLog {
  const parsed = parseTakeLog(readExample('lighthouseTakes'));
  assert.ok(parsed.ok);
  return parsed.log;
}

const withAvoid = lighthouse.replace('  look: 35mm, grainy', '  look: 35mm, grainy\n  avoid: text, logos');

describe('compile for a target: generations', () => {
  it('Veo 3.1, 12 s of three 4 s beats: two generations, 8 s + 4 s, the second from the first\'s last frame', () => {
    const result = compileFor('veo-3.1');
    assert.deepEqual(result.model, { id: 'veo-3.1', label: 'Veo 3.1', status: 'active', known: true });
    assert.deepEqual(
      result.generations.map((g) => ({ index: g.index, beats: g.beats, start: g.start, end: g.end, seconds: g.seconds, startFrom: g.startFrom })),
      [
        { index: 1, beats: [1, 2], start: 0, end: 8, seconds: 8, startFrom: null },
        { index: 2, beats: [3], start: 8, end: 12, seconds: 4, startFrom: 'previous' },
      ],
    );
    const [first, second] = result.generations;
    assert.equal(first.parameters.duration_seconds, 8);
    assert.equal(first.parameters.aspect_ratio, '16:9');
    assert.equal(first.parameters.resolution, '1080p');
    assert.equal(first.parameters.model, 'veo-3.1-generate-preview');
    assert.equal(first.parameters.prompt, first.prompt);
    assert.equal(second.parameters.image, '<last frame of generation 1>', 'the first-frame field, as the API names it');
    assert.deepEqual(first.parameters.reference_images, ['refs/lighthouse.png'], 'the storyboard\'s reference images');
    assert.ok(result.prompt.includes('--- Generation 2 of 2 (0:08–0:12, 4 s, starts from the last frame of generation 1) ---'));
    assert.equal(result.prompt.slice(second.output.start, second.output.end), second.prompt);
  });

  it('each generation repeats the style and every anchor of the characters in it, with the clip\'s own times', () => {
    const [first, second] = compileFor('veo-3.1').generations;
    for (const generation of [first, second]) assert.ok(generation.prompt.includes('Style: 35mm, grainy. Palette: teal and amber. Lighting: stormy dusk, consistent lighting.'), generation.prompt);
    assert.ok(first.prompt.includes('Mara: silver braid, yellow raincoat, weathered hands, green eyes.'));
    assert.equal(first.prompt.split('Mara (silver braid, yellow raincoat, weathered hands, green eyes)').length - 1, 2, 'anchors in both of Mara\'s shots');
    assert.ok(!second.prompt.includes('silver braid'), 'Mara is not in beat 3');
    assert.ok(second.prompt.includes('0:00–0:04: The lighthouse beam sweeps across the dark sea.'), second.prompt);
  });

  it('Kling 3.0: one generation with a shot list, durations summing to the clip, each shot prompt within 512', () => {
    const result = compileFor('kling-3.0');
    assert.equal(result.generations.length, 1);
    const { parameters } = result.generations[0];
    assert.equal(parameters.model_name, 'kling-v3');
    assert.equal(parameters.multi_shot, true);
    assert.equal(parameters.shot_type, 'customize');
    assert.equal(parameters.duration, '12');
    const shots = parameters.multi_prompt as { index: number; prompt: string; duration: string }[];
    assert.deepEqual(shots.map((s) => [s.index, s.duration]), [[1, '4'], [2, '4'], [3, '4']]);
    for (const shot of shots) assert.ok(shot.prompt.length <= kling.multiShot!.maxShotPrompt && shot.prompt.includes('Style: 35mm, grainy, teal and amber.'), shot.prompt);
    assert.ok(shots[0].prompt.startsWith('Wide, static: Mara (silver braid, yellow raincoat, weathered hands, green eyes) climbs'));
    assert.equal(parameters.sound, 'on');
  });

  it('the whole prompt is the one generation\'s when there is one; beats\' output offsets point into it', () => {
    const result = compileFor('kling-3.0');
    assert.equal(result.prompt, result.generations[0].prompt);
    for (const beat of result.beats) assert.ok(result.prompt.slice(beat.output.start, beat.output.end).startsWith(`Shot ${beat.index} (4 s): `));
  });

  it('every source map entry still copies the source text exactly, on every target', () => {
    const source = withAvoid.split('\n');
    for (const profile of testProfiles) {
      const result = compileFor(profile.id, withAvoid);
      for (const entry of result.sourceMap) {
        const output = result.prompt.slice(entry.start, entry.end);
        const text = source[entry.source.start.line].slice(entry.source.start.character, entry.source.end.character);
        assert.equal(output.toLowerCase(), text.toLowerCase(), `${profile.id} @${entry.start}`);
      }
      assert.ok(result.sourceMap.length > 10, profile.id);
    }
  });
});

describe('compile for a target: prompt layouts and dialogue', () => {
  const lineOf = (model: string) => compileFor(model).prompt;

  it('Sora cookbook layout: shot blocks with a Dialogue: list of `- Speaker: "line"`', () => {
    assert.ok(lineOf('sora-like').includes('Mood: hopeful.\nDialogue:\n- Mara: "Not tonight."'), lineOf('sora-like'));
  });

  it('Veo: subject and action, camera, ambience, audio, and speech inline with a verb', () => {
    const prompt = lineOf('veo-3.1');
    assert.ok(prompt.includes('0:04–0:08: Mara (silver braid, yellow raincoat, weathered hands, green eyes) strikes a match and lights the wick. Camera: close-up, static. Ambience: lamp room, brass and glass, hopeful mood. Mara says, "Not tonight."'), prompt);
    assert.ok(prompt.includes('Audio: wind howling through the tower.'));
  });

  it('Kling: the speaker labelled inside the shot', () => {
    assert.ok(lineOf('kling-3.0').includes('[Mara]: "Not tonight."'));
  });

  it('LTX: one present-tense paragraph starting with the action, speech inline', () => {
    const prompt = lineOf('ltx-2');
    assert.ok(!prompt.includes('\n'), 'one paragraph');
    assert.ok(prompt.startsWith('Mara (silver braid'), prompt.slice(0, 40));
    assert.ok(prompt.includes('Mara says, "Not tonight."'));
  });

  it('Runway: a paragraph per generation, led by the camera; no audio, so dialogue goes to the voice step', () => {
    const result = compileFor('runway-gen-4.5');
    assert.ok(result.generations[0].prompt.startsWith('Wide, static shot: Mara (silver braid'), result.generations[0].prompt);
    assert.ok(!result.prompt.includes('Not tonight'), 'no speech in the prompt');
    assert.ok(!result.prompt.includes('wind howling'), 'no sound in the prompt');
    assert.deepEqual(result.voiceStep, [{ speaker: 'Mara', at: 5, line: 'Not tonight.' }]);
    assert.ok(result.notes.some((note) => /makes no speech.*lip-sync/.test(note)), result.notes.join('\n'));
    assert.equal(result.generations[0].parameters.promptText, result.generations[0].prompt);
    assert.equal(result.generations[0].parameters.ratio, '1280:720');
    assert.equal(result.generations[0].parameters.duration, 8);
  });

  it('avoid: the negative-prompt parameter, an Avoid: line, or left out with a note', () => {
    const onVeo = compileFor('veo-3.1', withAvoid);
    assert.equal(onVeo.generations[0].parameters.negative_prompt, 'text, logos');
    assert.ok(!onVeo.prompt.includes('Avoid'));
    assert.ok(compileFor('sora-like', withAvoid).prompt.startsWith('35mm, grainy. Palette: teal and amber. Lighting: stormy dusk, consistent lighting. Avoid: text, logos.'));
    const onRunway = compileFor('runway-gen-4.5', withAvoid);
    assert.ok(!onRunway.prompt.includes('logos'));
    assert.ok(onRunway.notes.some((note) => note.includes('avoid: text, logos')), onRunway.notes.join('\n'));
    assert.ok(compileFor(undefined, withAvoid.replace('  model: sora-2\n', '')).prompt.includes('Avoid: text, logos.'), 'the seed layout writes it as Sora did');
  });
});

describe('compile for a target: the seed layout stays as it was', () => {
  it('no model line: model null, one generation of the whole prompt, no cost', () => {
    const result = compileFor(undefined, readExample('problems'));
    assert.equal(result.model, null);
    assert.equal(result.cost, null);
    assert.equal(result.generations.length, 1);
    assert.equal(result.generations[0].prompt, result.prompt);
    assert.deepEqual(result.generations[0].parameters, { duration: 25, aspect: '4:3', resolution: '1080p' });
  });

  it('a retired model (sora-2) compiles to the same prompt as before, planned and priced as history', () => {
    const seed = compile(parseStoryboard(lighthouse.replace('  model: sora-2\n', '')));
    const result = compileFor(undefined);
    assert.equal(result.prompt, seed.prompt);
    assert.deepEqual(result.model, { id: 'sora-2', label: 'Sora 2', status: 'retired', known: true });
    assert.deepEqual(result.generations[0].parameters, { model: 'sora-2', prompt: result.prompt, seconds: '12', size: '1280x720' });
    assert.deepEqual(result.cost, { usd: 1.2, perSecond: 0.1, asOf: '2026-12-01', confidence: 'official', source: 'profile' });
  });

  it('an unknown model: the seed layout and numbers, marked unknown', () => {
    const result = compileFor('veo-9');
    assert.deepEqual(result.model, { id: 'veo-9', label: 'veo-9', status: 'active', known: false });
    assert.equal(result.prompt, compileFor(undefined).prompt);
    assert.equal(result.cost, null);
  });
});

describe('compile for a target: cost', () => {
  it('seconds × price per second at the resolution, per generation and in all', () => {
    const result = compileFor('veo-3.1');
    assert.deepEqual(result.generations.map((g) => g.usd), [3.2, 1.6]);
    assert.deepEqual(result.cost, { usd: 4.8, perSecond: 0.4, asOf: '2026-12-01', confidence: 'unverified', source: 'profile' });
    assert.equal(compileFor('veo-3.1', lighthouse.replace('resolution: 1080p', 'resolution: 4k')).cost?.usd, 7.2);
  });

  it('the audio surcharge where it is priced apart, and not with audio: none', () => {
    assert.equal(compileFor('kling-3.0').cost?.perSecond, 0.3234);
    assert.equal(compileFor('kling-3.0').cost?.usd, 3.88);
    const silent = compileFor('kling-3.0', lighthouse.replace('audio: voice, ambience', 'audio: none'));
    assert.equal(silent.cost?.perSecond, 0.2352);
    assert.equal(silent.generations[0].parameters.sound, 'off');
  });

  it('padded generations are priced at the length asked for', () => {
    const result = compileFor('luma-ray-3.2', lighthouse, { prices: { 'luma-ray-3.2': { default: 0.1 } } });
    assert.deepEqual(result.generations.map((g) => g.seconds), [10, 5]);
    assert.equal(result.cost?.usd, 1.5);
  });

  it('prices can be overridden per model and resolution (and the default); the cost says so', () => {
    const result = compileFor('veo-3.1', lighthouse, { prices: { 'veo-3.1': { '1080p': 0.5 } } });
    assert.equal(result.cost?.usd, 6);
    assert.equal(result.cost?.source, 'override');
    assert.equal(compileFor('veo-3.1', lighthouse, { prices: { 'veo-3.1': { '4k': 1 } } }).cost?.source, 'profile', 'another resolution\'s override does not apply');
    assert.equal(compileFor('kling-3.0', lighthouse, { prices: { 'kling-3.0': { audio: 0 } } }).cost?.perSecond, 0.2352);
  });

  it('no price: no cost', () => {
    assert.equal(compileFor('luma-ray-3.2').cost, null);
    assert.deepEqual(compileFor('luma-ray-3.2').generations.map((g) => g.usd), [null, null]);
  });
});

describe('compile for a target: iterate', () => {
  const warmer = (model: string | undefined, profiles: readonly ModelProfile[] = testProfiles) =>
    compile(parseStoryboard(lighthouse), { variant: 'warmer', takeLog: takeLog(), model, profiles });

  it('Sora and no model keep "remix": the remix instruction, as before', () => {
    const seed = warmer(undefined);
    assert.equal(seed.iterate?.operation, 'remix');
    assert.equal(seed.iterate?.instruction, seed.remix);
    assert.ok(seed.remix?.startsWith('Change the lighting throughout to warm tungsten glow, consistent lighting.'));
    const soraLike = warmer('sora-like');
    assert.equal(soraLike.iterate?.operation, 'remix');
    assert.equal(soraLike.remix, soraLike.iterate?.instruction);
    assert.equal(soraLike.remixOf, 'take02');
  });

  it('regenerate (Veo): the one change in words, and the variant\'s request to send', () => {
    const result = warmer('veo-3.1');
    assert.equal(result.remix, null, 'remix is for Sora targets only');
    assert.equal(result.iterate?.operation, 'regenerate');
    assert.ok(result.iterate?.instruction.startsWith('Regenerate with this one change: change the lighting throughout to warm tungsten glow'), result.iterate?.instruction);
    assert.match(result.iterate!.instruction, /Keep everything else the same: Mara's look \(silver braid/);
    assert.deepEqual(result.iterate?.parameters, { generations: result.generations.map((g) => g.parameters) });
  });

  it('edit (video-to-video): an instruction for the take\'s video', () => {
    const result = warmer('runway-gen-4.5');
    assert.equal(result.iterate?.operation, 'edit');
    assert.ok(result.iterate?.instruction.startsWith('Edit this video (take02): change the lighting throughout'), result.iterate?.instruction);
    assert.deepEqual(result.iterate?.parameters, { model: 'gen4.5', videoUri: 'takes/scene09_take02.mp4', promptText: result.iterate?.instruction });
  });

  it('extend: a change that lengthens the take extends it; any other change regenerates', () => {
    const extender: ModelProfile = { ...veo, id: 'extender', iterate: { operation: 'extend', via: 'extend' } };
    const longer = lighthouse + '\nvariant longer from take02\n  settings duration: 15s\n';
    const result = compile(parseStoryboard(longer), { variant: 'longer', takeLog: takeLog(), model: 'extender', profiles: [extender] });
    assert.equal(result.iterate?.operation, 'extend');
    assert.ok(result.iterate?.instruction.startsWith('Extend take02 by 3 s: make the clip 15 seconds long.'), result.iterate?.instruction);
    assert.equal(result.iterate?.parameters.duration_seconds, 3);
    assert.equal(warmer('extender', [extender]).iterate?.operation, 'regenerate');
  });

  it('no variant of a take: no iteration', () => {
    assert.equal(compileFor('veo-3.1').iterate, null);
  });
});
