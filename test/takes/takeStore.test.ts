import * as assert from 'node:assert/strict';
import { memoryHost, type MemoryHost } from '../helpers/memoryHost';
import { readExample } from '../helpers/paths';
import { TakeStore, TakeStoreError } from '../../server/out/takeStore';
import { parseTakeLog, serializeTakeLog } from '../../server/out/core/takes';

// The take store, the one owner of take logs, on an in-memory host: what it caches and when it
// reads again, that it refuses to replace a log that does not validate (naming the file and why),
// that changes applied at once all survive, and that a FIFO where the log should be is refused.

const storyboard = '/work/lighthouse/scene09.sora';
const logPath = '/work/lighthouse/scene09.takes.json';
const settings = { aspect: '16:9', duration: 12 };

function lighthouse(): MemoryHost {
  return memoryHost({ [storyboard]: readExample('lighthouse'), [logPath]: readExample('lighthouseTakes') });
}

const takesOf = (host: MemoryHost) => {
  const parsed = parseTakeLog(host.files.get(logPath) ?? '');
  assert.ok(parsed.ok, 'the log on the host does not validate');
  return parsed.log.takes;
};

describe('take store (memory host)', () => {
  it('reads a log once and serves it from the cache until the watcher says it changed', async () => {
    const host = lighthouse();
    const store = new TakeStore(host);
    const first = await store.loadFor(storyboard);
    assert.equal(first.status, 'ok');
    assert.deepEqual(first.status === 'ok' && first.log.takes.map((t) => t.id), ['take01', 'take02']);
    // Changed behind the store's back: the cache stands until `changed`.
    host.files.set(logPath, serializeTakeLog({ version: 1, storyboard: 'scene09.sora', takes: [] }));
    const cached = await store.load(logPath);
    assert.equal(cached.status === 'ok' && cached.log.takes.length, 2);
    const seen: string[] = [];
    store.onDidChange((changed) => seen.push(changed));
    store.changed(logPath);
    const again = await store.load(logPath);
    assert.equal(again.status === 'ok' && again.log.takes.length, 0);
    assert.deepEqual(seen, [logPath]);
  });

  it('refuses to write over a log that is not JSON, with the same message as the disk writer, and writes nothing', async () => {
    const host = lighthouse();
    host.files.set(logPath, '{ "version": 1, "takes": [');
    const store = new TakeStore(host);
    await assert.rejects(
      store.score(logPath, 'take01', [{ criterion: 'audioSync', value: 3 }]),
      (error: unknown) => error instanceof TakeStoreError && error.kind === 'invalid-log' && /^scene09\.takes\.json could not be read: not valid JSON.*It will not be overwritten until it is fixed\.$/.test(error.message),
    );
    assert.equal(host.files.get(logPath), '{ "version": 1, "takes": [');
    const load = await store.load(logPath);
    assert.equal(load.status, 'invalid');
  });

  it('refuses a log with a bad score by naming the take and field, and logs no take into it', async () => {
    const host = lighthouse();
    const broken = readExample('lighthouseTakes').replace('"promptAdherence": 4', '"promptAdherence": 9');
    host.files.set(logPath, broken);
    const store = new TakeStore(host);
    await assert.rejects(
      store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'none' } }),
      (error: unknown) => error instanceof TakeStoreError && error.kind === 'invalid-log' && /take01\.scores\.promptAdherence: a score is a whole number from 1 to 5/.test(error.message),
    );
    assert.equal(host.files.get(logPath), broken);
  });

  it('refuses a FIFO where the log should be: nothing read, nothing written', async () => {
    const host = memoryHost({ [storyboard]: readExample('lighthouse') });
    host.specials.add(logPath);
    const store = new TakeStore(host);
    const load = await store.load(logPath);
    assert.equal(load.status, 'invalid');
    assert.match(load.status === 'invalid' ? load.message : '', /scene09\.takes\.json is not a regular file/);
    await assert.rejects(
      store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'none' } }),
      (error: unknown) => error instanceof TakeStoreError && error.kind === 'invalid-log' && /not a regular file/.test(error.message),
    );
    store.changed(logPath);
    await assert.rejects(store.update(logPath, (current) => current ?? { version: 1, storyboard: 'scene09.sora', takes: [] }), /not a regular file.*will not be overwritten/);
    assert.ok(!host.files.has(logPath), 'something was written in place of the FIFO');
  });

  it('two stores (two windows) logging takes at once on one log: every take is kept, with distinct ids', async () => {
    const host = lighthouse();
    const windows = [new TakeStore(host), new TakeStore(host)];
    // Both read the log first (each window's cache holds take01, take02), then log at once.
    await Promise.all(windows.map((store) => store.load(logPath)));
    const logged = await Promise.all(
      Array.from({ length: 10 }, (_, i) => windows[i % 2].update(logPath, (current) => {
        const log = current!;
        const id = `take${String(log.takes.length + 1).padStart(2, '0')}`;
        return { ...log, takes: [...log.takes, { ...log.takes[0], id, file: `takes/scene09_${id}.mp4`, change: `window ${i % 2} #${i}` }] };
      })),
    );
    const takes = takesOf(host);
    assert.equal(takes.length, 12);
    assert.equal(new Set(takes.map((t) => t.id)).size, 12);
    assert.equal(takes.filter((t) => t.change?.startsWith('window 0')).length, 5);
    assert.equal(takes.filter((t) => t.change?.startsWith('window 1')).length, 5);
    assert.equal(logged[9].takes.length, 12, 'each update returns the log it wrote');
  });

  it('records takes from two windows at once: both kept, the second gets the next id', async () => {
    const host = lighthouse();
    const [a, b] = [new TakeStore(host), new TakeStore(host)];
    const input = (change: string) => ({ storyboardPath: storyboard, sceneId: '09', variant: 'main', parent: 'take02', change, prompt: 'p', settings, video: { kind: 'none' } as const });
    // Both windows have read the log; A logs take03; B, whose copy still has two takes, plans take03
    // too and finds it taken under the lock.
    await Promise.all([a.load(logPath), b.load(logPath)]);
    await a.record(input('from A'));
    await assert.rejects(b.record(input('from B')), (error: unknown) => error instanceof TakeStoreError && error.kind === 'conflict' && /Another window logged take03 meanwhile, so nothing was logged/.test(error.message));
    assert.deepEqual(takesOf(host).slice(2).map((t) => [t.id, t.change]), [['take03', 'from A']]);
    // Told the log changed (the watcher), B logs its take as take04.
    b.changed(logPath);
    const again = await b.record(input('from B'));
    assert.equal(again.take.id, 'take04');
    assert.deepEqual(takesOf(host).map((t) => t.id), ['take01', 'take02', 'take03', 'take04']);
    assert.deepEqual(takesOf(host).slice(2).map((t) => t.change), ['from A', 'from B']);
  });

  it('scores and notes apply to the log as it is under the lock, and name a take that is not there', async () => {
    const host = lighthouse();
    const store = new TakeStore(host);
    await store.load(logPath);
    // Another writer adds notes to take01 after this store cached the log.
    const theirs = JSON.parse(host.files.get(logPath)!);
    theirs.takes[0].notes = 'theirs';
    host.files.set(logPath, JSON.stringify(theirs));
    await store.score(logPath, 'take02', [{ criterion: 'audioSync', value: 5 }, { criterion: 'identityStability', shot: 3, value: 2 }]);
    const takes = takesOf(host);
    assert.equal(takes[0].notes, 'theirs', 'the other writer’s note was lost');
    assert.equal(takes[1].scores?.audioSync, 5);
    assert.deepEqual(takes[1].shotScores, { '3': { identityStability: 2 } });
    await store.note(logPath, 'take02', 'keep the lamp');
    assert.equal(takesOf(host)[1].notes, 'keep the lamp');
    const before = host.files.get(logPath);
    await assert.rejects(store.score(logPath, 'take09', [{ criterion: 'audioSync', value: 3 }]), (error: unknown) => error instanceof TakeStoreError && error.kind === 'usage' && /There is no take09 in scene09\.takes\.json \(take01, take02\)/.test(error.message));
    await assert.rejects(store.score(logPath, 'take01', [{ criterion: 'audioSync', value: 6 }]), /whole number from 1 to 5/);
    assert.equal(host.files.get(logPath), before, 'a refused edit wrote something');
  });

  it('logs a downloaded video: moved into takes/ under the clean name, its provenance read from its bytes', async () => {
    const host = lighthouse();
    host.files.set('/downloads/clip.MP4', 'not really a video');
    const store = new TakeStore(host);
    const recorded = await store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'move', source: '/downloads/clip.MP4' }, now: new Date('2026-12-01T10:00:00Z') });
    assert.equal(recorded.take.file, 'takes/scene09_take03.mp4');
    assert.equal(recorded.videoPath, '/work/lighthouse/takes/scene09_take03.mp4');
    assert.ok(host.files.has('/work/lighthouse/takes/scene09_take03.mp4') && !host.files.has('/downloads/clip.MP4'));
    assert.equal(recorded.take.provenance?.status, 'unreadable');
    assert.match(recorded.take.provenance?.errors?.[0] ?? '', /not an MP4, MOV, JPEG or PNG file/);
    assert.equal(takesOf(host)[2].provenance?.checkedAt, '2026-12-01T10:00:00.000Z');
  });

  it('never overwrites a video already at the clean name: nothing moves, nothing is logged', async () => {
    const host = lighthouse();
    host.files.set('/downloads/clip.mp4', 'new');
    host.files.set('/work/lighthouse/takes/scene09_take03.mp4', 'the writer’s own file');
    const store = new TakeStore(host);
    const before = host.files.get(logPath);
    await assert.rejects(
      store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'move', source: '/downloads/clip.mp4' } }),
      (error: unknown) => error instanceof TakeStoreError && error.kind === 'conflict' && /takes\/scene09_take03\.mp4 already exists\. It was not overwritten and nothing was logged/.test(error.message),
    );
    assert.equal(host.files.get('/work/lighthouse/takes/scene09_take03.mp4'), 'the writer’s own file');
    assert.equal(host.files.get('/downloads/clip.mp4'), 'new');
    assert.equal(host.files.get(logPath), before);
  });

  it('moves the video back when the log refuses the take', async () => {
    const host = lighthouse();
    host.files.set('/downloads/clip.mp4', 'new');
    const store = new TakeStore(host);
    await store.load(logPath);
    // The log breaks between the store's read and its write.
    host.files.set(logPath, '{');
    await assert.rejects(store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'move', source: '/downloads/clip.mp4' } }), /will not be overwritten/);
    assert.equal(host.files.get('/downloads/clip.mp4'), 'new');
    assert.ok(!host.files.has('/work/lighthouse/takes/scene09_take03.mp4'));
    assert.equal(host.files.get(logPath), '{');
  });

  it('a host that cannot move files logs a video already in takes/, and says what to do with a download', async () => {
    const host = lighthouse();
    delete (host as { move?: unknown }).move;
    host.files.set('/work/lighthouse/takes/scene09_take05.mp4', 'video');
    const store = new TakeStore(host);
    await assert.rejects(store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'move', source: '/downloads/x.mp4' } }), /cannot move files: save the video into takes\//);
    const recorded = await store.record({ storyboardPath: storyboard, sceneId: '09', variant: 'main', prompt: 'p', settings, video: { kind: 'existing', file: 'takes/scene09_take05.mp4' } });
    assert.equal(recorded.take.id, 'take05', 'a file already named with a free id keeps it');
    assert.equal(recorded.videoPath, '/work/lighthouse/takes/scene09_take05.mp4');
  });
});
