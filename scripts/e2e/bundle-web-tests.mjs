// Bundles the web-worker e2e suite (test/e2e/web/) into test/e2e/web/out/index.js: one CommonJS
// script with mocha's browser build and the tests, `vscode` left to the extension host. As a
// browser bundle it fails on any Node module, as the tests must run where there is none.
//   SORA_E2E_GREP=pattern node scripts/e2e/bundle-web-tests.mjs   (only the matching tests)
import * as esbuild from 'esbuild';
import path from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

await esbuild.build({
  entryPoints: [path.join(REPO_ROOT, 'test/e2e/web/index.ts')],
  outfile: path.join(REPO_ROOT, 'test/e2e/web/out/index.js'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: 'inline',
  define: { SORA_E2E_GREP: JSON.stringify(process.env.SORA_E2E_GREP ?? '') },
  logLevel: 'warning',
});
