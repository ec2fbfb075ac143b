// The preview's targets in headless Chromium, fed what the real language server answers: the model
// picker (and its state across a reload), the other target's cards side by side with the file's own,
// the generations drawn as brackets over the timeline's beats, Copy request and Copy iteration.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CompileResponse, TargetChoice } from '../../server/out/protocol';
import type * as TargetsModule from '../../client/out/preview/targets';
import { requireClient } from '../helpers/clientModules';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';
import { Harness } from '../lsp/harness';
import { profileFor } from '../../server/out/core/models';
import { iterationTitle } from '../../server/out/protocol';

const targets = requireClient<typeof TargetsModule>('preview/targets');

type Targeted = CompileResponse;

const scriptPath = 'client/dist/webview/preview.js';
const cssPath = 'client/dist/webview/preview.css';

const hostile = '<img src=x onerror="window.__pwned=1">';

describe('preview targets (Chromium, real server answers)', function () {
  this.timeout(60000);
  let server: Harness;
  let uri: string;
  let own: Targeted;
  let kling: Targeted;
  let models: TargetChoice[];
  let hostileOwn: Targeted;
  let hostileKling: Targeted;
  let view: WebviewPage | undefined;

  before(async () => {
    server = await Harness.start();
    // Written over the lighthouse example, so the take log beside it holds the variant's base take.
    const lighthouse = fs.readFileSync(server.file('lighthouse/scene09.sora'), 'utf8');
    const text = lighthouse.replace('model: sora-2', 'model: veo-3.1');
    uri = await server.open('lighthouse/scene09.sora', text);
    const hostileUri = await server.open('scratch/hostile/scene09.sora', text.replace('action: sweeps across the dark sea', `action: sweeps across the dark sea ${hostile}`));
    hostileOwn = await server.request<CompileResponse>('sora/compile', { uri: hostileUri });
    hostileKling = await server.request<CompileResponse>('sora/compile', { uri: hostileUri, model: 'kling-3.0' });
    own = await server.request<CompileResponse>('sora/compile', { uri });
    kling = await server.request<CompileResponse>('sora/compile', { uri, model: 'kling-3.0' });
    models = own.targets ?? [];
  });

  after(async () => {
    await server?.stop();
    await closeBrowser();
  });

  afterEach(async () => {
    if (!view) return;
    const errors = view.errors();
    const blocked = view.blockedRequests();
    const pwned = await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    await view.close();
    view = undefined;
    assert.deepEqual(errors, [], 'no page errors or CSP violations');
    assert.deepEqual(blocked, [], 'no requests outside the page');
    assert.equal(pwned, undefined, 'no storyboard text ran as markup');
  });

  async function open(initialState?: unknown): Promise<WebviewPage> {
    const page = await openWebviewPage({ scriptPath, cssPath, initialState, viewport: { width: 1000, height: 900 } });
    await page.waitForMessage((m) => m.type === 'ready');
    return page;
  }

  async function show(page: WebviewPage, target: Targeted | null, model: string | null = null, response: Targeted = own): Promise<void> {
    await page.post({ type: 'update', response, fileName: 'scene09.sora', state: { uri, locked: false, variant: null, model }, target });
    await page.page.waitForFunction((n) => document.querySelectorAll('#target-cards .target-card').length === n, target ? 2 : 1);
  }

  it('the server plans the veo scene as 8 s + 4 s, the second from the first\'s last frame, and Kling 3.0 as one', () => {
    assert.equal(targets.targetId(own), 'veo-3.1');
    assert.deepEqual(own.generations?.map((g) => [g.seconds, g.startFrom]), [[8, null], [4, 'previous']]);
    assert.equal(kling.generations?.length, 1);
    assert.equal(targets.targetId(kling), 'kling-3.0');
  });

  it('draws each generation as a bracket over exactly the beats it makes', async () => {
    view = await open();
    await show(view, null);
    const brackets = await view.page.$$eval('#generation-rows .generation-row[data-target="own"] .generation', (nodes) =>
      nodes.map((n) => {
        const box = n.getBoundingClientRect();
        return { left: box.left, right: box.right, label: n.querySelector('.generation-label')!.textContent, beats: n.getAttribute('data-beats') };
      }),
    );
    assert.deepEqual(brackets.map((b) => b.label), ['Gen 1 · 8 s', 'Gen 2 · 4 s · from last frame']);
    const beats = await view.page.$$eval('#timeline-track .beat', (nodes) => nodes.map((n) => ({ left: n.getBoundingClientRect().left, right: n.getBoundingClientRect().right })));
    own.generations!.forEach((generation, i) => {
      const first = beats[generation.beats[0] - 1];
      const last = beats[generation.beats[generation.beats.length - 1] - 1];
      assert.equal(brackets[i].beats, generation.beats.join(','));
      // Brackets and beats share the strip; a later bracket is nudged 2 px to keep a gap between them.
      assert.ok(Math.abs(brackets[i].left - first.left) <= 2.5, `gen ${i + 1} starts over beat ${generation.beats[0]}`);
      assert.ok(Math.abs(brackets[i].right - last.right) <= 2.5, `gen ${i + 1} ends over beat ${generation.beats.at(-1)}`);
    });
    // One card: the file's own target, its generations' prompts as text, and its cost.
    const prompts = await view.page.$$eval('#target-cards .target-card .generation-prompt', (nodes) => nodes.map((n) => n.textContent));
    assert.deepEqual(prompts, own.generations!.map((g) => g.prompt));
    assert.equal(await view.page.textContent('#target-cards .target-card .target-cost'), targets.costText(own.cost));
    await view.screenshot('preview-generations');
  });

  it('the picker recompiles for another model, shown side by side and labelled, and is restored after a reload', async () => {
    view = await open();
    await show(view, null);
    const options = await view.page.$$eval('#model option', (nodes) => nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent })));
    assert.deepEqual(options[0], { value: '', label: 'veo-3.1 (the file\'s)' });
    assert.deepEqual(options.slice(1).map((o) => o.value).sort(), models.map((m) => m.id).filter((id) => id !== 'veo-3.1').sort());
    assert.ok(options.find((o) => o.value === 'sora-2')!.label!.endsWith('(retired)'));

    await view.page.selectOption('#model', 'kling-3.0');
    assert.deepEqual(await view.waitForMessage((m) => m.type === 'selectModel'), { type: 'selectModel', model: 'kling-3.0' });
    assert.equal(((await view.state()) as { model?: string }).model, 'kling-3.0', 'the pick is saved for restore');

    await show(view, kling, 'kling-3.0');
    assert.equal(await view.page.textContent('#target-banner'), `Compiled for ${profileFor('kling-3.0')!.label} (file says veo-3.1)`);
    const cards = await view.page.$$eval('#target-cards .target-card', (nodes) =>
      nodes.map((n) => ({ model: n.getAttribute('data-model'), top: n.getBoundingClientRect().top, left: n.getBoundingClientRect().left, generations: n.querySelectorAll('.target-generation').length })),
    );
    assert.deepEqual(cards.map((c) => [c.model, c.generations]), [['veo-3.1', own.generations!.length], ['kling-3.0', kling.generations!.length]]);
    assert.equal(cards[0].top, cards[1].top, 'side by side');
    assert.ok(cards[1].left > cards[0].left);
    const rows = await view.page.$$eval('#generation-rows .generation-row', (nodes) => nodes.map((n) => [n.getAttribute('data-target'), n.querySelectorAll('.generation').length]));
    assert.deepEqual(rows, [['own', own.generations!.length], ['picked', kling.generations!.length]]);

    await view.screenshot('preview-targets');

    // Copy request on the picked card: Kling's request body (prompt and its API's fields).
    view.clearMessages();
    await view.page.click('#target-cards .target-card[data-model="kling-3.0"] button[data-copy="request"]');
    const copy = await view.waitForMessage((m) => m.type === 'copy');
    assert.equal(copy.what, 'request');
    assert.equal(copy.label, 'kling-3.0');
    assert.deepEqual(JSON.parse(copy.text), targets.requestBody(kling.generations![0]));
    // The toolbar's Copy request is the file's own: two request bodies, in order.
    view.clearMessages();
    await view.page.click('#copy-request');
    const ownCopy = await view.waitForMessage((m) => m.type === 'copy');
    assert.deepEqual(JSON.parse(ownCopy.text), own.generations!.map(targets.requestBody));

    // Reload with the saved state: the pick comes back to the host, and to the picker.
    const saved = await view.state();
    await view.close();
    view = await open(saved);
    const ready = view.messages().find((m: any) => m.type === 'ready') as { state: { model?: string } };
    assert.equal(ready.state.model, 'kling-3.0');
    await show(view, kling, 'kling-3.0');
    assert.equal(await view.page.inputValue('#model'), 'kling-3.0');
  });

  it('shows storyboard text in the cards as text, never as markup', async () => {
    view = await open();
    await show(view, hostileKling, 'kling-3.0', hostileOwn);
    const prompts = await view.page.$$eval('#target-cards .generation-prompt', (nodes) => nodes.map((n) => n.textContent ?? ''));
    assert.ok(prompts.filter((p) => p.includes(hostile)).length >= 2, 'in both targets\' prompts, as typed');
    assert.equal(await view.page.locator('img').count(), 0);
  });

  it('a storyboard with no model: one card that says so, and the picker offers every model', async () => {
    const text = fs.readFileSync(server.file('lighthouse/scene09.sora'), 'utf8').replace('  model: sora-2\n', '');
    const bare = await server.request<CompileResponse>('sora/compile', { uri: await server.open('scratch/bare/scene09.sora', text) });
    view = await open();
    await show(view, null, null, bare);
    assert.equal(await view.page.textContent('#target-cards .target-name'), 'No model set');
    assert.equal(await view.page.textContent('#model option'), 'the file\'s (no model set)');
    assert.equal(await view.page.locator('#model option').count(), models.length + 1);
  });

  it('a variant of a take: Copy iteration names the target\'s operation', async () => {
    const operation = profileFor('veo-3.1')!.iterate.operation;
    const response = await server.request<Targeted>('sora/compile', { uri, variant: 'warmer' });
    assert.ok(response.iterate, `an iteration for warmer (${response.error})`);
    view = await open();
    await view.post({ type: 'update', response, fileName: 'scene09.sora', state: { uri, locked: false, variant: 'warmer' }, target: null });
    const button = view.page.locator('#target-cards button[data-copy="iteration"]');
    await button.waitFor();
    assert.equal(await button.textContent(), iterationTitle(operation));
    view.clearMessages();
    await button.click();
    const copy = await view.waitForMessage((m) => m.type === 'copy');
    assert.deepEqual([copy.what, copy.text], ['iteration', response.iterate!.instruction]);
  });
});

