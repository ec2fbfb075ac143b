// The e2e suite's helpers that need no Node: opening files, waiting on the language server, and
// the extension's test hooks (client/src/testHooks.ts, installed in ExtensionMode.Test). Shared by
// the suite in the Node extension host (through ./helpers.ts) and the one in the web-worker
// extension host (test/e2e/web/), which is bundled for the browser.
import * as vscode from 'vscode';
import * as assert from './assert';

export const EXTENSION_ID = 'sora-storyboard.sora-storyboard';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The workspace folder: a temp copy made by the runner (never the repo's examples/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** The last segment of a URI's path: `scene07.sora`. */
export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function sharedExample(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'shared', relative);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
}

export async function open(uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await sleep(100);
}

/** Polls until `check` returns a truthy value; fails with the last value seen. */
export async function waitFor<T>(what: string, check: () => T | PromiseLike<T>, timeoutMs = 15_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      error = undefined;
      if (last) return last as NonNullable<T>;
    } catch (e) {
      error = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${error ? String(error) : JSON.stringify(last)?.slice(0, 500)}`);
}

/**
 * The diagnostics of a document once the server has published them: waits for a publish for this
 * document (the server publishes empty lists too), then for things to go quiet for `quietMs`.
 * `until` can ask for a particular state (e.g. a code to be gone after an edit).
 */
export async function diagnosticsOf(
  uri: vscode.Uri,
  until: (diagnostics: vscode.Diagnostic[]) => boolean = () => true,
  timeoutMs = 20_000,
  quietMs = 400,
): Promise<vscode.Diagnostic[]> {
  let lastChange = 0;
  let seen = vscode.languages.getDiagnostics(uri).length > 0;
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((u) => u.toString() === uri.toString())) {
      seen = true;
      lastChange = Date.now();
    }
  });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const current = vscode.languages.getDiagnostics(uri);
      if (seen && Date.now() - lastChange >= quietMs && until(current)) return current;
      await sleep(50);
    }
    const current = vscode.languages.getDiagnostics(uri);
    throw new Error(`diagnostics of ${fileName(uri)} did not settle as expected within ${timeoutMs} ms (published: ${seen}); now: ${listDiagnostics(current)}`);
  } finally {
    listener.dispose();
  }
}

/**
 * The diagnostics of a storyboard expected to be clean, open in the active editor. The server
 * publishes nothing for a file with no problems, so "no diagnostics yet" is told apart from
 * "checked, none" by the status bar, which shows the file's summary once the server compiled it.
 */
export async function diagnosticsOfCleanFile(uri: vscode.Uri, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const name = fileName(uri).replace(/\./g, '\\.');
  await waitFor(`the status bar to show ${fileName(uri)}`, async () => {
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'not the active editor');
    const status = await hooks.statusBar();
    return status?.visible && status.tooltip?.includes(`**${name}**`) ? status : undefined;
  }, timeoutMs);
  await sleep(300);
  return vscode.languages.getDiagnostics(uri);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function listDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.length ? diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') : '(none)';
}

/** The position of the first occurrence of `text` in the document (optionally `offset` characters into it). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  assert.ok(index >= 0, `"${text}" not found in ${fileName(document.uri)}`);
  return document.positionAt(index + offset);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

// ---- the extension's test hooks (client/src/testHooks.ts) ----

export type Answer = { pick: string } | { input: string | null } | { button: string | null } | { openDialog: string[] | null };

export interface PreviewSnapshot {
  title: string;
  visible: boolean;
  active: boolean;
  viewColumn: number | undefined;
  ready: boolean;
  rendered: null | {
    delivered: boolean | undefined;
    fileName: string;
    state: { uri: string; locked: boolean; variant: string | null; model?: string | null };
    prompt: string;
    variant: string | null;
    variants: string[];
    summary: { duration: number | null; beats: number; aspect: string | null; errors: number; warnings: number; overLimit: boolean; model: string | null; cost: number | null };
    /** The file's own target and the one picked in the preview (null when none is): summary and generations. */
    own: PreviewTarget;
    target: PreviewTarget | null;
    /** The ids the model picker offers. */
    models: string[];
  };
}

export interface PreviewTarget {
  summary: { model: string | null; cost: number | null };
  generations: { seconds: number; startFrom: string | null }[];
}

export interface WebviewSnapshot {
  viewType: string;
  title: string;
  visible: boolean;
  active: boolean;
  viewColumn: number | undefined;
  disposed: boolean;
  ready: boolean;
  received: { type: string }[];
  lastPosted: Record<string, { message: any; delivered: boolean | undefined }>;
}

export const hooks = {
  previewState: () => vscode.commands.executeCommand<PreviewSnapshot | null>('sora._test.previewState'),
  webviews: () => vscode.commands.executeCommand<WebviewSnapshot[]>('sora._test.webviews'),
  statusBar: () => vscode.commands.executeCommand<{ text: string; tooltip: string | null; visible: boolean } | null>('sora._test.statusBar'),
  answer: (answers: Answer[]) => vscode.commands.executeCommand<number>('sora._test.answer', answers),
  clearAnswers: () => vscode.commands.executeCommand<void>('sora._test.clearAnswers'),
  pendingAnswers: () => vscode.commands.executeCommand<number>('sora._test.pendingAnswers'),
  messages: () => vscode.commands.executeCommand<{ severity: string; text: string }[]>('sora._test.messages'),
  quickInputLog: () => vscode.commands.executeCommand<{ event: 'show' | 'hide'; title: string }[]>('sora._test.quickInputLog'),
  sendFromWebview: (viewType: string, message: unknown) => vscode.commands.executeCommand<number>('sora._test.sendFromWebview', viewType, message),
};

/** The takes panel's last state message for a storyboard, once it has one that satisfies `until`. */
export async function takesPanelState(storyboard: string, until: (state: any) => boolean = () => true, timeoutMs = 15_000): Promise<{ panel: WebviewSnapshot; state: any }> {
  return waitFor(`the takes panel of ${storyboard}`, async () => {
    const panel = (await hooks.webviews()).reverse().find((w) => w.viewType === 'sora.takes' && !w.disposed);
    const state = panel?.lastPosted.state?.message;
    // `ready`: the page's script ran and asked for the state (a file-watcher update may come first).
    if (!panel?.ready || !state || state.storyboard !== storyboard || !until(state)) return undefined;
    return { panel, state };
  }, timeoutMs);
}
