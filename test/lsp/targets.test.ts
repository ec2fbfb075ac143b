import assert from 'node:assert/strict';
import type { CodeLens, CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import type * as ProtocolModule from '../../server/out/protocol';
import { Harness, positionOf } from './harness';
import { modelProfiles } from '../../server/out/core/models';
import { formatDurations } from '../../server/out/lsp/modelInfo';

// The editor's side of targets, against the real server: the hover on `model: ID` for every profile
// in the table, an unknown id's nearest ids, completion details, the targets the preview's picker
// offers, the compile summary the status bar shows, and the iteration CodeLens.

type CompileResponse = ProtocolModule.CompileResponse;

const lighthouse = 'lighthouse/scene09.sora';

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

/** Markdown with its backslash escapes removed: what the reader sees. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

describe('language server: targets in the editor', function () {
  let server: Harness;
  let lighthouseText: string;

  before(async () => {
    server = await Harness.start();
    const uri = await server.open(lighthouse);
    lighthouseText = server.text(uri);
  });
  after(async () => {
    await server.stop();
  });

  const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });

  async function modelHover(id: string): Promise<string> {
    const text = lighthouseText.replace('model: sora-2', `model: ${id}`);
    const uri = await server.open('scratch/model-hover.sora', text);
    return hoverText(await server.request<Hover>('textDocument/hover', at(uri, positionOf(text, `model: ${id}`, 0, 3))));
  }

  describe('hover on model: ID', () => {
    for (const profile of modelProfiles) {
      it(`${profile.id}: label, vendor, status, limits, audio, images, prompt limit, iteration, price, sources, asOf`, async () => {
        const markdown = await modelHover(profile.id);
        const text = unescaped(markdown);
        assert.ok(text.includes(profile.label), 'label');
        assert.ok(text.includes(profile.vendor), 'vendor');
        if (profile.status.kind === 'retired') {
          assert.ok(text.includes(`Retired since ${profile.status.since}`), 'retired since');
          for (const successor of profile.status.successors) assert.ok(text.includes(successor), `successor ${successor}`);
        } else {
          assert.ok(text.includes('Status: current.'), 'current');
        }
        assert.ok(text.includes(`Clip lengths: ${formatDurations(profile.durations)}`), 'clip lengths');
        assert.ok(text.includes(`Aspects: ${profile.aspects.join(', ')}`), 'aspects');
        assert.ok(text.includes(`Resolutions: ${profile.resolutions.join(', ')}`), 'resolutions');
        assert.match(text, /- Audio: /);
        assert.match(text, /- Image inputs: /);
        assert.ok(text.includes(`Prompt limit: ${profile.promptLimit.max.toLocaleString('en-US')}`), 'prompt limit');
        assert.ok(text.includes(`Iterate: ${profile.iterate.operation}`), 'iteration');
        const priceLine = text.split('\n').find((line) => line.startsWith('- Price: '))!;
        const listed = [...priceLine.matchAll(/\$(\d+\.\d+)\/s/g)].map((m) => Number(m[1]));
        for (const [resolution, usd] of Object.entries(profile.price.usdPerSecond)) {
          if (resolution !== 'default' || Object.keys(profile.price.usdPerSecond).length === 1) assert.ok(listed.includes(usd), `${resolution} at $${usd}/s in ${priceLine}`);
        }
        assert.ok(text.includes(`as of ${profile.asOf}`), 'asOf');
        for (const source of profile.sources) {
          if (source.url) assert.ok(markdown.includes(`](${source.url})`), `a link to ${source.url}`);
        }
      });
    }

    it('an unknown id: says so and names the nearest known ids', async () => {
      const near = modelProfiles[0].id;
      const typo = near.replace('-', '');
      const text = unescaped(await modelHover(typo));
      assert.ok(text.includes(`\`${typo}\` is not a known model`), text);
      assert.ok(text.includes(`Did you mean \`${near}\``), text);
    });

    it('shows what the writer typed as code, never as Markdown or HTML', async () => {
      const markdown = await modelHover('<img src=x>_x_`**b**');
      // Text with a backtick can't be a code span: every punctuation character is escaped instead.
      assert.ok(markdown.includes('\\<img src\\=x\\>\\_x\\_\\`\\*\\*b\\*\\*'), markdown);
      assert.ok(!/(^|[^\\])<img/.test(markdown) && !/(^|[^\\])\*\*b/.test(markdown), markdown);
      const plain = await modelHover('<img src=x>');
      assert.ok(plain.includes('`<img src=x>`'), plain);
    });
  });

  it('completion after model: gives each id its label, status and price, with the hover as documentation', async () => {
    const text = lighthouseText.replace('model: sora-2', 'model: ');
    const uri = await server.open('scratch/model-complete.sora', text);
    const result = await server.request<CompletionList | CompletionItem[]>('textDocument/completion', at(uri, positionOf(text, 'model: ', 0, 7)));
    const items = Array.isArray(result) ? result : result.items;
    assert.ok(items.length > 0, 'items');
    for (const item of items) {
      const profile = modelProfiles.find((p) => p.id === item.label);
      assert.ok(profile, `${item.label} is a profile`);
      assert.ok(item.detail?.startsWith(`${profile.label} — ${profile.vendor} · `), item.detail);
      assert.match(item.detail!, /from \$\d+\.\d+\/s$/);
      const documentation = item.documentation as MarkupContent;
      assert.equal(documentation.kind, 'markdown');
      assert.ok(documentation.value.includes(`as of ${profile.asOf}`));
      const retired = profile.status.kind === 'retired';
      assert.equal(item.detail!.includes('retired since'), retired);
      assert.equal(item.tags?.includes(1) ?? false, retired, 'retired ids are marked deprecated');
    }
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const firstRetired = sorted.findIndex((i) => i.tags?.includes(1));
    if (firstRetired >= 0) assert.ok(sorted.slice(firstRetired).every((i) => i.tags?.includes(1)), 'retired models sort after current ones');
  });

  it('the compile answer lists every profile for the preview\'s picker, current ones first', async () => {
    const { targets } = await server.request<CompileResponse>('sora/compile', { uri: server.uri(lighthouse) });
    assert.ok(targets);
    assert.deepEqual(targets.map((m) => m.id).sort(), modelProfiles.map((p) => p.id).sort());
    const firstRetired = targets.findIndex((m) => m.status === 'retired');
    if (firstRetired >= 0) assert.ok(targets.slice(firstRetired).every((m) => m.status === 'retired'));
    for (const target of targets) assert.equal(target.label, modelProfiles.find((p) => p.id === target.id)!.label);
  });

  it('the compile summary names the model and its estimated cost for the status bar', async () => {
    const uri = server.uri(lighthouse);
    const own = await server.request<CompileResponse>('sora/compile', { uri });
    assert.equal(own.summary.model, 'sora-2');
    assert.equal(own.summary.cost, own.cost?.usd ?? null, 'the summary carries the compilation\'s cost');
    const other = modelProfiles.find((p) => p.id !== 'sora-2') ?? modelProfiles[0];
    const picked = await server.request<CompileResponse>('sora/compile', { uri, model: other.id });
    assert.equal(picked.summary.model, other.id, 'compiled for the model asked for');
    const noModel = lighthouseText.replace('  model: sora-2\n', '');
    const bare = await server.open('scratch/no-model.sora', noModel);
    const none = await server.request<CompileResponse>('sora/compile', { uri: bare });
    assert.equal(none.summary.model, null);
    assert.equal(none.summary.cost, null);
  });

  it('the CodeLens over a variant of a take names the target\'s operation', async () => {
    const uri = server.uri(lighthouse);
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command?.title ?? '');
    const operation = modelProfiles.find((p) => p.id === 'sora-2')!.iterate.operation;
    const expected = operation === 'remix' ? 'Copy remix instruction (take02)' : `Copy iteration (${operation}) (take02)`;
    assert.ok(titles.includes(expected), titles.join(' | '));
    assert.ok(lenses.some((l) => l.command?.command === 'sora.copyRemixInstruction'), 'the command id is kept');
  });
});
