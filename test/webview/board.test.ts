import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeColourVideo } from '../helpers/media';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';

import type { BoardCard, BoardMessage, SequenceBoard } from '../../client/out/board/model';

// The sequence board page (client/dist/webview/board.js) in headless Chromium: the cards in film
// order with their spend and the film's runtime and spend, a frame drawn from the best take's video
// (and a placeholder that says why when there is none), drag and drop and the keyboard reorder
// (sending the new order), opening a scene, escaping of user strings, state restored after a
// reload, and a screenshot.

const script = 'client/dist/webview/board.js';
const css = 'client/dist/webview/board.css';
const origin = 'https://webview.test';

function card(entry: string, overrides: Partial<BoardCard> = {}): BoardCard {
  return { entry, uri: `file:///film/${entry}`, title: entry.replace('.sora', ''), logline: null, seconds: 12, start: 0, end: 12, model: 'sora-2', takeCount: 0, best: null, spend: null, errors: 0, warnings: 0, ...overrides };
}

const video02 = { src: `${origin}/takes/scene02_take02.webm`, key: 'file:///film/takes/scene02_take02.webm|1000-1' };

function film(): SequenceBoard {
  return {
    uri: 'file:///film/film.sora',
    title: 'The Last Light',
    seconds: 36,
    spend: { usd: 3.6, priced: 2, unpriced: 1 },
    cards: [
      card('scene01.sora', { title: 'The Climb', logline: 'An old lighthouse keeper climbs her tower as a storm rolls in.' }),
      card('scene02.sora', {
        title: 'The Match',
        start: 12,
        end: 24,
        takeCount: 2,
        best: { id: 'take02', total: 20, file: 'takes/scene02_take02.webm', video: 'file:///film/takes/scene02_take02.webm', videoProblem: null },
        spend: { usd: 3.6, priced: 2, unpriced: 0 },
      }),
      card('scene03.sora', {
        title: 'The Beam',
        start: 24,
        end: 36,
        warnings: 1,
        takeCount: 1,
        // The host found no file there: no entry in `videos`.
        best: { id: 'take01', total: 15, file: 'takes/scene03_take01.mp4', video: 'file:///film/takes/scene03_take01.mp4', videoProblem: null },
        spend: { usd: 0, priced: 0, unpriced: 1 },
      }),
    ],
  };
}

function message(board: SequenceBoard = film(), videos: BoardMessage['videos'] = { 'scene02.sora': video02 }, frames: BoardMessage['frames'] = {}): BoardMessage {
  return { type: 'board', board, videos, frames };
}

async function titles(view: WebviewPage): Promise<string[]> {
  return view.page.$$eval('li.card .title', (nodes) => nodes.map((node) => node.textContent ?? ''));
}

/** Each card's frame box: its state and what it says (a placeholder) or shows (an image). */
async function frames(view: WebviewPage): Promise<{ state: string; text: string; image: boolean }[]> {
  return view.page.$$eval('li.card .frame', (boxes) => boxes.map((box) => ({ state: (box as HTMLElement).dataset.state ?? '', text: box.textContent ?? '', image: !!box.querySelector('img.still') })));
}

/** The colour at the middle of the frame image of a card: 'red' | 'green' | 'blue' | other. */
async function frameColour(view: WebviewPage, index: number): Promise<string> {
  return view.page.$eval(`li.card[data-index="${index}"] .frame img.still`, async (image) => {
    const img = image as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const [r, g, b] = context.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
    if (r > 150 && g < 100 && b < 100) return 'red';
    if (g > 90 && r < 100 && b < 100) return 'green';
    if (b > 150 && r < 100 && g < 100) return 'blue';
    return `other(${r},${g},${b})`;
  });
}

