import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';

import type { BoardCard, SequenceBoard } from '../../client/out/board/model';

// The sequence board page (client/dist/webview/board.js) in headless Chromium: the cards in film
// order, drag and drop and the keyboard reorder (sending the new order), opening a scene, escaping
// of user strings, state restored after a reload, and a screenshot.

const script = 'client/dist/webview/board.js';
const css = 'client/dist/webview/board.css';

function card(entry: string, overrides: Partial<BoardCard> = {}): BoardCard {
  return { entry, uri: `file:///film/${entry}`, title: entry.replace('.sora', ''), logline: null, seconds: 12, start: 0, end: 12, model: 'sora-2', takeCount: 0, best: null, errors: 0, warnings: 0, ...overrides };
}

function film(): SequenceBoard {
  return {
    uri: 'file:///film/film.sora',
    title: 'The Last Light',
    seconds: 36,
    cards: [
      card('scene01.sora', { title: 'The Climb', logline: 'An old lighthouse keeper climbs her tower as a storm rolls in.' }),
      card('scene02.sora', { title: 'The Match', start: 12, end: 24, takeCount: 2, best: { id: 'take02', total: 20, video: null } }),
      card('scene03.sora', { title: 'The Beam', start: 24, end: 36, warnings: 1 }),
    ],
  };
}

async function titles(view: WebviewPage): Promise<string[]> {
  return view.page.$$eval('li.card .title', (nodes) => nodes.map((node) => node.textContent ?? ''));
}

describe('webview: the sequence board', function () {
  this.timeout(30000);
  let view: WebviewPage;

  before(function () {
    if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) this.skip();
  });
  afterEach(async () => view?.close());
  after(() => closeBrowser());

  async function open(board: SequenceBoard = film(), options: { csp?: boolean; initialState?: unknown } = {}) {
    view = await openWebviewPage({ scriptPath: script, cssPath: css, viewport: { width: 900, height: 500 }, ...options });
    await view.waitForMessage((m) => m.type === 'ready');
    await view.post({ type: 'board', board });
    await view.page.waitForSelector('li.card');
    return view;
  }

  it('shows the scenes in film order with their span, best take and the runtime', async () => {
    await open();
    assert.deepEqual(await titles(view), ['The Climb', 'The Match', 'The Beam']);
    const text = await view.page.textContent('main');
    assert.match(text ?? '', /3 scenes · 0:36 in all/);
    assert.match(text ?? '', /12 s · 0:12–0:24/);
    assert.match(text ?? '', /take02 · 20\/25/);
    assert.deepEqual(view.errors(), []);
    await view.screenshot('sequence-board');
  });

  it('drag and drop reorders the cards and sends the new order of scenes: entries', async () => {
    await open();
    await view.page.dragAndDrop('li.card[data-index="2"]', 'li.card[data-index="0"]');
    const message = await view.waitForMessage((m) => m.type === 'reorder');
    assert.deepEqual(message.order, ['scene03.sora', 'scene01.sora', 'scene02.sora']);
    assert.deepEqual(await titles(view), ['The Beam', 'The Climb', 'The Match']);
  });

  it('is keyboard reachable: arrows move the focus, Alt+arrows move the card, Enter opens the scene', async () => {
    await open();
    await view.page.focus('li.card[data-index="0"]');
    await view.page.keyboard.press('ArrowDown');
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '1');
    await view.page.keyboard.press('Alt+ArrowUp');
    const message = await view.waitForMessage((m) => m.type === 'reorder');
    assert.deepEqual(message.order, ['scene02.sora', 'scene01.sora', 'scene03.sora']);
    assert.equal(await view.page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '0');
    await view.page.keyboard.press('Enter');
    const opened = await view.waitForMessage((m) => m.type === 'open');
    assert.equal(opened.uri, 'file:///film/scene02.sora');
  });

  it('keeps XSS payloads inert, with or without the CSP', async () => {
    for (const csp of [true, false]) {
      const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const board = film();
      board.title = payload;
      board.cards[0] = card('evil.sora', { title: payload, logline: payload, model: payload });
      await open(board, { csp });
      assert.equal(await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.equal(await view.page.$$eval('main img, main script', (nodes) => nodes.length), 0);
      assert.ok(((await view.page.textContent('h1')) ?? '').includes('<img src=x'));
      await view.close();
    }
  });

  it('restores the last board and the focused card after a reload', async () => {
    await open();
    await view.page.focus('li.card[data-index="0"]');
    await view.page.keyboard.press('ArrowDown');
    const state = await view.state();
    await view.close();
    view = await openWebviewPage({ scriptPath: script, cssPath: css, initialState: state });
    await view.page.waitForSelector('li.card');
    assert.deepEqual(await titles(view), ['The Climb', 'The Match', 'The Beam']);
    assert.equal(await view.page.getAttribute('li.card[data-index="1"]', 'tabindex'), '0');
  });

  it('shows a missing scene as a hole, and does not open it', async () => {
    const board = film();
    board.cards[1] = card('gone.sora', { uri: null, title: null });
    await open(board);
    assert.match((await view.page.textContent('li.card[data-index="1"]')) ?? '', /no such file/);
    await view.page.click('li.card[data-index="1"]');
    await view.page.click('li.card[data-index="0"]');
    const opened = await view.waitForMessage((m) => m.type === 'open');
    assert.equal(opened.uri, 'file:///film/scene01.sora');
    assert.equal(view.messages().filter((m) => (m as { type: string }).type === 'open').length, 1);
  });
});
