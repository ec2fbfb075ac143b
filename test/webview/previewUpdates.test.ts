// The preview of a long storyboard while the writer types: an edit to one shot changes the DOM of
// that shot only (counted with a MutationObserver), and a variant's changes read as whole phrases,
// old beside new, never letter by letter.
import assert from 'node:assert/strict';
import type { CompileResponse } from '../../server/out/protocol';
import { generateStoryboard } from '../bench/generate';
import { readExample } from '../helpers/paths';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';
import { compile } from '../../server/out/core/compile';
import { analyze } from '../../server/out/core/analyze';

let version = 0;
function respond(text: string, variant?: string): CompileResponse {
  const { storyboard, diagnostics } = analyze(text);
  const compilation = compile(storyboard, { variant });
  return {
    ...compilation,
    uri: 'file:///work/scene99.sora',
    version: ++version,
    variants: storyboard.variants.filter((v) => v.name).map((v) => ({ name: v.name!.text, base: v.base?.text ?? 'main', line: v.headerRange.start.line })),
    basePrompt: variant ? compile(storyboard).prompt : null,
    summary: { duration: compilation.settings.duration, beats: storyboard.beats.length, aspect: compilation.settings.aspect, overLimit: false, errors: 0, warnings: diagnostics.length, model: compilation.model?.id ?? null, cost: compilation.cost?.usd ?? null, review: [] },
  };
}

async function show(view: WebviewPage, response: CompileResponse): Promise<void> {
  await view.post({ type: 'update', response, fileName: 'scene99.sora', state: { uri: response.uri, locked: false, variant: response.variant } });
}

