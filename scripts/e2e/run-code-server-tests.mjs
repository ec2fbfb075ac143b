#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code extension host, using code-server
// (VS Code's own server build) driven by headless Chromium. This is for
// machines that cannot download VS Code/Electron but reach the npm registry
// and Debian packages (see install-code-server.sh).
//
// Usage:
//   node scripts/e2e/run-code-server-tests.mjs --extension <absDir> \
//     --tests <absPathToCompiledIndexJs> --workspace <absDir> \
//     [--screenshots <dir>] [--timeout-ms N] [--verbose] [--restricted] [--web]
//
// --restricted opens the workspace in Restricted Mode (workspace trust on, the folder not trusted,
// no prompt) and runs only the suites named "Restricted Mode" (SORA_E2E_RESTRICTED=1 tells them).
//
// --web runs the extension in the browser's web-worker extension host, the one vscode.dev has,
// instead of code-server's Node host: its `browser` entry, the server in a Web Worker. The workbench
// gives an extension the host its kind names, and a user's `remote.extensionKind` setting decides
// that kind first: ["web"] for this extension puts it (and the tests, which live inside it) in the
// web worker. (The payload's `extensionDevelopmentKind` is read by the browser workbench but not
// used for the choice in this version.) The tests must then be a browser bundle (test/e2e/web/,
// bundled by scripts/e2e/bundle-web-tests.mjs): there is no Node, no environment variables and no
// screenshot channel in a web worker.
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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import {
  CHROMIUM, CODE_SERVER_VERSION, REPO_ROOT, freePort, installCodeServer, killCodeServerNow, quietSettings,
  startCodeServer, stopCodeServer, tail, waitForHealthz,
} from './code-server.mjs';
import { prepareWorkspace } from './workspace.mjs';

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
    '[--timeout-ms N] [--verbose] [--restricted] [--web]');
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
      case '--web': opts.web = true; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${arg}`);
    }
  }
  if (!opts.extension || !opts.tests || !opts.workspace) usage('--extension, --tests and --workspace are required');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  if (opts.web && opts.screenshots) usage('--screenshots needs the Node extension host (tests in a web worker cannot ask for them)');
  for (const [name, p] of [['--extension', opts.extension], ['--tests', opts.tests], ['--workspace', opts.workspace]]) {
    if (!fs.existsSync(p)) usage(`${name} ${p} does not exist`);
  }
  return opts;
}

const say = (msg) => process.stderr.write(`[e2e] ${msg}\n`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();

  // 1. Make sure code-server is installed (fast no-op when cached).
  installCodeServer();
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
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    ...quietSettings,
    ...(opts.web ? { 'remote.extensionKind': { [extensionId(opts.extension)]: ['web'] } } : {}),
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
    await stopCodeServer(server);
    server = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  // Ctrl-C / CI cancellation must not leave code-server running.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => { say(`${sig}: cleaning up`); cleanup().finally(() => process.exit(130)); });
  }
  // Last resort if we exit by any other path: synchronous kill and delete.
  process.once('exit', () => {
    killCodeServerNow(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  try {
    // 3. Start code-server detached, in its own process group.
    const port = await freePort();
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
    say(`starting code-server ${CODE_SERVER_VERSION} on port ${port}${opts.web ? ', the extension in the web-worker extension host' : ''}`);
    let baseUrl;
    ({ child: server, baseUrl } = startCodeServer({
      port, configFile, userDataDir: dirs.userData, extensionsDir: dirs.extensions, env, log: logFd,
      args: [...(opts.restricted ? [] : ['--disable-workspace-trust']), '--vscode-option', 'enable-smoke-test-driver'],
    }));
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

/** `publisher.name`, as settings name an extension. */
function extensionId(extensionFolder) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionFolder, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
}

main().then((code) => process.exit(code), (err) => { say(`ERROR: ${err.stack || err}`); process.exit(1); });
