import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { rules } from '../../server/out/core/rules';
import { repoRoot } from '../helpers/paths';

// Files generated from the rule table must not drift from it: `npm run docs` rewrites them.

function check(script: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', script), '--check'], { cwd: repoRoot, encoding: 'utf8', timeout: 30000 });
  return { status: result.status, stderr: result.stderr };
}

describe('generated from the rule table', function () {
  this.timeout(60000);

  it("package.json's sora.rules codes are the table's, in its order", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const codes = manifest.contributes.configuration.properties['sora.rules'].propertyNames.enum;
    assert.deepEqual(codes, rules.map((rule) => rule.code), 'run `npm run docs`');
    assert.deepEqual(check('generate-rule-enum.mjs'), { status: 0, stderr: '' });
  });

  it('docs/rules.md is up to date (every code, its summary and explanation)', () => {
    const result = check('generate-rule-docs.mjs');
    assert.equal(result.status, 0, result.stderr);
    const doc = fs.readFileSync(path.join(repoRoot, 'docs/rules.md'), 'utf8');
    for (const rule of rules) assert.ok(doc.includes(`## ${rule.code}\n`), rule.code);
  });
});
