// The preview page in headless Chromium, fed compile responses built from the real core for each
// shared example (the shape the server's `sora/compile` answers with).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as TakesModule from '../../server/out/core/takes';
import type { CompileResponse } from '../../server/out/protocol';
import { exampleFiles, readExample } from '../helpers/paths';
import { requireClient } from '../helpers/clientModules';
import { closeBrowser, openWebviewPage, type WebviewPage } from '../helpers/webview';
import { compile } from '../../server/out/core/compile';
import { analyze } from '../../server/out/core/analyze';
import { baseKind } from '../../server/out/core/model';
import { parseTakeLog } from '../../server/out/core/takes';

const scriptPath = 'client/dist/webview/preview.js';
const cssPath = 'client/dist/webview/preview.css';

function lighthouseTakes(): TakesModule.TakeLog {
  const parsed = parseTakeLog(readExample('lighthouseTakes'));
  assert.ok(parsed.ok);
  return parsed.log;
}

/** What the server answers `sora/compile` with, built from the core. */
function compileResponse(text: string, options: { file: string; variant?: string; takeLog?: TakesModule.TakeLog; version?: number }): CompileResponse {
  const { storyboard, names, settings, diagnostics } = analyze(text, { documentPath: options.file, takeLog: options.takeLog });
  const variant = options.variant && options.variant !== 'main' ? options.variant : undefined;
  const compilation = compile(storyboard, { variant, takeLog: options.takeLog });
  let basePrompt: string | null = null;
  if (variant && !compilation.error) {
    const base = names.variants.get(variant)?.base?.text ?? 'main';
    const kind = baseKind(base, names);
    if (kind === 'main') basePrompt = compile(storyboard, { takeLog: options.takeLog }).prompt;
    else if (kind === 'variant') basePrompt = compile(storyboard, { variant: base, takeLog: options.takeLog }).prompt;
    else if (kind === 'take') basePrompt = options.takeLog?.takes.find((take) => take.id === base)?.prompt ?? null;
  }
  const duration = settings.duration?.seconds ?? null;
  return {
    ...compilation,
    uri: `file://${options.file}`,
    version: options.version ?? 1,
    variants: storyboard.variants.filter((v) => v.name).map((v) => ({ name: v.name!.text, base: v.base?.text ?? 'main', line: v.headerRange.start.line })),
    basePrompt,
    summary: {
      duration,
      beats: storyboard.beats.length,
      aspect: settings.aspect?.text ?? null,
      overLimit: duration !== null && duration > 20,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      review: diagnostics.filter((d) => d.severity === 'error' || d.code === 'placeholder').map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.range.start.line })),
      model: settings.model?.text ?? null,
      cost: null,
    },
  };
}

const examples = {
  lighthouse: () => compileResponse(readExample('lighthouse'), { file: exampleFiles.lighthouse, takeLog: lighthouseTakes() }),
  problems: () => compileResponse(readExample('problems'), { file: exampleFiles.problems }),
  rooftop: () => compileResponse(readExample('rooftop'), { file: exampleFiles.rooftop }),
};

function stateOf(response: CompileResponse, locked = false) {
  return { uri: response.uri, locked, variant: response.variant };
}

async function openPreview(options: { initialState?: unknown; csp?: boolean; theme?: 'dark' | 'light' } = {}): Promise<WebviewPage> {
  const view = await openWebviewPage({ scriptPath, cssPath, ...options });
  await view.waitForMessage((m) => m.type === 'ready');
  return view;
}

async function showResponse(view: WebviewPage, response: CompileResponse, fileName = path.basename(response.uri), locked = false): Promise<void> {
  await view.post({ type: 'update', response, fileName, state: stateOf(response, locked) });
  await view.page.waitForFunction((n) => document.querySelectorAll('#prompt .shot').length === n && !document.getElementById('content')!.hidden, response.beats.length);
}

