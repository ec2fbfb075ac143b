// Bundles the extension (client) and the language server with esbuild; tsc has already type-checked
// everything and written server/out for the CLI.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');
// `--out-dir DIR` writes the bundles under DIR instead of in place (the production bundle's test).
const outDirAt = process.argv.indexOf('--out-dir');
const outRoot = outDirAt >= 0 ? process.argv[outDirAt + 1] : '.';
// SORA_TEST_HOOKS: the production bundle leaves client/src/testHooks.ts out (the e2e suite runs the development build).
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify: production, logLevel: 'warning', define: { SORA_TEST_HOOKS: String(!production) } };

// cbor-x (under @trustnxt/c2pa-ts) tries an optional native accelerator, cbor-extract, and falls
// back to plain JavaScript when it is missing: left out of the bundles so the fallback is always used.
const optionalNative = ['cbor-extract'];

const builds = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js', external: optionalNative },
  // The CLI bundled: loading chevrotain's ES module through require() costs ~0.3 s a run unbundled.
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js', external: optionalNative },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode', ...optionalNative] },
  { entryPoints: ['client/webview/preview/main.ts'], outfile: 'client/dist/webview/preview.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/preview/preview.css'], outfile: 'client/dist/webview/preview.css', platform: 'browser' },
  { entryPoints: ['client/webview/takes/main.ts'], outfile: 'client/dist/webview/takes.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/takes/takes.css'], outfile: 'client/dist/webview/takes.css', platform: 'browser' },
  { entryPoints: ['client/webview/board/main.ts'], outfile: 'client/dist/webview/board.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/board/board.css'], outfile: 'client/dist/webview/board.css', platform: 'browser' },
].filter((build) => existsSync(build.entryPoints[0]));

await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build, outfile: path.join(outRoot, build.outfile) })));
