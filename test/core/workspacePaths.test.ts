import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as CoreFilesModule from '../../server/out/core/files';
import { readExample } from '../helpers/paths';
import { resolveInside, workspaceFileStatus } from '../../server/out/core/files';
import { analyze } from '../../server/out/core/analyze';
import { commandLineRoot, nodeFileAccess, toCorePath } from '../../server/out/node/files';

// One resolver for every file a storyboard or take log names: inside the workspace folder or
// refused as outside it, and a refused path is never probed.

type FileAccess = CoreFilesModule.FileAccess;

const root = '/work/project';
const storyboard = '/work/project/scenes/scene09.sora';

/** A file system of the given files that records every path it is asked about. */
function recordingFiles(present: string[], links: Record<string, string> = {}): FileAccess & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    exists: (file) => (asked.push(file), present.includes(file)),
    realPath: (file) => {
      asked.push(file);
      for (const [link, target] of Object.entries(links)) if (file === link || file.startsWith(`${link}/`)) return target + file.slice(link.length);
      return file;
    },
  };
}

describe('resolveInside: files named by a storyboard stay in its workspace', () => {
  it('accepts relative paths inside, including a ../ that stays inside', () => {
    assert.deepEqual(resolveInside(root, storyboard, 'refs/a.png'), { ok: true, path: '/work/project/scenes/refs/a.png' });
    assert.deepEqual(resolveInside(root, storyboard, './refs/../refs/a.png'), { ok: true, path: '/work/project/scenes/refs/a.png' });
    assert.deepEqual(resolveInside(root, storyboard, '../shared/a.png'), { ok: true, path: '/work/project/shared/a.png' });
    assert.deepEqual(resolveInside(root, storyboard, 'refs\\a.png'), { ok: true, path: '/work/project/scenes/refs/a.png' });
    assert.deepEqual(resolveInside('/', '/scene.sora', 'refs/a.png'), { ok: true, path: '/refs/a.png' });
    assert.deepEqual(resolveInside('C:/work', 'c:/work/scene.sora', 'refs/a.png'), { ok: true, path: 'C:/work/refs/a.png' });
  });

  for (const [name, relative] of [
    ['an absolute path', '/etc/shadow'],
    ['/proc', '/proc/self/environ'],
    ['a Windows drive', 'C:\\Windows\\win.ini'],
    ['a UNC path', '\\\\server\\share\\a.png'],
    ['a home path', '~/secret.png'],
    ['a ../ that climbs out', '../../etc/shadow'],
    ['a ../ hidden in the middle', 'refs/../../../outside.png'],
  ] as const) {
    it(`refuses ${name} as outside the workspace`, () => {
      const resolved = resolveInside(root, storyboard, relative);
      assert.equal(resolved.ok, false);
      assert.match((resolved as { reason: string }).reason, /outside the workspace/);
    });
  }

  it('refuses a path through a link that leads out, and a sibling folder that only shares a prefix', () => {
    const files = recordingFiles([], { '/work/project/scenes/refs': '/etc' });
    const resolved = resolveInside(root, storyboard, 'refs/shadow', files);
    assert.deepEqual(resolved, { ok: false, reason: 'is a link that leads outside the workspace' });
    assert.equal(resolveInside('/work/pro', storyboard, 'a.png').ok, false);
  });

  it('workspaceFileStatus never asks whether an outside file exists', () => {
    const files = recordingFiles(['/etc/shadow']);
    for (const relative of ['/etc/shadow', '../../../etc/shadow']) assert.equal(workspaceFileStatus(root, storyboard, relative, files).status, 'outside');
    assert.ok(!files.asked.some((file) => file.startsWith('/etc')), `asked: ${files.asked.join(', ')}`);
  });
});

describe('reference-missing: references outside the workspace', () => {
  const lighthouse = readExample('lighthouse');
  const withReference = (reference: string) => lighthouse.replace(/^reference: .*$/m, `reference: ${reference}`);

  for (const reference of ['/etc/shadow', '../../../../etc/passwd', '/proc/self/environ']) {
    it(`"${reference}" is reported as outside, and not looked at`, () => {
      const files = recordingFiles(['/etc/shadow', '/etc/passwd', '/proc/self/environ']);
      const result = analyze(withReference(reference), { documentPath: storyboard, files, workspaceRoot: root });
      const found = result.diagnostics.filter((d) => d.code === 'reference-missing');
      assert.equal(found.length, 1);
      assert.match(found[0].message, new RegExp(`The reference "${reference.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" .*outside the workspace, so it is not used \\(or looked at\\)`));
      assert.ok(!files.asked.some((file) => /^\/(etc|proc)/.test(file)), `asked: ${files.asked.join(', ')}`);
    });
  }

  it('a real folder linked out of the workspace is outside (Node file access)', function () {
    if (process.platform === 'win32') this.skip();
    const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sora-ws-')));
    try {
      fs.symlinkSync('/etc', path.join(workspace, 'refs'));
      fs.writeFileSync(path.join(workspace, 'scene09.sora'), withReference('refs/hostname'));
      const result = analyze(withReference('refs/hostname'), { documentPath: toCorePath(path.join(workspace, 'scene09.sora')), files: nodeFileAccess, workspaceRoot: toCorePath(workspace) });
      const found = result.diagnostics.find((d) => d.code === 'reference-missing');
      assert.match(found?.message ?? '', /is a link that leads outside the workspace/);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('the command line workspace', () => {
  it('is the current folder for a file inside it, else the Git repository holding the file, else its folder', () => {
    assert.equal(commandLineRoot(path.join(process.cwd(), 'examples', 'x.sora')), process.cwd());
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sora-cli-root-')));
    try {
      fs.mkdirSync(path.join(outside, 'repo', '.git'), { recursive: true });
      fs.mkdirSync(path.join(outside, 'repo', 'scenes'));
      fs.mkdirSync(path.join(outside, 'loose'));
      assert.equal(commandLineRoot(path.join(outside, 'repo', 'scenes', 'scene09.sora')), path.join(outside, 'repo'));
      assert.equal(commandLineRoot(path.join(outside, 'loose', 'scene09.sora')), path.join(outside, 'loose'));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
