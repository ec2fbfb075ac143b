// A reusable harness for webview pages: loads a bundled page script (and optional CSS) into headless
// Chromium under a VS Code-like HTML shell (strict CSP with a nonce, theme CSS variables) with a
// stand-in for `acquireVsCodeApi` that records postMessage and getState/setState.
//
//   const view = await openWebviewPage({ scriptPath: 'client/dist/webview/preview.js' });
//   await view.post({ type: 'update', ... });      // as the extension's webview.postMessage
//   view.messages();                                // what the page sent with vscode.postMessage
//   await view.screenshot('preview-lighthouse');    // test-artifacts/preview-lighthouse.png
//   await view.close();
//
// Pages are served from a fake origin (https://webview.test/) through request routing, so nothing
// touches the network; any other request is aborted and recorded in `blockedRequests()`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './paths';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, 'test-artifacts');

export interface WebviewPageOptions {
  /** The bundled page script, absolute or relative to the repository root. */
  scriptPath: string;
  /** An optional stylesheet, absolute or relative to the repository root. */
  cssPath?: string;
  /** Markup placed in <body> before the script runs (trusted test markup only). */
  bodyHtml?: string;
  /** What the stand-in's getState() returns at load. */
  initialState?: unknown;
  /** Apply a VS Code-like CSP (default true). Turn it off to prove escaping does not rely on the CSP. */
  csp?: boolean;
  /** 'dark' (default) or 'light' theme variables and body class. */
  theme?: 'dark' | 'light';
  /** Viewport (default 900×800). */
  viewport?: { width: number; height: number };
  /** Local files served from the page's origin (`/takes/a.webm` → a path), with `media-src` allowed for them. */
  files?: Record<string, string>;
}

export interface WebviewPage {
  page: Page;
  /** Messages the page sent through vscode.postMessage, in order. */
  messages(): unknown[];
  /** Clears the recorded messages. */
  clearMessages(): void;
  /** Waits until a message matching the predicate has been sent, and returns it. */
  waitForMessage<T = any>(predicate: (message: any) => boolean, timeoutMs?: number): Promise<T>;
  /** Delivers a message to the page as the extension's webview.postMessage does. */
  post(message: unknown): Promise<void>;
  /** The last state the page saved with setState (or the initial state). */
  state(): Promise<unknown>;
  /** Uncaught page errors and console errors (CSP violations show up here). */
  errors(): string[];
  /** Requests outside the page's own files, which were aborted. */
  blockedRequests(): string[];
  /** Saves a full-page screenshot to test-artifacts/NAME.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

let sharedBrowser: Promise<Browser> | undefined;

/** One Chromium per test process, launched on first use. */
export function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return sharedBrowser;
}

/** Closes the shared browser (call from a root `after` hook or at the end of a suite). */
export async function closeBrowser(): Promise<void> {
  if (!sharedBrowser) return;
  const pending = sharedBrowser;
  sharedBrowser = undefined;
  await (await pending).close();
}

const origin = 'https://webview.test';
const nonce = 'dGVzdC1ub25jZQ';

const darkTheme: Record<string, string> = {
  '--vscode-font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': 'monospace',
  '--vscode-editor-font-size': '14px',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editor-selectionBackground': '#264f78',
  '--vscode-editor-findMatchHighlightBackground': '#9e6a03',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-widget-border': '#313131',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-hoverBackground': '#026ec1',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#3c3c3c',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
  '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-foreground': '#cccccc',
  '--vscode-dropdown-border': '#3c3c3c',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-textBlockQuote-background': '#2b2b2b',
  '--vscode-textCodeBlock-background': '#2b2b2b',
  '--vscode-list-activeSelectionBackground': '#04395e',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-diffEditor-insertedTextBackground': 'rgba(156, 204, 44, 0.2)',
  '--vscode-diffEditor-removedTextBackground': 'rgba(255, 0, 0, 0.2)',
  '--vscode-scrollbarSlider-background': 'rgba(121, 121, 121, 0.4)',
};

const lightTheme: Record<string, string> = {
  ...darkTheme,
  '--vscode-foreground': '#3b3b3b',
  '--vscode-descriptionForeground': '#717171',
  '--vscode-editor-background': '#ffffff',
  '--vscode-editor-foreground': '#3b3b3b',
  '--vscode-editorWidget-background': '#f8f8f8',
  '--vscode-editor-selectionBackground': '#add6ff',
  '--vscode-panel-border': '#e5e5e5',
  '--vscode-widget-border': '#e5e5e5',
  '--vscode-button-secondaryBackground': '#e5e5e5',
  '--vscode-button-secondaryForeground': '#3b3b3b',
  '--vscode-badge-background': '#cccccc',
  '--vscode-badge-foreground': '#3b3b3b',
  '--vscode-dropdown-background': '#ffffff',
  '--vscode-dropdown-foreground': '#3b3b3b',
  '--vscode-dropdown-border': '#cecece',
  '--vscode-textBlockQuote-background': '#f8f8f8',
  '--vscode-textCodeBlock-background': '#f8f8f8',
  '--vscode-list-activeSelectionBackground': '#e8e8e8',
  '--vscode-list-hoverBackground': '#f2f2f2',
};

