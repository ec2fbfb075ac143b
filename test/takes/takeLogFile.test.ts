import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as TakesModule from '../../server/out/core/takes';
import { emptyTakeLog, serializeTakeLog } from '../../server/out/core/takes';
import { dataFileLimit, readTextFileSafely } from '../../server/out/node/readFile';
import { loadTakeLog, lockPathFor } from '../../server/out/node/takeLogFile';
import { nodeHost } from '../../server/out/node/host';
import { TakeStore } from '../../server/out/takeStore';

// Hostile take logs and the places they live: special files, links, read-only logs, a crashed
// writer's leftovers, a byte order mark.

type TakeLog = TakesModule.TakeLog;

const posix = process.platform !== 'win32';

function logWith(...ids: string[]): TakeLog {
  return {
    ...emptyTakeLog('scene09.sora'),
    takes: ids.map((id) => ({ id, file: `takes/scene09_${id}.mp4`, createdAt: '2026-10-01T10:00:00.000Z', variant: 'main', settings: {}, prompt: 'p' })),
  };
}

/** Saves through the take store on the disk host, as the language server and the CLI do. */
function save(file: string, log: TakeLog, options: { root?: string; lockTimeoutMs?: number } = {}): Promise<TakeLog> {
  const root = options.root;
  return new TakeStore(nodeHost({ lockTimeoutMs: options.lockTimeoutMs, rootOf: root ? () => root : undefined })).update(file, () => log);
}

function makeFifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

let folder: string;
beforeEach(() => {
  folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sora-log-')));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('reading files safely', function () {
  // A read that blocks would hang mocha itself; the timeout turns that into a failure.
  this.timeout(5000);
  if (!posix) return;

  for (const device of ['/dev/zero', '/dev/urandom']) {
    it(`a take log that links to ${device} is refused at once, not read forever`, () => {
      const file = path.join(folder, 'scene09.takes.json');
      fs.symlinkSync(device, file);
      const loaded = loadTakeLog(file);
      assert.equal(loaded.status, 'invalid');
      assert.match((loaded as { message: string }).message, /scene09\.takes\.json is not a regular file \(a character device\)/);
    });
  }

  it('a FIFO is refused without waiting for a writer', () => {
    const file = path.join(folder, 'scene09.takes.json');
    makeFifo(file);
    const read = readTextFileSafely(file);
    assert.deepEqual(read, { status: 'refused', message: 'scene09.takes.json is not a regular file (a FIFO), so it was not read.' });
  });

  it('a file over the limit is refused with its size', () => {
    const file = path.join(folder, 'scene09.takes.json');
    fs.writeFileSync(file, Buffer.alloc(dataFileLimit + 1, 0x20));
    const read = readTextFileSafely(file);
    assert.equal(read.status, 'refused');
    assert.match((read as { message: string }).message, /is 4 MB, over the 4 MB limit/);
    assert.equal(readTextFileSafely(file, dataFileLimit * 2).status, 'ok');
  });

  it('a take log with a UTF-8 byte order mark is read', () => {
    const file = path.join(folder, 'scene09.takes.json');
    fs.writeFileSync(file, '\ufeff' + serializeTakeLog(logWith('take01')));
    const loaded = loadTakeLog(file);
    assert.equal(loaded.status, 'ok', loaded.status === 'invalid' ? loaded.message : '');
    assert.deepEqual(loaded.status === 'ok' && loaded.log.takes.map((t) => t.id), ['take01']);
  });

  it('a missing file is absent; a folder is refused', () => {
    assert.deepEqual(readTextFileSafely(path.join(folder, 'nope.json')), { status: 'absent' });
    assert.match((readTextFileSafely(folder) as { message: string }).message, /not a regular file \(a folder\)|could not be read/);
  });
});

