// Bundles the extension (client) and the language server with esbuild; tsc has already type-checked
// everything and written server/out for the CLI.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify: production, logLevel: 'warning' };

const builds = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
].filter((build) => existsSync(build.entryPoints[0]));

await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