describe('webview: the sequence board', function () {
  this.timeout(60000);
  let view: WebviewPage;
  let media: string;
  let files: Record<string, string>;

  before(function () {
    if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) this.skip();
    media = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-board-'));
    // Two seconds each of red, lime, blue: the frame from the middle (3 s) is green.
    const undecodable = path.join(media, 'broken.webm');
    fs.writeFileSync(undecodable, 'not a video at all');
    files = {
      '/takes/scene02_take02.webm': makeColourVideo(path.join(media, 'take02.webm'), ['red', 'lime', 'blue'], 2),
      '/takes/broken.webm': undecodable,
      '/takes/scene03_take01.webm': makeColourVideo(path.join(media, 'scene03.webm'), ['blue'], 2),
    };
  });
  afterEach(async () => view?.close());
  after(async () => {
    if (media) fs.rmSync(media, { recursive: true, force: true });
    await closeBrowser();
  });

  async function open(shown: BoardMessage = message(), options: { csp?: boolean; initialState?: unknown } = {}) {
    view = await openWebviewPage({ scriptPath: script, cssPath: css, viewport: { width: 900, height: 560 }, files, ...options });
    await view.waitForMessage((m) => m.type === 'ready');
    await view.post(shown);
    await view.page.waitForSelector('li.card');
    return view;
  }

  it('shows the scenes in film order with their span, best take, spend, and the film\'s runtime and spend', async () => {
    await open();
    assert.deepEqual(await titles(view), ['The Climb', 'The Match', 'The Beam']);
    assert.equal(await view.page.textContent('header .runtime'), '3 scenes · 0:36 in all');
    assert.equal(await view.page.textContent('header .spend'), 'Spend ≈ $3.60 on 2 takes (1 take without a cost)');
    const facts = await view.page.$$eval('li.card', (cards) => cards.map((c) => [c.querySelector('.fact-length')?.textContent, c.querySelector('.fact-best')?.textContent, c.querySelector('.fact-spend')?.textContent]));
    assert.deepEqual(facts, [
      ['12 s · 0:00–0:12', 'none scored', 'no takes yet'],
      ['12 s · 0:12–0:24', 'take02 · 20/25', '$3.60 on 2 takes'],
      ['12 s · 0:24–0:36', 'take01 · 15/25', 'no cost recorded (1 take)'],
    ]);
    assert.deepEqual(view.errors(), []);
  });

  it('draws a frame from the middle of the best take\'s video, tells the host, and says why a card has none', async () => {
    await open();
    const captured = await view.waitForMessage((m) => m.type === 'frameCaptured');
    assert.equal(captured.key, video02.key);
    assert.match(captured.frame, /^data:image\/jpeg;base64,/);
    await view.page.waitForSelector('li.card[data-index="1"] .frame img.still');
    assert.equal(await frameColour(view, 1), 'green');
    assert.deepEqual(await frames(view), [
      { state: 'no-take', text: 'No takes yet', image: false },
      { state: 'frame', text: '', image: true },
      { state: 'missing', text: "take01's video is missing: takes/scene03_take01.mp4", image: false },
    ]);
    assert.deepEqual(view.errors(), []);
    assert.deepEqual(view.blockedRequests(), []);
    await view.screenshot('sequence-board');
  });

  it('draws the frame of every best take, one video after another', async () => {
    const board = film();
    board.cards[2].best = { id: 'take01', total: 15, file: 'takes/scene03_take01.webm', video: 'file:///film/takes/scene03_take01.webm', videoProblem: null };
    const video03 = { src: `${origin}/takes/scene03_take01.webm`, key: 'file:///film/takes/scene03_take01.webm|2000-1' };
    await open(message(board, { 'scene02.sora': video02, 'scene03.sora': video03 }));
    await view.page.waitForSelector('li.card[data-index="2"] .frame img.still');
    await view.page.waitForSelector('li.card[data-index="1"] .frame img.still');
    assert.deepEqual([await frameColour(view, 1), await frameColour(view, 2)], ['green', 'blue']);
    const keys = view.messages().filter((m) => (m as { type: string }).type === 'frameCaptured').map((m) => (m as { key: string }).key);
    assert.deepEqual(keys.sort(), [video02.key, video03.key].sort());
  });

  it('says so when a video cannot be decoded, when it lies outside the workspace, and when no take is scored', async () => {
    const board = film();
    board.cards[0] = card('scene01.sora', { takeCount: 2, spend: { usd: 0, priced: 0, unpriced: 2 } });
    board.cards[1].best!.file = 'takes/broken.webm';
    board.cards[2].best = { id: 'take01', total: 15, file: '../../secret.mp4', video: null, videoProblem: 'outside' };
    await open(message(board, { 'scene02.sora': { src: `${origin}/takes/broken.webm`, key: 'broken|1-1' } }));
    await view.page.waitForSelector('li.card[data-index="1"] .frame[data-state="undecodable"]');
    const shown = await frames(view);
    assert.deepEqual(shown.map((f) => f.state), ['no-take', 'undecodable', 'outside']);
    assert.equal(shown[0].text, 'No take scored yet');
    assert.match(shown[1].text, /^take02's video cannot be played here: /);
    assert.equal(shown[2].text, "take01's video is outside the workspace: not shown");
    assert.equal(view.messages().filter((m) => (m as { type: string }).type === 'frameCaptured').length, 0);
  });

  it('shows a frame the host kept without reading the video again', async () => {
    const kept = await (async () => {
      await open();
      return (await view.waitForMessage((m) => m.type === 'frameCaptured')).frame as string;
    })();
    await view.close();
    await open(message(film(), { 'scene02.sora': { ...video02, src: `${origin}/takes/gone.webm` } }, { [video02.key]: kept }));
    await view.page.waitForSelector('li.card[data-index="1"] .frame img.still');
    assert.equal(await frameColour(view, 1), 'green');
    assert.equal(view.messages().filter((m) => (m as { type: string }).type === 'frameCaptured').length, 0);
  });

  it('drag and drop reorders the cards and sends the new order of scenes: entries', async () => {
    await open();
    await view.page.dragAndDrop('li.card[data-index="2"]', 'li.card[data-index="0"]');
    const sent = await view.waitForMessage((m) => m.type === 'reorder');
    assert.deepEqual(sent.order, ['scene03.sora', 'scene01.sora', 'scene02.sora']);
    assert.deepEqual(await titles(view), ['The Beam', 'The Climb', 'The Match']);
    assert.equal(await view.page.$$eval('li.card.drop-target', (nodes) => nodes.length), 0, 'no drop mark is left behind');
  });

  it('marks the card a drag is over', async () => {
    await open();
    const centre = async (index: number) => {
      const box = (await view.page.locator(`li.card[data-index="${index}"]`).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const from = await centre(2);
    const to = await centre(0);
    await view.page.mouse.move(from.x, from.y);
    await view.page.mouse.down();
    await view.page.mouse.move(from.x - 20, from.y, { steps: 4 });
    await view.page.mouse.move(to.x, to.y, { steps: 8 });
    await view.page.waitForSelector('li.card.drop-target', { timeout: 5000 });
    assert.deepEqual(await view.page.$$eval('li.card.drop-target', (nodes) => nodes.map((n) => (n as HTMLElement).dataset.index)), ['0']);
    await view.page.mouse.up();
  });

  it('is keyboard reachable: arrows move the focus, Alt+arrows move the card, Enter opens the scene', async () => {
    await open();
    await view.page.focus('li.card[data-index="0"]');
    await view.page.keyboard.press('Alt+ArrowDown');
    const down = await view.waitForMessage((m) => m.type === 'reorder');
    assert.deepEqual(down.order, ['scene02.sora', 'scene01.sora', 'scene03.sora']);
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '1');
    assert.equal(await view.page.evaluate(() => document.activeElement?.querySelector('.title')?.textContent), 'The Climb');
    view.clearMessages();
    await view.page.keyboard.press('ArrowUp');
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '0');
    await view.page.keyboard.press('Enter');
    const opened = await view.waitForMessage((m) => m.type === 'open');
    assert.equal(opened.uri, 'file:///film/scene02.sora');
    await view.page.keyboard.press('End');
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '2');
    await view.page.keyboard.press('ArrowLeft');
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '1');
    await view.page.keyboard.press('Home');
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '0');
    assert.deepEqual(await view.page.$$eval('li.card', (cards) => cards.map((c) => (c as HTMLElement).tabIndex)), [0, -1, -1], 'one tab stop: the focused card');
    assert.equal(view.messages().filter((m) => (m as { type: string }).type === 'reorder').length, 0, 'plain arrows only move the focus');
  });

  it('keeps XSS payloads inert, with or without the CSP', async () => {
    for (const csp of [true, false]) {
      const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const board = film();
      board.title = payload;
      board.cards[0] = card('evil.sora', { title: payload, logline: payload, model: payload, takeCount: 1, best: { id: payload, total: 1, file: payload, video: 'file:///film/evil.mp4', videoProblem: null } });
      await open(message(board, {}), { csp });
      assert.equal(await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.equal(await view.page.$$eval('main img:not(.still), main script', (nodes) => nodes.length), 0);
      assert.ok(((await view.page.textContent('h1')) ?? '').includes('<img src=x'));
      assert.ok(((await view.page.textContent('li.card[data-index="0"] .logline')) ?? '').includes('<script>'));
      assert.ok(((await view.page.textContent('li.card[data-index="0"] .frame')) ?? '').includes('<img src=x'));
      await view.close();
    }
  });

  it('restores the last board, its frames and the focused card after a reload', async () => {
    await open();
    await view.waitForMessage((m) => m.type === 'frameCaptured');
    await view.page.focus('li.card[data-index="0"]');
    await view.page.keyboard.press('ArrowDown');
    const state = await view.state();
    await view.close();
    view = await openWebviewPage({ scriptPath: script, cssPath: css, initialState: state });
    await view.page.waitForSelector('li.card');
    assert.deepEqual(await titles(view), ['The Climb', 'The Match', 'The Beam']);
    assert.equal(await view.page.getAttribute('li.card[data-index="1"]', 'tabindex'), '0');
    assert.equal(await frameColour(view, 1), 'green', 'the frame comes from the saved state: this page serves no video');
  });

  it('shows a missing scene as a hole, and does not open it', async () => {
    const board = film();
    board.cards[1] = card('gone.sora', { uri: null, title: null });
    await open(message(board, {}));
    assert.match((await view.page.textContent('li.card[data-index="1"]')) ?? '', /no such file/);
    await view.page.click('li.card[data-index="1"]');
    await view.page.click('li.card[data-index="0"]');
    const opened = await view.waitForMessage((m) => m.type === 'open');
    assert.equal(opened.uri, 'file:///film/scene01.sora');
    assert.equal(view.messages().filter((m) => (m as { type: string }).type === 'open').length, 1);
  });
});
