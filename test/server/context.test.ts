import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { StoryboardContexts, type ContextProblem } from '../../server/out/context';
import type { HostPort } from '../../server/out/host';
import { hover } from '../../server/out/lsp/hover';
import { Workspace, type Notifier } from '../../server/out/lsp/workspace';
import { memoryHost } from '../helpers/memoryHost';

// Storyboard contexts and the providers above them on an in-memory workspace: no disk, no server.
// What a storyboard's analysis is given (config, take log, sequence, file answers) comes from the
// host port alone, so the same code runs on the disk and on a client's workspace.fs.

const scene = 'scene 01 "The Climb"\nlogline: A keeper climbs her tower.\n\nsettings\n  duration: 4s\n\ncharacter Mara\n  anchors: silver braid, yellow raincoat, green eyes\n\nbeat 4s The climb\n  subject: Mara\n  action: climbs the stairs\n';
const withReference = (path: string) => scene.replace('logline: A keeper climbs her tower.\n', `logline: A keeper climbs her tower.\nreference: ${path}\n`);
const sceneOfSequence = 'scene 02 "The Lamp"\nlogline: She lights the lamp.\n\nbeat 4s The lamp\n  subject: Mara\n  action: lights the lamp\n';
const sequence = 'sequence "The Last Light"\n  scenes: scene02.sora, scene03.sora\n\ncharacter Mara\n  anchors: silver braid, yellow raincoat, green eyes\n';

const noDocuments = { get: (): TextDocument | undefined => undefined, all: (): TextDocument[] => [] };

function recordingNotifier(): Notifier & { shown: string[] } {
  const shown: string[] = [];
  return { shown, warnOnce: (message) => shown.push(message), errorOnce: (message) => shown.push(message), log: () => undefined };
}

function workspaceOn(host: HostPort, folders = ['/ws']): { workspace: Workspace; notifier: ReturnType<typeof recordingNotifier> } {
  const notifier = recordingNotifier();
  const workspace = new Workspace(noDocuments, notifier, host);
  workspace.folders = folders;
  return { workspace, notifier };
}

/** A host that records every path it is asked about. */
function watched(host: HostPort): { host: HostPort; asked: string[] } {
  const asked: string[] = [];
  const note = <A extends unknown[], R>(run: (path: string, ...rest: A) => R) => (path: string, ...rest: A) => (asked.push(path), run(path, ...rest));
  return { asked, host: { ...host, readText: note(host.readText), stat: note(host.stat), list: note(host.list), realPath: note(host.realPath) } };
}