describe('preview targets (pure)', () => {
  const generation = (index: number, beats: number[], start: number, end: number, seconds: number, startFrom: 'previous' | 'extend' | null) => ({ index, beats, start, end, seconds, prompt: `p${index}`, parameters: { duration: seconds }, startFrom });

  it('places generation brackets on the strip and labels them', () => {
    const groups = targets.generationGroups([generation(1, [1, 2], 0, 8, 8, null), generation(2, [3], 8, 12, 4, 'previous')], 12);
    assert.deepEqual(groups.map((g) => [Math.round(g.left * 100) / 100, Math.round(g.width * 100) / 100, g.label]), [[0, 66.67, 'Gen 1 · 8 s'], [66.67, 33.33, 'Gen 2 · 4 s · from last frame']]);
    const padded = targets.generationGroups([generation(1, [1], 0, 3, 4, 'extend')], 3);
    assert.equal(padded[0].padding, 1);
    assert.equal(padded[0].label, 'Gen 1 · 4 s · extends the last clip');
    assert.deepEqual(targets.generationGroups([], 12), []);
    assert.deepEqual(targets.generationGroups(undefined, 12), []);
  });

  it('writes the request as one body, or an array of bodies in order', () => {
    const one = { summary: {}, settings: {}, generations: [generation(1, [1], 0, 4, 4, null)] } as unknown as Targeted;
    assert.deepEqual(JSON.parse(targets.requestText(one)!), { prompt: 'p1', duration: 4 });
    const two = { ...one, generations: [generation(1, [1], 0, 8, 8, null), generation(2, [2], 8, 12, 4, 'previous')] } as unknown as Targeted;
    assert.deepEqual(JSON.parse(targets.requestText(two)!), [{ prompt: 'p1', duration: 8 }, { prompt: 'p2', duration: 4 }]);
    assert.equal(targets.requestText({ ...one, generations: [] } as unknown as Targeted), null);
  });

  it('names iterations, costs and the comparison', () => {
    assert.equal(iterationTitle('remix'), 'Copy remix instruction');
    assert.equal(iterationTitle('edit'), 'Copy iteration (edit)');
    assert.equal(iterationTitle(null), 'Copy iteration');
    assert.equal(targets.costText({ usd: 4.8, perSecond: 0.4, asOf: '2026-12-01', confidence: 'official', source: 'profile' }), '≈ $4.80 · $0.40/s · prices as of 2026-12-01');
    assert.equal(targets.costText({ usd: 1, perSecond: 0.125, asOf: '2026-12-01', confidence: 'unverified', source: 'override' }), '≈ $1.00 · $0.125/s · your price override · unverified price');
    assert.equal(targets.costText(null), null);
    const response = (model: string | null) => ({ summary: { model }, settings: { model }, model: null }) as unknown as Targeted;
    assert.equal(targets.comparisonHeading(response('kling-3.0'), response('veo-3.1'), [{ id: 'kling-3.0', label: 'Kling 3.0' } as TargetChoice]), 'Compiled for Kling 3.0 (file says veo-3.1)');
    assert.equal(targets.comparisonHeading(response('ltx-2'), response(null)), 'Compiled for ltx-2 (the file sets no model)');
    assert.equal(targets.beatsText([1, 2, 3]), 'beats 1–3');
    assert.equal(targets.beatsText([2]), 'beat 2');
  });
});
