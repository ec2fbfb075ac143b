import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { placeholderSnippet } from '../../../server/out/core/snippets';
import { applyFix, checkFixes, clean, edit, ofCode, rangeOf } from './harness';

// Fixes that leave the writer something to finish: what they write, that the `placeholder` rule
// holds the writer to any `<…>` they leave, and the snippet form the editor applies.

function only(text: string, code: string) {
  const found = ofCode(text, code);
  assert.equal(found.length, 1, `one ${code}: ${found.map((d) => d.message).join('; ')}`);
  return found[0];
}

describe('fixes that leave nothing unfinished', () => {
  it('anchor-count: the placeholders it adds are flagged until filled, one warning each', () => {
    const text = edit(clean, ['anchors: grey beard, orange oilskin coat, knitted cap', 'anchors: grey beard']);
    const fixed = applyFix(text, only(text, 'anchor-count'));
    assert.equal(ofCode(fixed, 'anchor-count').length, 0);
    const placeholders = ofCode(fixed, 'placeholder');
    assert.deepEqual(placeholders.map((d) => d.severity), ['warning', 'warning']);
    assert.deepEqual(placeholders[0].range, rangeOf(fixed, '<hair colour and style>'));
    assert.equal(ofCode(edit(fixed, ['<hair colour and style>', 'short grey hair'], ['<main garment and its colour>', 'orange oilskin coat']), 'placeholder').length, 0);
  });

  it('the fill-ins of logline-missing, style-missing and beat-fields are placeholders too', () => {
    const noLogline = edit(clean, ['logline: A fisherman mends his net as the fog lifts.\n', '']);
    assert.ok(ofCode(applyFix(noLogline, only(noLogline, 'logline-missing')), 'placeholder').length === 1);
    const noPalette = edit(clean, ['  palette: grey and ochre\n', '']);
    assert.ok(ofCode(applyFix(noPalette, only(noPalette, 'style-missing')), 'placeholder').length === 1);
    const noAction = edit(clean, ['  action: pulls the net across his knees\n', '']);
    assert.ok(ofCode(applyFix(noAction, only(noAction, 'beat-fields')), 'placeholder').length === 1);
  });

  it('a placeholder becomes a tab stop, the rest of the text is escaped', () => {
    assert.deepEqual(placeholderSnippet(', <hair colour and style>, <one $ detail}>'), {
      snippet: ', ${1:<hair colour and style>}, ${2:<one \\$ detail\\}>}',
      stops: 2,
    });
    assert.equal(placeholderSnippet('no placeholder, a < b > c'), undefined);
  });

  it('cameo-consent: records consent: pending under the cameo, with the cursor on pending', () => {
    const text = edit(clean, ['  anchors: grey beard', '  cameo: @ivo.k\n  anchors: grey beard']);
    const d = only(text, 'cameo-consent');
    assert.equal(d.fixes.length, 1);
    const fixed = applyFix(text, d);
    assert.match(fixed, /character Ivo\n {2}cameo: @ivo\.k\n {2}consent: pending\n {2}anchors: grey beard/);
    assert.match(only(fixed, 'cameo-consent').message, /pending/);
    assert.equal(d.fixes[0].edits[0].snippet, '\n  consent: ${1:pending}');
    assert.equal(checkFixes(text, 'cameo-consent'), 1);
  });

  it('reference-video: replaces the reference with a note on iterating a take', () => {
    const text = edit(clean, ['\nbeat 4s The net', '\nreference: refs/take.mp4\n\nbeat 4s The net']);
    const fixed = applyFix(text, only(text, 'reference-video'));
    assert.match(fixed, /^\/\/ refs\/take\.mp4 is a video, not a reference: log it as a take .*variant NAME from takeNN.*$/m);
    assert.equal(ofCode(fixed, 'reference-video').length + ofCode(fixed, 'syntax').length, 0);
  });

  it('beat-count: splits the longest beat into two halves, the second to fill in', () => {
    const text = edit(clean, ['beat 4s The knot', 'beat 8s The knot'], ['\nbeat 4s The harbour\n  subject: the harbour\n  action: fog thins over the moored boats\n  setting: harbour mouth, calm water\n  emotion: quiet\n  camera: wide, slow push in\n  sound: a distant bell\n', '']);
    const d = only(text, 'beat-count');
    assert.match(d.fixes[0].title, /Split beat 2 \(8s\) into two of 4s and 4s/);
    const fixed = applyFix(text, d);
    assert.match(fixed, /beat 4s The knot\n(?: {2}.*\n)+\nbeat 4s <title of the second half>\n {2}subject: Ivo\n {2}action: <what happens next>\n {2}setting: close on the net, wet rope\n/);
    assert.equal(ofCode(fixed, 'beat-count').length, 0);
    assert.equal(ofCode(fixed, 'timeline').length, 0);
    assert.equal(ofCode(fixed, 'placeholder').length, 2);
  });

  it('beat-count: merges the two shortest neighbours, keeping lines, timing and what differs', () => {
    const extra = (title: string, camera: string) => `\nbeat 1s ${title}\n  subject: the harbour\n  action: a gull ${title.toLowerCase()}\n  setting: the pier\n  emotion: calm\n  camera: ${camera}\n  say Ivo @0.5s "Hm."\n`;
    const text = `${edit(clean, ['duration: 12s', 'duration: 15s'])}${extra('Lands', 'wide, static')}${extra('Leaves', 'close-up, static')}${extra('Returns', 'wide, static')}`;
    const d = only(text, 'beat-count');
    assert.match(d.fixes[0].title, /Merge beats 4 and 5/);
    const fixed = applyFix(text, d);
    assert.match(fixed, /beat 2s Lands, then Leaves\n {2}subject: the harbour\n {2}action: a gull lands, then a gull leaves\n {2}setting: the pier\n {2}emotion: calm\n {2}camera: wide, static\n {2}say Ivo @0\.5s "Hm\."\n {2}say Ivo @1\.5s "Hm\."\n {2}\/\/ beat 5 had: camera: close-up, static\n/);
    assert.equal(ofCode(fixed, 'beat-count').length, 0);
    assert.equal(ofCode(fixed, 'timeline').length, 0);
  });

  it('camera-unknown: an unknown movement word is reported, and the fix removes it', () => {
    const text = edit(clean, ['camera: close-up, static', 'camera: close-up, static wobble']);
    const d = only(text, 'camera-unknown');
    assert.match(d.message, /"wobble"/);
    assert.match(applyFix(text, d), /camera: close-up, static\n/);
  });
});
