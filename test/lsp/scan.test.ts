import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';

// The start-up scan of the workspace against a deep tree: it never holds up the open document (a
// hover is answered while the scan runs), and it does not enter dependencies, version control,
// excluded folders, links or special files.

const storyboard = 'scene 01 "Scan"\nlogline: A keeper climbs the tower.\n\ncharacter Mara\n  anchors: silver braid, yellow raincoat, green eyes\n\nbeat 4s The climb\n  subject: Mara\n  action: climbs\n';

function deepTree(root: string): void {
  // 60 × 50 folders, each with a note: thousands of folders to read, none holding a storyboard.
  for (let i = 0; i < 60; i++) {
    for (let j = 0; j < 50; j++) {
      const folder = path.join(root, 'tree', `d${String(i).padStart(2, '0')}`, `e${String(j).padStart(2, '0')}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'notes.txt'), 'notes');
    }
  }
  fs.symlinkSync('/proc', path.join(root, 'proc'));
  fs.symlinkSync(path.join(root, 'aaa'), path.join(root, 'loop'));
  try {
    execFileSync('mkfifo', [path.join(root, 'pipe.sora')]);
  } catch {
    // no mkfifo here: the FIFO case is covered where it exists
  }
}

describe('LSP: the start-up workspace scan', function () {
  this.timeout(60000);
  let harness: Harness | undefined;

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('answers a hover on the open document while it scans a deep tree, and skips what it should', async () => {
    harness = await Harness.start({
      examples: false,
      waitForStartup: false,
      files: {
        'open.sora': storyboard,
        'aaa/first.sora': storyboard,
        'zzz/last.sora': storyboard,
        'node_modules/pkg/dependency.sora': storyboard,
        '.git/stored.sora': storyboard,
        'build/generated.sora': storyboard,
        'src/draft.gen.sora': storyboard,
      },
      filesExclude: { build: true, '**/*.gen.sora': true, 'zzz': false },
      prepare: deepTree,
    });
    const h = harness;
    const uri = await h.open('open.sora');
    await h.diagnostics(uri);
    // The scan has started: the first storyboard in name order is checked before the deep tree is read.
    await h.diagnostics(h.uri('aaa/first.sora'), { timeout: 30000 });
    const hover = await h.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(storyboard, 'Mara', 1) });
    const scanDoneBeforeHover = h.logs.some((message) => /checked \d+ storyboard/.test(message));
    assert.ok(hover, 'the hover answered');
    assert.equal(scanDoneBeforeHover, false, 'the hover was answered while the scan was still running');

    const done = await h.waitFor(() => h.logs.find((message) => /checked \d+ storyboard/.test(message)), 30000, 'the start-up check');
    assert.match(done, /checked 2 storyboards/);
    const checked = new Set(h.published.map((p) => decodeURIComponent(p.uri.replace(/^file:\/\//, ''))));
    assert.ok(checked.has(h.file('zzz/last.sora')), 'a storyboard after the deep tree is checked');
    for (const skipped of ['node_modules/pkg/dependency.sora', '.git/stored.sora', 'build/generated.sora', 'src/draft.gen.sora', 'pipe.sora', 'loop/first.sora']) {
      assert.ok(!checked.has(h.file(skipped)), `${skipped} is not scanned`);
    }
  });
});
