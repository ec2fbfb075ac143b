// Bundles the extension (client) and the language server with esbuild; tsc has already type-checked
// everything and written server/out for the CLI. Each comes twice: for Node (VS Code desktop, a
// remote's extension host) and for the browser (vscode.dev, a web-worker extension host), where
// there is no Node: a browser bundle that reaches `node:fs` or any other Node module fails here.
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
  // The web extension: CommonJS, as the web-worker extension host loads it, with `vscode` its one import.
  { entryPoints: ['client/src/browserExtension.ts'], outfile: 'client/dist/browser/extension.js', platform: 'browser', target: 'es2022', format: 'cjs', external: ['vscode'] },
  // The language server as a Web Worker script (client/src/browser/languageClient.ts starts it).
  { entryPoints: ['server/src/browserServer.ts'], outfile: 'server/dist/browser/server.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/preview/main.ts'], outfile: 'client/dist/webview/preview.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/preview/preview.css'], outfile: 'client/dist/webview/preview.css', platform: 'browser' },
  { entryPoints: ['client/webview/takes/main.ts'], outfile: 'client/dist/webview/takes.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/takes/takes.css'], outfile: 'client/dist/webview/takes.css', platform: 'browser' },
  { entryPoints: ['client/webview/board/main.ts'], outfile: 'client/dist/webview/board.js', platform: 'browser', target: 'es2022', format: 'iife' },
  { entryPoints: ['client/webview/board/board.css'], outfile: 'client/dist/webview/board.css', platform: 'browser' },
];

// A renamed or deleted entry point is a broken build, not one bundle fewer.
const missing = builds.flatMap((build) => build.entryPoints).filter((entry) => !existsSync(entry));
if (missing.length) {
  console.error(`bundle.mjs: missing entry point${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  process.exit(1);
}

await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build, outfile: path.join(outRoot, build.outfile) })));
