import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { Harness } from './harness';
import { applyEdits } from '../../server/out/core/text';

// Quick fixes and fix-all (server/src/lsp/codeActions.ts) through the real server, placeholders as snippet tab stops included.

const lighthouse = 'lighthouse/scene09.sora';

const problems = 'problems/scene07.sora';

describe('language server: code actions', function () {
  let server: Harness;
  let lighthouseUri: string;

  before(async () => {
    server = await Harness.start();
    lighthouseUri = await server.open(lighthouse);
    await server.diagnostics(lighthouseUri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  it('offers the rule table\'s quick fixes, and applying one removes that problem', async () => {
    const uri = await server.open(problems);
    const diagnostics = await server.diagnostics(uri, { version: server.version(uri) });
    let applied = false;
    for (const diagnostic of [...diagnostics].sort((a, b) => (a.code === 'timeline' ? -1 : b.code === 'timeline' ? 1 : 0))) {
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const mine = actions.filter((a) => a.diagnostics?.some((d) => d.code === diagnostic.code));
      if (!mine.length) continue;
      for (const action of mine) {
        assert.equal(action.kind, 'quickfix');
        assert.equal(typeof action.isPreferred, 'boolean');
        assert.ok(action.edit?.changes?.[uri]?.length, 'edits for this document');
      }
      const chosen = mine.find((a) => a.isPreferred) ?? mine[0];
      const before = diagnostics.filter((d) => d.code === diagnostic.code).length;
      const fixed = applyEdits(server.text(uri), chosen.edit!.changes![uri]);
      const version = await server.replaceText(uri, fixed);
      const after = await server.diagnostics(uri, { version });
      assert.ok(after.filter((d) => d.code === diagnostic.code).length < before, `fewer ${diagnostic.code} after "${chosen.title}"`);
      applied = true;
      break;
    }
    assert.ok(applied, 'at least one quick fix in the problems example');
  });

  it('fixes all safe problems in a file, like sora check --fix, and is then done', async () => {
    const uri = await server.open('scratch/fixall.sora', fs.readFileSync(server.file(problems), 'utf8'));
    await server.diagnostics(uri, { version: 1 });
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    for (const action of actions) assert.ok(action.kind?.startsWith('source.fixAll'));
    if (!actions.length) return; // no rule has a safe fix for this file (yet)
    const edits = actions[0].edit!.changes![uri];
    const fixed = applyEdits(server.text(uri), edits);
    assert.notEqual(fixed, server.text(uri));
    const version = await server.replaceText(uri, fixed);
    await server.diagnostics(uri, { version });
    const again = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(again.length, 0, 'nothing safe left to fix');
  });
});

describe('language server: fixes with placeholders and messages', function () {
  let server: Harness;
  before(async () => {
    server = await Harness.start({ snippetEdits: true, examples: false });
  });
  after(async () => {
    await server.stop();
  });

  const story = [
    'scene 05 "Harbour"',
    'logline: A fisherman mends his net as the fog lifts.',
    '',
    'settings',
    '  aspect: 16:9',
    '  resolution: 1080p',
    '  duration: 12s',
    '  audio: ambience',
    '',
    'style',
    '  palette: grey and ochre',
    '  lighting: misty morning, consistent lighting',
    '',
    'character Ivo',
    '  cameo: @ivo.k',
    '  anchors: grey beard',
    '',
    ...[1, 2, 3].flatMap((n) => [`beat 4s Shot ${n}`, '  subject: Ivo', '  action: mends the net', '  setting: wooden pier', '  emotion: patient', '  camera: medium, static', '']),
  ].join('\n');

  async function fixesFor(uri: string, code: string): Promise<CodeAction[]> {
    const diagnostics = await server.diagnostics(uri, { version: server.version(uri) });
    const diagnostic = diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `a ${code} diagnostic`);
    return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  it('sends placeholders as tab stops of a snippet edit when the client takes them', async () => {
    const uri = await server.open('scratch/snippets.sora', story);
    const [action] = await fixesFor(uri, 'anchor-count');
    const change = action.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: { snippet?: { kind: string; value: string } }[] };
    assert.equal(change.textDocument.uri, uri);
    assert.equal(change.textDocument.version, server.version(uri));
    assert.deepEqual(change.edits[0].snippet, { kind: 'snippet', value: ', ${1:<hair colour and style>}, ${2:<main garment and its colour>}' });
    const [consent] = await fixesFor(uri, 'cameo-consent');
    const consentChange = consent.edit?.documentChanges?.[0] as { edits: { snippet?: { value: string } }[] };
    assert.equal(consentChange.edits[0].snippet?.value, '\n  consent: ${1:pending}');
  });

  it('shows messages without markdown backticks in the Problems panel', async () => {
    const uri = await server.open('scratch/plain.sora', story);
    const diagnostics = await server.diagnostics(uri, { version: server.version(uri) });
    const consent = diagnostics.find((d) => d.code === 'cameo-consent');
    assert.ok(consent);
    assert.match(String(consent.message), /with no "consent:"; record "consent: approved DATE"/);
    for (const d of diagnostics) assert.ok(!String(d.message).includes('`'), String(d.message));
    // The quick fix still finds its diagnostic by the message the client shows.
    const actions = await fixesFor(uri, 'cameo-consent');
    assert.deepEqual(actions[0].diagnostics?.[0].message, consent.message);
  });
});
