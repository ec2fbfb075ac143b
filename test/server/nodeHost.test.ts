import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeHost } from '../../server/out/node/host';

describe('the Node host port', () => {
  let folder: string;
  const host = nodeHost();
  beforeEach(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sora-host-'))).replace(/\\/g, '/');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads a regular file and says absent for a missing one', async () => {
    fs.writeFileSync(`${folder}/scene.sora`, '\ufeffscene x\n');
    assert.deepEqual(await host.readText(`${folder}/scene.sora`, 1000), { status: 'ok', text: 'scene x\n' });
    assert.deepEqual(await host.readText(`${folder}/none.sora`, 1000), { status: 'absent' });
  });

  it('refuses a FIFO without blocking and a file over the limit', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [`${folder}/pipe.takes.json`]);
    const fifo = await host.readText(`${folder}/pipe.takes.json`, 1000);
    assert.equal(fifo.status, 'refused');
    fs.writeFileSync(`${folder}/big.sora`, 'x'.repeat(2000));
    const big = await host.readText(`${folder}/big.sora`, 1000);
    assert.ok(big.status === 'refused' && /over the/.test(big.message), JSON.stringify(big));
    assert.equal((await host.stat(`${folder}/pipe.takes.json`))?.kind, 'other');
  });

  it('lists a folder with kinds, and nothing for a folder that is not there', async () => {
    fs.mkdirSync(`${folder}/takes`);
    fs.writeFileSync(`${folder}/a.sora`, '');
    const entries = (await host.list(folder)).sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(entries, [{ name: 'a.sora', kind: 'file' }, { name: 'takes', kind: 'directory' }]);
    assert.deepEqual(await host.list(`${folder}/missing`), []);
  });

  it('update writes what the change returns, keeps the file when asked, and serialises writers', async () => {
    const file = `${folder}/count.txt`;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        host.update(file, (current) => {
          const count = current.status === 'ok' ? Number(current.text) : 0;
          return { write: String(count + 1), result: count + 1 };
        }),
      ),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), '20');
    const kept = await host.update(file, () => ({ keep: true, result: 'kept' }));
    assert.equal(kept, 'kept');
    assert.equal(fs.readFileSync(file, 'utf8'), '20');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['count.txt'], 'no lock or temp file is left behind');
  });

  it('converts file URIs and paths both ways; other schemes have no path', () => {
    const uri = host.uriOf(`${folder}/scène 1.sora`);
    assert.equal(host.pathOf(uri), `${folder}/scène 1.sora`);
    assert.equal(host.pathOf('untitled:Untitled-1'), undefined);
  });
});
