import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { Harness, lineCountOf, type Published } from './harness';
import { rules } from '../../server/out/core/rules';

const knownCodes = new Set(rules.map((rule) => rule.code));
/** The shared lighthouse and rooftop name `model: sora-2`: retired, so one hint and nothing else. */
const retiredOnly = ['model-retired'];
const codesOf = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code);

/** Structural checks every published diagnostic must pass. */
function assertWellFormed(published: { diagnostics: Published['diagnostics'] }, text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of published.diagnostics) {
    assert.equal(d.source, 'sora');
    assert.ok(typeof d.code === 'string' && knownCodes.has(d.code), `known code: ${d.code}`);
    assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 3, 'severity error, warning or information');
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} inside ${lines.length}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} inside line ${p.line}`);
    }
  }
}

describe('language server: diagnostics', function () {
  let server: Harness;

  before(async () => {
    server = await Harness.start();
  });
  after(async () => {
    await server.stop();
  });

  it('checks every storyboard in the workspace at start-up, open or not', async () => {
    const problems = await server.diagnostics(server.uri('problems/scene07.sora'));
    const codes = new Set(problems.map((d) => d.code));
    assert.ok(codes.has('timeline'), 'timeline');
    assert.ok(codes.has('character-unknown'), 'character-unknown');
    assertWellFormed({ diagnostics: problems }, fs.readFileSync(server.file('problems/scene07.sora'), 'utf8'));
    assert.deepEqual(codesOf(await server.diagnostics(server.uri('rooftop/scene03.sora'))), retiredOnly);
    assert.deepEqual(codesOf(await server.diagnostics(server.uri('lighthouse/scene09.sora'))), retiredOnly);
  });

  it('registers file watchers for take logs, storyboards and config files', async () => {
    const registration = await server.waitFor(() => server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, 'watchers');
    const globs = (registration.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    for (const glob of ['**/*.takes.json', '**/*.sora', '**/.sorarc.json', '**/sora.config.json']) assert.ok(globs.includes(glob), glob);
  });

  it('publishes on open with the document version: errors and warnings for the problems example', async () => {
    const uri = await server.open('problems/scene07.sora');
    const diagnostics = await server.diagnostics(uri, { version: 1 });
    assertWellFormed({ diagnostics }, server.text(uri));
    assert.ok(diagnostics.some((d) => d.severity === 1), 'an error');
    assert.ok(diagnostics.some((d) => d.severity === 2), 'a warning');
    const waiter = diagnostics.find((d) => d.code === 'character-unknown');
    assert.ok(waiter);
    assert.equal(server.text(uri).split('\n')[waiter.range.start.line].slice(waiter.range.start.character, waiter.range.end.character), 'Waiter');
  });

  it('has nothing to say about the lighthouse (with its take log) and the rooftop but that sora-2 is retired', async () => {
    for (const file of ['lighthouse/scene09.sora', 'rooftop/scene03.sora']) {
      const uri = await server.open(file);
      assert.deepEqual(codesOf(await server.diagnostics(uri, { version: 1 })), retiredOnly, file);
    }
  });

  it('re-checks after a change, and never publishes an older version after a newer one', async () => {
    const uri = await server.open('rooftop/scene03.sora');
    await server.diagnostics(uri, { version: 1 });
    const mark = server.mark;
    const original = server.text(uri);
    // Rapid edits: break the speaker's name a letter at a time, then fix it.
    for (const name of ['Anx', 'Anxy', 'Anxyz']) {
      const text = original.replace('say Ana', `say ${name}`);
      await server.replaceText(uri, text);
    }
    const last = server.version(uri);
    const diagnostics = await server.diagnostics(uri, { version: last });
    assert.ok(diagnostics.some((d) => d.code === 'character-unknown'));
    const versions = server.published.filter((p) => p.uri === uri && p.sequence > mark).map((p) => p.version ?? 0);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'versions only go up');
    await server.replaceText(uri, original);
    assert.deepEqual(codesOf(await server.diagnostics(uri, { version: server.version(uri) })), retiredOnly);
  });

  it('re-checks a storyboard when its take log changes, and warns once about a take log that does not validate', async () => {
    const uri = await server.open('lighthouse/scene09.sora');
    await server.diagnostics(uri, { version: 1 });
    const logPath = server.file('lighthouse/scene09.takes.json');
    const original = fs.readFileSync(logPath, 'utf8');
    const log = JSON.parse(original) as { takes: { id: string }[] };
    log.takes = log.takes.filter((take) => take.id !== 'take02');
    fs.writeFileSync(logPath, JSON.stringify(log, null, 2));
    let mark = server.mark;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('lighthouse/scene09.takes.json'), type: 2 }] });
    let diagnostics = await server.diagnostics(uri, { after: mark });
    assert.ok(diagnostics.some((d) => d.code === 'variant-base'), 'take02 is gone from the log');

    // A log that does not validate: a warning message (once), and the storyboard is checked without it.
    fs.writeFileSync(logPath, '{ "version": 1, "storyboard": "scene09.sora", "takes": [ { "id": "bad" } ] }');
    for (let i = 0; i < 2; i++) {
      mark = server.mark;
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('lighthouse/scene09.takes.json'), type: 2 }] });
      diagnostics = await server.diagnostics(uri, { after: mark });
      assert.ok(diagnostics.some((d) => d.code === 'variant-base'));
    }
    const warnings = server.messages.filter((m) => m.type === 2 && m.message.includes('scene09.takes.json'));
    assert.equal(warnings.length, 1, 'warned once');

    fs.writeFileSync(logPath, original);
    mark = server.mark;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('lighthouse/scene09.takes.json'), type: 2 }] });
    assert.deepEqual(codesOf(await server.diagnostics(uri, { after: mark })), retiredOnly);
  });

  it('re-checks a closed storyboard that changes on disk, and keeps its problems listed after closing', async () => {
    const uri = server.uri('rooftop/scene03.sora');
    await server.close(uri);
    const file = server.file('rooftop/scene03.sora');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace('say Ana', 'say Zed'));
    const mark = server.mark;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    // (The close itself re-reads the file too, maybe mid-write: wait for the publication that has the change.)
    const diagnostics = await server.diagnostics(uri, { after: mark, accept: (p) => p.diagnostics.some((d) => d.code === 'character-unknown') });
    assert.ok(diagnostics.length > 0);
    fs.writeFileSync(file, original);
  });

  it('survives a document of any shape (empty, one line, CRLF, no trailing newline)', async () => {
    for (const [name, text] of [
      ['empty.sora', ''],
      ['one.sora', 'beat'],
      ['crlf.sora', 'scene 01\r\nsettings\r\n  aspect: 4:3\r\n  duration: 12s\r\nbeat 20s X\r\n  say Nobody "hi"'],
      ['odd.sora', '"\n@@@\n  : :\nvariant a from a\nvariant a from b\n  beat 9 camera: x\n\u{1F3AC} beat 4s'],
    ] as const) {
      const uri = await server.open(`scratch/${name}`, text);
      const diagnostics = await server.diagnostics(uri, { version: 1 });
      assertWellFormed({ diagnostics }, text);
      assert.ok(lineCountOf(text) >= 1);
    }
    assert.equal(server.exitCode, null);
  });

  it('honours // sora-ignore CODE on the line above, and reports the code again when the comment goes', async () => {
    const original = fs.readFileSync(server.file('problems/scene07.sora'), 'utf8');
    const action = '  action: wearing a blue apron, bows under neon light';
    const ignored = original.replace(action, `  // sora-ignore identity-drift\n${action}`);
    const uri = await server.open('scratch/ignore.sora', ignored);
    const line = ignored.split('\n').indexOf(action);
    const onLine = (list: Published['diagnostics']) => list.filter((d) => d.range.start.line === line).map((d) => d.code);
    assert.deepEqual(onLine(await server.diagnostics(uri, { version: 1 })), ['lighting-drift']);
    const version = await server.replaceText(uri, ignored.replace('// sora-ignore identity-drift', '// a note'));
    assert.deepEqual(onLine(await server.diagnostics(uri, { version })), ['identity-drift', 'lighting-drift']);
    await server.close(uri);
  });
});

