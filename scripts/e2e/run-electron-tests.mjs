#!/usr/bin/env node
// Runs the e2e suite in a downloaded VS Code (Electron) via @vscode/test-electron.
// Needs to download VS Code, so it only works on machines with that access; where
// only npm/Debian are reachable use run-code-server-tests.mjs instead.
//
// Usage:
//   node scripts/e2e/run-electron-tests.mjs --extension <absDir> \
//     --tests <absPathToCompiledIndexJs> --workspace <absDir> [--version <vscodeVersion>]
// Defaults: --extension = repo root, --tests = test/e2e/out/index.js,
//           --workspace = examples/.
// Like run-code-server-tests.mjs, it opens a temp copy of the workspace with the shared examples
// under shared/ (scripts/e2e/workspace.mjs), deleted afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { prepareWorkspace } from './workspace.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parseArgs(argv) {
  const opts = {
    extension: REPO_ROOT,
    tests: path.join(REPO_ROOT, 'test/e2e/out/index.js'),
    workspace: path.join(REPO_ROOT, 'examples'),
    version: undefined, // test-electron's default: latest stable
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    switch (arg) {
      case '--extension': opts.extension = path.resolve(value); break;
      case '--tests': opts.tests = path.resolve(value); break;
      case '--workspace': opts.workspace = path.resolve(value); break;
      case '--version': opts.version = value; break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  return opts;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-e2e-electron-'));
process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
try {
  const opts = parseArgs(process.argv.slice(2));
  const workspace = path.join(tmp, 'workspace');
  const prepared = prepareWorkspace(opts.workspace, workspace, REPO_ROOT);
  if (prepared.warning) console.error(`[e2e] ${prepared.warning}`);
  Object.assign(process.env, prepared.env);
  // runTests resolves with 0, and rejects with TestRunFailedError (carrying
  // VS Code's exit code) when run() rejected, or with another error when VS Code
  // could not be downloaded or started.
  await runTests({
    version: opts.version,
    extensionDevelopmentPath: opts.extension,
    extensionTestsPath: opts.tests,
    // process.env (e.g. SORA_E2E_DELIBERATE_FAILURE) is inherited by the extension host.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(0);
} catch (err) {
  if (err instanceof TestRunFailedError) {
    console.error(`[e2e] ${err.message}`);
    process.exit(typeof err.code === 'number' && err.code !== 0 ? err.code : 1);
  }
  console.error(`[e2e] failed to run tests: ${err?.stack || err}`);
  process.exit(1);
}
