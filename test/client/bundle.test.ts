import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot } from '../helpers/paths';

// The e2e test hooks (client/src/testHooks.ts) ship in the development build the e2e suite runs and
// never in the production bundle `npm run package` packs. The hooks' commands are all `sora._test.*`.

const hookCommand = 'sora._test.';

describe('bundles: the e2e test hooks', function () {
  this.timeout(120000);
  let out: string;

  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-bundle-'));
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bundle.mjs'), '--production', '--out-dir', out], { cwd: repoRoot, encoding: 'utf8', timeout: 110000 });
    assert.equal(result.status, 0, result.stderr);
  });

  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('are not in the production extension bundle', () => {
    const bundle = fs.readFileSync(path.join(out, 'client/dist/extension.js'), 'utf8');
    assert.ok(bundle.includes('sora.openPreview'), 'the production bundle holds the extension');
    assert.ok(!bundle.includes(hookCommand), 'the production bundle registers the test hooks');
  });

  it('are in the development bundle the e2e suite runs (npm run build)', () => {
    const bundle = fs.readFileSync(path.join(repoRoot, 'client/dist/extension.js'), 'utf8');
    assert.ok(bundle.includes(hookCommand));
  });
});
