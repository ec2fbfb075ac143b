// The preview of a scene of a sequence, fed what the real language server answers for the
// three-scene example: the passages written in the sequence (the style, the cast's anchors) are
// marked in the prompt, a legend names the sequence file, each mark says it in its tooltip and is
// described by the legend, and the scene's own text is never marked. A sequence whose name and
// style are markup stays text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompileResponse } from '../../server/out/protocol';
import { repoRoot } from '../helpers/paths';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';
import { generateStoryboard } from '../bench/generate';
import { Harness } from '../lsp/harness';

const exampleDir = path.join(repoRoot, 'examples/06-sequence');
const example = Object.fromEntries(fs.readdirSync(exampleDir).map((name) => [`film/${name}`, fs.readFileSync(path.join(exampleDir, name), 'utf8')]));
const hostileName = '<img src=x onerror=window.__pwned=1>.sora';
const hostileStyle = '<script>window.__pwned=2</script> teal';

/** A 1,000-beat scene of a sequence: its style and cast are the sequence's. */
const longScene = generateStoryboard(1000).replace(/\nstyle\n(?: {2}[^\n]*\n)+/, '\n').replace(/\ncharacter Mara\n {2}anchors: [^\n]*\n/, '\n');
const longFilm = {
  'long/film.sora': example['film/film.sora'].replace('scene01.sora, scene02.sora, scene03.sora', 'scene99.sora'),
  'long/scene99.sora': longScene,
};

/** The same film, its sequence file named and styled with markup. */
const hostileFilm = Object.fromEntries(
  Object.entries(example).map(([file, text]) =>
    file === 'film/film.sora' ? [`hostile/${hostileName}`, text.replace('teal and amber', hostileStyle)] : [file.replace('film/', 'hostile/'), text],
  ),
);

interface Marked {
  text: string;
  title: string | null;
  describedBy: string | null;
}

