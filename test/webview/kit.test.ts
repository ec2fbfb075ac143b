// The webview kit (client/webview/shared) on its own, in headless Chromium: the kit's modules are
// bundled for the test page as the pages bundle them, and driven through a small global.
// - keyed reconcile: a node stays with its item through moves, deletions and insertions, and only
//   what changed is touched (counted with a MutationObserver);
// - messages: only the listed types reach their handlers;
// - the VS Code API is acquired once, and a saved state is read through the page's reader.
// And the bundles: the pages carry the core's text helpers, never its lexer, parser or rules.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../helpers/paths';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';

const kitEntry = `
import * as dom from './dom';
import * as messages from './messages';
import * as vscode from './vscode';
(window as any).kit = { dom, messages, vscode };
`;

async function bundleKit(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-kit-'));
  const outfile = path.join(dir, 'kit.js');
  await esbuild.build({
    stdin: { contents: kitEntry, resolveDir: path.join(repoRoot, 'client/webview/shared'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

describe('webview kit (Chromium)', function () {
  this.timeout(60000);
  let script: string;
  let view: WebviewPage | undefined;

  before(async () => {
    script = await bundleKit();
  });
  afterEach(async () => {
    if (!view) return;
    const errors = view.errors();
    await view.close();
    view = undefined;
    assert.deepEqual(errors, []);
  });
  after(async () => {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    await closeBrowser();
  });

  /** Renders the items (by their first key) into #list and returns what changed in it. */
  async function renderList(page: WebviewPage, items: string[][]): Promise<{ order: string[]; created: number; moved: number; removed: number; texts: number; same: boolean[] }> {
    return page.page.evaluate((items) => {
      const { dom } = (window as any).kit;
      const list = document.getElementById('list') ?? document.body.appendChild(Object.assign(document.createElement('ul'), { id: 'list' }));
      const before = new Set(Array.from(list.children));
      let created = 0;
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((list) => records.push(...list));
      observer.observe(list, { childList: true, subtree: true, characterData: true });
      dom.reconcileKeyed(list, items, {
        keys: (item: string[]) => item,
        create: () => {
          created++;
          return dom.el('li');
        },
        update: (node: HTMLElement, item: string[]) => dom.setText(node, item[0]),
      });
      records.push(...observer.takeRecords());
      observer.disconnect();
      const direct = records.filter((r) => r.target === list);
      return {
        order: Array.from(list.children).map((n) => n.textContent ?? ''),
        created,
        moved: direct.reduce((sum, r) => sum + Array.from(r.addedNodes).filter((n) => before.has(n as Element)).length, 0),
        removed: direct.reduce((sum, r) => sum + Array.from(r.removedNodes).filter((n) => !list.contains(n)).length, 0),
        texts: records.filter((r) => r.target !== list).length,
        same: Array.from(list.children).map((n) => before.has(n)),
      };
    }, items);
  }

  async function open(initialState?: unknown): Promise<WebviewPage> {
    return openWebviewPage({ scriptPath: script, initialState });
  }

  it('keyed reconcile: one deleted item removes its node alone; the rest keep theirs, unmoved', async () => {
    view = await open();
    const letters = 'abcdefghij'.split('');
    await renderList(view, letters.map((l) => [l]));
    const after = await renderList(view, letters.filter((l) => l !== 'e').map((l) => [l]));
    assert.deepEqual(after.order, letters.filter((l) => l !== 'e'));
    assert.deepEqual({ created: after.created, moved: after.moved, removed: after.removed, texts: after.texts }, { created: 0, moved: 0, removed: 1, texts: 0 });
    assert.ok(after.same.every(Boolean));
  });

  it('keyed reconcile: an insertion creates one node; a swap moves one; equal keys stay apart', async () => {
    view = await open();
    await renderList(view, [['a'], ['b'], ['c'], ['d']]);
    const inserted = await renderList(view, [['a'], ['b'], ['x'], ['c'], ['d']]);
    assert.deepEqual([inserted.order, inserted.created, inserted.moved, inserted.removed], [['a', 'b', 'x', 'c', 'd'], 1, 0, 0]);
    const swapped = await renderList(view, [['a'], ['c'], ['b'], ['x'], ['d']]);
    assert.deepEqual([swapped.order, swapped.created, swapped.moved, swapped.texts], [['a', 'c', 'b', 'x', 'd'], 0, 1, 0]);
    const twins = await renderList(view, [['a'], ['a'], ['c']]);
    assert.deepEqual([twins.order, twins.created], [['a', 'a', 'c'], 1]);
  });

  it('keyed reconcile: an item whose first key changed keeps its node by the next key (a shot edited in place)', async () => {
    view = await open();
    await renderList(view, [['one', '#0'], ['two', '#1'], ['three', '#2']]);
    const edited = await renderList(view, [['one', '#0'], ['two!', '#1'], ['three', '#2']]);
    assert.deepEqual([edited.order, edited.created, edited.moved, edited.removed, edited.texts], [['one', 'two!', 'three'], 0, 0, 0, 1]);
    assert.ok(edited.same.every(Boolean));
  });

  it('messages: only the listed types reach their handlers; anything else is dropped', async () => {
    view = await open();
    await view.page.evaluate(() => {
      const { messages } = (window as any).kit;
      const seen: string[] = [];
      (window as any).seen = seen;
      messages.onMessage(messages.messageGuard(['update', 'state']), { update: (m: { n: number }) => seen.push(`update ${m.n}`), state: () => seen.push('state') });
    });
    for (const data of [{ type: 'update', n: 1 }, { type: 'evil' }, 'update', null, 42, { type: 7 }, { n: 2 }, { type: 'state' }, { type: 'toString' }, { type: '__proto__' }]) await view.post(data);
    assert.deepEqual(await view.page.evaluate(() => (window as any).seen), ['update 1', 'state']);
  });

  it('the VS Code API is acquired once however many modules ask; a saved state goes through the page\'s reader', async () => {
    view = await open({ uri: 'file:///a.sora', extra: '<img src=x>' });
    const result = await view.page.evaluate(() => {
      const { vscode } = (window as any).kit;
      const read = (saved: unknown) => (saved && typeof (saved as { uri?: unknown }).uri === 'string' ? { uri: (saved as { uri: string }).uri } : undefined);
      const first = vscode.webviewHost(read);
      const second = vscode.webviewHost(read);
      const restored = first.restoredState();
      second.saveState({ uri: 'file:///b.sora' });
      first.post({ type: 'ready' });
      return { restored, again: first.restoredState() };
    });
    assert.deepEqual(result.restored, { uri: 'file:///a.sora' }, 'only what the reader keeps');
    assert.deepEqual(result.again, { uri: 'file:///b.sora' });
    assert.deepEqual(view.messages(), [{ type: 'ready' }]);
    const unreadable = await open('not a state');
    try {
      assert.equal(await unreadable.page.evaluate(() => (window as any).kit.vscode.webviewHost(() => undefined).restoredState()), undefined);
    } finally {
      await unreadable.close();
    }
  });
});

describe('webview bundles: what the pages carry from the core', () => {
  const heavy = /server\/src\/(core\/(lexer|parser|parse|analyze|compile|scene|sequence|fixes)\.ts|core\/rules\/|lsp\/|node\/)|chevrotain/;

  for (const page of ['preview', 'takes', 'board']) {
    it(`the ${page} page: on the kit, no lexer, parser, analysis, rules or Node code${page === 'preview' ? '; from the core only its text helpers, the workflow constants and the protocol' : ''}`, async () => {
      const result = await esbuild.build({
        entryPoints: [path.join(repoRoot, `client/webview/${page}/main.ts`)],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        logLevel: 'silent',
      });
      const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => path.relative(repoRoot, path.resolve(file)).split(path.sep).join('/'));
      assert.deepEqual(inputs.filter((file) => heavy.test(file)), []);
      assert.ok(inputs.includes('client/webview/shared/dom.ts') && inputs.includes('client/webview/shared/messages.ts') && inputs.includes('client/webview/shared/vscode.ts'), 'on the kit');
      if (page === 'preview') assert.deepEqual(inputs.filter((file) => file.startsWith('server/')).sort(), ['server/src/core/text.ts', 'server/src/core/workflow.ts', 'server/src/protocol.ts']);
      if (page === 'takes') assert.ok(inputs.includes('server/src/core/text.ts'), 'the takes page writes seconds with the core too');
    });
  }
});
