import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ProtocolModule from '../../server/out/protocol';
import { Harness } from './harness';

// `sora/takes/*` through the real server: the view the takes panel and the take commands render,
// and the intents that change a log (record, score, notes, a branch's text). The server owns the
// log: each write is applied there, the client is told (`sora/takes/changed`), and the next
// answer (`sora/storyboardInfo` too) has it without the disk being read again.

type TakesView = ProtocolModule.TakesView;
type TakesEditResponse = ProtocolModule.TakesEditResponse;
type TakesRecordResponse = ProtocolModule.TakesRecordResponse;
type TakesBranchResponse = ProtocolModule.TakesBranchResponse;
type StoryboardInfoResponse = ProtocolModule.StoryboardInfoResponse;

const logFile = 'lighthouse/scene09.takes.json';

/** The shared examples are read-only; the server's copy of the lighthouse is made writable. */
function writableLighthouse(root: string): void {
  const folder = path.join(root, 'lighthouse');
  fs.chmodSync(folder, 0o755);
  for (const entry of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, entry), fs.statSync(path.join(folder, entry)).isDirectory() ? 0o755 : 0o644);
  fs.mkdirSync(path.join(folder, 'takes'));
  fs.writeFileSync(path.join(folder, 'takes/scene09_take01.mp4'), 'a video');
  fs.writeFileSync(path.join(folder, 'takes/scene09_take05.mp4'), 'not logged yet');
  fs.writeFileSync(path.join(folder, 'takes/scene12_take01.mp4'), 'another scene');
}

