import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { repoRoot, sharedExamples } from '../helpers/paths';

// What a user waits for when the extension activates: the bundled server starting (with the flags
// the client gives it) until it answers `initialize`, and until the first diagnostics of an opened
// storyboard. Plus the size of the packaged .vsix. Figures only; nothing here is asserted.

const serverFlags = ['--max-semi-space-size=32']; // as client/src/node/languageClient.ts starts it

async function startUp(): Promise<{ initialize: number; firstDiagnostics: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...serverFlags, path.join(repoRoot, 'server/dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const file = path.join(sharedExamples, 'lighthouse/scene09.sora');
  const uri = pathToFileURL(file).toString();
  const diagnostics = new Promise<number>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
      if (params.uri === uri) resolve(performance.now() - started);
    });
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const initialize = performance.now() - started;
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sora', version: 1, text: fs.readFileSync(file, 'utf8') } });
  const firstDiagnostics = await diagnostics;
  connection.dispose();
  child.kill();
  return { initialize, firstDiagnostics };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function packageSize(): number | undefined {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-vsix-'));
  const out = path.join(folder, 'sora-storyboard.vsix');
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/bundle.mjs'), '--production'], { cwd: repoRoot, stdio: 'ignore' });
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: repoRoot, stdio: 'ignore' });
    return fs.statSync(out).size;
  } catch (error) {
    console.log(`  vsce failed: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  } finally {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/bundle.mjs')], { cwd: repoRoot, stdio: 'ignore' });
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const runs: { initialize: number; firstDiagnostics: number }[] = [];
  for (let i = 0; i < 5; i++) runs.push(await startUp());
  console.log('Extension start-up (bundled server, 5 cold starts, median)');
  console.log(`  server process → initialize answered    ${median(runs.map((r) => r.initialize)).toFixed(0)} ms`);
  console.log(`  server process → lighthouse diagnostics ${median(runs.map((r) => r.firstDiagnostics)).toFixed(0)} ms`);
  const size = packageSize();
  console.log(`Packaged .vsix (production bundles): ${size === undefined ? 'could not be built' : `${(size / 1024).toFixed(0)} KB`} (target ≤ 500 KB)\n`);
}
