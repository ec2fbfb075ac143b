import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { profileFor } from '../../../server/out/core/models';
import {
  allowsAspect,
  allowsDuration,
  allowsResolution,
  couplingViolations,
  durationsFor,
  durationsOf,
  longestDuration,
  nearestDuration,
  normalizeAspect,
  normalizeResolution,
  requestFields,
} from '../../../server/out/core/models/limits';
import type { ModelProfile } from '../../../server/out/core/models/types';

// The helpers every reader of a profile shares, on small hand-made profiles (so each case shows its
// input) and on the real ones where the vendor's spelling is the point.

function real(id: string): ModelProfile {
  const found = profileFor(id);
  assert.ok(found, id);
  return found;
}

const base = real('veo-3.1');
const ranged = (min: number, max: number, step: number): ModelProfile => ({ ...base, durations: { kind: 'range', min, max, step }, couplings: [] });
const setOf = (...values: number[]): ModelProfile => ({ ...base, durations: { kind: 'set', values }, couplings: [] });

describe('limits: lengths', () => {
  it('expands a range by its step and sorts a set', () => {
    assert.deepEqual(durationsOf(ranged(3, 7, 1)), [3, 4, 5, 6, 7]);
    assert.deepEqual(durationsOf(ranged(2, 4, 0.5)), [2, 2.5, 3, 3.5, 4]);
    assert.deepEqual(durationsOf(setOf(10, 5)), [5, 10]);
    assert.deepEqual(durationsOf({ kind: 'range', min: 4, max: 3, step: 1 }), []);
    assert.deepEqual(durationsOf(ranged(1, 2, 0)), []);
  });

  it('a range allows only whole steps from its minimum, ends included', () => {
    const p = ranged(3, 15, 1);
    assert.deepEqual([2, 3, 7, 7.5, 15, 16].map((s) => allowsDuration(p, s)), [false, true, true, false, true, false]);
    assert.equal(allowsDuration(ranged(2, 4, 0.5), 3.5), true);
    assert.equal(allowsDuration(ranged(2, 4, 0.5), 3.25), false);
  });

  it('a set allows exactly its values, up to floating-point noise', () => {
    const p = setOf(4, 6, 8);
    assert.equal(allowsDuration(p, 6), true);
    assert.equal(allowsDuration(p, 0.1 * 60), true);
    assert.equal(allowsDuration(p, 5), false);
    assert.equal(allowsDuration(p, Number.NaN), false);
  });

  it('the longest and the nearest length (a tie goes to the longer: a clip can be trimmed)', () => {
    assert.equal(longestDuration(setOf(4, 8, 6)), 8);
    assert.equal(longestDuration(ranged(2, 10, 1)), 10);
    assert.equal(nearestDuration(setOf(4, 6, 8), 7), 8);
    assert.equal(nearestDuration(setOf(4, 6, 8), 4.9), 4);
    assert.equal(nearestDuration(setOf(5, 10), 30), 10);
    assert.equal(nearestDuration(setOf(), 3), undefined);
  });

  it('the lengths a coupling leaves: Hailuo 02 at 1080p makes only 6 s', () => {
    assert.deepEqual(durationsFor(real('hailuo-02'), { resolution: '1080p' }), [6]);
    assert.deepEqual(durationsFor(real('hailuo-02'), { resolution: '768p' }), [6, 10]);
    assert.deepEqual(durationsFor(real('veo-3.1'), { references: 3, resolution: '720p' }), [8]);
  });
});

describe('limits: aspects and resolutions as writers type them', () => {
  it('reads 16x9, 16/9 and spaces as 16:9', () => {
    assert.deepEqual(['16:9', ' 16 : 9 ', '16x9', '16/9'].map(normalizeAspect), ['16:9', '16:9', '16:9', '16:9']);
    assert.equal(allowsAspect(base, '9x16'), true);
    assert.equal(allowsAspect(base, '4:3'), false);
  });

  it('reads 1080P, 4K and a bare 1080 as 1080p and 4k', () => {
    assert.deepEqual(['1080P', '4K', '1080', ' 720p '].map(normalizeResolution), ['1080p', '4k', '1080p', '720p']);
    assert.equal(allowsResolution(base, '4K'), true);
    assert.equal(allowsResolution(base, '480p'), false);
  });
});