describe('language server: sora/takes/*', function () {
  let server: Harness;
  let uri: string;
  const changed: string[] = [];
  const readLog = () => JSON.parse(fs.readFileSync(server.file(logFile), 'utf8')) as { takes: Record<string, any>[] };

  before(async () => {
    server = await Harness.start({ prepare: writableLighthouse });
    server.connection.onNotification('sora/takes/changed', (params: { uri: string }) => {
      changed.push(params.uri);
    });
    uri = await server.open('lighthouse/scene09.sora');
    await server.diagnostics(uri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  it('answers everything the panel shows: takes with totals and videos, best, lineage, unlogged files, next id', async () => {
    const view = await server.request<TakesView>('sora/takes/view', { uri });
    assert.equal(view.status, 'ok');
    assert.equal(view.problem, null);
    assert.equal(view.logUri, server.uri(logFile));
    assert.equal(view.sceneId, '09');
    assert.deepEqual(view.takes.map((e) => [e.take.id, e.total, e.video.status]), [['take01', 17], ['take02', 20]].map(([id, total], i) => [id, total, i === 0 ? 'present' : 'missing']));
    const video = view.takes[0].video;
    assert.ok(video.status === 'present');
    assert.equal(video.uri, server.uri('lighthouse/takes/scene09_take01.mp4'));
    assert.match(video.key, /^7-\d+$/, 'the key is the size and time of the file');
    assert.equal(view.best, 'take02');
    assert.deepEqual(view.lineage.bestPath, ['take01', 'take02']);
    // The variant `warmer from take02` is take02's branch; take02 (parent take01) is take01's.
    assert.deepEqual(view.takes.map((e) => e.branches), [1, 1]);
    assert.deepEqual(view.unlogged, [{ file: 'takes/scene09_take05.mp4', takeId: 'take05', idFree: true }]);
    assert.deepEqual(view.next, { id: 'take03', file: 'takes/scene09_take03.mp4' });
    assert.equal(view.spend, null, 'no take has a cost');
    assert.equal(view.fix?.takeId, 'take02');
    assert.equal(view.maxBranches, 3);
  });

  it('a score is applied to the log on disk, the client is told, and the view follows', async () => {
    changed.length = 0;
    const answer = await server.request<TakesEditResponse>('sora/takes/score', { uri, takeId: 'take01', scores: [{ criterion: 'identityStability', value: 5 }, { criterion: 'promptAdherence', value: 5 }] });
    assert.ok(answer.ok);
    assert.deepEqual(answer.view.takes.map((e) => e.total), [21, 20]);
    assert.equal(answer.view.best, 'take01');
    assert.deepEqual(readLog().takes[0].scores, { promptAdherence: 5, physicsRealism: 4, temporalConsistency: 3, identityStability: 5, audioSync: 4 });
    await server.waitFor(() => changed.includes(uri) || undefined, 5000, 'sora/takes/changed');
    const shot = await server.request<TakesEditResponse>('sora/takes/score', { uri, takeId: 'take01', scores: [{ criterion: 'audioSync', shot: 2, value: 1 }, { criterion: 'physicsRealism', value: null }] });
    assert.ok(shot.ok);
    assert.deepEqual(readLog().takes[0].shotScores, { '2': { audioSync: 1 } });
    assert.equal(readLog().takes[0].scores.physicsRealism, undefined);
  });

  it('notes are saved, and an unknown take is refused with the reason and nothing written', async () => {
    const saved = await server.request<TakesEditResponse>('sora/takes/notes', { uri, takeId: 'take02', notes: 'light still cold; try tungsten' });
    assert.ok(saved.ok);
    assert.equal(readLog().takes[1].notes, 'light still cold; try tungsten');
    const before = fs.readFileSync(server.file(logFile), 'utf8');
    const refused = await server.request<TakesEditResponse>('sora/takes/notes', { uri, takeId: 'take09', notes: 'x' });
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.message : '', /There is no take09 in scene09\.takes\.json/);
    assert.equal(fs.readFileSync(server.file(logFile), 'utf8'), before);
  });

  it('logs a take of a variant with its compiled prompt; storyboardInfo has it at once', async () => {
    const recorded = await server.request<TakesRecordResponse>('sora/takes/record', { uri, variant: 'warmer', parent: 'take02', change: 'style lighting: warm tungsten glow, consistent lighting', video: { kind: 'none' } });
    assert.ok(recorded.ok, !recorded.ok ? recorded.message : '');
    assert.equal(recorded.take.id, 'take03');
    assert.equal(recorded.videoFile, null);
    assert.match(recorded.take.prompt, /warm tungsten glow/);
    assert.deepEqual(recorded.take.settings, { aspect: '16:9', resolution: '1080p', duration: 12, audio: ['voice', 'ambience'], model: 'sora-2' });
    assert.equal(recorded.take.model, 'sora-2');
    assert.deepEqual(readLog().takes.map((t) => t.id), ['take01', 'take02', 'take03']);
    // No file-watcher event has come, and none is needed: the store wrote it.
    const info = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri, takeId: 'take03' });
    assert.equal(info.branch?.found, true);
    assert.equal(info.branch?.variant, 'warmer');
    // The analysis reads the same store: a variant from take03 compiles against take03's prompt.
    const text = server.text(uri);
    await server.replaceText(uri, `${text.trimEnd()}\n\nvariant again from take03\n  beat 1 camera: wide, static\n`);
    const compiled = await server.request<{ basePrompt: string | null; error: string | null }>('sora/compile', { uri, variant: 'again' });
    assert.equal(compiled.error ?? null, null);
    assert.equal(compiled.basePrompt, recorded.take.prompt);
    await server.replaceText(uri, text);
  });

  it('logs a file already in takes/ under its own id, and moves a download into takes/ with its provenance read', async () => {
    const existing = await server.request<TakesRecordResponse>('sora/takes/record', { uri, variant: 'main', video: { kind: 'existing', file: 'takes/scene09_take05.mp4' } });
    assert.ok(existing.ok, !existing.ok ? existing.message : '');
    assert.equal(existing.take.id, 'take05');
    assert.equal(existing.videoFile, 'takes/scene09_take05.mp4');
    assert.equal(existing.take.provenance?.status, 'unreadable');
    assert.match(existing.warning ?? '', /no content credentials could be read/);
    fs.writeFileSync(server.file('download.mp4'), 'downloaded');
    const moved = await server.request<TakesRecordResponse>('sora/takes/record', { uri, variant: 'main', video: { kind: 'move', source: server.uri('download.mp4') } });
    assert.ok(moved.ok, !moved.ok ? moved.message : '');
    assert.equal(moved.take.file, 'takes/scene09_take06.mp4');
    assert.ok(!fs.existsSync(server.file('download.mp4')));
    assert.equal(fs.readFileSync(server.file('lighthouse/takes/scene09_take06.mp4'), 'utf8'), 'downloaded');
    assert.equal(moved.view.takes.find((e) => e.take.id === 'take06')?.video.status, 'present');
  });

  it('answers the text of a branch: a suggested name, the override line, and what to append', async () => {
    const spec = { target: 'style', field: 'lighting' };
    const suggested = await server.request<TakesBranchResponse>('sora/takes/branch', { uri, takeId: 'take02', spec, value: 'moonlight through the rain' });
    assert.ok(suggested.ok);
    assert.equal(suggested.name, 'lighting');
    const named = await server.request<TakesBranchResponse>('sora/takes/branch', { uri, takeId: 'take02', spec, value: 'moonlight through the rain', name: 'moon' });
    assert.ok(named.ok);
    assert.equal(named.text, 'variant moon from take02\n  style lighting: moonlight through the rain');
    assert.equal(named.insert, '\nvariant moon from take02\n  style lighting: moonlight through the rain\n');
    assert.equal(named.version, server.version(uri));
    const taken = await server.request<TakesBranchResponse>('sora/takes/branch', { uri, takeId: 'take02', spec, value: 'x', name: 'warmer' });
    assert.deepEqual(taken, { ok: false, message: 'There is already a variant "warmer".' });
  });

  it('a log that stops validating: the view says why, and a score is refused with the log left as it is', async () => {
    const broken = fs.readFileSync(server.file(logFile), 'utf8').replace('"promptAdherence": 5', '"promptAdherence": 9');
    fs.writeFileSync(server.file(logFile), broken);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(logFile), type: 2 }] });
    const view = await server.request<TakesView>('sora/takes/view', { uri });
    assert.equal(view.status, 'invalid');
    assert.match(view.problem ?? '', /take01\.scores\.promptAdherence: a score is a whole number from 1 to 5\. It will not be overwritten until it is fixed\./);
    const refused = await server.request<TakesEditResponse>('sora/takes/score', { uri, takeId: 'take02', scores: [{ criterion: 'audioSync', value: 1 }] });
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.message : '', /will not be overwritten/);
    assert.equal(fs.readFileSync(server.file(logFile), 'utf8'), broken);
  });

  it('a take whose file lies outside the workspace is never probed', async () => {
    const log = JSON.parse(fs.readFileSync(server.file(logFile), 'utf8').replace('"promptAdherence": 9', '"promptAdherence": 5'));
    log.takes[1].file = '../../../etc/passwd';
    fs.writeFileSync(server.file(logFile), JSON.stringify(log));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(logFile), type: 2 }] });
    const view = await server.request<TakesView>('sora/takes/view', { uri });
    assert.deepEqual(view.takes[1].video, { status: 'outside', reason: 'leads outside the workspace' });
  });

  it('fails for a storyboard it cannot read', async () => {
    await assert.rejects(server.request('sora/takes/view', { uri: server.uri('nowhere/scene99.sora') }), /Cannot read/);
  });
});

describe('language server: sora/takes/* in Restricted Mode', function () {
  let server: Harness;
  before(async () => {
    server = await Harness.start({ prepare: writableLighthouse, initializationOptions: { client: 'vscode', trusted: false } });
  });
  after(async () => {
    await server.stop();
  });

  it('shows the takes but writes nothing', async () => {
    const uri = await server.open('lighthouse/scene09.sora');
    const before = fs.readFileSync(server.file(logFile), 'utf8');
    const view = await server.request<TakesView>('sora/takes/view', { uri });
    assert.equal(view.takes.length, 2);
    const score = await server.request<TakesEditResponse>('sora/takes/score', { uri, takeId: 'take01', scores: [{ criterion: 'audioSync', value: 1 }] });
    assert.equal(score.ok, false);
    assert.match(!score.ok ? score.message : '', /^Restricted Mode: nothing is written/);
    const record = await server.request<TakesRecordResponse>('sora/takes/record', { uri, variant: 'main', video: { kind: 'none' } });
    assert.equal(record.ok === false && record.kind, 'restricted');
    assert.equal(fs.readFileSync(server.file(logFile), 'utf8'), before);
  });
});