describe('preview webview: updates (Chromium)', function () {
  this.timeout(120000);
  let view: WebviewPage | undefined;
  afterEach(async () => {
    if (view) {
      const errors = view.errors();
      await view.close();
      view = undefined;
      assert.deepEqual(errors, []);
    }
  });
  after(async () => {
    await closeBrowser();
  });

  it('an edit to one shot of 1,000 changes only that shot in the page', async () => {
    const text = generateStoryboard(1000);
    view = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css' });
    await view.waitForMessage((m) => m.type === 'ready');
    await show(view, respond(text));
    await view.page.waitForFunction(() => document.querySelectorAll('#prompt .shot').length === 1000);

    // Beat 500's action, typed one letter longer.
    const edited = text.replace(/(beat 4s Moment 500\n {2}subject: Mara\n {2}action: [^\n]*)/, '$1s');
    assert.notEqual(edited, text);
    await view.page.evaluate(() => {
      const records: { target: string; type: string }[] = [];
      const describe = (node: Node): string => {
        const element = node instanceof Element ? node : node.parentElement;
        const shot = element?.closest('[data-shot]');
        const where = shot ? `${shot.parentElement?.id}#${shot.getAttribute('data-shot')}` : element?.closest('[id]')?.id ?? '?';
        return where;
      };
      new MutationObserver((list) => {
        for (const record of list) records.push({ target: describe(record.target), type: record.type });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      (window as unknown as { mutations: typeof records }).mutations = records;
    });
    await show(view, respond(edited));
    const edit = /beat 4s Moment 500\n {2}subject: Mara\n {2}action: ([^\n]*)/.exec(edited)![1];
    await view.page.waitForFunction((action) => document.querySelector('#prompt .shot[data-shot="499"] .shot-text')!.textContent!.includes(action), edit);
    await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const mutations = await view.page.evaluate(() => (window as unknown as { mutations: { target: string; type: string }[] }).mutations);
    const places = [...new Set(mutations.map((m) => m.target))].sort();
    // The shot's text and header (its word count), and the page's totals: nothing of the other 999.
    assert.deepEqual(places, ['counts', 'prompt#499'], JSON.stringify(mutations.slice(0, 20)));
    assert.ok(mutations.length <= 6, `${mutations.length} mutations: ${JSON.stringify(mutations.slice(0, 20))}`);
  });

  it('deleting one beat of 1,000 removes one shot node; the shots before it are not touched', async () => {
    const text = generateStoryboard(1000);
    view = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css' });
    await view.waitForMessage((m) => m.type === 'ready');
    await show(view, respond(text));
    await view.page.waitForFunction(() => document.querySelectorAll('#prompt .shot').length === 1000);
    // Beat 500 cut, and the clip shortened by its 4 s so the rest stays as it was.
    const edited = text.replace(/beat 4s Moment 500\n(?: {2}[^\n]*\n)*\n/, '').replace('duration: 4000s', 'duration: 3996s');
    assert.equal(edited.split('beat 4s').length - 1, 999);
    await view.page.evaluate(() => {
      const shots = Array.from(document.querySelectorAll('#prompt .shot'));
      shots.forEach((shot, i) => ((shot as unknown as { __was: number }).__was = i));
      const records: { shot: number | null; added: number; removed: number }[] = [];
      new MutationObserver((list) => {
        for (const record of list) {
          const element = record.target instanceof Element ? record.target : record.target.parentElement;
          const shot = element?.closest('#prompt .shot') as unknown as { __was?: number } | null;
          records.push({ shot: shot?.__was ?? null, added: record.addedNodes.length, removed: record.removedNodes.length });
        }
      }).observe(document.getElementById('prompt')!, { subtree: true, childList: true, attributes: true, characterData: true });
      (window as unknown as { records: typeof records }).records = records;
    });
    await show(view, respond(edited));
    await view.page.waitForFunction(() => document.querySelectorAll('#prompt .shot').length === 999);
    await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const records = await view.page.evaluate(() => (window as unknown as { records: { shot: number | null; added: number; removed: number }[] }).records);
    const inContainer = records.filter((r) => r.shot === null);
    // One node went from the prompt's own list, and none was made: every other shot kept its node.
    assert.deepEqual(inContainer.map((r) => [r.added, r.removed]), [[0, 1]], JSON.stringify(inContainer.slice(0, 10)));
    // Nothing before the cut changed; after it, each shot now shows the beat that followed (its number and timecodes moved up).
    const touched = [...new Set(records.map((r) => r.shot).filter((s): s is number => s !== null))].sort((a, b) => a - b);
    assert.ok(touched.length > 0 && touched[0] >= 499, `first shot touched: ${touched[0]}`);
    const first = await view.page.$eval('#prompt .shot[data-shot="498"] .shot-number', (n) => n.textContent);
    assert.equal(first, 'Shot 499');
    assert.match((await view.page.$eval('#prompt .shot[data-shot="499"] .shot-title', (n) => n.textContent))!, /^Moment 501$/);
  });

  it('shows a variant\'s change as whole phrases, the old beside the new', async () => {
    const lighthouse = readExample('lighthouse');
    const text = `${lighthouse.replace(/\n?$/, '\n')}\nvariant curly from main\n  character Mara anchors: curly red hair, yellow raincoat, weathered hands, green eyes\n`;
    view = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css', viewport: { width: 900, height: 900 } });
    await view.waitForMessage((m) => m.type === 'ready');
    await show(view, respond(text, 'curly'));
    await view.page.waitForSelector('#diff-section:not([hidden]) .change');
    const changes = await view.page.$$eval('#diff .change', (nodes) => nodes.map((n) => ({ old: n.querySelector('del')?.textContent ?? '', now: n.querySelector('ins')?.textContent ?? '' })));
    assert.ok(changes.length >= 1);
    for (const change of changes) {
      assert.equal(change.old.trim(), 'silver braid', JSON.stringify(changes));
      assert.equal(change.now.trim(), 'curly red hair', JSON.stringify(changes));
    }
    // Never a deleted or added fragment inside a word.
    const fragments = await view.page.$$eval('#diff del, #diff ins', (nodes) => nodes.map((n) => n.textContent ?? ''));
    for (const fragment of fragments) assert.match(fragment, /^\S.*\S$|^\S$/, `a whole phrase: ${JSON.stringify(fragment)}`);
    await view.screenshot('preview-variant-diff');
  });
});