describe('storyboard contexts on an in-memory host', () => {
  it('finds the config file up to the workspace folder, and not above it', async () => {
    const host = memoryHost({ '/ws/.sorarc.json': JSON.stringify({ rules: { 'logline-missing': 'off' } }), '/ws/a/b/scene01.sora': scene });
    const upToWs = new StoryboardContexts(host, { configStopOf: () => '/ws' });
    assert.equal((await upToWs.contextFor('/ws/a/b/scene01.sora')).config.rules['logline-missing'], 'off');
    const upToA = new StoryboardContexts(host, { configStopOf: () => '/ws/a' });
    assert.equal((await upToA.contextFor('/ws/a/b/scene01.sora')).config.rules['logline-missing'], undefined, 'a config above the workspace folder is not read');
  });

  it('reads a config file again when the watcher says it changed, and finds one created later', async () => {
    const host = memoryHost({ '/ws/scene01.sora': scene });
    const { workspace } = workspaceOn(host);
    assert.equal((await workspace.stateOfAny('memory:///ws/scene01.sora'))?.config.rules['logline-missing'], undefined);
    host.files.set('/ws/.sorarc.json', JSON.stringify({ rules: { 'logline-missing': 'off' } }));
    workspace.configFileChanged();
    assert.equal((await workspace.stateOfAny('memory:///ws/scene01.sora'))?.config.rules['logline-missing'], 'off');
    host.files.set('/ws/.sorarc.json', JSON.stringify({ rules: { 'logline-missing': 'info' } }));
    workspace.configFileChanged();
    assert.equal((await workspace.stateOfAny('memory:///ws/scene01.sora'))?.config.rules['logline-missing'], 'info');
  });

  it('lists the workspace\'s storyboards through the host, leaving out dependencies, hidden and excluded folders', async () => {
    const host = memoryHost({ '/ws/a.sora': scene, '/ws/b/c.sora': scene, '/ws/node_modules/x.sora': scene, '/ws/.git/y.sora': scene, '/ws/build/z.sora': scene, '/ws/notes.txt': 'n' });
    const { workspace } = workspaceOn(host);
    workspace.exclude = ['build'];
    const found: string[] = [];
    for await (const file of workspace.storyboardFiles()) found.push(file);
    assert.deepEqual(found, ['/ws/a.sora', '/ws/b/c.sora']);
  });

  it('reads no config file in Restricted Mode and says so, and reports a broken one once, ignoring it', async () => {
    const host = memoryHost({ '/ws/sora.config.json': '{ "rules": { "no-such-rule": "off" } }', '/ws/scene01.sora': scene });
    const problems: ContextProblem[] = [];
    const restricted = new StoryboardContexts(host, { trusted: () => false, report: (problem) => problems.push(problem) });
    await restricted.contextFor('/ws/scene01.sora');
    assert.deepEqual(problems.map((p) => p.kind), ['restricted']);
    problems.length = 0;
    const trusted = new StoryboardContexts(host, { report: (problem) => problems.push(problem) });
    const first = await trusted.contextFor('/ws/scene01.sora');
    await trusted.contextFor('/ws/scene01.sora');
    assert.deepEqual(problems.map((p) => p.kind), ['config'], 'reported once, not once per analysis');
    assert.match(first.configError ?? '', /no-such-rule/);
  });

  it('reports an invalid take log once, analyses without it, and reads it again when it changes', async () => {
    const host = memoryHost({ '/ws/scene01.sora': scene, '/ws/scene01.takes.json': '{ "version": 1, "takes": [' });
    const { workspace, notifier } = workspaceOn(host);
    const first = await workspace.stateOfAny('memory:///ws/scene01.sora');
    await workspace.stateOfAny('memory:///ws/scene01.sora');
    assert.equal(first?.takeLog, undefined);
    assert.equal(notifier.shown.length, 1, notifier.shown.join('\n'));
    assert.match(notifier.shown[0], /scene01\.takes\.json could not be read: not valid JSON/);
    host.files.set('/ws/scene01.takes.json', JSON.stringify({ version: 1, storyboard: 'scene01.sora', takes: [] }));
    workspace.takeLogChanged('/ws/scene01.takes.json');
    assert.deepEqual((await workspace.stateOfAny('memory:///ws/scene01.sora'))?.takeLog?.takes, []);
    assert.equal(notifier.shown.length, 1);
  });

  it('a scene of a sequence gets what it inherits: the sequence\'s cast', async () => {
    const host = memoryHost({ '/ws/film.sora': sequence, '/ws/scene02.sora': sceneOfSequence });
    const { workspace } = workspaceOn(host);
    workspace.sequences.scan([['/ws/film.sora', sequence], ['/ws/scene02.sora', sceneOfSequence]]);
    const state = await workspace.stateOfAny('memory:///ws/scene02.sora');
    assert.equal(state?.analysis.sequence?.path, '/ws/film.sora');
    assert.deepEqual(state?.analysis.merged?.characters.map((c) => c.name?.text), ['Mara']);
    assert.ok(!state?.analysis.diagnostics.some((d) => d.code === 'character-unknown'), state?.analysis.diagnostics.map((d) => d.code).join(', '));
  });

  it('a sequence\'s missing scene is reported with the nearest file of its folder as the fix', async () => {
    const host = memoryHost({ '/ws/film.sora': sequence, '/ws/scene02.sora': sceneOfSequence, '/ws/scene3.sora': sceneOfSequence });
    const { workspace } = workspaceOn(host);
    const state = await workspace.stateOfAny('memory:///ws/film.sora');
    const missing = state?.analysis.diagnostics.filter((d) => d.code === 'sequence-scene-missing') ?? [];
    assert.equal(missing.length, 1, missing.map((d) => d.message).join('\n'));
    assert.match(missing[0].message, /"scene03\.sora".*did you mean "scene3\.sora"/);
  });

  it('a referenced file missing is reported and hovered as missing; present, neither', async () => {
    const host = memoryHost({ '/ws/scene01.sora': withReference('refs/tower.png') });
    const { workspace } = workspaceOn(host);
    const missing = await workspace.stateOfAny('memory:///ws/scene01.sora');
    assert.ok(missing?.analysis.diagnostics.some((d) => d.code === 'reference-missing' && /looked for \/ws\/refs\/tower\.png/.test(d.message)));
    const line = withReference('refs/tower.png').split('\n').findIndex((l) => l.startsWith('reference:'));
    assert.match(JSON.stringify(hover(missing!, { line, character: 2 })), /not there/);

    host.files.set('/ws/refs/tower.png', 'png');
    workspace.invalidateAll();
    const present = await workspace.stateOfAny('memory:///ws/scene01.sora');
    assert.ok(!present?.analysis.diagnostics.some((d) => d.code === 'reference-missing'));
    assert.match(JSON.stringify(hover(present!, { line, character: 2 })), /The file is there/);
  });

  for (const hostile of ['/etc/passwd', '../../etc/passwd']) {
    it(`refuses the reference "${hostile}" without asking the host about it`, async () => {
      const { host, asked } = watched(memoryHost({ '/ws/scene01.sora': withReference(hostile), '/etc/passwd': 'root:x:0:0' }));
      const { workspace } = workspaceOn(host);
      const state = await workspace.stateOfAny('memory:///ws/scene01.sora');
      const problem = state?.analysis.diagnostics.find((d) => d.code === 'reference-missing');
      assert.match(problem?.message ?? '', /outside the workspace/);
      assert.deepEqual(asked.filter((path) => path.includes('etc')), [], 'the host was never asked about the path');
    });
  }

  it('reads no storyboard named by a request outside the workspace folders', async () => {
    const host = memoryHost({ '/elsewhere/scene01.sora': scene, '/ws/scene01.sora': scene });
    const { workspace } = workspaceOn(host);
    assert.equal(await workspace.stateOfAny('memory:///elsewhere/scene01.sora'), undefined);
    assert.ok(await workspace.stateOfAny('memory:///ws/scene01.sora'));
  });
});
