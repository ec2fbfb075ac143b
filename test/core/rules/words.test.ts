import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { hasConsistentLighting, lightingMentions, namesShotSize, singular, stem, tokenize } from '../../../server/out/core/words';

describe('words: the heuristic rules\' word lists', () => {
  it('stems plural, -ing and -ed forms alike', () => {
    for (const group of [
      ['crash', 'crashes', 'crashing', 'crashed'],
      ['collide', 'collides', 'colliding', 'collided'],
      ['shatter', 'shatters', 'shattering', 'shattered'],
      ['slam', 'slams', 'slamming', 'slammed'],
      ['topple', 'topples', 'toppling', 'toppled'],
      ['hit', 'hits', 'hitting'],
    ]) {
      assert.equal(new Set(group.map(stem)).size, 1, group.join(', '));
    }
    assert.equal(stem('earrings'), 'earring');
    assert.equal(stem('fell'), 'fall');
  });

  it('singularizes nouns', () => {
    assert.equal(singular('glasses'), 'glass');
    assert.equal(singular('eyes'), 'eye');
    assert.equal(singular('raincoats'), 'raincoat');
    assert.equal(singular('berries'), 'berry');
    assert.equal(singular('dress'), 'dress');
  });

  it('tokenizes with offsets, keeping hyphens and apostrophes inside words', () => {
    const tokens = tokenize("A close-up of Mara's   braid, “quiet”");
    assert.deepEqual(tokens.map((t) => t.text), ['A', 'close-up', 'of', "Mara's", 'braid', 'quiet']);
    assert.deepEqual(tokens.map((t) => [t.start, t.end]), [[0, 1], [2, 10], [11, 13], [14, 20], [23, 28], [31, 36]]);
    assert.equal(tokens[1].lower, 'close-up');
  });

  it('counts impacts in every form', () => {
    const impacts = tokenize('crashed, shattering, collides and exploded; then she strikes a match').filter((t) => t.info.impact);
    assert.deepEqual(impacts.map((t) => t.text), ['crashed', 'shattering', 'collides', 'exploded']);
  });

  it('finds named lighting with its phrase, and not the verb "lights"', () => {
    const text = 'bows under neon light, then lights the wick by candlelight at golden hour';
    const found = lightingMentions(text, tokenize(text)).map((m) => [m.look, text.slice(m.start, m.end)]);
    assert.deepEqual(found, [['neon', 'neon light'], ['flame', 'candlelight'], ['golden hour', 'golden hour']]);
  });

  it('knows consistent lighting and shot sizes', () => {
    assert.ok(hasConsistentLighting('stormy dusk, consistent lighting'));
    assert.ok(!hasConsistentLighting('stormy dusk'));
    assert.ok(namesShotSize('close up, slow pan left'));
    assert.ok(namesShotSize('Medium Close-Up, static'));
    assert.ok(!namesShotSize('slow pan left'));
  });
});