describe('preview webview (Chromium)', function () {
  this.timeout(60000);
  let view: WebviewPage | undefined;

  afterEach(async () => {
    if (view) {
      const errors = view.errors();
      const blocked = view.blockedRequests();
      await view.close();
      view = undefined;
      assert.deepEqual(errors, [], 'no page errors or CSP violations');
      assert.deepEqual(blocked, [], 'no requests outside the page');
    }
  });

  after(async () => {
    await closeBrowser();
  });

  for (const [name, make] of Object.entries(examples)) {
    it(`renders the ${name} example: settings, one block per shot, timeline, characters, counts`, async () => {
      const response = make();
      view = await openPreview();
      await showResponse(view, response);
      const page = view.page;

      // Settings chips.
      const chips = await page.$$eval('#settings .chip[data-setting]', (nodes) => nodes.map((n) => [n.getAttribute('data-setting'), n.querySelector('.chip-value')!.textContent]));
      const chipMap = Object.fromEntries(chips);
      assert.equal(chipMap.aspect, response.settings.aspect ?? 'not set');
      assert.equal(chipMap.resolution, response.settings.resolution ?? 'not set');
      assert.equal(chipMap.duration, response.settings.duration !== null ? `${response.settings.duration} s` : 'not set');
      assert.equal(chipMap.model, response.settings.model ?? 'not set');

      // One block per shot, holding exactly that shot's text from the prompt.
      const shots = await page.$$eval('#prompt .shot .shot-text', (nodes) => nodes.map((n) => n.textContent));
      assert.equal(shots.length, response.beats.length);
      response.beats.forEach((beat, i) => assert.equal(shots[i], response.prompt.slice(beat.output.start, beat.output.end).trim()));
      // Nothing of the prompt is lost: the blocks and the text around them make up the prompt.
      const allText = await page.$$eval('#prompt > *', (nodes) => nodes.map((n) => (n.classList.contains('shot') ? n.querySelector('.shot-text')!.textContent : n.textContent)).join('\n\n'));
      assert.equal(allText, response.prompt.trim());

      // Timeline: one element per beat.
      assert.equal(await page.locator('#timeline-track .beat').count(), response.beats.length);

      // Characters and their anchors.
      const characters = await page.$$eval('#characters .character', (nodes) =>
        nodes.map((n) => ({ name: n.querySelector('.character-name')!.textContent, anchors: Array.from(n.querySelectorAll('.anchor')).map((a) => a.textContent) })),
      );
      assert.deepEqual(characters, response.characters);

      // Counts.
      const counts = await page.textContent('#counts');
      assert.match(counts!, new RegExp(`${response.prompt.length} characters`));
      assert.match(counts!, /\d+ words/);
      assert.equal(await page.textContent('#file'), path.basename(response.uri));

      // The state is saved for restore.
      assert.deepEqual(await view.state(), stateOf(response));
      await view.screenshot(`preview-${name}`);
    });
  }

  it('sizes timeline beats in proportion to their seconds and places dialogue markers at their timecodes', async () => {
    const response = examples.lighthouse();
    view = await openPreview();
    await showResponse(view, response);
    const track = (await view.page.locator('#timeline-track').boundingBox())!;
    const beats = await view.page.$$eval('#timeline-track .beat', (nodes) => nodes.map((n) => {
      const box = n.getBoundingClientRect();
      return { x: box.x, width: box.width, seconds: Number(n.getAttribute('data-seconds')) };
    }));
    assert.equal(beats.length, 3);
    const span = 12;
    for (const [i, beat] of beats.entries()) {
      assert.ok(Math.abs(beat.width - (track.width * beat.seconds) / span) < 1.5, `beat ${i + 1} width ${beat.width}`);
      assert.ok(Math.abs(beat.x - (track.x + (track.width * response.beats[i].start) / span)) < 1.5, `beat ${i + 1} left`);
    }
    // Mara says "Not tonight." at 0:05 (1 s into the 4 s beat 2).
    const markers = await view.page.$$eval('#timeline-markers .marker', (nodes) => nodes.map((n) => {
      const box = n.getBoundingClientRect();
      return { center: box.x + box.width / 2, at: Number(n.getAttribute('data-at')), title: n.getAttribute('title') };
    }));
    assert.equal(markers.length, 1);
    assert.equal(markers[0].at, 5);
    assert.ok(Math.abs(markers[0].center - (track.x + (track.width * 5) / span)) < 1.5, `marker at ${markers[0].center}`);
    assert.match(markers[0].title!, /Mara \(0:05\): "Not tonight\."/);
    assert.equal(await view.page.locator('#timeline.over-limit').count(), 0);
    assert.equal(await view.page.locator('#clip-end').isHidden(), true);
  });

  it('marks an over-long clip and beats beyond the clip duration', async () => {
    // problems: 25 s clip (over the ~20 s stable limit), beats 3 s + 8 s.
    const problems = examples.problems();
    view = await openPreview();
    await showResponse(view, problems);
    assert.equal(await view.page.locator('#timeline.over-limit').count(), 1);
    assert.equal(await view.page.locator('#limit').isVisible(), true);
    const track = (await view.page.locator('#timeline-track').boundingBox())!;
    const widths = await view.page.$$eval('#timeline-track .beat', (nodes) => nodes.map((n) => n.getBoundingClientRect().width));
    assert.ok(Math.abs(widths[0] - (track.width * 3) / 25) < 1.5);
    assert.ok(Math.abs(widths[1] - (track.width * 8) / 25) < 1.5);
    const limit = (await view.page.locator('#limit').boundingBox())!;
    assert.ok(Math.abs(limit.x - (track.x + (track.width * 20) / 25)) < 2.5);
    assert.match((await view.page.textContent('#timeline-notes'))!, /stable limit/);

    // Beats that run past the clip's duration: 4 s + 4 s + 4 s in an 8 s clip.
    const text = readExample('lighthouse').replace('duration: 12s', 'duration: 8s');
    const short = compileResponse(text, { file: exampleFiles.lighthouse });
    await showResponse(view, short);
    const beyond = await view.page.$$eval('#timeline-track .beat', (nodes) => nodes.map((n) => n.classList.contains('beyond-clip')));
    assert.deepEqual(beyond, [false, false, true]);
    const clipEnd = (await view.page.locator('#clip-end').boundingBox())!;
    const track2 = (await view.page.locator('#timeline-track').boundingBox())!;
    assert.ok(Math.abs(clipEnd.x - (track2.x + (track2.width * 8) / 12)) < 2.5);
    assert.match((await view.page.textContent('#timeline-notes'))!, /more than the clip's 8 s/);
    await view.screenshot('preview-beyond-clip');
  });

  it('reveals a beat in the editor when a shot or a timeline beat is clicked', async () => {
    const response = examples.lighthouse();
    view = await openPreview();
    await showResponse(view, response);
    await view.page.click('#prompt .shot[data-shot="1"]');
    const reveal = await view.waitForMessage((m) => m.type === 'reveal');
    assert.deepEqual(reveal, {
      type: 'reveal',
      uri: response.uri,
      line: response.beats[1].source.start.line,
      character: response.beats[1].source.start.character,
      endLine: response.beats[1].source.end.line,
      endCharacter: response.beats[1].source.end.character,
    });
    view.clearMessages();
    await view.page.click('#timeline-track .beat[data-shot="2"]');
    const second = await view.waitForMessage((m) => m.type === 'reveal');
    assert.equal(second.line, response.beats[2].source.start.line);
    // Keyboard: Enter on a focused shot.
    view.clearMessages();
    await view.page.focus('#prompt .shot[data-shot="0"]');
    await view.page.keyboard.press('Enter');
    assert.equal((await view.waitForMessage((m) => m.type === 'reveal')).line, response.beats[0].source.start.line);
  });

  it('highlights the shot whose source range holds the cursor line', async () => {
    const response = examples.lighthouse();
    view = await openPreview();
    await showResponse(view, response);
    const beat = response.beats[2];
    await view.post({ type: 'highlight', line: beat.source.start.line + 2 });
    assert.deepEqual(await view.page.$$eval('#prompt .shot.active', (n) => n.map((e) => e.getAttribute('data-shot'))), ['2']);
    assert.deepEqual(await view.page.$$eval('#timeline-track .beat.active', (n) => n.map((e) => e.getAttribute('data-shot'))), ['2']);
    await view.post({ type: 'highlight', line: 0 });
    assert.equal(await view.page.locator('.shot.active').count(), 0);
    // The highlight survives an update.
    await view.post({ type: 'highlight', line: response.beats[0].source.start.line });
    await showResponse(view, response);
    assert.deepEqual(await view.page.$$eval('#prompt .shot.active', (n) => n.map((e) => e.getAttribute('data-shot'))), ['0']);
  });

  it('copies the prompt through the extension', async () => {
    const response = examples.rooftop();
    view = await openPreview();
    await showResponse(view, response);
    await view.page.click('#copy-prompt');
    const copy = await view.waitForMessage((m) => m.type === 'copy');
    assert.deepEqual(copy, { type: 'copy', what: 'prompt', text: response.prompt });
    assert.equal(await view.page.locator('#remix').isHidden(), true, 'no remix for main');
  });

  it('shows the diff of two 32,000-word prompts that differ throughout, coarser and saying so', async function () {
    this.timeout(30_000); // a hang detector: the unbounded word diff took 39 s, then ran out of memory
    const longText = (seed: number) => Array.from({ length: 32_000 }, (_, i) => `w${(i * seed) % 997}${i % 40 === 39 ? '\n' : ''}`).join(' ');
    const tighter = compileResponse(readExample('rooftop'), { file: exampleFiles.rooftop, variant: 'tighter' });
    const response = { ...tighter, basePrompt: longText(7), prompt: `${tighter.prompt}\n${longText(13)}` };
    view = await openPreview();
    await showResponse(view, response);
    await view.page.waitForFunction(() => /too many changes/.test(document.getElementById('diff-stats')!.textContent ?? ''));
    // The new side of the diff: everything but the old phrases and the arrows between old and new.
    const after = await view.page.$eval('#diff', (d) => {
      const copy = d.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('del, .arrow').forEach((node) => node.remove());
      return copy.textContent;
    });
    assert.equal(after, response.prompt);
  });

  it('picks a variant, shows its diff against the base, and copies its remix instruction', async () => {
    const main = examples.rooftop();
    view = await openPreview();
    await showResponse(view, main);
    const options = await view.page.$$eval('#variant option', (nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    assert.deepEqual(options, ['main', 'tighter', 'dusk']);
    assert.equal(await view.page.locator('#diff-section').isHidden(), true);
    await view.page.selectOption('#variant', 'tighter');
    const select = await view.waitForMessage((m) => m.type === 'selectVariant');
    assert.deepEqual(select, { type: 'selectVariant', variant: 'tighter' });
    assert.deepEqual(await view.state(), { uri: main.uri, locked: false, variant: 'tighter' });

    const tighter = compileResponse(readExample('rooftop'), { file: exampleFiles.rooftop, variant: 'tighter' });
    assert.ok(tighter.basePrompt);
    await showResponse(view, tighter);
    assert.equal(await view.page.locator('#diff-section').isVisible(), true);
    assert.equal(await view.page.textContent('#diff-base'), 'main');
    const inserted = (await view.page.$$eval('#diff ins', (n) => n.map((e) => e.textContent).join(''))).trim();
    const deleted = (await view.page.$$eval('#diff del', (n) => n.map((e) => e.textContent).join(''))).trim();
    // `medium close-up, slow dolly in` → `close-up, static`.
    assert.match(inserted, /static/);
    assert.match(deleted, /medium/);
    assert.match(deleted, /dolly/);
    // The diff is the whole variant prompt with the base's removed words marked.
    const after = await view.page.$eval('#diff', (d) => {
      const copy = d.cloneNode(true) as Element;
      copy.querySelectorAll('del, .arrow').forEach((gone) => gone.remove());
      return copy.textContent;
    });
    assert.equal(after, tighter.prompt);
    assert.equal(await view.page.locator('#remix').isHidden(), true, 'a variant of main has no remix');
    await view.screenshot('preview-rooftop-variant-diff');

    // A variant from a take: remix instruction and its copy button.
    const warmer = compileResponse(readExample('lighthouse'), { file: exampleFiles.lighthouse, variant: 'warmer', takeLog: lighthouseTakes() });
    assert.ok(warmer.remix);
    await showResponse(view, warmer);
    assert.equal(await view.page.locator('#remix').isVisible(), true);
    assert.equal(await view.page.textContent('#remix-text'), warmer.remix);
    assert.match((await view.page.textContent('#remix-of'))!, /take02/);
    view.clearMessages();
    await view.page.click('#copy-remix');
    assert.deepEqual(await view.waitForMessage((m) => m.type === 'copy'), { type: 'copy', what: 'remix', text: warmer.remix });
    assert.equal(await view.page.inputValue('#variant'), 'warmer');
    await view.screenshot('preview-lighthouse-remix');
  });

  it('updates in place: same elements, scroll position kept', async () => {
    const response = examples.lighthouse();
    view = await openPreview({});
    await view.page.setViewportSize({ width: 700, height: 300 });
    await showResponse(view, response);
    await view.page.evaluate(() => {
      (document.querySelector('#prompt .shot[data-shot="1"]') as any).__marker = 'kept';
      window.scrollTo(0, 400);
    });
    const before = await view.page.evaluate(() => window.scrollY);
    assert.ok(before > 0);
    const edited = compileResponse(readExample('lighthouse').replace('strikes a match', 'strikes a long match'), { file: exampleFiles.lighthouse, version: 2 });
    await view.post({ type: 'update', response: edited, fileName: 'scene09.sora', state: stateOf(edited) });
    await view.page.waitForFunction(() => document.querySelector('#prompt .shot[data-shot="1"] .shot-text')!.textContent!.includes('long match'));
    assert.equal(await view.page.evaluate(() => (document.querySelector('#prompt .shot[data-shot="1"]') as any).__marker), 'kept');
    // Not reset to the top: the scroll stays where it was (or moves with Chrome's scroll anchoring
    // by the height the edit added above the anchor, so what was on screen stays on screen).
    const afterScroll = await view.page.evaluate(() => window.scrollY);
    assert.ok(afterScroll >= before && afterScroll - before < 80, `scroll ${before} → ${afterScroll}`);
  });

  it('restores its state and toggles the lock', async () => {
    const response = examples.rooftop();
    const saved = { uri: response.uri, locked: true, variant: 'dusk' };
    view = await openPreview({ initialState: saved });
    const ready = await view.waitForMessage((m) => m.type === 'ready');
    assert.deepEqual(ready.state, saved);
    assert.equal(await view.page.getAttribute('#lock', 'aria-pressed'), 'true');
    await view.page.click('#lock');
    await view.waitForMessage((m) => m.type === 'toggleLock');
    await view.post({ type: 'state', state: { ...saved, locked: false } });
    assert.equal(await view.page.getAttribute('#lock', 'aria-pressed'), 'false');
    assert.deepEqual(await view.state(), { ...saved, locked: false });
  });

  it('restores the variant and the lock after a reload (the model picker: targets.test), and ignores a saved state it cannot read', async () => {
    const main = examples.rooftop();
    view = await openPreview();
    await showResponse(view, main);
    await view.page.selectOption('#variant', 'dusk');
    await view.post({ type: 'state', state: { uri: main.uri, locked: true, variant: 'dusk' } });
    const saved = await view.state();
    assert.deepEqual(saved, { uri: main.uri, locked: true, variant: 'dusk' });
    await view.close();
    // The reload: VS Code hands the saved state to the new page, which sends it with `ready`.
    view = await openPreview({ initialState: saved });
    assert.deepEqual((await view.waitForMessage((m) => m.type === 'ready')).state, saved);
    assert.equal(await view.page.textContent('#lock'), 'Locked');
    const dusk = compileResponse(readExample('rooftop'), { file: exampleFiles.rooftop, variant: 'dusk' });
    await view.post({ type: 'update', response: dusk, fileName: 'scene03.sora', state: saved });
    await view.page.waitForFunction(() => (document.getElementById('variant') as HTMLSelectElement).value === 'dusk');
    for (const unreadable of ['a string', { uri: 7, locked: 'yes' }, { locked: true }, [1, 2]]) {
      const fresh = await openPreview({ initialState: unreadable });
      try {
        assert.equal((await fresh.waitForMessage((m) => m.type === 'ready')).state, null, JSON.stringify(unreadable));
        assert.deepEqual(fresh.errors(), []);
      } finally {
        await fresh.close();
      }
    }
  });

  it('drops messages it does not know, and goes on working', async () => {
    const response = examples.lighthouse();
    view = await openPreview();
    for (const data of [{ type: 'evil', response }, 'update', null, { type: 42 }, { response }]) await view.post(data);
    assert.equal(await view.page.locator('#content').isHidden(), true);
    await showResponse(view, response);
    assert.equal(await view.page.locator('#prompt .shot').count(), response.beats.length);
  });

  it('shows a message when there is nothing to preview', async () => {
    view = await openPreview({ theme: 'light' });
    await view.post({ type: 'message', fileName: null, state: null, text: 'Open a .sora storyboard to preview the prompt it compiles to.' });
    assert.equal(await view.page.locator('#notice').isVisible(), true);
    assert.equal(await view.page.locator('#content').isHidden(), true);
  });

  describe('keeps script and HTML payloads inert', () => {
    const payloads = [
      '<script>window.__pwned = 1</script>',
      '"><img src=x onerror="window.__pwned=2">',
      "'><svg onload=window.__pwned=3>",
      'javascript:window.__pwned=4',
      '<a href="javascript:window.__pwned=5">x</a>',
      '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
    ];
    const hostile = payloads.join(' ');
    const text = [
      `scene 66 "${payloads[1].replace(/"/g, '')} <b>bold</b>"`,
      `logline: ${hostile}.`,
      'settings',
      '  aspect: <img src=x onerror=window.__pwned=7>',
      '  resolution: 1080p',
      '  duration: 12s',
      '  audio: voice, <script>window.__pwned=8</script>',
      '  model: <svg onload=window.__pwned=9>',
      'style',
      `  palette: ${payloads[0]}`,
      `  lighting: ${payloads[1]}, consistent lighting`,
      `  look: ${payloads[3]}`,
      'character Eve',
      `  anchors: ${payloads[0]}, ${payloads[1]}, ${payloads[2]}`,
      `beat 6s ${payloads[1]}`,
      '  subject: Eve',
      `  action: ${hostile}`,
      `  setting: ${payloads[4]}`,
      `  emotion: ${payloads[5]}`,
      `  camera: wide, ${payloads[2]}`,
      `  say Eve @1s "${payloads[0]}"`,
      'beat 6s Second',
      `  subject: ${payloads[3]}`,
      `  action: ${payloads[2]}`,
      'variant evil from take01',
      `  beat 1 action: ${payloads[1]}`,
    ].join('\n');

    function hostileResponse(): CompileResponse {
      const log = lighthouseTakes();
      const takeLog = { ...log, takes: log.takes.map((t) => ({ ...t, prompt: hostile })) } as TakesModule.TakeLog;
      const response = compileResponse(text, { file: '/tmp/<img src=x onerror=window.__pwned=10>.sora', variant: 'evil', takeLog });
      // Every other string field the page shows, whatever the server would send.
      response.variants.push({ name: '<img src=x onerror=window.__pwned=11>', base: '<script>window.__pwned=12</script>', line: 1 });
      response.error = '<img src=x onerror=window.__pwned=13>';
      response.remix = response.remix ?? hostile;
      response.remixOf = '<svg onload=window.__pwned=14>';
      response.characters.push({ name: '<img src=x onerror=window.__pwned=15>', anchors: [hostile] });
      response.beats[0].title = '<img src=x onerror=window.__pwned=16>';
      response.beats[0].dialogue.push({ speaker: '<img src=x onerror=window.__pwned=17>', at: 2, line: hostile });
      return response;
    }

    for (const csp of [true, false]) {
      it(`with the CSP ${csp ? 'on' : 'off'} (escaping must not rely on it)`, async () => {
        const response = hostileResponse();
        assert.ok(response.prompt.includes('<script>'));
        view = await openPreview({ csp });
        const before = await view.page.evaluate(() => document.querySelectorAll('script, img, svg, iframe, a, b, object, embed').length);
        await view.post({ type: 'update', response, fileName: '"><img src=x onerror=window.__pwned=18>.sora', state: stateOf(response) });
        await view.page.waitForFunction(() => document.querySelectorAll('#prompt .shot').length > 0);
        await view.post({ type: 'message', fileName: '<img src=x onerror=window.__pwned=19>', state: stateOf(response), text: hostile });
        await view.page.click('#prompt .shot[data-shot="0"]');
        await view.page.click('#timeline-track .beat[data-shot="0"]');
        await view.page.hover('#timeline-markers .marker');
        await view.page.waitForTimeout(200);
        const after = await view.page.evaluate(() => document.querySelectorAll('script, img, svg, iframe, a, b, object, embed').length);
        assert.equal(after, before, 'no element created from the payloads');
        assert.equal(before, 1, 'only the page script');
        assert.equal(await view.page.evaluate(() => (window as any).__pwned), undefined);
        // The payloads are shown as text.
        const prompt = await view.page.textContent('#prompt');
        assert.ok(prompt!.includes('<script>window.__pwned = 1</script>'));
        assert.ok(prompt!.includes('javascript:window.__pwned=4'));
        assert.equal(await view.page.textContent('#remix-text'), response.remix);
        assert.equal(await view.page.textContent('#error'), response.error);
        assert.ok((await view.page.textContent('#diff'))!.includes('<img src=x onerror="window.__pwned=2">'));
        assert.ok((await view.page.textContent('#notice'))!.includes('<iframe srcdoc='));
        assert.ok((await view.page.$$eval('#variant option', (n) => n.map((o) => o.textContent))).some((t) => t!.includes('<img src=x onerror=window.__pwned=11>')));
        assert.equal(await view.page.evaluate(() => (window as any).__pwned), undefined);
        await view.screenshot(`preview-payloads-csp-${csp ? 'on' : 'off'}`);
      });
    }
  });
});

describe('preview model (pure)', () => {
  const model = requireClient<typeof import('../../client/out/preview/model')>('preview/model');

  it('lays beats out in proportion to their seconds over the clip', () => {
    const layout = model.timelineLayout(examples.lighthouse());
    assert.equal(layout.span, 12);
    assert.deepEqual(layout.beats.map((b) => [Math.round(b.left * 100) / 100, Math.round(b.width * 100) / 100]), [[0, 33.33], [33.33, 33.33], [66.67, 33.33]]);
    assert.deepEqual(layout.markers.map((m) => [m.speaker, m.at, Math.round(m.left * 100) / 100, m.late]), [['Mara', 5, 41.67, false]]);
    assert.equal(layout.overLimit, false);
    assert.equal(layout.clipEnd, null);
  });

  it('flags the stable limit, beats past the clip and late lines', () => {
    const problems = model.timelineLayout(examples.problems());
    assert.equal(problems.span, 25);
    assert.equal(problems.overLimit, true);
    assert.equal(problems.limit, 80);
    assert.equal(problems.underDuration, true);
    const short = model.timelineLayout(compileResponse(readExample('lighthouse').replace('duration: 12s', 'duration: 8s'), { file: exampleFiles.lighthouse }));
    assert.equal(short.span, 12);
    assert.equal(short.overDuration, true);
    assert.deepEqual(short.beats.map((b) => b.beyondClip), [false, false, true]);
    assert.ok(Math.abs(short.clipEnd! - 66.67) < 0.01);
    const none = model.timelineLayout({ beats: [], settings: { aspect: null, resolution: null, duration: null, audio: [], model: null } });
    assert.equal(none.beats.length, 0);
    assert.equal(none.span, 1);
  });

  it('finds the shot under a line and cuts the prompt into shot blocks', () => {
    const response = examples.rooftop();
    assert.equal(model.shotAtLine(response.beats, response.beats[1].source.start.line), 1);
    assert.equal(model.shotAtLine(response.beats, 0), -1);
    const parts = model.promptParts(response.prompt, response.beats);
    assert.equal(parts.map((p) => p.text).join(''), response.prompt);
    assert.equal(parts.filter((p) => p.kind === 'shot').length, response.beats.length);
  });

  it('cuts a block\'s text at the inherited spans, whatever their order, overlap or reach', () => {
    const segments = (text: string, offset: number, spans: { start: number; end: number }[]) => model.inheritedSegments(text, offset, spans).map((s) => (s.inherited ? `[${s.text}]` : s.text)).join('');
    // "teal and amber" at 10–24 of the prompt; the block starts at 5.
    const block = 'Palette: teal and amber. Look: grainy.';
    assert.equal(segments(block, 1, [{ start: 10, end: 24 }]), 'Palette: [teal and amber]. Look: grainy.');
    assert.equal(segments(block, 1, [{ start: 32, end: 40 }, { start: 10, end: 16 }, { start: 14, end: 24 }]), 'Palette: [teal and amber]. Look: [grainy.]');
    assert.equal(segments(block, 1, [{ start: 0, end: 5 }, { start: 100, end: 120 }, { start: 9, end: 9 }]), '[Pale]tte: teal and amber. Look: grainy.');
    assert.equal(segments(block, 1, []), block);
    assert.equal(segments('', 3, [{ start: 0, end: 10 }]), '');
    assert.equal(model.sequenceName('C:\\film\\film.sora'), 'film.sora');
    assert.equal(model.sequenceName('/work/film/<b>.sora'), '<b>.sora');
    assert.equal(model.sequenceName(null), null);
  });

  it('takes from the page only messages it knows in every field', () => {
    const read = model.readFromWebview;
    assert.deepEqual(read({ type: 'ready', state: { uri: 'file:///a.sora', locked: true, variant: 'dusk', junk: '<img>' } }), { type: 'ready', state: { uri: 'file:///a.sora', locked: true, variant: 'dusk' } });
    assert.deepEqual(read({ type: 'ready', state: 'nonsense' }), { type: 'ready', state: null });
    assert.deepEqual(read({ type: 'reveal', uri: 'file:///a.sora', line: 3, character: 2, endLine: 4, endCharacter: 0 }), { type: 'reveal', uri: 'file:///a.sora', line: 3, character: 2, endLine: 4, endCharacter: 0 });
    assert.equal(read({ type: 'reveal', uri: 'file:///a.sora', line: -1, character: 0, endLine: 0, endCharacter: 0 }), undefined);
    assert.equal(read({ type: 'reveal', uri: 'file:///a.sora', line: '3', character: 0, endLine: 0, endCharacter: 0 }), undefined);
    assert.deepEqual(read({ type: 'copy', what: 'request', text: '{}', label: 'veo-3.1' }), { type: 'copy', what: 'request', text: '{}', label: 'veo-3.1' });
    assert.equal(read({ type: 'copy', what: 'passwords', text: 'x' }), undefined);
    assert.equal(read({ type: 'copy', what: 'prompt' }), undefined);
    assert.deepEqual(read({ type: 'selectVariant', variant: 'main' }), { type: 'selectVariant', variant: null });
    assert.deepEqual(read({ type: 'selectVariant', variant: null }), { type: 'selectVariant', variant: null });
    assert.equal(read({ type: 'selectVariant', variant: 5 }), undefined);
    assert.deepEqual(read({ type: 'selectModel', model: 'kling-3.0' }), { type: 'selectModel', model: 'kling-3.0' });
    assert.deepEqual(read({ type: 'toggleLock', extra: 1 }), { type: 'toggleLock' });
    for (const junk of [null, 'ready', 7, [], { type: 'evil' }, { type: '__proto__' }]) assert.equal(read(junk), undefined, JSON.stringify(junk));
  });

  it('reads saved state leniently and formats the status text', () => {
    assert.deepEqual(model.readPreviewState({ uri: 'file:///a.sora', locked: true, variant: 'dusk' }), { uri: 'file:///a.sora', locked: true, variant: 'dusk' });
    assert.deepEqual(model.readPreviewState({ uri: 'file:///a.sora', variant: 'main' }), { uri: 'file:///a.sora', locked: false, variant: null });
    assert.equal(model.readPreviewState({ locked: true }), undefined);
    assert.equal(model.readPreviewState('x'), undefined);
    assert.equal(model.isPreviewState({ uri: 'u', locked: false, variant: null }), true);
    assert.equal(model.summaryText(examples.lighthouse().summary), '12 s · 3 beats · 16:9 · sora-2');
    assert.equal(model.summaryText({ ...examples.lighthouse().summary, model: 'veo-3.1', cost: 4.8 }), '12 s · 3 beats · 16:9 · veo-3.1 · ≈ $4.80');
    assert.equal(model.summaryText({ duration: null, beats: 1, aspect: null, overLimit: false, errors: 0, warnings: 0, model: null, cost: null, review: [] }), 'no duration · 1 beat');
    assert.equal(model.countWords("Mara's braid, 35mm — grainy."), 4);
    assert.equal(model.formatTimecode(65), '1:05');
  });
});

describe('preview webview: a scene of a sequence (Chromium)', function () {
  this.timeout(60000);
  after(async () => {
    await closeBrowser();
  });

  it('says which sequence the scene inherits from, escaped', async () => {
    const response = { ...examples.lighthouse(), inheritedFrom: '/film/<img src=x onerror=alert(1)>.sora', inheritedSpans: [{ start: 0, end: 5 }] };
    const view = await openPreview();
    try {
      await showResponse(view, response, 'scene09.sora');
      assert.equal(await view.page.textContent('#file'), 'scene09.sora · inherits from <img src=x onerror=alert(1)>.sora');
      assert.equal(await view.page.$$eval('#file img', (nodes) => nodes.length), 0);
      assert.deepEqual(view.errors(), []);
    } finally {
      await view.close();
    }
  });
});

