#!/usr/bin/env node
// `npm run screenshots`: regenerates docs/screenshots/*.png from a real VS Code (code-server).
// Runs only the e2e tests named "screenshot…" (test/e2e/screenshots.e2e.ts) through
// run-code-server-tests.mjs on a temp copy of examples/ and the shared examples, then copies
// the PNGs they asked for into docs/screenshots/. Build first (`npm run build && tsc -p test/e2e`);
// the npm script does.
//
//   node scripts/e2e/screenshots.mjs [--verbose]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');
const DOCS = path.join(REPO_ROOT, 'docs', 'screenshots');
// The screenshots the docs use: the name takeScreenshot() was given → the file in docs/screenshots.
const SHOTS = {
  'problems-hover': 'problems-hover.png',
  'preview-lighthouse': 'preview-lighthouse.png',
  'takes-scoring': 'takes-scoring.png',
};

fs.rmSync(OUT, { recursive: true, force: true });
const run = spawnSync(process.execPath, [
  path.join(REPO_ROOT, 'scripts/e2e/run-code-server-tests.mjs'),
  '--extension', REPO_ROOT,
  '--tests', path.join(REPO_ROOT, 'test/e2e/out/index.js'),
  '--workspace', path.join(REPO_ROOT, 'examples'),
  '--screenshots', OUT,
  ...process.argv.slice(2),
], { stdio: 'inherit', env: { ...process.env, SORA_E2E_GREP: 'screenshot' } });
if (run.status !== 0) {
  console.error(`[screenshots] the screenshot tests failed (exit ${run.status}); docs/screenshots/ left as it was`);
  process.exit(run.status || 1);
}
fs.mkdirSync(DOCS, { recursive: true });
let missing = 0;
for (const [name, file] of Object.entries(SHOTS)) {
  const png = path.join(OUT, `${name}.png`);
  if (!fs.existsSync(png)) {
    console.error(`[screenshots] ${name}.png was not taken`);
    missing++;
    continue;
  }
  fs.copyFileSync(png, path.join(DOCS, file));
  console.error(`[screenshots] docs/screenshots/${file}`);
}
process.exit(missing ? 1 : 0);
