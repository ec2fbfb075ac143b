import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readExample } from '../helpers/paths';
import { requireClient } from '../helpers/clientModules';
import { takeTarget } from '../../server/out/lsp/takes';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';

import type { TakeRowView, TakesState } from '../../client/out/takes/model';

// The scoring page (client/dist/webview/takes.js) in headless Chromium: keys, clicks, the messages
// it posts, escaping of user strings, the trend chart and the best take highlighted.

const script = 'client/dist/webview/takes.js';
const css = 'client/dist/webview/takes.css';

function lighthouseState(overrides: Partial<TakesState> = {}): TakesState {
  const log = JSON.parse(readExample('lighthouseTakes')) as { takes: any[] };
  const takes: TakeRowView[] = log.takes.map((take, index) => ({
    id: take.id,
    file: take.file,
    createdAt: take.createdAt,
    variant: take.variant,
    parent: take.parent ?? null,
    change: take.change ?? null,
    scores: { ...take.scores },
    total: Object.values(take.scores as Record<string, number>).reduce((a, b) => a + b, 0),
    notes: take.notes ?? '',
    missing: index === 0,
    outside: null,
    videoUri: index === 0 ? null : `https://webview.test/${take.file}`,
    branches: index === 1 ? 1 : 1,
    model: take.model ?? take.settings?.model ?? null,
    cost: typeof take.cost?.usd === 'number' ? take.cost.usd : null,
    provenance: null,
    videoKey: index === 0 ? null : '1000-1',
    shotScores: {},
  }));
  takes.push({
    id: 'take03',
    file: 'takes/scene09_take03.mp4',
    createdAt: '2026-11-21T10:00:00Z',
    variant: 'warmer',
    parent: 'take02',
    change: 'style lighting: warm tungsten glow, consistent lighting',
    scores: { promptAdherence: 3, physicsRealism: 4 },
    total: 7,
    notes: '',
    missing: true,
    outside: null,
    videoUri: null,
    branches: 0,
    model: 'veo-3.1',
    cost: 4.8,
    provenance: null,
    videoKey: null,
    shotScores: {},
  });
  return {
    type: 'state',
    uri: 'file:///work/lighthouse/scene09.sora',
    storyboard: 'scene09.sora',
    takes,
    best: 'take02',
    fix: { takeId: 'take02', criterion: 'promptAdherence', label: 'Prompt adherence', score: 4, fix: 'Simplify or shorten the prompt: fewer details per shot, one action per beat.' },
    unlogged: [{ file: 'takes/scene09_take04.mp4', takeId: 'take04' }],
    notice: null,
    maxBranches: 3,
    spend: { usd: 4.8, priced: 1, unpriced: takes.length - 1 },
    select: null,
    beats: [],
    lineage: { roots: [], best: null, bestPath: [] },
    frames: {},
    ...overrides,
  };
}

// The harness puts the theme variables in a style attribute on <html>, which the strict CSP blocks
// (and a quoted font name cuts short); set them through the CSSOM, which the CSP allows, as VS Code's
// own injected theme style would.
const theme: Record<string, string> = {
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': 'monospace',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-hoverBackground': '#026ec1',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#3c3c3c',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-textLink-activeForeground': '#4daafc',
  '--vscode-textBlockQuote-background': '#2b2b2b',
  '--vscode-list-inactiveSelectionBackground': '#37373d',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-inputValidation-errorBorder': '#be1100',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-lines': 'rgba(204, 204, 204, 0.25)',
};

async function applyTheme(page: WebviewPage['page']): Promise<void> {
  await page.evaluate((vars) => {
    for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
  }, theme);
}

/** Page errors except the blocked test video (the harness's CSP has no media-src). */
function realErrors(view: WebviewPage): string[] {
  return view.errors().filter((e) => !/media|\.mp4/i.test(e));
}

