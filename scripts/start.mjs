#!/usr/bin/env node
// `npm start` (= `npm run build && node scripts/start.mjs`): try the extension on examples/.
//
// - With VS Code's `code` command on PATH: opens a new VS Code window that runs this checkout as a
//   development extension on examples/ (`code --extensionDevelopmentPath=<repo> <repo>/examples`).
// - Without it (a server, a container, CI machines): starts code-server, VS Code's own server build
//   that the e2e suite uses (installed into .vscode-test/ by scripts/e2e/install-code-server.sh),
//   with this checkout linked into its extensions folder, and prints the URL to open in a browser.
//   It binds to 127.0.0.1 only, on port 8080 or the first free one after it, with no password.
//   Stop it with Ctrl-C. Its settings and state live in .vscode-test/start/ and survive restarts;
//   delete that folder to start afresh.
//
// Options:
//   --code-server     use code-server even when `code` is on PATH
//   --port N          the first port to try (default: $PORT or 8080)
//   --folder DIR      the folder to open (default: examples/)
//   --no-wait         (with `code`) return at once instead of waiting for the window to close
//   --web             (with code-server) run the extension's web build in the browser's web-worker
//                     extension host, as vscode.dev does (without it, the Node build on the server)
//
// After changing the sources: `npm run build`, then reload the window (Developer: Reload Window).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CACHE_DIR, CODE_SERVER_VERSION, REPO_ROOT, firstFreePort, installCodeServer, killCodeServerNow, quietSettings,
  startCodeServer, stopCodeServer, tail, waitForHealthz,
} from './e2e/code-server.mjs';

const STATE_DIR = path.join(CACHE_DIR, 'start');

const say = (msg) => process.stderr.write(`[start] ${msg}\n`);

function parseArgs(argv) {
  const opts = { codeServer: false, port: Number(process.env.PORT) || 8080, folder: path.join(REPO_ROOT, 'examples'), wait: true, web: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--code-server') opts.codeServer = true;
    else if (arg === '--port') opts.port = Number(value());
    else if (arg === '--folder') opts.folder = path.resolve(value());
    else if (arg === '--no-wait') opts.wait = false;
    else if (arg === '--web') opts.web = opts.codeServer = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n') + '\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) throw new Error('--port must be a port number');
  if (!fs.existsSync(opts.folder)) throw new Error(`${opts.folder} does not exist`);
  return opts;
}

function findOnPath(command) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

function checkBuilt() {
  for (const file of ['client/dist/extension.js', 'server/dist/server.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm start does).`);
  }
}

function runWithCode(code, opts) {
  const args = [`--extensionDevelopmentPath=${REPO_ROOT}`, '--new-window', ...(opts.wait ? ['--wait'] : []), opts.folder];
  say(`${code} ${args.join(' ')}`);
  const result = spawnSync(code, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

/**
 * code-server has no --extensionDevelopmentPath. The checkout is linked into a private extensions
 * folder under the name an installed copy would have; code-server reads the folder at start-up
 * and records what it found in extensions.json, which is rewritten here so that it always lists
 * exactly this link (a stale entry from an older version would otherwise hide it).
 */
function linkExtension(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const folderName = `${id}-${pkg.version}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    if (entry.startsWith(`${id}-`)) fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
  }
  fs.symlinkSync(REPO_ROOT, path.join(extensionsDir, folderName), 'dir');
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  fs.rmSync(path.join(extensionsDir, '.obsolete'), { force: true });
  return { id, folderName };
}

/**
 * The extension host the extension runs in: a user's `remote.extensionKind` decides, so ["web"]
 * puts it in the browser's web worker (as run-code-server-tests.mjs --web does) and no entry leaves
 * the workbench's choice (the Node host on the server). The settings file is the one the previous
 * start wrote, or the user's edit of it; one that does not parse is left alone.
 */
function chooseExtensionHost(settingsFile, id, web) {
  let settings;
  try {
    settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  } catch (error) {
    say(`${settingsFile} is not plain JSON (${error.message}): the extension host is left as it says`);
    return;
  }
  const kinds = { ...settings['remote.extensionKind'] };
  if (web) kinds[id] = ['web'];
  else delete kinds[id];
  settings['remote.extensionKind'] = kinds;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

async function runWithCodeServer(opts) {
  installCodeServer();

  const dirs = { userData: path.join(STATE_DIR, 'user-data'), extensions: path.join(STATE_DIR, 'extensions') };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({
      ...quietSettings,
      'security.workspace.trust.enabled': false,
      // examples/ sits inside this git checkout: don't offer to open the parent repository.
      'git.openRepositoryInParentFolders': 'never',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }, null, 2));
  }
  const { id } = linkExtension(dirs.extensions);
  chooseExtensionHost(settingsFile, id, opts.web);
  const port = await firstFreePort(opts.port);
  const { child: server, baseUrl } = startCodeServer({
    port, configFile: path.join(STATE_DIR, 'config.yaml'), userDataDir: dirs.userData, extensionsDir: dirs.extensions, log: 'pipe',
    args: ['--disable-workspace-trust', '--ignore-last-opened', opts.folder],
  });
  const logFile = path.join(STATE_DIR, 'code-server.log');
  const log = fs.createWriteStream(logFile);
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    void stopCodeServer(server).finally(() => process.exit(code));
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { say('stopping code-server'); stop(0); });
  process.on('exit', () => killCodeServerNow(server));

  try {
    await waitForHealthz(baseUrl, server, 60_000);
  } catch (error) {
    say(`${error.message}; its log (${logFile}):\n${tail(logFile, 30)}`);
    stop(1);
    return;
  }
  const url = `${baseUrl}/?folder=${encodeURIComponent(opts.folder)}`;
  say(`code-server ${CODE_SERVER_VERSION} with ${id} from ${REPO_ROOT}${opts.web ? ' (its web build, in the web-worker extension host)' : ''}`);
  say(`log: ${logFile}`);
  process.stdout.write(`\n  Sora Storyboard is running on ${path.relative(REPO_ROOT, opts.folder) || '.'}/ — open:\n\n    ${url}\n\n  Ctrl-C stops it.\n\n`);
  server.once('exit', (code, signal) => {
    if (!stopping) {
      say(`code-server exited (code ${code}, signal ${signal}); log: ${logFile}`);
      process.exit(code ?? 1);
    }
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  checkBuilt();
  const code = opts.codeServer ? undefined : findOnPath(process.platform === 'win32' ? 'code.cmd' : 'code');
  if (code) process.exit(runWithCode(code, opts));
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('VS Code\'s `code` command is not on PATH. Install VS Code and its `code` command (Command Palette: "Shell Command: Install \'code\' command in PATH"), or run on linux x64 for code-server.');
  }
  await runWithCodeServer(opts);
}

main().catch((error) => {
  say(`error: ${error.message}`);
  process.exit(1);
});