describe('language server: settings and config files', function () {
  let server: Harness;

  before(async () => {
    server = await Harness.start({
      settings: { rules: { timeline: 'off' }, dialogue: { wordsPerSecond: 2.5 } },
      files: { 'problems/.sorarc.json': JSON.stringify({ rules: { 'character-unknown': 'warning' } }) },
    });
  });
  after(async () => {
    await server.stop();
  });

  it('applies sora.rules from the client over .sorarc.json over the defaults', async () => {
    const uri = await server.open('problems/scene07.sora');
    const diagnostics = await server.diagnostics(uri, { version: 1 });
    assert.ok(!diagnostics.some((d) => d.code === 'timeline'), 'timeline is off in the settings');
    const unknown = diagnostics.find((d) => d.code === 'character-unknown');
    assert.ok(unknown, 'character-unknown still reported');
    assert.equal(unknown.severity, 2, 'as a warning, from .sorarc.json');
  });

  it('reports a bad setting by name and ignores only that setting', async () => {
    server.settings = { rules: { 'no-such-rule': 'error' }, dialogue: { wordsPerSecond: 99 } };
    const uri = server.uri('problems/scene07.sora');
    const mark = server.mark;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics = await server.diagnostics(uri, { after: mark });
    assert.ok(diagnostics.some((d) => d.code === 'timeline'), 'the bad sora.rules layer is ignored: timeline is back');
    const errors = await server.waitFor(() => {
      const found = server.messages.filter((m) => m.type === 1);
      return found.length >= 2 ? found : undefined;
    }, 5000, 'error messages');
    assert.ok(errors.some((m) => m.message.includes('sora.rules') && m.message.includes('no-such-rule')));
    assert.ok(errors.some((m) => m.message.includes('sora.dialogue.wordsPerSecond')));
  });

  it('prices: sora.prices over .sorarc.json over the profile, in sora/compile; a bad one is reported by name', async () => {
    const uri = server.uri('problems/scene07.sora');
    const compileFor = () => server.request<{ cost: { usd: number; perSecond: number; source: string } | null }>('sora/compile', { uri, model: 'sora-2' });
    assert.deepEqual(((await compileFor()).cost), { usd: 2.5, perSecond: 0.1, asOf: '2026-12-01', confidence: 'official', source: 'profile' });
    fs.writeFileSync(server.file('problems/.sorarc.json'), JSON.stringify({ rules: { 'character-unknown': 'warning' }, prices: { 'sora-2': { default: 0.2 } } }));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('problems/.sorarc.json'), type: 2 }] });
    let fromFile: number | undefined;
    for (let tries = 0; tries < 50 && fromFile !== 0.2; tries++) {
      fromFile = (await compileFor()).cost?.perSecond;
      if (fromFile !== 0.2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(fromFile, 0.2, 'from .sorarc.json');
    server.settings = { prices: { 'sora-2': { '1080p': 0.3 } } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // The server pulls the settings after the notification: ask until the answer reflects them.
    let perSecond: number | undefined;
    for (let tries = 0; tries < 50 && perSecond !== 0.3; tries++) {
      perSecond = (await compileFor()).cost?.perSecond;
      if (perSecond !== 0.3) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(perSecond, 0.3, 'from sora.prices, over .sorarc.json');
    assert.equal((await compileFor()).cost?.source, 'override');
    server.settings = { prices: { 'sora-2': { '1080p': 'cheap' } } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await server.waitFor(() => server.messages.find((m) => m.type === 1 && m.message.includes('sora.prices')), 5000, 'the bad setting reported');
    fs.writeFileSync(server.file('problems/.sorarc.json'), JSON.stringify({ rules: { 'character-unknown': 'warning' } }));
    server.settings = {};
  });

  it('reports a broken config file and ignores it', async () => {
    fs.writeFileSync(server.file('problems/.sorarc.json'), '{ "rules": { "timeline": "loud" } }');
    server.settings = {};
    const uri = server.uri('problems/scene07.sora');
    const mark = server.mark;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('problems/.sorarc.json'), type: 2 }] });
    // A check still running from the previous test may publish first: wait for the one that read the
    // broken file, then make sure nothing older is published over it.
    const severityOf = (diagnostics: { code?: unknown; severity?: number }[]) => diagnostics.find((d) => d.code === 'character-unknown')?.severity;
    await server.diagnostics(uri, { after: mark, accept: (p) => severityOf(p.diagnostics) === 1 });
    await server.waitFor(() => server.messages.find((m) => m.type === 1 && m.message.includes('.sorarc.json')), 5000, 'config error');
    assert.equal(severityOf(await server.diagnostics(uri, { after: mark })), 1, 'back to the default severity, and it stays');
  });
});

describe('language server: transports and bundles', function () {
  it('starts over --node-ipc, as the VS Code client starts it, and from the esbuild bundle', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { fork } = require('node:child_process') as typeof import('node:child_process');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rpc = require('vscode-languageserver-protocol/node') as typeof import('vscode-languageserver-protocol/node');
    for (const entry of ['server/out/server.js', 'server/dist/server.js']) {
      const file = path.join(repoRoot, entry);
      if (!fs.existsSync(file)) continue; // the bundle is built by scripts/bundle.mjs
      const child = fork(file, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const connection = rpc.createProtocolConnection(new rpc.IPCMessageReader(child), new rpc.IPCMessageWriter(child));
      connection.listen();
      try {
        const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: Record<string, unknown> };
        assert.ok(result.capabilities.hoverProvider, entry);
        assert.ok(result.capabilities.semanticTokensProvider, entry);
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        child.kill();
      }
    }
  });
});
