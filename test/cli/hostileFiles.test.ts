import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exampleFiles, repoRoot } from '../helpers/paths';

// Files a cloned repository can carry: Git stores symlinks, so a take log or config may point at
// /dev/zero, and a checkout script may leave a FIFO. `sora check` must return, and say why.

const cli = path.join(repoRoot, 'server/out/cli.js');
const posix = process.platform !== 'win32';

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-hostile-'));
  fs.copyFileSync(exampleFiles.lighthouse, path.join(work, 'scene09.sora'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs the CLI with a timeout; a run that hangs is killed and fails the test. */
function check(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', timeout: 15000 });
  assert.equal(result.signal, null, `sora ${args.join(' ')} did not return within 15 s`);
  return result;
}

describe('CLI: special files never hang a check', function () {
  this.timeout(30000);
  before(function () {
    if (!posix) this.skip();
  });

  for (const device of ['/dev/zero', '/dev/urandom']) {
    it(`a take log linked to ${device}: check returns and warns`, () => {
      fs.symlinkSync(device, path.join(work, 'scene09.takes.json'));
      const result = check(['check', '.']);
      assert.equal(result.status, 1); // variant-base: the log the variant needs is unreadable
      assert.match(result.stderr, /scene09\.takes\.json is not a regular file \(a character device\), so it was not read\./);
      assert.match(result.stdout, /1 storyboard checked/);
    });
  }

  for (const name of ['.sorarc.json', 'sora.config.json']) {
    it(`a ${name} that is a FIFO: check returns with a message`, () => {
      execFileSync('mkfifo', [path.join(work, name)]);
      const result = check(['check', '.']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, new RegExp(`${name.replace('.', '\\.')} is not a regular file \\(a FIFO\\)`));
    });

    it(`a ${name} linked to /dev/zero: check returns with a message`, () => {
      fs.symlinkSync('/dev/zero', path.join(work, name));
      const result = check(['check', '.']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /is not a regular file \(a character device\)/);
    });
  }

  it('a take log over the size limit is refused with its size, not read', () => {
    fs.writeFileSync(path.join(work, 'scene09.takes.json'), Buffer.alloc(5 * 1024 * 1024, 0x20));
    const result = check(['check', '.']);
    assert.match(result.stderr, /scene09\.takes\.json is 5 MB, over the 4 MB limit/);
  });

  it('a storyboard given by name that is a FIFO or a link to /dev/zero is an unreadable file (exit 2)', () => {
    execFileSync('mkfifo', [path.join(work, 'pipe.sora')]);
    fs.symlinkSync('/dev/zero', path.join(work, 'zero.sora'));
    for (const name of ['pipe.sora', 'zero.sora']) {
      const result = check(['check', name]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, new RegExp(`cannot read ${name.replace('.', '\\.')}: .*not a regular file`));
    }
    const takes = check(['takes', 'pipe.sora']);
    assert.equal(takes.signal, null);
  });

  it('a take log with a byte order mark is read', () => {
    fs.writeFileSync(path.join(work, 'scene09.takes.json'), '\ufeff' + fs.readFileSync(exampleFiles.lighthouseTakes, 'utf8'));
    const result = check(['takes', 'scene09.sora', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual((JSON.parse(result.stdout) as { takes: { id: string }[] }).takes.map((t) => t.id), ['take01', 'take02']);
  });

  it('a take whose file is outside the workspace is reported as outside, never as there', () => {
    const log = JSON.parse(fs.readFileSync(exampleFiles.lighthouseTakes, 'utf8')) as { takes: { file: string }[] };
    log.takes[0].file = '/etc/hostname';
    log.takes[1].file = '../../../../../../etc/hostname';
    fs.writeFileSync(path.join(work, 'scene09.takes.json'), JSON.stringify(log));
    const json = check(['takes', 'scene09.sora', '--format', 'json']);
    const takes = (JSON.parse(json.stdout) as { takes: { missing: boolean; outside?: string }[] }).takes;
    assert.deepEqual(takes.map((t) => [t.missing, t.outside]), [[true, 'is an absolute path, outside the workspace'], [true, 'leads outside the workspace']]);
    const text = check(['takes', 'scene09.sora']);
    assert.match(text.stdout, /\[video is an absolute path, outside the workspace\]/);
    assert.match(text.stdout, /\[video leads outside the workspace\]/);
  });
});
