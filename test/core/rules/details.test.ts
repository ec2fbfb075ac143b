import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'mocha';
import { analyze } from '../../../server/out/core/analyze';
import { resolveConfig } from '../../../server/out/core/config';
import { ruleFor } from '../../../server/out/core/rules';
import { exampleFiles, readExample } from '../../helpers/paths';
import { applyFix, checkFixes, clean, describeAll, diagnostics, edit, expectNone, expectOne, lineRangeOf, ofCode, rangeOf } from './harness';

const problems = readExample('problems');
const problemsOptions = { documentPath: exampleFiles.problems.replace(/\\/g, '/'), files: { exists: (path: string) => fs.existsSync(path) } };

function only(text: string, code: string, options = {}) {
  const found = ofCode(text, code, options);
  assert.equal(found.length, 1, describeAll(diagnostics(text, options)));
  return found[0];
}

describe('rules: the problems example, fixed one fix at a time', () => {
  const codes = [...new Set(analyze(problems, problemsOptions).diagnostics.map((d) => d.code))];
  for (const code of codes) {
    it(`${code}: every fix removes it and adds no error`, () => {
      checkFixes(problems, code, problemsOptions);
    });
  }

  it('identity drift: the fix puts back the anchor\'s words', () => {
    const fixed = applyFix(problems, only(problems, 'identity-drift'));
    assert.match(fixed, /action: wearing a red apron, bows under neon light/);
  });

  it('lighting drift: "remove" takes the preposition with it; "move" puts it in the style', () => {
    const drift = only(problems, 'lighting-drift');
    assert.match(applyFix(problems, drift, 1), /action: wearing a blue apron, bows\n/);
    const moved = applyFix(problems, drift, 0);
    assert.match(moved, /lighting: neon light, consistent lighting/);
    expectNone(moved, 'lighting-drift');
    expectNone(moved, 'lighting-flicker');
    expectNone(moved, 'style-missing');
  });

  it('dialogue marker: the inserted marker leaves time to speak the line, and is safe', () => {
    const marker = only(problems, 'dialogue-marker');
    assert.equal(marker.fixes[0].safe, true);
    const fixed = applyFix(problems, marker);
    assert.match(fixed, /say Chef @1s "I am so sorry/);
    expectNone(fixed, 'dialogue-length');
  });

  it('physics: slow motion appended to the action', () => {
    assert.match(applyFix(problems, only(problems, 'physics-risk')), /crash and shatter on the tiles, in slow motion/);
  });

  it('duration-unstable: 15s with the beats scaled to fit, so the timeline adds up too', () => {
    const fixed = applyFix(problems, only(problems, 'duration-unstable'));
    assert.match(fixed, /duration: 15s/);
    expectNone(fixed, 'timeline');
  });

  it('beat fields: placeholders inserted after the action', () => {
    assert.match(applyFix(problems, only(problems, 'beat-fields')), /action: wearing a blue apron, bows under neon light\n  setting: <where it happens>\n  emotion: <the mood>\n/);
  });
});

describe('rules: details', () => {
  it('dialogue-length says the span, the need and the marker', () => {
    const text = edit(clean, ['beat 4s The knot', 'beat 8s The knot'], ['duration: 12s', 'duration: 16s'], ['say Ivo @1s "Almost there."', 'say Ivo @4s "One more knot and then we can go home before the storm hits us."']);
    const d = expectOne(text, 'dialogue-length', 'warning', rangeOf(text, 'One more knot and then we can go home before the storm hits us.'));
    assert.equal(d.message, 'Beat 2 runs 0:04–0:12 (8 s) but its line needs about 5.6 s (14 words at 2.5 a second) from @4s; shorten the line or move the marker earlier.');
    expectNone(text, 'dialogue-length', { config: resolveConfig({ wordsPerSecond: 4 }) });
  });

  it('scene-missing takes the id from the file name, and only then is safe', () => {
    const text = edit(clean, ['scene 05 "Harbour"\n', '']);
    const named = only(text, 'scene-missing', { documentPath: 'C:/work/scene07.sora' });
    assert.equal(named.fixes[0].safe, true);
    assert.match(applyFix(text, named), /^\/\/ Harbour, scene 05\nscene 07\nlogline:/);
    const unnamed = only(text, 'scene-missing');
    assert.equal(unnamed.fixes[0].safe, false);
  });

  it('settings-missing inserts 16:9, 1080p, the beats\' total and the audio they use', () => {
    const text = edit(clean, ['settings\n  aspect: 16:9\n  resolution: 1080p\n  duration: 12s\n  audio: voice, ambience\n\n', '']);
    const fixed = applyFix(text, only(text, 'settings-missing'));
    assert.match(fixed, /logline: .*\n\nsettings\n  aspect: 16:9\n  resolution: 1080p\n  duration: 12s\n  audio: voice, ambience\n\nstyle/);
    assert.equal(describeAll(diagnostics(fixed)), '');
  });

  it('duration-draft: over 15 s but not over 20 s, in a first draft only', () => {
    const text = edit(clean, ['duration: 12s', 'duration: 18s'], ['beat 4s The net', 'beat 6s The net'], ['beat 4s The knot', 'beat 6s The knot'], ['beat 4s The harbour', 'beat 6s The harbour']);
    expectOne(text, 'duration-draft', 'info', rangeOf(text, '18s'));
    expectNone(text, 'duration-unstable');
  });

  it('beat-count: too many beats is reported on the sixth', () => {
    const beat = '\nbeat 2s Extra\n  subject: the harbour\n  action: a gull lands\n  setting: the pier\n  emotion: calm\n  camera: wide, static\n';
    const text = edit(clean, ['duration: 12s', 'duration: 18s']) + beat + beat + beat;
    expectOne(text, 'beat-count', 'warning', lineRangeOf(text, 'beat 2s Extra', 2));
  });

  it('anchor-count: more than four is trimmed to the first four', () => {
    const text = edit(clean, ['knitted cap', 'knitted cap, blue eyes, a scar on the chin']);
    const d = only(text, 'anchor-count');
    assert.match(applyFix(text, d), /anchors: grey beard, orange oilskin coat, knitted cap, blue eyes\n/);
  });

  it('anchor-count: a character without an anchors line gets one, with placeholders', () => {
    const text = edit(clean, ['  anchors: grey beard, orange oilskin coat, knitted cap\n', '']);
    const d = expectOne(text, 'anchor-count', 'warning', rangeOf(text, 'Ivo'));
    assert.match(applyFix(text, d), /character Ivo\n  anchors: <hair colour and style>, <main garment and its colour>, <one distinctive detail>\n/);
  });

  it('identity drift: hair by colour and length against a bob, not a mere mention', () => {
    const rooftop = readExample('rooftop');
    const text = edit(rooftop, ['turns to him and speaks quietly', 'turns to him, long blonde hair in the wind']);
    const d = expectOne(text, 'identity-drift', 'warning', rangeOf(text, 'long blonde hair'));
    assert.match(d.message, /short black bob/);
    expectNone(edit(rooftop, ['turns to him and speaks quietly', 'turns to him, her hair in the wind']), 'identity-drift');
    expectNone(edit(rooftop, ['turns to him and speaks quietly', 'turns to him, red scarf in the wind']), 'identity-drift');
  });

  it('identity drift: the second fix makes the beat\'s words the anchor', () => {
    const fixed = applyFix(problems, only(problems, 'identity-drift'), 1);
    assert.match(fixed, /anchors: white toque, blue apron/);
    expectNone(fixed, 'identity-drift');
  });

  it('physics-risk: one impact in a beat under 3 s, in any form', () => {
    for (const word of ['crashes', 'crashing', 'crashed']) {
      const text = edit(clean, ['beat 4s The net', 'beat 2s The net'], ['beat 4s The harbour', 'beat 6s The harbour'], ['pulls the net across his knees', `a wave ${word} on the pier`]);
      expectOne(text, 'physics-risk', 'info', rangeOf(text, word));
    }
  });

  it('variant-changes: the split keeps one change here and moves the others to new variants', () => {
    const text = `${clean}\nvariant closer from main\n  beat 1 camera: close-up, static\n  style look: 16mm, grainy\n`;
    const fixed = applyFix(text, only(text, 'variant-changes'));
    assert.match(fixed, /variant closer from main\n  beat 1 camera: close-up, static\n\nvariant closer-2 from main\n  style look: 16mm, grainy\n$/);
    assert.equal(describeAll(diagnostics(fixed)), '');
  });

  it('camera-unknown: a camera that is only a movement gets a shot size in front', () => {
    const text = edit(clean, ['camera: close-up, static', 'camera: slow pan left']);
    const d = only(text, 'camera-unknown');
    assert.match(applyFix(text, d), /camera: medium, slow pan left/);
  });

  it('audio-plan: adding to `none` is not safe; adding to a list is', () => {
    const none = edit(clean, ['audio: voice, ambience', 'audio: none']);
    const found = ofCode(none, 'audio-plan');
    assert.equal(found.length, 2, describeAll(found));
    assert.ok(found.every((d) => !d.fixes[0].safe));
    const list = edit(clean, ['audio: voice, ambience', 'audio: voice']);
    const sound = only(list, 'audio-plan');
    assert.equal(sound.fixes[0].safe, true);
    assert.match(applyFix(list, sound), /audio: voice, ambience/);
  });

  it('duplicate-field: removing an identical copy is safe; a different one is not', () => {
    const same = edit(clean, ['  audio: voice, ambience', '  audio: voice, ambience\n  aspect: 16:9']);
    const d1 = only(same, 'duplicate-field');
    assert.deepEqual(d1.fixes.map((f) => f.safe), [true]);
    const different = edit(clean, ['  audio: voice, ambience', '  audio: voice, ambience\n  aspect: 9:16']);
    assert.deepEqual(only(different, 'duplicate-field').fixes.map((f) => [f.safe, f.preferred]), [[false, true], [false, false]]);
  });

  it('resolution 1080p is a safe fix; aspect is not', () => {
    assert.equal(only(edit(clean, ['1080p', '720p']), 'resolution').fixes[0].safe, true);
    assert.equal(only(edit(clean, ['16:9', '4:3']), 'aspect').fixes[0].safe, false);
    assert.equal(only(edit(clean, ['16:9', '3:4']), 'aspect').fixes[0].title, 'Set aspect 9:16');
  });

  it('cameo-consent: pending, revoked and malformed consent each say so', () => {
    const cameo = (consent: string) => edit(clean, ['  anchors: grey beard', `  cameo: @ivo.k\n  consent: ${consent}\n  anchors: grey beard`]);
    assert.match(only(cameo('pending'), 'cameo-consent').message, /pending/);
    assert.match(only(cameo('revoked 2026-11-01'), 'cameo-consent').message, /revoked on 2026-11-01/);
    const malformed = cameo('yes please');
    expectOne(malformed, 'cameo-consent', 'error', rangeOf(malformed, 'yes please'));
  });

  it('logline-sentences: an ellipsis running on is one sentence', () => {
    expectNone(edit(clean, ['A fisherman mends his net as the fog lifts.', 'A fisherman mends his net... and the fog lifts.']), 'logline-sentences');
  });

  it('rules that compare against a setting are silent without it', () => {
    const text = edit(clean, ['  aspect: 16:9\n  resolution: 1080p\n  duration: 12s\n  audio: voice, ambience\n', ''], ['beat 4s The harbour', 'beat 9s The harbour']);
    for (const code of ['aspect', 'resolution', 'duration-unstable', 'duration-draft', 'timeline', 'audio-plan']) expectNone(text, code);
  });

  it('a severity set in the configuration wins', () => {
    const text = edit(clean, ['camera: close-up, static', 'camera: closish, static']);
    const d = only(text, 'camera-unknown', { config: resolveConfig({ rules: { 'camera-unknown': 'error' } }) });
    assert.equal(d.severity, 'error');
    expectNone(text, 'camera-unknown', { config: resolveConfig({ rules: { 'camera-unknown': 'off' } }) });
  });

  it('`sora explain` reads the same table', () => {
    assert.match(ruleFor('identity-drift')?.explanation ?? '', /anchor/);
    assert.match(ruleFor('dialogue-length')?.explanation ?? '', /2\.5 words a second/);
  });
});
