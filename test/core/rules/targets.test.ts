import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ModelProfile } from '../../../server/out/core/models/types';
import { runway, testProfiles, veo, withProfiles } from '../targets/fixtures';
import { clean, edit, ofCode } from './harness';

const forModel = (id: string, text = clean) => edit(text, ['\nsettings\n', `\nsettings\n  model: ${id}\n`]);
const only = (text: string, code: string, options = withProfiles) => {
  const found = ofCode(text, code, options);
  assert.equal(found.length, 1, `one ${code}`);
  return found[0];
};

describe('rules: targets, messages and fixes', () => {
  it('clip-length names the plan, the model, the figure and its source', () => {
    const d = only(forModel('veo-3.1'), 'clip-length');
    assert.equal(
      d.message,
      "Veo 3.1 makes 4, 6 or 8 s per generation (per googleapis/python-genai@6680718 google/genai/types.py, as of 2026-12-01); this 12 s clip is planned as 2 generations cut at beat boundaries: 8 s (beats 1–2) + 4 s (beat 3), the second starting from the first's last frame.",
    );
    assert.deepEqual(d.fixes.map((f) => f.title), ['Make it one generation: set the clip to 8 s (beats 2.5 s + 2.5 s + 3 s)']);
  });

  it('clip-length is an error when no cut fits, and says which beat is too long', () => {
    const d = only(forModel('veo-3.1', edit(clean, ['duration: 12s', 'duration: 16s'], ['beat 4s The net', 'beat 12s The net'], ['beat 4s The knot', 'beat 2s The knot'], ['beat 4s The harbour', 'beat 2s The harbour'])), 'clip-length');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /beat 1 \(12 s\) is longer than the 8 s it makes at most/);
  });

  it('lenient where the fact is unverified: info, and the message says so', () => {
    const unsure: ModelProfile = { ...veo, id: 'unsure', durationsConfidence: 'unverified' };
    const d = only(forModel('unsure'), 'clip-length', { profiles: [...testProfiles, unsure] });
    assert.equal(d.severity, 'info');
    assert.match(d.message, /unverified/);
  });

  it('prompt-length counts UTF-16 for Runway (emoji count 2) and code points for Kling', () => {
    const emoji = edit(clean, ['action: pulls the net across his knees', `action: pulls the net ${'🎣'.repeat(450)}`]);
    const onRunway = only(forModel('runway-gen-4.5', emoji), 'prompt-length');
    assert.match(onRunway.message, /^Generation 1's prompt is 1,\d{3} UTF-16 code units; Runway Gen-4.5 takes at most 1,000 UTF-16 code units \(per runwayml/);
    const byCodePoints: ModelProfile = { ...runway, id: 'runway-characters', promptLimit: { ...runway.promptLimit, unit: 'characters' } };
    assert.equal(ofCode(forModel('runway-characters', emoji), 'prompt-length', { profiles: [...testProfiles, byCodePoints] }).length, 0, 'the same prompt is under 1,000 code points');
  });

  it('prompt-length checks each shot of a shot list (Kling: 512 per shot)', () => {
    const long = edit(clean, ['action: pulls the net across his knees', `action: pulls the net across his knees ${'and hums '.repeat(60)}`]);
    const d = only(forModel('kling-3.0', long), 'prompt-length');
    assert.match(d.message, /^Shot 1's prompt is \d{3} characters; Kling 3.0 takes at most 512 characters per shot/);
  });

  it('prompt-length on advice (LTX: 200 words) is a warning that says it is the guide\'s advice', () => {
    const wordy = edit(clean, ['action: pulls the net across his knees', `action: pulls the net across his knees ${'and hums softly '.repeat(60)}`]);
    const d = only(forModel('ltx-2', wordy), 'prompt-length');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /words; LTX-2's guide advises at most 200 words/);
  });

  it('audio-unsupported says what to do instead, for speech, sound and the audio setting', () => {
    const found = ofCode(forModel('runway-gen-4.5'), 'audio-unsupported', withProfiles);
    assert.deepEqual(found.map((d) => d.message.replace(/ \(per [^)]*\)/, '')), [
      'Runway Gen-4.5 makes no speech: plan it as a separate voice and lip-sync step, or pick a model with native audio.',
      'Runway Gen-4.5 makes no ambience: plan it as a separate sound step, or pick a model with native audio.',
      'Runway Gen-4.5 makes no sound effects: the sound is left out of the prompt. Add it in the edit.',
      'Runway Gen-4.5 makes no speech: this line is left out of the prompt. Record or synthesise it in a separate voice step, then lip-sync it to the clip.',
      'Runway Gen-4.5 makes no sound effects: the sound is left out of the prompt. Add it in the edit.',
    ]);
  });

  it('model-retired says since when and per which source, and offers the current successors', () => {
    const d = only(forModel('sora-2'), 'model-retired');
    assert.match(d.message, /^Sora 2 is retired since 2026-09-24 \(per openai\/openai-python@e43b422 src\/openai\/resources\/videos\.py\)/);
    assert.deepEqual(d.fixes.map((f) => f.title), ['Switch to Veo 3.1 (model: veo-3.1)', 'Switch to Kling 3.0 (model: kling-3.0)', 'Switch to Runway Gen-4.5 (model: runway-gen-4.5)']);
  });

  it('a retired model is checked with the seed numbers: 1080p is fine though Sora 2 made 720p', () => {
    assert.equal(ofCode(forModel('sora-2'), 'resolution', withProfiles).length, 0);
  });

  it('model-unknown offers the nearest ids', () => {
    const d = only(forModel('kling-3'), 'model-unknown');
    assert.equal(d.fixes[0].title, 'Set model kling-3.0');
    assert.match(d.message, /Did you mean kling-3\.0/);
  });

  it('aspect names the model, its aspects and the source; the fix keeps the shape', () => {
    const d = only(forModel('veo-3.1', edit(clean, ['aspect: 16:9', 'aspect: 4:5'])), 'aspect');
    assert.equal(d.message, 'Aspect "4:5" is not one Veo 3.1 makes: it makes 16:9 or 9:16 (per googleapis/python-genai@6680718 google/genai/types.py, as of 2026-12-01).');
    assert.equal(d.fixes[0].title, 'Set aspect 9:16');
  });

  it('a coupling: clips with reference images are 8 s only on Veo, so a 4 s clip in the plan is reported at the reference', () => {
    const withReference = edit(clean, ['\nbeat 4s The net', '\nreference: refs/harbour.png\n\nbeat 4s The net']);
    const found = ofCode(forModel('veo-3.1', withReference), 'clip-length', withProfiles);
    assert.equal(found.length, 2, 'the plan, and the reference mode');
    assert.ok(found.some((d) => /clips with references are 8 s only; this plan asks for 4 s/.test(d.message)), found.map((d) => d.message).join('\n'));
    const sixteen = edit(withReference, ['duration: 12s', 'duration: 16s'], ['beat 4s The harbour', 'beat 8s The harbour']);
    assert.equal(ofCode(forModel('veo-3.1', sixteen), 'clip-length', withProfiles).filter((d) => /references/.test(d.message)).length, 0, '8 s + 8 s');
  });

  it('a coupling: Veo reference-image mode is 16:9 only', () => {
    const vertical = edit(clean, ['aspect: 16:9', 'aspect: 9:16'], ['\nbeat 4s The net', '\nreference: refs/harbour.png\n\nbeat 4s The net']);
    const d = only(forModel('veo-3.1', vertical), 'aspect');
    assert.match(d.message, /^Veo 3\.1: reference-image mode is 16:9 only/);
  });
});
