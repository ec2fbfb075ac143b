import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TakeLog } from '../../server/out/core/takes';
import type { BeatView, TakeRowView, TakesState } from '../../client/out/takes/model';
import { makeColourVideo } from '../helpers/media';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';
import { takeLineage } from '../../server/out/core/lineage';

// The review views of the takes page in headless Chromium, on videos made here with ffmpeg: one
// colour per beat (red, green, blue), so each captured frame's colour proves which second it
// came from. WebM (VP8) because Debian's chromium decodes it without proprietary codecs.

const script = 'client/dist/webview/takes.js';
const css = 'client/dist/webview/takes.css';

const beats: BeatView[] = [
  { index: 1, start: 0, end: 4, title: 'The climb', text: 'Shot 1 (0:00-0:04), wide, static: Mara climbs the spiral stairs.', dialogue: [] },
  { index: 2, start: 4, end: 8, title: 'The lamp', text: 'Shot 2 (0:04-0:08), close-up, static: Mara strikes a match.', dialogue: [{ speaker: 'Mara', at: 5, line: 'Not tonight.' }] },
  { index: 3, start: 8, end: 12, title: 'The beam', text: 'Shot 3 (0:08-0:12), wide, slow push in: the beam sweeps the sea.', dialogue: [] },
];

function row(id: string, fields: Partial<TakeRowView>): TakeRowView {
  return {
    id,
    file: `takes/scene09_${id}.webm`,
    createdAt: '2026-11-20T09:00:00Z',
    variant: 'main',
    parent: null,
    change: null,
    scores: {},
    total: null,
    notes: '',
    missing: false,
    videoUri: `https://webview.test/takes/scene09_${id}.webm`,
    branches: 0,
    provenance: null,
    videoKey: `key-${id}`,
    shotScores: {},
    outside: null,
    model: null,
    cost: null,
    ...fields,
  };
}

function stateOf(takes: TakeRowView[], overrides: Partial<TakesState> = {}): TakesState {
  const log: TakeLog = {
    version: 1,
    storyboard: 'scene09.sora',
    takes: takes.map((t) => ({ id: t.id, file: t.file, createdAt: t.createdAt, variant: t.variant, settings: {}, prompt: '', ...(t.parent ? { parent: t.parent } : {}), ...(t.change ? { change: t.change } : {}), ...(Object.keys(t.scores).length ? { scores: t.scores } : {}) })),
  };
  const best = takeLineage(log).best;
  return { type: 'state', uri: 'file:///work/scene09.sora', storyboard: 'scene09.sora', takes, best, fix: null, unlogged: [], notice: null, maxBranches: 3, select: null, beats, lineage: takeLineage(log), frames: {}, spend: null, ...overrides };
}

const full = { promptAdherence: 4, physicsRealism: 4, temporalConsistency: 3, identityStability: 2, audioSync: 4 };
const better = { promptAdherence: 4, physicsRealism: 4, temporalConsistency: 4, identityStability: 4, audioSync: 4 };

/** The dominant colour of each frame image in a container, as 'red' | 'green' | 'blue' | 'other'. */
async function frameColours(view: WebviewPage, selector: string): Promise<string[]> {
  return view.page.evaluate((sel) => {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d')!;
    return Array.from(document.querySelectorAll<HTMLImageElement>(sel)).map((image) => {
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      context.drawImage(image, 0, 0);
      const [r, g, b] = context.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
      if (r > 150 && g < 100 && b < 100) return 'red';
      if (g > 90 && r < 100 && b < 100) return 'green';
      if (b > 150 && r < 100 && g < 100) return 'blue';
      return `other(${r},${g},${b})`;
    });
  }, selector);
}

