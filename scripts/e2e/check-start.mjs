#!/usr/bin/env node
// Proves that `npm start` works without VS Code installed: runs scripts/start.mjs --code-server on
// a free port, opens the printed URL in headless Chromium (playwright-core), opens
// examples/04-common-mistakes/scene05.sora from the Explorer, waits for the extension's squiggles,
// syntax colours and status bar item, saves a screenshot, and stops the server.
//
//   node scripts/e2e/check-start.mjs [--screenshot FILE] [--web]   (default test-artifacts/npm-start.png)
//
// --web checks `npm start -- --web`: the extension's web build in the web-worker extension host.
//
// Run `npm run build` first. Exit code 0 when everything showed up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, REPO_ROOT, freePort } from './code-server.mjs';

const i = process.argv.indexOf('--screenshot');
const screenshot = path.resolve(i > 0 ? process.argv[i + 1] : path.join(REPO_ROOT, 'test-artifacts/npm-start.png'));
const say = (msg) => process.stderr.write(`[check-start] ${msg}\n`);

const port = await freePort();
const web = process.argv.includes('--web') ? ['--web'] : [];
const start = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs'), '--code-server', '--port', String(port), ...web], { stdio: ['ignore', 'pipe', 'inherit'] });
let browser;
let failed = false;
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed within 90 s; stdout: ${out}`)), 90_000);
    start.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    start.once('exit', (code) => reject(new Error(`scripts/start.mjs exited with ${code}`)));
  });
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  say(`GET ${url}: HTTP ${res.status}`);

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.locator('.monaco-list-row', { hasText: '04-common-mistakes' }).first().click({ timeout: 90_000 });
  await page.locator('.monaco-list-row', { hasText: 'scene05.sora' }).first().click({ timeout: 30_000 });
  await page.waitForSelector('.squiggly-error', { timeout: 90_000 });
  await page.locator('.statusbar-item', { hasText: /beats/ }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2000);
  const squiggles = await page.locator('.squiggly-error, .squiggly-warning, .squiggly-info').count();
  const colours = await page.locator('.view-lines span[class*="mtk"]').evaluateAll((els) => new Set(els.map((e) => e.className)).size);
  const status = (await page.locator('.statusbar-item', { hasText: /beats/ }).first().innerText()).trim();
  say(`squiggles: ${squiggles}, token colour classes: ${colours}, status bar: "${status}"`);
  if (squiggles === 0 || colours < 4) throw new Error('the extension does not seem to be active');
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  say(`screenshot: ${screenshot}`);
} catch (error) {
  failed = true;
  say(`FAILED: ${error.message}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  start.kill('SIGTERM'); // start.mjs stops code-server (its process group) on SIGTERM
  await new Promise((r) => (start.exitCode !== null ? r() : start.once('exit', r)));
}
process.exit(failed ? 1 : 0);