describe('limits: couplingViolations', () => {
  const coupled: ModelProfile = {
    ...setOf(6, 10),
    resolutions: ['768p', '1080p'],
    couplings: [
      { description: '1080p needs 6 s', when: { resolution: '1080p' }, requires: { durations: [6] }, confidence: 'official' },
      { description: 'audio at 1080p is 16:9', when: { resolution: '1080p', audio: true }, requires: { aspects: ['16:9'] }, confidence: 'sdk' },
    ],
  };

  it('reports each broken field once, with what the coupling allows', () => {
    const violations = couplingViolations(coupled, { resolution: '1080P', duration: 10, audio: true, aspect: '9:16' });
    assert.deepEqual(violations.map((v) => [v.field, v.value, v.allowed]), [['duration', 10, [6]], ['aspect', '9:16', ['16:9']]]);
    assert.equal(violations[0].coupling.description, '1080p needs 6 s');
  });

  it('applies a coupling only when every condition holds, and checks only fields the choice has', () => {
    assert.deepEqual(couplingViolations(coupled, { resolution: '1080p', duration: 10, aspect: '9:16' }).map((v) => v.field), ['duration']);
    assert.deepEqual(couplingViolations(coupled, { resolution: '768p', duration: 10, audio: true, aspect: '9:16' }), []);
    assert.deepEqual(couplingViolations(coupled, { resolution: '1080p' }), []);
    assert.deepEqual(couplingViolations(coupled, {}), []);
  });
});

describe('limits: requestFields, spelled as each API takes them', () => {
  it('Sora: seconds as a string; the size carries the aspect', () => {
    assert.deepEqual(requestFields(real('sora-2'), { duration: 8, aspect: '9:16', resolution: '720p' }), { seconds: '8', size: '720x1280' });
    assert.deepEqual(requestFields(real('sora-2-pro'), { duration: 12, aspect: '16:9', resolution: '1080p' }), { seconds: '12', size: '1920x1080' });
  });

  it('Veo: the REST names, numbers as numbers', () => {
    assert.deepEqual(requestFields(real('veo-3.1'), { duration: 8, aspect: '16:9', resolution: '1080P' }), { durationSeconds: 8, aspectRatio: '16:9', resolution: '1080p' });
  });

  it('Kling: the duration as a string and the resolution as the mode', () => {
    assert.deepEqual(requestFields(real('kling-3.0'), { duration: 12, aspect: '1:1', resolution: '1080p' }), { duration: '12', aspect_ratio: '1:1', mode: 'pro' });
  });

  it('Runway: the ratio in pixels; Luma: "5s" under video', () => {
    assert.deepEqual(requestFields(real('runway-gen-4.5'), { duration: 7, aspect: '21:9' }), { duration: 7, ratio: '1584:672' });
    assert.deepEqual(requestFields(real('luma-ray-3.2'), { duration: 5, aspect: '21:9', resolution: '720p' }), { 'video.duration': '5s', aspect_ratio: '21:9', 'video.resolution': '720p' });
  });

  it('local models count frames: Wan 81 at 16 fps, LTX 121 at 24 fps', () => {
    assert.deepEqual(requestFields(real('wan-2.2'), { duration: 5, aspect: '9:16', resolution: '480p' }), { '--frame_num': 81, '--size': '480*832' });
    assert.deepEqual(requestFields(real('ltx-2'), { duration: 5 }), { '--num-frames': 121 });
  });

  it('leaves out fields the API does not have: Aleph\'s length, Hailuo\'s aspect', () => {
    assert.deepEqual(requestFields(real('runway-aleph'), { duration: 8, aspect: '21:9' }), { targetAspectRatio: '21:9' });
    assert.deepEqual(requestFields(real('hailuo-02'), { duration: 6, aspect: '16:9', resolution: '1080p' }), { duration: 6, resolution: '1080P' });
  });
});