describe('preview webview: what a scene inherits from its sequence (Chromium, real server answers)', function () {
  this.timeout(60000);
  let server: Harness;
  let scene: CompileResponse;
  let hostile: CompileResponse;
  let plain: CompileResponse;
  let view: WebviewPage | undefined;

  before(async () => {
    server = await Harness.start({ examples: false, files: { ...example, ...hostileFilm, ...longFilm, 'alone/scene09.sora': example['film/scene01.sora'].replace('scene 01', 'scene 09') } });
    scene = await server.request<CompileResponse>('sora/compile', { uri: await server.open('film/scene01.sora') });
    hostile = await server.request<CompileResponse>('sora/compile', { uri: await server.open('hostile/scene01.sora') });
    plain = await server.request<CompileResponse>('sora/compile', { uri: await server.open('alone/scene09.sora') });
  });

  after(async () => {
    await server?.stop();
    await closeBrowser();
  });

  afterEach(async () => {
    if (!view) return;
    const errors = view.errors();
    const pwned = await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    await view.close();
    view = undefined;
    assert.deepEqual(errors, [], 'no page errors or CSP violations');
    assert.equal(pwned, undefined, 'no sequence text ran as markup');
  });

  async function show(response: CompileResponse, fileName = 'scene01.sora'): Promise<WebviewPage> {
    const page = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css', viewport: { width: 900, height: 1100 } });
    await page.waitForMessage((m) => m.type === 'ready');
    await page.post({ type: 'update', response, fileName, state: { uri: response.uri, locked: false, variant: null } });
    await page.page.waitForFunction((n) => document.querySelectorAll('#prompt .shot').length === n, response.beats.length);
    return page;
  }

  const marks = (page: WebviewPage) =>
    page.page.$$eval('#prompt mark.inherited', (nodes) => nodes.map((n) => ({ text: n.textContent ?? '', title: n.getAttribute('title'), describedBy: n.getAttribute('aria-describedby') })));

  it('marks exactly the spans the server says were written in the sequence, and names the file', async () => {
    assert.equal(path.basename(scene.inheritedFrom ?? ''), 'film.sora');
    const spans = scene.inheritedSpans ?? [];
    assert.ok(spans.length > 0, 'the server sends inherited spans');
    view = await show(scene);
    const marked: Marked[] = await marks(view);
    // Each span the page shows is one mark (neighbouring spans run together), holding the prompt's text there.
    const expected = joinedSpans(scene.prompt, spans).map(({ start, end }) => scene.prompt.slice(start, end).trim()).filter(Boolean);
    assert.deepEqual(marked.map((m) => m.text.trim()), expected);
    assert.ok(marked.some((m) => m.text.includes('teal and amber')), JSON.stringify(marked));
    assert.ok(marked.some((m) => m.text.includes('yellow raincoat')), JSON.stringify(marked));
    assert.ok(!marked.some((m) => m.text.includes('pushes the heavy door')), 'the scene\'s own action is not marked');
    for (const mark of marked) {
      assert.equal(mark.title, 'Written in film.sora, the sequence');
      assert.equal(mark.describedBy, 'inherited-legend');
    }
    // The marks take nothing away: each block's text is still the prompt's.
    const shots = await view.page.$$eval('#prompt .shot .shot-text', (nodes) => nodes.map((n) => n.textContent));
    scene.beats.forEach((beat, i) => assert.equal(shots[i], scene.prompt.slice(beat.output.start, beat.output.end).trim()));
    // Not colour alone: the legend says it in words, and a mark is underlined.
    assert.equal(await view.page.isVisible('#inherited-legend'), true);
    assert.match((await view.page.textContent('#inherited-legend'))!, /is written in the sequence film\.sora, not in this scene \(\d+ passages?\)/);
    const decoration = await view.page.$eval('#prompt mark.inherited', (n) => getComputedStyle(n).textDecorationLine);
    assert.match(decoration, /underline/);
    assert.equal(await view.page.textContent('#file'), 'scene01.sora · inherits from film.sora');
    await view.screenshot('preview-inherited-dark');
  });

  it('reads in the light theme too', async () => {
    const page = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js', cssPath: 'client/dist/webview/preview.css', theme: 'light', viewport: { width: 900, height: 1100 } });
    view = page;
    await page.waitForMessage((m) => m.type === 'ready');
    await page.post({ type: 'update', response: scene, fileName: 'scene01.sora', state: { uri: scene.uri, locked: false, variant: null } });
    await page.page.waitForSelector('#prompt mark.inherited');
    await page.screenshot('preview-inherited-light');
  });

  it('a scene outside any sequence has no marks and no legend', async () => {
    assert.equal(plain.inheritedFrom ?? null, null);
    view = await show(plain, 'scene09.sora');
    assert.equal((await marks(view)).length, 0);
    assert.equal(await view.page.isHidden('#inherited-legend'), true);
    // The same page, then a scene of the sequence, then the lone scene again: the marks come and go.
    await view.post({ type: 'update', response: scene, fileName: 'scene01.sora', state: { uri: scene.uri, locked: false, variant: null } });
    await view.page.waitForSelector('#prompt mark.inherited');
    await view.post({ type: 'update', response: plain, fileName: 'scene09.sora', state: { uri: plain.uri, locked: false, variant: null } });
    await view.page.waitForFunction(() => document.querySelectorAll('#prompt mark').length === 0);
    assert.equal(await view.page.isHidden('#inherited-legend'), true);
  });

  it('a keystroke in a 1,000-beat scene of a sequence changes that shot alone, its marks kept', async () => {
    assert.ok(!longScene.includes('\nstyle') && !longScene.includes('character Mara'), 'the scene leaves its style and cast to the sequence');
    const uri = await server.open('long/scene99.sora');
    const before = await server.request<CompileResponse>('sora/compile', { uri });
    assert.equal(before.beats.length, 1000);
    assert.equal(path.basename(before.inheritedFrom ?? ''), 'film.sora');
    view = await show(before, 'scene99.sora');
    const marksBefore = await view.page.$$eval('#prompt .shot[data-shot="700"] mark.inherited', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(marksBefore.includes('yellow raincoat'), JSON.stringify(marksBefore));
    // Beat 500's action, one letter longer: every inherited span after it moves by one in the prompt.
    const edited = longScene.replace(/(beat 4s Moment 500\n {2}subject: Mara\n {2}action: [^\n]*)/, '$1s');
    assert.notEqual(edited, longScene);
    await server.replaceText(uri, edited);
    const after = await server.request<CompileResponse>('sora/compile', { uri });
    assert.equal(after.prompt.length, before.prompt.length + 1);
    await view.page.evaluate(() => {
      const places: string[] = [];
      new MutationObserver((list) => {
        for (const record of list) {
          const element = record.target instanceof Element ? record.target : record.target.parentElement;
          const shot = element?.closest('#prompt .shot');
          places.push(shot ? `shot ${shot.getAttribute('data-shot')}` : element?.closest('[id]')?.id ?? '?');
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      (window as unknown as { places: string[] }).places = places;
    });
    await view.post({ type: 'update', response: after, fileName: 'scene99.sora', state: { uri: after.uri, locked: false, variant: null } });
    await view.page.waitForFunction(() => /\d+ words · \d+ characters/.test(document.getElementById('counts')!.textContent ?? '') && (window as unknown as { places: string[] }).places.length > 0);
    await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const places = [...new Set(await view.page.evaluate(() => (window as unknown as { places: string[] }).places))].sort();
    assert.deepEqual(places, ['counts', 'shot 499']);
    assert.deepEqual(await view.page.$$eval('#prompt .shot[data-shot="700"] mark.inherited', (nodes) => nodes.map((n) => n.textContent)), marksBefore);
  });

  it('a sequence named and styled with markup: shown as text, nothing runs, no element is made', async () => {
    assert.equal(path.basename(hostile.inheritedFrom ?? ''), hostileName);
    view = await show(hostile);
    assert.equal(await view.page.evaluate(() => document.querySelectorAll('script, img, svg, iframe').length), 1, 'only the page script');
    const marked = await marks(view);
    assert.ok(marked.some((m) => m.text.includes(hostileStyle)), JSON.stringify(marked));
    assert.equal(marked[0].title, `Written in ${hostileName}, the sequence`);
    assert.equal(await view.page.textContent('#inherited-legend .legend-file'), hostileName);
    assert.equal(await view.page.textContent('#file'), `scene01.sora · inherits from ${hostileName}`);
  });
});

/** The spans in prompt order, overlapping or touching ones joined, as the page marks them. */
function joinedSpans(prompt: string, spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const joined: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = joined[joined.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else joined.push({ ...span });
  }
  return joined.filter((s) => s.start < prompt.length);
}
