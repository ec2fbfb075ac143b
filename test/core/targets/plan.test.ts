import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ModelProfile } from '../../../server/out/core/models/types';
import { describePlan, planGenerations, type PlanBeat } from '../../../server/out/core/target/plan';
import { kling, luma, runway, veo } from './fixtures';

/** Beats of these lengths, back to back. */
function beats(...lengths: number[]): PlanBeat[] {
  let clock = 0;
  return lengths.map((length, i) => {
    const beat = { index: i + 1, start: clock, end: clock + length };
    clock += length;
    return beat;
  });
}

/** `8 s [1,2] + 4 s [3] previous` — the plan in one line, for exact comparison. */
function summary(profile: ModelProfile, lengths: number[], resolution = '1080p'): string {
  const plan = planGenerations(beats(...lengths), profile, resolution);
  const clips = plan.clips.map((clip) => `${clip.seconds}${clip.padded ? '*' : ''} [${clip.beats.join(',')}]${clip.startFrom ? ` ${clip.startFrom}` : ''}`);
  return `${plan.fits ? '' : 'NO FIT: '}${clips.join(' + ')}`;
}

// The storyboards every profile is planned on: 4, 8, 12, 15 and 20 s.
const storyboards: Record<string, number[]> = { '4 s': [4], '8 s': [4, 4], '12 s': [4, 4, 4], '15 s': [5, 5, 5], '20 s': [4, 4, 4, 4, 4] };

describe('generations: the planner', () => {
  it('a set of lengths (Veo 3.1: 4, 6, 8 s): fewest clips at beat boundaries, exact before padded', () => {
    const plans = Object.fromEntries(Object.entries(storyboards).map(([name, lengths]) => [name, summary(veo, lengths)]));
    assert.deepEqual(plans, {
      '4 s': '4 [1]',
      '8 s': '8 [1,2]',
      '12 s': '8 [1,2] + 4 [3] previous',
      '15 s': '6* [1] + 6* [2] previous + 6* [3] previous',
      '20 s': '8 [1,2] + 8 [3,4] previous + 4 [5] previous',
    });
  });

  it('a range (Runway Gen-4.5: 2–10 s)', () => {
    const plans = Object.fromEntries(Object.entries(storyboards).map(([name, lengths]) => [name, summary(runway, lengths)]));
    assert.deepEqual(plans, {
      '4 s': '4 [1]',
      '8 s': '8 [1,2]',
      '12 s': '8 [1,2] + 4 [3] previous',
      '15 s': '10 [1,2] + 5 [3] previous',
      '20 s': '8 [1,2] + 8 [3,4] previous + 4 [5] previous',
    });
  });

  it('multi-shot (Kling 3.0: 3–15 s, up to 6 shots): one generation until the clip or the shot count is too much', () => {
    const plans = Object.fromEntries(Object.entries(storyboards).map(([name, lengths]) => [name, summary(kling, lengths)]));
    assert.deepEqual(plans, {
      '4 s': '4 [1]',
      '8 s': '8 [1,2]',
      '12 s': '12 [1,2,3]',
      '15 s': '15 [1,2,3]',
      '20 s': '12 [1,2,3] + 8 [4,5] previous',
    });
    assert.equal(summary(kling, [2, 2, 2, 2, 2, 2, 2]), '10 [1,2,3,4,5] + 4 [6,7] previous', 'seven shots: at most six per generation, and 2 s alone is under 3 s');
  });

  it('pads only when nothing fits exactly, up to the next length the model makes (Luma: 5 or 10 s)', () => {
    assert.equal(summary(luma, [5, 5]), '10 [1,2]');
    assert.equal(summary(luma, [4, 4, 4]), '10* [1,2] + 5* [3] previous');
    const plan = planGenerations(beats(4, 4, 4), luma);
    assert.equal(plan.padded, true);
    assert.equal(describePlan(plan), '10 s (8 s of beats, padded) + 5 s (4 s of beats, padded)');
  });

  it('extends where the model extends by exactly the beat length, at the resolutions extensions are made at', () => {
    assert.equal(summary(veo, [8, 7], '720p'), '8 [1] + 7 [2] extend', 'Veo extends by 7 s at 720p');
    assert.equal(summary(veo, [8, 7], '1080p'), '8 [1] + 8* [2] previous', 'no extension at 1080p: padded instead');
  });

  it('no first-frame input: later clips are not marked as continuing', () => {
    const blind: ModelProfile = { ...runway, images: { ...runway.images, firstFrame: false } };
    assert.equal(summary(blind, [4, 4, 4]), '8 [1,2] + 4 [3]');
  });

  it('no fit at beat boundaries: a beat longer than the longest clip; each beat is still planned alone', () => {
    const plan = planGenerations(beats(12, 4), veo);
    assert.equal(plan.fits, false);
    assert.deepEqual(plan.clips.map((clip) => [clip.beats, clip.seconds]), [[[1], 8], [[2], 4]]);
  });

  it('beats with no length ride along with a neighbour', () => {
    assert.equal(summary(veo, [4, 0, 4]), '8 [1,2,3]');
  });

  it('an empty storyboard has no generations', () => {
    assert.deepEqual(planGenerations([], veo), { clips: [], fits: true, padded: false });
  });
});