function mediaType(file: string): string {
  const extension = path.extname(file).toLowerCase();
  return extension === '.webm' ? 'video/webm' : extension === '.mp4' ? 'video/mp4' : extension === '.png' ? 'image/png' : 'application/octet-stream';
}

function resolvePath(file: string): string {
  return path.isAbsolute(file) ? file : path.join(repoRoot, file);
}

function shellHtml(options: WebviewPageOptions): string {
  const theme = options.theme ?? 'dark';
  const vars = Object.entries(theme === 'light' ? lightTheme : darkTheme)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
  const csp = options.csp === false
    ? ''
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${origin} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${origin} data:; font-src ${origin};${options.files ? ` media-src ${origin};` : ''}">`;
  const css = options.cssPath ? `<link rel="stylesheet" nonce="${nonce}" href="${origin}/page.css">` : '';
  const bodyClass = theme === 'light' ? 'vscode-light' : 'vscode-dark';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
${csp}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">html { ${vars} }</style>
${css}
<title>webview</title>
</head>
<body class="${bodyClass}" data-vscode-theme-kind="${bodyClass}">
${options.bodyHtml ?? ''}
<script nonce="${nonce}" src="${origin}/page.js"></script>
</body>
</html>`;
}

/** The stand-in for VS Code's acquireVsCodeApi, installed before any page script runs. */
function installVsCodeApi(initialState: unknown): void {
  const w = window as any;
  w.__vscodeMessages = [];
  w.__vscodeState = initialState === null ? undefined : initialState;
  let acquired = false;
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage(message: unknown) {
        const copy = JSON.parse(JSON.stringify(message));
        w.__vscodeMessages.push(copy);
        if (typeof w.__vscodePostToHost === 'function') void w.__vscodePostToHost(copy);
      },
      getState() {
        return w.__vscodeState;
      },
      setState(state: unknown) {
        w.__vscodeState = JSON.parse(JSON.stringify(state));
        return state;
      },
    });
  };
}

export async function openWebviewPage(options: WebviewPageOptions): Promise<WebviewPage> {
  const scriptPath = resolvePath(options.scriptPath);
  if (!fs.existsSync(scriptPath)) throw new Error(`page script not found: ${scriptPath} (run node scripts/bundle.mjs)`);
  const cssPath = options.cssPath ? resolvePath(options.cssPath) : undefined;
  const b = await browser();
  const context = await b.newContext({ viewport: options.viewport ?? { width: 900, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const received: unknown[] = [];
  await page.exposeFunction('__vscodePostToHost', (message: unknown) => {
    received.push(message);
  });
  const html = shellHtml(options);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${origin}/` || url === `${origin}/index.html`) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (url === `${origin}/page.js`) {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fs.readFileSync(scriptPath, 'utf8') });
    }
    if (url === `${origin}/page.css` && cssPath) {
      return route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: fs.readFileSync(cssPath, 'utf8') });
    }
    if (url.startsWith(`${origin}/page.js.map`)) return route.fulfill({ status: 404, body: '' });
    const served = options.files?.[new URL(url).pathname];
    if (served) {
      // As VS Code's resource server does: CORS, so a canvas may read the video's pixels, and byte
      // ranges, without which the media element cannot seek.
      const body = fs.readFileSync(served);
      const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*', 'Accept-Ranges': 'bytes' };
      const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers()['range'] ?? '');
      if (!range) return route.fulfill({ status: 200, contentType: mediaType(served), body, headers });
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      return route.fulfill({ status: 206, contentType: mediaType(served), body: body.subarray(start, end + 1), headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}` } });
    }
    blocked.push(url);
    return route.abort();
  });
  await page.addInitScript(installVsCodeApi, options.initialState ?? null);
  await page.goto(`${origin}/`, { waitUntil: 'load' });

  return {
    page,
    messages: () => received.slice(),
    clearMessages: () => {
      received.length = 0;
    },
    async waitForMessage(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // A round trip to the page first, so bindings called before it have been delivered.
        await page.evaluate(() => 0);
        const all: any[] = received.slice();
        const found = all.find(predicate);
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(all)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async post(message) {
      await page.evaluate((data) => {
        window.dispatchEvent(new MessageEvent('message', { data, origin: 'vscode-webview://host' }));
      }, message as any);
    },
    async state() {
      return page.evaluate(() => (window as any).__vscodeState);
    },
    errors: () => errors.slice(),
    blockedRequests: () => blocked.slice(),
    async screenshot(name) {
      fs.mkdirSync(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
    },
  };
}
