import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { approximateTokens, countPrompt, describeCount } from '../../../server/out/core/target/count';

describe('prompt limits: counting in the profile unit', () => {
  it('UTF-16 code units: an emoji is 2, a CJK character 1 (Runway counts so)', () => {
    assert.equal(countPrompt('🎬', 'utf16'), 2);
    assert.equal(countPrompt('灯塔', 'utf16'), 2);
    assert.equal(countPrompt('a 🎬 b', 'utf16'), 6);
  });

  it('characters are code points: an emoji is 1', () => {
    assert.equal(countPrompt('🎬', 'characters'), 1);
    assert.equal(countPrompt('灯塔の光', 'characters'), 4);
    assert.equal(countPrompt('a 🎬 b', 'characters'), 5);
    assert.equal(countPrompt('\ud83c', 'characters'), 1, 'a lone surrogate still counts once');
  });

  it('words are runs of non-space', () => {
    assert.equal(countPrompt('  Mara climbs\nthe stairs. ', 'words'), 4);
    assert.equal(countPrompt('', 'words'), 0);
  });

  it('tokens are an estimate that errs high: one per CJK character, about four letters per token', () => {
    assert.equal(approximateTokens('灯塔'), 2);
    assert.equal(approximateTokens('lighthouse'), 3);
    assert.equal(approximateTokens('a, b.'), 4);
    assert.ok(countPrompt('The lighthouse beam sweeps across the dark sea.', 'tokens') >= 9);
  });

  it('describes a count with its unit, approximate tokens saying so', () => {
    assert.equal(describeCount(1204, 'utf16'), '1,204 UTF-16 code units');
    assert.equal(describeCount(1, 'characters'), '1 character');
    assert.equal(describeCount(300, 'tokens'), '300 tokens (approximate)');
  });
});
