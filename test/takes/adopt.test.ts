import * as assert from 'node:assert/strict';
import { readExample } from '../helpers/paths';
import { adoptVariant } from '../../server/out/core/adopt';
import { parseStoryboard } from '../../server/out/core/parse';

const adopt = (text: string, variant: string) => adoptVariant(parseStoryboard(text), text, variant);

describe('adopt a take’s change: a variant written into the main text', () => {
  const lighthouse = readExample('lighthouse');

  it('the lighthouse’s warmer variant: only the style lighting line changes; the variant block stays', () => {
    const result = adopt(lighthouse, 'warmer');
    assert.ok(result.ok);
    assert.deepEqual(result.changes, ['style lighting: warm tungsten glow, consistent lighting']);
    assert.equal(result.text, lighthouse.replace('  lighting: stormy dusk, consistent lighting', '  lighting: warm tungsten glow, consistent lighting'));
    assert.ok(result.text.includes('variant warmer from take02'));
  });

  it('a variant built on another: both changes, the nearer one winning; a field not yet set is added to its beat; CRLF kept', () => {
    const text = `${lighthouse}\nvariant tight from warmer\n  beat 3 camera: close-up, static\n  style lighting: candle light\n  beat 1 sound: rain on glass\n  beat 2 sound: a match strikes\n`.replace(/\n/g, '\r\n');
    const result = adopt(text, 'tight');
    assert.ok(result.ok);
    assert.deepEqual(result.changes, ['style lighting: warm tungsten glow, consistent lighting', 'beat 3 camera: close-up, static', 'style lighting: candle light', 'beat 1 sound: rain on glass', 'beat 2 sound: a match strikes']);
    const main = result.text.slice(0, result.text.indexOf('variant warmer'));
    assert.ok(main.includes('\r\n  lighting: candle light\r\n'), 'the nearer variant wins');
    assert.ok(!main.includes('warm tungsten glow'));
    assert.ok(main.includes('  camera: wide, static\r\n  sound: rain on glass\r\n'), 'an existing line is replaced');
    assert.ok(!main.includes('wind howling'));
    assert.ok(main.includes('  say Mara @1s "Not tonight."\r\n  sound: a match strikes\r\n\r\nbeat 4s The beam'), 'a missing field is added at the end of its beat');
    assert.ok(main.includes('  camera: close-up, static\r\n  sound: waves breaking below'));
    assert.ok(!/[^\r]\n/.test(result.text), 'only CRLF line ends');
  });

  it('refuses main, an unknown variant, and a change to a beat the storyboard does not have', () => {
    assert.match((adopt(lighthouse, 'main') as { message: string }).message, /already is the main text/);
    assert.match((adopt(lighthouse, 'nope') as { message: string }).message, /there is no variant nope/);
    const text = `${lighthouse}\nvariant far from take02\n  beat 9 camera: static\n`;
    assert.match((adopt(text, 'far') as { message: string }).message, /there is no beat 9/);
  });
});