describe('saving a take log', () => {
  it('refuses a read-only log with a message and leaves it as it was', async function () {
    if (!posix) this.skip();
    const file = path.join(folder, 'scene09.takes.json');
    const original = serializeTakeLog(logWith('take01'));
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o444);
    await assert.rejects(save(file, logWith('take01', 'take02')), /scene09\.takes\.json is read-only, so nothing was saved/);
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    assert.deepEqual(fs.readdirSync(folder), ['scene09.takes.json']);
  });

  it('keeps the mode of the log it replaces', async function () {
    if (!posix) this.skip();
    const file = path.join(folder, 'scene09.takes.json');
    fs.writeFileSync(file, serializeTakeLog(logWith('take01')));
    fs.chmodSync(file, 0o640);
    await save(file, logWith('take01', 'take02'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('writes through a link to a log inside the workspace, keeping the link', async function () {
    if (!posix) this.skip();
    fs.mkdirSync(path.join(folder, 'logs'));
    const target = path.join(folder, 'logs', 'shared.takes.json');
    fs.writeFileSync(target, serializeTakeLog(logWith('take01')));
    const link = path.join(folder, 'scene09.takes.json');
    fs.symlinkSync(path.join('logs', 'shared.takes.json'), link);
    await save(link, logWith('take01', 'take02'), { root: folder });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    const loaded = loadTakeLog(target);
    assert.deepEqual(loaded.status === 'ok' && loaded.log.takes.map((t) => t.id), ['take01', 'take02']);
  });

  it('refuses a link to a file outside the workspace and does not touch the target', async function () {
    if (!posix) this.skip();
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sora-outside-')));
    try {
      const target = path.join(outside, 'elsewhere.takes.json');
      const original = serializeTakeLog(logWith('take01'));
      fs.writeFileSync(target, original);
      const workspace = path.join(folder, 'workspace');
      fs.mkdirSync(workspace);
      const link = path.join(workspace, 'scene09.takes.json');
      fs.symlinkSync(target, link);
      await assert.rejects(save(link, logWith('take01', 'take02'), { root: workspace }), /is a link to .*elsewhere\.takes\.json, outside the workspace, so nothing was saved/);
      assert.equal(fs.readFileSync(target, 'utf8'), original);
      assert.deepEqual(fs.readdirSync(outside), ['elsewhere.takes.json']);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses to save over a log that links to /dev/zero', async function () {
    if (!posix) this.skip();
    const link = path.join(folder, 'scene09.takes.json');
    fs.symlinkSync('/dev/zero', link);
    await assert.rejects(save(link, logWith('take01'), { root: '/' }), /not a regular file/);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
  });

  it("removes a dead writer's temp file and lock on the next save", async () => {
    const file = path.join(folder, 'scene09.takes.json');
    fs.writeFileSync(file, serializeTakeLog(logWith('take01')));
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max, so never a live process
    fs.writeFileSync(path.join(folder, `.scene09.takes.json.${deadPid}.0badcafe.tmp`), '{ "version": 1, "takes": [');
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: deadPid, host: os.hostname(), time: Date.now(), token: 'dead' }));
    fs.writeFileSync(path.join(folder, 'unrelated.tmp'), 'kept');
    await save(file, logWith('take01', 'take02'));
    assert.deepEqual(fs.readdirSync(folder).sort(), ['scene09.takes.json', 'unrelated.tmp']);
  });

  it('waits for a live lock, then gives up with a message and writes nothing', async () => {
    const file = path.join(folder, 'scene09.takes.json');
    const original = serializeTakeLog(logWith('take01'));
    fs.writeFileSync(file, original);
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now(), token: 'live' }));
    await assert.rejects(save(file, logWith('take01', 'take02'), { lockTimeoutMs: 100 }), new RegExp(`being saved by another process \\(pid ${process.pid}\\); nothing was saved`));
    assert.equal(fs.readFileSync(file, 'utf8'), original);
  });

  it('an update is handed the log as it is on disk now', async () => {
    const file = path.join(folder, 'scene09.takes.json');
    await save(file, logWith('take01'));
    fs.writeFileSync(file, serializeTakeLog(logWith('take01', 'take02'))); // another writer
    const written = await new TakeStore(nodeHost()).update(file, (current) => ({ ...current!, takes: [...current!.takes, ...logWith('take03').takes] }));
    assert.deepEqual(written.takes.map((t) => t.id), ['take01', 'take02', 'take03']);
    const loaded = loadTakeLog(file);
    assert.deepEqual(loaded.status === 'ok' && loaded.log.takes.map((t) => t.id), ['take01', 'take02', 'take03']);
  });
});
