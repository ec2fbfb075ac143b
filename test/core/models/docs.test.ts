import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { modelProfiles } from '../../../server/out/core/models';
import { repoRoot } from '../../helpers/paths';

// docs/models.md is generated from the profile table: a profile changed without `npm run docs`
// fails here, so the reference never disagrees with the checker.

const generator = path.join(repoRoot, 'scripts/generate-model-docs.mjs');
const docs = path.join(repoRoot, 'docs/models.md');

function check(file?: string) {
  const args = [generator, '--check', ...(file ? [file] : [])];
  return spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', timeout: 30000 });
}

describe('docs/models.md', () => {
  it('is what the model table renders (run `npm run docs` after changing a profile)', () => {
    const result = check();
    assert.equal(result.status, 0, result.stderr);
  });

  it('names every profile, with its status, price confidence, sources and date', () => {
    const text = fs.readFileSync(docs, 'utf8');
    for (const profile of modelProfiles) {
      assert.ok(text.includes(`## ${profile.id}\n`), profile.id);
      for (const source of profile.sources) if (source.url) assert.ok(text.includes(`](${source.url})`), `${profile.id}: ${source.url}`);
    }
    assert.match(text, /- \*\*Status:\*\* retired since 2026-09-24/);
    assert.match(text, /_unverified_; docs\.krea\.ai/);
  });

  it('the check fails on a stale or missing copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-model-docs-'));
    try {
      const stale = path.join(dir, 'models.md');
      fs.writeFileSync(stale, fs.readFileSync(docs, 'utf8').replace('4, 6, 8 s', '4, 6, 8, 10 s'));
      const result = check(stale);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /out of date/);
      assert.equal(check(path.join(dir, 'absent.md')).status, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