describe('webview: reviewing takes from the video (frames, side by side, lineage, provenance)', function () {
  this.timeout(60000);
  let media: string;
  let files: Record<string, string>;

  before(() => {
    media = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-review-'));
    // take01 is as long as the storyboard (12 s); take02 is half as long (6 s): its frames are scaled.
    files = {
      '/takes/scene09_take01.webm': makeColourVideo(path.join(media, 'take01.webm'), ['red', 'lime', 'blue'], 4),
      '/takes/scene09_take02.webm': makeColourVideo(path.join(media, 'take02.webm'), ['red', 'lime', 'blue'], 2),
    };
  });
  after(async () => {
    fs.rmSync(media, { recursive: true, force: true });
    await closeBrowser();
  });

  const open = (initialState?: unknown) => openWebviewPage({ scriptPath: script, cssPath: css, files, initialState });
  const twoTakes = () => stateOf([row('take01', { scores: full, total: 17 }), row('take02', { parent: 'take01', change: 'beat 2 camera: close-up, static', scores: better, total: 20 })]);

  it('frames per shot: each beat’s start, middle and end come from that beat’s seconds, scaled to a shorter video', async () => {
    const view = await open();
    try {
      await view.post({ ...twoTakes(), select: 'take02' });
      await view.page.waitForFunction(() => document.querySelectorAll('#frames .frame img').length === 9, undefined, { timeout: 20000 });
      assert.deepEqual(await frameColours(view, '#frames .frame img'), ['red', 'red', 'red', 'green', 'green', 'green', 'blue', 'blue', 'blue']);
      const times = await view.page.$$eval('#frames .frame', (frames) => frames.map((f) => Number((f as HTMLElement).dataset.time)));
      assert.deepEqual(times, [0.125, 1, 1.875, 2.125, 3, 3.875, 4.125, 5, 5.875]);
      assert.match((await view.page.textContent('#frames .beat-row[data-beat="2"]')) ?? '', /Shot 2: The lamp .*Mara strikes a match.*Mara \(5s\): “Not tonight\.”/s);
      // The side-by-side view captures take01 too: the strip's own capture is take02's.
      const captured = await view.waitForMessage((m) => m.type === 'framesCaptured' && m.key.startsWith('take02|'));
      assert.match(captured.key, /^take02\|key-take02\|0\.125,1,1\.875;/);
      assert.equal(captured.frames.length, 9);
      assert.ok(captured.frames.every((f: string) => f.startsWith('data:image/jpeg;base64,')));
      assert.deepEqual(view.blockedRequests(), []);
      assert.deepEqual(view.errors(), []);
    } finally {
      await view.close();
    }
  });

  it('a full-length video: frames at the storyboard’s own seconds', async () => {
    const view = await open();
    try {
      await view.post({ ...twoTakes(), select: 'take01' });
      await view.page.waitForFunction(() => document.querySelectorAll('#frames .frame img').length === 9, undefined, { timeout: 20000 });
      assert.deepEqual(await frameColours(view, '#frames .frame img'), ['red', 'red', 'red', 'green', 'green', 'green', 'blue', 'blue', 'blue']);
      const times = await view.page.$$eval('#frames .frame', (frames) => frames.map((f) => Number((f as HTMLElement).dataset.time)));
      assert.deepEqual(times, [0.25, 2, 3.75, 4.25, 6, 7.75, 8.25, 10, 11.75]);
    } finally {
      await view.close();
    }
  });

  it('reopened with the host’s cached frames: shown at once, nothing captured again', async () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const key = 'take01|key-take01|0.25,2,3.75;4.25,6,7.75;8.25,10,11.75';
    const view = await open();
    try {
      await view.post({ ...twoTakes(), select: 'take01', frames: { [key]: Array(9).fill(pixel) } });
      await view.page.waitForFunction(() => document.querySelectorAll('#frames .frame img').length === 9);
      assert.deepEqual(await view.page.$$eval('#frames .frame img', (images) => [...new Set(images.map((i) => (i as HTMLImageElement).src))]), [pixel]);
      assert.equal(await view.page.isHidden('#frames .frames-status'), true);
      assert.ok(!view.messages().some((m: any) => m.type === 'framesCaptured' && m.key.startsWith('take01|')));
    } finally {
      await view.close();
    }
  });

  it('scores one shot from its row: the criterion chosen and 1–5 are posted; the shot’s own scores are shown', async () => {
    const view = await open();
    try {
      const state = twoTakes();
      state.takes[1].shotScores = { '3': { identityStability: 2 } };
      await view.post({ ...state, select: 'take02' });
      assert.equal(await view.page.textContent('#frames .shot-scoring[data-shot="3"] .shot-scores'), 'Shot 3: Identity stability 2');
      assert.equal(await view.page.textContent('#frames .shot-scoring[data-shot="1"] .shot-scores'), 'Shot 1: not scored on its own');
      await view.page.selectOption('#frames .shot-scoring[data-shot="2"] select', 'audioSync');
      // The frames arriving meanwhile must not reset the criterion chosen.
      await view.page.waitForFunction(() => document.querySelectorAll('#frames .frame img').length === 9, undefined, { timeout: 20000 });
      await view.page.click('#frames .shot-scoring[data-shot="2"] button.shot-score[data-value="4"]');
      assert.deepEqual(await view.waitForMessage((m) => m.type === 'shotScore'), { type: 'shotScore', takeId: 'take02', shot: 2, criterion: 'audioSync', value: 4 });
      await view.page.click('#frames .shot-scoring[data-shot="3"] button.shot-clear');
      assert.deepEqual(await view.waitForMessage((m) => m.type === 'shotScore' && m.value === null), { type: 'shotScore', takeId: 'take02', shot: 3, criterion: 'promptAdherence', value: null });
    } finally {
      await view.close();
    }
  });

  it('clicking a frame seeks the take’s player there', async () => {
    const view = await open();
    try {
      await view.post({ ...twoTakes(), select: 'take01' });
      await view.page.waitForSelector('#frames .frame[data-beat="3"].middle img', { timeout: 20000 });
      await view.page.click('#frames .frame[data-beat="3"].middle');
      await view.page.waitForFunction(() => Math.abs((document.querySelector('#side video') as HTMLVideoElement).currentTime - 10) < 0.05);
    } finally {
      await view.close();
    }
  });

  it('side by side: a take and its parent by default, the players play, pause and seek together, scores and their difference, the one change', async () => {
    const view = await open();
    try {
      await view.post({ ...twoTakes(), select: 'take02' });
      await view.page.waitForSelector('#compare video[data-take="take01"]');
      assert.deepEqual(await view.page.$$eval('#compare video', (videos) => videos.map((v) => (v as HTMLVideoElement).dataset.take)), ['take01', 'take02']);
      assert.equal(await view.page.textContent('#compare .compare-change'), 'take01 → take02: beat 2 camera: close-up, static');
      const identity = await view.page.$$eval('#compare .compare-scores tbody tr', (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
      assert.deepEqual(identity[3], ['Identity stability', '2', '4', '+2']);
      assert.deepEqual(identity[5], ['Total', '17', '20', '+3']);
      // Both players ready, then play the left one: the right one follows.
      await view.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLVideoElement>('#compare video')).every((v) => v.readyState >= 1));
      await view.page.evaluate(() => {
        const left = document.querySelector<HTMLVideoElement>('#compare video[data-take="take01"]')!;
        left.muted = true;
        void left.play();
      });
      await view.page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('#compare video[data-take="take02"]')!.paused);
      await view.page.evaluate(() => document.querySelector<HTMLVideoElement>('#compare video[data-take="take02"]')!.pause());
      await view.page.waitForFunction(() => document.querySelector<HTMLVideoElement>('#compare video[data-take="take01"]')!.paused);
      // A seek on the 12 s video puts the 6 s one at the same point of the storyboard.
      await view.page.evaluate(() => {
        document.querySelector<HTMLVideoElement>('#compare video[data-take="take01"]')!.currentTime = 9;
      });
      await view.page.waitForFunction(() => Math.abs(document.querySelector<HTMLVideoElement>('#compare video[data-take="take02"]')!.currentTime - 4.5) < 0.05);
      // The frame strips, aligned beat by beat: each row has both takes' frames of that beat.
      await view.page.waitForFunction(() => document.querySelectorAll('#compare .compare-row img').length === 18, undefined, { timeout: 20000 });
      for (const take of ['take01', 'take02']) {
        assert.deepEqual(await frameColours(view, `#compare .compare-row .beat-frames[data-take="${take}"] img`), ['red', 'red', 'red', 'green', 'green', 'green', 'blue', 'blue', 'blue'], take);
      }
      assert.deepEqual(view.errors(), []);
    } finally {
      await view.close();
    }
  });

  it('the pair chosen is kept in the page’s state and restored after a reload', async () => {
    const three = stateOf([row('take01', {}), row('take02', { parent: 'take01' }), row('take03', { parent: 'take01', variant: 'warmer', change: 'style lighting: warm' })]);
    const first = await open();
    let saved: unknown;
    try {
      await first.post({ ...three, select: 'take03' });
      await first.page.selectOption('#compare select.compare-left', 'take02');
      saved = await first.state();
      assert.deepEqual((saved as { compare: unknown }).compare, { a: 'take02', b: 'take03' });
    } finally {
      await first.close();
    }
    const again = await open(saved);
    try {
      await again.post(three);
      await again.page.waitForSelector('#compare .compare-change');
      assert.equal(await again.page.inputValue('#compare select.compare-left'), 'take02');
      assert.match((await again.page.textContent('#compare .compare-change')) ?? '', /Not one change: both come from take01\. To take02: take02: no change logged\. To take03: take03: style lighting: warm\./);
      await again.page.click('#compare button.adopt[data-take="take03"]');
      assert.deepEqual(await again.waitForMessage((m) => m.type === 'adopt'), { type: 'adopt', takeId: 'take03' });
    } finally {
      await again.close();
    }
  });

  it('the lineage tree: branches under their parent, each edge its change, the best path marked; a click selects', async () => {
    const takes = [
      row('take01', { scores: { audioSync: 3 }, total: 3 }),
      row('take02', { parent: 'take01', change: 'beat 2 camera: static', scores: { audioSync: 2 }, total: 2 }),
      row('take03', { parent: 'take01', variant: 'warmer', change: 'style lighting: warm', scores: { audioSync: 5 }, total: 5 }),
      row('take04', { parent: 'take09' }),
    ];
    const view = await open();
    try {
      await view.post(stateOf(takes));
      const tree = await view.page.$$eval('#lineage li.lineage-node', (nodes) =>
        nodes.map((n) => [n.getAttribute('data-take'), n.querySelector(':scope > .edge')?.textContent ?? null, n.classList.contains('on-best-path'), n.parentElement?.closest('li')?.getAttribute('data-take') ?? null]),
      );
      assert.deepEqual(tree, [
        ['take01', null, true, null],
        ['take02', 'beat 2 camera: static', false, 'take01'],
        ['take03', 'style lighting: warm', true, 'take01'],
        ['take04', null, false, null],
      ]);
      assert.match((await view.page.textContent('#lineage li[data-take="take04"]')) ?? '', /parent take09 not in the log/);
      assert.match((await view.page.textContent('#lineage .lineage-legend')) ?? '', /take01 → take03/);
      await view.page.click('#lineage li[data-take="take02"] > .lineage-take');
      assert.deepEqual(await view.waitForMessage((m) => m.type === 'select' && m.takeId === 'take02'), { type: 'select', takeId: 'take02' });
      assert.equal(await view.page.getAttribute('#lineage li[data-take="take02"]', 'aria-selected'), 'true');
    } finally {
      await view.close();
    }
  });

  it('provenance: a badge per take, a visible warning for a take with no manifest or a broken one', async () => {
    const takes = [
      row('take01', { provenance: { status: 'signed', signer: 'CN=OpenAI Sora', issuer: 'CN=Test CA', claimGenerator: 'sora/2', checkedAt: '2026-11-20T09:00:00Z' } }),
      row('take02', { provenance: { status: 'absent', format: 'video/mp4', checkedAt: '2026-11-20T09:00:00Z' } }),
      row('take03', { provenance: { status: 'invalid', errors: ['assertion.bmffHash.mismatch'], checkedAt: '2026-11-20T09:00:00Z' } }),
      row('take04', {}),
    ];
    const view = await open();
    try {
      await view.post({ ...stateOf(takes), select: 'take02' });
      const badges = await view.page.$$eval('tr.take', (rows) => rows.map((r) => r.querySelector('.badge.provenance')?.textContent ?? null));
      assert.deepEqual(badges, ['C2PA signed', 'no C2PA', 'C2PA broken', null]);
      assert.match((await view.page.getAttribute('tr[data-take="take01"] .badge.provenance', 'title')) ?? '', /signed by CN=OpenAI Sora, issued by CN=Test CA \(sora\/2\)/);
      assert.match((await view.page.textContent('#side .side-details')) ?? '', /Warning: no content credentials\. The metadata was stripped or the file was re-encoded\./);
    } finally {
      await view.close();
    }
  });

  it('user strings in every field of the new views stay inert text', async () => {
    const payloads = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">', '"><svg onload="window.__pwned=3">'];
    const hostileBeats: BeatView[] = beats.map((beat, i) => ({ ...beat, title: payloads[i], text: payloads[(i + 1) % 3], dialogue: [{ speaker: payloads[i], at: beat.start, line: payloads[(i + 2) % 3] }] }));
    const takes = [
      row('take01', { variant: payloads[0], provenance: { status: 'signed', signer: payloads[1], issuer: payloads[2], claimGenerator: payloads[0], checkedAt: 'x' } }),
      row('take02', { parent: 'take01', variant: payloads[2], change: payloads[1], provenance: { status: 'invalid', errors: payloads, checkedAt: 'x' } }),
    ];
    const view = await open();
    try {
      await view.post({ ...stateOf(takes), beats: hostileBeats, select: 'take02', fix: { takeId: 'take02', criterion: 'audioSync', label: 'Audio sync', score: 2, fix: payloads[0], shot: 2, shotTitle: payloads[1] } });
      await view.page.waitForFunction(() => document.querySelectorAll('#frames .frame img').length === 9, undefined, { timeout: 20000 });
      await view.page.waitForFunction(() => document.querySelectorAll('#compare .compare-row img').length === 18, undefined, { timeout: 20000 });
      assert.equal(await view.page.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(await view.page.locator('#review script, #review svg, #review img[src="x"], #fix img, #fix svg').count(), 0);
      assert.equal(await view.page.textContent('#lineage li[data-take="take02"] > .edge'), payloads[1]);
      assert.match((await view.page.textContent('#frames .beat-row[data-beat="1"] .beat-title')) ?? '', new RegExp(`Shot 1: ${payloads[0].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      assert.equal(await view.page.textContent('#compare .compare-change'), `take01 → take02: ${payloads[1]}`);
      assert.ok(((await view.page.textContent('#fix')) ?? '').includes(`in shot 2 (beat 2, “${payloads[1]}”)`));
      assert.ok(((await view.page.getAttribute('tr[data-take="take01"] .badge.provenance', 'title')) ?? '').includes(payloads[1]));
      assert.deepEqual(view.errors(), []);
    } finally {
      await view.close();
    }
  });
});
