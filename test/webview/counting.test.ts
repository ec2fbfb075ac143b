// One way to count: the preview shows the words, seconds and timecodes the core computes, not a
// copy of its own. The page (the bundle as shipped) is fed a compilation of text that counting
// rules disagree on, and every count and timecode it shows is compared with the core's.
import assert from 'node:assert/strict';
import type { CompileResponse } from '../../server/out/protocol';
import type * as PreviewModel from '../../client/out/preview/model';
import { readExample } from '../helpers/paths';
import { requireClient } from '../helpers/clientModules';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';
import * as core from '../../server/out/core/text';
import { analyze } from '../../server/out/core/analyze';
import { compile } from '../../server/out/core/compile';

const model = requireClient<typeof PreviewModel>('preview/model');

/** Text where a word count depends on the rule: dashes, apostrophes, hyphens, numbers, marks. */
const disputed = [
  'Wait--no, not tonight.',
  "Mara's braid, 35mm — grainy.",
  'a well-lit, rain-soaked deck',
  "rock 'n' roll",
  'the 3.5-second hold… then—silence',
  'Éloïse says: «non».',
  '--- — -- \' -',
];

function respond(text: string): CompileResponse {
  const { storyboard, diagnostics } = analyze(text);
  const compilation = compile(storyboard);
  return {
    ...compilation,
    uri: 'file:///work/scene09.sora',
    version: 1,
    variants: [],
    basePrompt: null,
    summary: { duration: compilation.settings.duration, beats: storyboard.beats.length, aspect: compilation.settings.aspect, overLimit: false, errors: 0, warnings: diagnostics.length, model: null, cost: null, review: [] },
  };
}

describe('one way to count: the preview and the core agree', function () {
  this.timeout(60000);
  let view: WebviewPage | undefined;
  afterEach(async () => {
    if (!view) return;
    const errors = view.errors();
    await view.close();
    view = undefined;
    assert.deepEqual(errors, []);
  });
  after(async () => {
    await closeBrowser();
  });

  it('the preview\'s model counts with the core\'s own functions', () => {
    assert.equal(model.countWords, core.countWords);
    assert.equal(model.formatTimecode, core.formatTimecode);
    assert.equal(model.formatSecondsProse, core.formatSecondsProse);
    assert.equal(core.countWords('Wait--no, not tonight.'), 4);
    assert.equal(core.formatTimecode(5.96), '0:06');
    assert.equal(core.formatSecondsProse(2.484), '2.48 s');
    assert.equal(core.formatSeconds(2.484), '2.48s');
  });

  it('the page shows the core\'s word counts, seconds and timecodes for each shot and the whole prompt', async () => {
    // Fractional beats whose ends the old preview wrote as `0:05.10`; each action one disputed text.
    const durations = ['2.48s', '3.48s', '6.04s'];
    let beat = 0;
    const text = readExample('lighthouse')
      .replace(/^beat 4s/gm, () => `beat ${durations[beat++]}`)
      .replace('climbs the spiral stairs, one hand on the rail', disputed.slice(0, 3).join(' '))
      .replace('strikes a match and lights the wick', disputed.slice(3, 5).join(' '))
      .replace('sweeps across the dark sea', disputed.slice(5).join(' '));
    const response = respond(text);
    assert.equal(response.beats.length, 3);
    assert.ok(response.prompt.includes('Wait--no, not tonight.'));
    view = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css' });
    await view.waitForMessage((m) => m.type === 'ready');
    await view.post({ type: 'update', response, fileName: 'scene09.sora', state: { uri: response.uri, locked: false, variant: null } });
    await view.page.waitForFunction(() => document.querySelectorAll('#prompt .shot').length === 3);

    const heads = await view.page.$$eval('#prompt .shot .shot-span', (nodes) => nodes.map((n) => n.textContent));
    response.beats.forEach((b, i) => {
      const words = core.countWords(response.prompt.slice(b.output.start, b.output.end));
      assert.equal(heads[i], `${core.formatTimecode(b.start)}–${core.formatTimecode(b.end)} · ${core.formatSecondsProse(b.end - b.start)} · ${words} words`);
    });
    assert.equal(heads[1], '0:02.5–0:06 · 3.48 s · ' + core.countWords(response.prompt.slice(response.beats[1].output.start, response.beats[1].output.end)) + ' words');
    const counts = await view.page.textContent('#counts');
    assert.equal(counts, `${core.countWords(response.prompt)} words · ${response.prompt.length} characters · 3 shots`);
    const beatSeconds = await view.page.$$eval('#timeline-track .beat-seconds', (nodes) => nodes.map((n) => n.textContent));
    assert.deepEqual(beatSeconds, response.beats.map((b) => core.formatSecondsProse(b.end - b.start)));
    const ticks = await view.page.$$eval('#timeline-scale .tick', (nodes) => nodes.map((n) => n.textContent));
    assert.deepEqual(ticks, ['0:00', core.formatTimecode(2.48), core.formatTimecode(5.96), core.formatTimecode(12)]);
  });

  it('a diff counts its added and removed words with the core\'s rule', async () => {
    const base = respond(readExample('lighthouse'));
    const changed = { ...base, variant: 'wait', variants: [{ name: 'wait', base: 'main', line: 1 }], basePrompt: base.prompt, prompt: base.prompt.replace('Not tonight.', 'Wait--no, not tonight.') };
    view = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css' });
    await view.waitForMessage((m) => m.type === 'ready');
    await view.post({ type: 'update', response: changed, fileName: 'scene09.sora', state: { uri: changed.uri, locked: false, variant: 'wait' } });
    await view.page.waitForSelector('#diff-section:not([hidden]) .change');
    const parts = await view.page.$$eval('#diff .change', (nodes) => nodes.map((n) => ({ old: n.querySelector('del')?.textContent ?? '', now: n.querySelector('ins')?.textContent ?? '' })));
    const added = parts.reduce((sum, p) => sum + core.countWords(p.now), 0);
    const removed = parts.reduce((sum, p) => sum + core.countWords(p.old), 0);
    assert.ok(added > removed, JSON.stringify(parts));
    assert.equal(await view.page.textContent('#diff-stats'), `+${added} −${removed} words`);
  });
});