describe('webview: the takes scoring page', function () {
  this.timeout(30000);
  let view: WebviewPage;

  before(function () {
    if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) this.skip();
  });
  afterEach(async () => view?.close());
  after(() => closeBrowser());

  async function open(state: TakesState = lighthouseState(), options: { csp?: boolean; initialState?: unknown; viewport?: { width: number; height: number } } = {}) {
    view = await openWebviewPage({ scriptPath: script, cssPath: css, viewport: { width: 1280, height: 900 }, ...options });
    await view.waitForMessage((m) => m.type === 'ready');
    await applyTheme(view.page);
    await view.post(state);
    await view.page.waitForSelector('tr.take');
    return view;
  }

  it('shows one row per take with five score cells, totals and the best take highlighted', async () => {
    await open();
    const rows = await view.page.$$eval('tr.take', (trs) => trs.map((tr) => ({ id: (tr as HTMLElement).dataset.take, best: tr.classList.contains('best'), cells: tr.querySelectorAll('[role="slider"]').length, total: tr.querySelector('.total')?.textContent })));
    assert.deepEqual(rows, [
      { id: 'take01', best: false, cells: 5, total: '17' },
      { id: 'take02', best: true, cells: 5, total: '20' },
      { id: 'take03', best: false, cells: 5, total: '7' },
    ]);
    assert.equal(await view.page.textContent('tr.best .best-badge'), 'Best');
    assert.equal(await view.page.textContent('tr[data-take="take02"] .change'), 'beat 2 camera: close-up, static');
    assert.equal(await view.page.textContent('tr[data-take="take02"] .parent'), 'from take01');
    assert.match((await view.page.textContent('#fix')) ?? '', /take02.*Prompt adherence, 4 of 5.*Simplify or shorten/s);
    assert.match((await view.page.textContent('tr[data-take="take01"]')) ?? '', /video missing/);
    assert.deepEqual(realErrors(view), []);
    assert.deepEqual(view.blockedRequests().filter((u) => !u.endsWith('.mp4')), [], 'no remote content');
  });

  it('scores by click, posting the score', async () => {
    await open();
    view.clearMessages();
    await view.page.click('tr[data-take="take01"] [data-criterion="identityStability"] .pip[data-value="3"]');
    const message = await view.waitForMessage((m) => m.type === 'score');
    assert.deepEqual(message, { type: 'score', takeId: 'take01', criterion: 'identityStability', value: 3 });
    const cell = 'tr[data-take="take01"] [data-criterion="identityStability"]';
    assert.equal(await view.page.getAttribute(cell, 'aria-valuenow'), '3');
    assert.equal(await view.page.textContent('tr[data-take="take01"] .total'), '18', 'the total follows at once');
    assert.equal(await view.page.evaluate((sel) => document.activeElement === document.querySelector(sel), cell), true, 'focus stays on the cell');
  });

  it('scores with keys on a focused cell: 1–5, arrows, 0 clears', async () => {
    await open();
    const cell = 'tr[data-take="take03"] [data-criterion="audioSync"]';
    await view.page.focus(cell);
    assert.equal(await view.page.getAttribute(cell, 'aria-valuetext'), 'not scored');
    view.clearMessages();
    await view.page.keyboard.press('5');
    await view.page.keyboard.press('ArrowLeft');
    await view.page.keyboard.press('ArrowLeft');
    await view.page.keyboard.press('0');
    await view.page.keyboard.press('ArrowRight');
    await view.waitForMessage((m) => m.type === 'score' && m.value === 1);
    const values = view.messages().filter((m: any) => m.type === 'score').map((m: any) => [m.takeId, m.criterion, m.value]);
    assert.deepEqual(values, [
      ['take03', 'audioSync', 5],
      ['take03', 'audioSync', 4],
      ['take03', 'audioSync', 3],
      ['take03', 'audioSync', null],
      ['take03', 'audioSync', 1],
    ]);
    assert.equal(await view.page.getAttribute(cell, 'aria-valuenow'), '1');
    assert.equal(await view.page.getAttribute(cell, 'role'), 'slider');
    assert.match((await view.page.getAttribute(cell, 'aria-label')) ?? '', /Audio sync, take03/);
  });

  it('posts notes as they are typed, and keeps the typing through a state update', async () => {
    await open();
    view.clearMessages();
    const notes = 'tr[data-take="take03"] textarea';
    await view.page.click(notes);
    await view.page.keyboard.type('light too warm');
    const last = await view.waitForMessage((m) => m.type === 'notes' && m.notes === 'light too warm');
    assert.equal(last.takeId, 'take03');
    // A state update arrives (the host saved) while the box still has focus: nothing typed is lost.
    await view.post(lighthouseState());
    assert.equal(await view.page.inputValue(notes), 'light too warm');
    await view.page.keyboard.type('!');
    assert.equal(await view.page.inputValue(notes), 'light too warm!');
  });

  it('posts branch and select; plays the selected take or says its video is missing', async () => {
    await open();
    view.clearMessages();
    await view.page.click('tr[data-take="take02"] button.branch');
    assert.deepEqual(await view.waitForMessage((m) => m.type === 'branch'), { type: 'branch', takeId: 'take02' });
    await view.page.click('#fix button.branch-best');
    assert.equal(view.messages().filter((m: any) => m.type === 'branch').length, 2);

    // The best take is selected first and its video shown beside the scores.
    assert.equal(await view.page.getAttribute('#side video', 'src'), 'https://webview.test/takes/scene09_take02.mp4');
    await view.page.click('tr[data-take="take01"] button.select');
    assert.deepEqual(await view.waitForMessage((m) => m.type === 'select'), { type: 'select', takeId: 'take01' });
    assert.equal(await view.page.$('#side video'), null, 'no broken video element');
    assert.match((await view.page.textContent('#side .video-missing')) ?? '', /Video missing: takes\/scene09_take01\.mp4/);
    assert.equal(await view.page.getAttribute('tr[data-take="take01"]', 'aria-current'), 'true');
    assert.deepEqual(await view.state(), { uri: 'file:///work/lighthouse/scene09.sora', selected: 'take01' });

    await view.page.click('#unlogged button.log-file');
    assert.deepEqual(await view.waitForMessage((m) => m.type === 'logTake'), { type: 'logTake', file: 'takes/scene09_take04.mp4' });
  });

  it('a take whose file is outside the workspace is marked, and the page shows why instead of a player', async () => {
    const state = lighthouseState();
    state.takes[0] = { ...state.takes[0], file: '../../etc/passwd', missing: true, outside: 'leads outside the workspace', videoUri: null };
    await open(state);
    assert.match((await view.page.textContent('tr[data-take="take01"]')) ?? '', /outside workspace/);
    await view.page.click('tr[data-take="take01"] button.select');
    assert.equal(await view.page.$('#side video'), null, 'no player for a file outside');
    assert.match((await view.page.textContent('#side .video-outside')) ?? '', /Not loaded: \.\.\/\.\.\/etc\/passwd leads outside the workspace\. Only videos inside the workspace folder are played/);
  });

  it('restores the selected take after a reload', async () => {
    await open(lighthouseState(), { initialState: { uri: 'file:///work/lighthouse/scene09.sora', selected: 'take03' } });
    assert.ok(view.messages().some((m: any) => m.type === 'select' && m.takeId === 'take03'));
    assert.equal(await view.page.getAttribute('tr[data-take="take03"]', 'aria-current'), 'true');
  });

  it('keeps notes, changes and names inert text (no script runs, no element is made)', async () => {
    const payloads = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">', '"><svg onload="window.__pwned=3">'];
    const state = lighthouseState();
    state.takes[0].notes = payloads.join(' ');
    state.takes[1].change = payloads[1];
    state.takes[2].variant = payloads[2];
    state.takes[2].file = `takes/${payloads[0]}.mp4`;
    state.storyboard = payloads[1];
    state.fix = { ...state.fix!, fix: payloads[0] };
    for (const csp of [true, false]) {
      await open(state, { csp });
      assert.equal(await view.page.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(await view.page.$$eval('main img, main svg:not(.u-over svg), main script', (els) => els.length), 0);
      assert.equal(await view.page.inputValue('tr[data-take="take01"] textarea'), payloads.join(' '));
      assert.equal(await view.page.textContent('tr[data-take="take02"] .change'), payloads[1]);
      assert.match((await view.page.textContent('#title')) ?? '', /<img src=x onerror/);
      assert.match((await view.page.textContent('#fix')) ?? '', /<script>window.__pwned = 1<\/script>/);
      await view.page.click('tr[data-take="take03"] button.select');
      assert.match((await view.page.textContent('#side')) ?? '', /takes\/<script>/);
      assert.equal(await view.page.evaluate(() => (window as any).__pwned), undefined);
      await view.close();
    }
  });

  it('draws the trend chart of each criterion across takes, in theme colours', async () => {
    await open();
    await view.page.waitForSelector('#chart canvas');
    const chart = await view.page.evaluate(() => {
      const canvas = document.querySelector('#chart canvas') as HTMLCanvasElement;
      const context = canvas.getContext('2d')!;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
      const legend = Array.from(document.querySelectorAll('#chart .u-legend .u-label')).map((e) => e.textContent);
      const swatches = Array.from(document.querySelectorAll('#chart .u-legend .u-marker')).map((e) => getComputedStyle(e).borderColor);
      return { width: canvas.width, painted, legend, swatches, label: document.querySelector('#chart .chart-area')?.getAttribute('aria-label') };
    });
    assert.ok(chart.width > 200);
    assert.ok(chart.painted > 500, `lines are drawn (${chart.painted} pixels)`);
    assert.deepEqual(chart.legend.filter((l) => l !== 'Take'), ['Prompt adherence', 'Physics realism', 'Temporal consistency', 'Identity stability', 'Audio sync']);
    assert.ok(chart.swatches.includes('rgb(241, 76, 76)'), `identity uses --vscode-charts-red: ${chart.swatches.join(', ')}`);
    assert.equal(await view.page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(31, 31, 31)', 'theme colours from CSS variables');
    assert.match(chart.label ?? '', /Identity stability: 2, 4, not scored/);
    await view.screenshot('takes-lighthouse');
    assert.deepEqual(realErrors(view), []);
  });

  it('is readable at half width (600 px): every score, the total and the notes without scrolling sideways', async () => {
    await open(lighthouseState(), { viewport: { width: 600, height: 900 } });
    const layout = await view.page.evaluate(() => {
      const wrap = document.getElementById('table-wrap')!;
      const right = (selector: string) => Math.max(...Array.from(document.querySelectorAll(selector)).map((n) => n.getBoundingClientRect().right));
      const notes = document.querySelector('tr.take textarea')!.getBoundingClientRect();
      const labels = Array.from(document.querySelectorAll('tr.take:first-child td.score')).map((cell) => getComputedStyle(cell, '::before').content);
      return {
        pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wrapScroll: wrap.scrollWidth - wrap.clientWidth,
        scoresRight: right('tr.take td.score [role="slider"]'),
        totalRight: right('tr.take td.total'),
        notesWidth: notes.width,
        notesHeight: notes.height,
        width: document.documentElement.clientWidth,
        labels,
      };
    });
    assert.equal(layout.pageScroll, 0, 'the page scrolls sideways');
    assert.equal(layout.wrapScroll, 0, 'the grid scrolls sideways');
    assert.ok(layout.scoresRight <= layout.width && layout.totalRight <= layout.width, JSON.stringify(layout));
    assert.ok(layout.notesWidth >= layout.width * 0.7, `the notes box is ${layout.notesWidth} px wide`);
    assert.ok(layout.notesHeight >= 50, `the notes box is ${layout.notesHeight} px high`);
    // Without the header row in view, each score says what it scores.
    assert.deepEqual(layout.labels, ['"Prompt"', '"Physics"', '"Temporal"', '"Identity"', '"Audio"']);
    const shot = await view.screenshot('takes-half-width');
    assert.ok(fs.existsSync(shot));
    assert.deepEqual(realErrors(view), []);
  });

  it('shows a log that does not validate as an error with "Open file"', async () => {
    view = await openWebviewPage({ scriptPath: script, cssPath: css });
    await view.waitForMessage((m) => m.type === 'ready');
    await applyTheme(view.page);
    await view.post({ type: 'error', uri: 'file:///x/scene09.sora', storyboard: 'scene09.sora', message: 'scene09.takes.json could not be read: take01.scores.audioSync: a score is a whole number from 1 to 5. It will not be overwritten until it is fixed.' });
    await view.page.waitForSelector('#error:not([hidden])');
    const shown = (await view.page.textContent('#error')) ?? '';
    assert.match(shown, /could not be read: take01\.scores\.audioSync.*will not be overwritten/s);
    assert.equal(shown.split('will not be overwritten').length - 1, 1, `said once: ${shown}`);
    assert.equal(await view.page.isHidden('#layout'), true);
    view.clearMessages();
    await view.page.click('#open-file');
    assert.deepEqual(await view.waitForMessage((m) => m.type === 'openFile'), { type: 'openFile' });
    await view.screenshot('takes-invalid-log');
  });

  it('shows the scene\'s spend and each take\'s model and cost', async () => {
    await open();
    assert.equal(await view.page.textContent('#spend'), 'Spend ≈ $4.80 on 1 take (2 takes without a cost)');
    const targets = await view.page.$$eval('tr.take', (rows) => rows.map((row) => row.querySelector('.origin .target')?.textContent ?? null));
    assert.deepEqual(targets, ['sora-2', 'sora-2', 'veo-3.1 · ≈ $4.80']);
    await view.post(lighthouseState({ spend: null }));
    await view.page.waitForSelector('#spend', { state: 'hidden' });
    assert.deepEqual(realErrors(view), []);
  });

  it('words the spend, and records the model and estimated cost of the compilation a take is logged with', () => {
    const spend = requireClient<typeof import('../../client/out/takes/spend')>('takes/spend');
    assert.equal(spend.spendText({ usd: 9.6, priced: 3, unpriced: 0 }), 'Spend ≈ $9.60 on 3 takes');
    assert.equal(spend.spendText({ usd: 0.005, priced: 1, unpriced: 1 }), 'Spend ≈ $0.005 on 1 take (1 take without a cost)');
    const cost = { usd: 4.8, perSecond: 0.4, asOf: '2026-12-01', confidence: 'official', source: 'profile' as const };
    const compiled = (model: { id: string } | null, withCost: typeof cost | null, file: string | null = model?.id ?? null) => ({ summary: { model: model?.id ?? null }, settings: { model: file }, model, cost: withCost }) as any;
    // The server records them (Log Take compiles there): server/src/lsp/takes.ts.
    assert.deepEqual(takeTarget(compiled({ id: 'veo-3.1' }, cost)), { model: 'veo-3.1', cost: { usd: 4.8, perSecond: 0.4, asOf: '2026-12-01', source: 'profile' } });
    assert.deepEqual(takeTarget(compiled({ id: 'my-model' }, null)), { model: 'my-model' });
    assert.deepEqual(takeTarget(compiled(null, null)), {});
    assert.deepEqual(takeTarget(compiled({ id: 'veo-3.1' }, { ...cost, usd: Number.NaN })), { model: 'veo-3.1' });
  });

  it('says there are no takes yet on an empty log', async () => {
    view = await openWebviewPage({ scriptPath: script, cssPath: css });
    await view.waitForMessage((m) => m.type === 'ready');
    await view.post(lighthouseState({ takes: [], best: null, fix: null, unlogged: [] }));
    await view.page.waitForSelector('#table-wrap .empty');
    assert.match((await view.page.textContent('#table-wrap')) ?? '', /No takes logged yet/);
    assert.deepEqual(realErrors(view), []);
  });
});
