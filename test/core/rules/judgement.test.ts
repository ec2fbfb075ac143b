import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { analyze } from '../../../server/out/core/analyze';
import { hasConsistentLighting, lookDescriptors } from '../../../server/out/core/words';

// The word rules' judgement on sentences the corpus does not hold: the knowledge generalises.

const storyboard = (anchors: string, action: string, setting = 'a dusty road', lighting = 'golden hour natural key with tungsten bounce, consistent lighting') =>
  [
    'scene 01 "Probe"', 'logline: A test.', '', 'settings', '  aspect: 16:9', '  resolution: 1080p', '  duration: 12s', '',
    'style', '  palette: warm', `  lighting: ${lighting}`, '  look: 35mm, grainy', '', 'character Jo', `  anchors: ${anchors}`, '',
    'beat 4s A', '  subject: Jo', `  action: ${action}`, `  setting: ${setting}`, '  emotion: calm', '  camera: medium, static', '',
    'beat 4s B', '  subject: Jo', '  action: waits', '  setting: the road', '  emotion: calm', '  camera: wide, static', '',
    'beat 4s C', '  subject: Jo', '  action: walks away', '  setting: the road', '  emotion: calm', '  camera: wide, static', '',
  ].join('\n');
const found = (text: string, code: string) => analyze(text).diagnostics.filter((d) => d.code === code);

describe('judgement: identity, light and look beyond the corpus', () => {
  const drifts: [anchors: string, action: string][] = [
    ['stubble, denim jacket, round glasses', 'rubs his clean-shaven jaw'],
    ['stubble, denim jacket, round glasses', 'takes off his glasses and rubs his eyes'],
    ['stubble, denim jacket, round glasses', 'shrugs off his jacket'],
    ['bald head, red scarf, brown boots', 'tucks his hair behind an ear'],
    ['bald head, red scarf, brown boots', 'walks barefoot through the dust'],
    ['no glasses, short grey hair, navy coat', 'pushes his round glasses up'],
    ['no glasses, short grey hair, navy coat', 'in a mustard coat, waves'],
    ['long black braid, yellow raincoat, green eyes', 'lets her hair loose'],
    ['grey wool cap, orange parka, thick beard', 'stands bare-headed in the wind'],
  ];
  for (const [anchors, action] of drifts) {
    it(`drift: "${action}" against "${anchors}"`, () => {
      const list = found(storyboard(anchors, action), 'identity-drift');
      assert.equal(list.length, 1, list.map((d) => d.message).join('\n'));
    });
  }

  const agreements: [anchors: string, action: string][] = [
    ['stubble, denim jacket, round glasses', 'zips his denim jacket'],
    ['stubble, denim jacket, round glasses', 'pours a glass of water'],
    ['bald head, red scarf, brown boots', 'wraps his crimson scarf tighter'],
    ['no glasses, short grey hair, navy coat', 'buttons his dark blue coat'],
    ['no glasses, short grey hair, navy coat', 'brushes snow from his silver hair'],
    ['grey wool cap, orange parka, thick beard', 'takes his cap off, then puts it back on'],
    ['grey wool cap, orange parka, thick beard', 'tugs his knit cap lower'],
  ];
  for (const [anchors, action] of agreements) {
    it(`agrees: "${action}" with "${anchors}"`, () => {
      assert.deepEqual(found(storyboard(anchors, action), 'identity-drift').map((d) => d.message), []);
    });
  }

  it('quotes the beat\'s words and the anchor', () => {
    const [d] = found(storyboard('stubble, denim jacket, round glasses', 'rubs his clean-shaven jaw'), 'identity-drift');
    assert.match(d.message, /"clean-shaven".*"stubble"/);
  });

  it('the same light by another name is no drift; another light is', () => {
    for (const setting of ['the road at sunset', 'the road under the late sun', 'her dress catching the sunlight', 'a string of lanterns']) {
      assert.deepEqual(found(storyboard('stubble, denim jacket, round glasses', 'waits', setting), 'lighting-drift').map((d) => d.message), [], setting);
    }
    for (const setting of ['neon signs buzzing', 'the road by moonlight', 'the road, the noon sun overhead', 'a candle guttering in the window']) {
      const [d] = found(storyboard('stubble, denim jacket, round glasses', 'waits', setting), 'lighting-drift');
      assert.equal(d?.severity, 'warning', setting);
      assert.match(d.message, /the style's light: "golden hour"/);
    }
  });

  it('a particular light under a style that names its light only broadly is information', () => {
    const [d] = found(storyboard('stubble, denim jacket, round glasses', 'waits', 'the road at sunset', 'natural sunlight'), 'lighting-drift');
    assert.equal(d?.severity, 'info');
    assert.match(d.message, /"sunset".*"sunlight"/);
  });

  it('consistent lighting in its paraphrases', () => {
    for (const text of ['steady, even light', 'lighting held constant', 'even and unchanging light', 'flicker-free']) assert.ok(hasConsistentLighting(text), text);
    for (const text of ['soft, warm light', 'even the light flickers']) assert.ok(!hasConsistentLighting(text), text);
  });

  it('look descriptors however they are joined', () => {
    assert.deepEqual(lookDescriptors('black and white, high contrast'), ['black and white', 'high contrast']);
    assert.deepEqual(lookDescriptors('grainy 16mm with soft halation and a bleach-bypass grade'), ['grainy 16mm', 'soft halation', 'bleach-bypass grade']);
    assert.deepEqual(lookDescriptors('Super 8; light leaks / warm grain'), ['Super 8', 'light leaks', 'warm grain']);
  });
});
