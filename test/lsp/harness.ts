import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot, sharedExamples } from '../helpers/paths';

// A language client for tests: starts the real server (`node server/out/server.js --stdio`) on a
// temporary copy of the shared examples and speaks JSON-RPC to it, recording what the server pushes
// (diagnostics, messages, registrations) so tests can wait for it.

export interface HarnessOptions {
  /** `sora.*` settings answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Extra files written into the workspace before the server starts (relative path → text). */
  files?: Record<string, string>;
  /** Whether to copy the shared examples into the workspace (default true). */
  examples?: boolean;
  /** Advertise no client capabilities beyond the basics. */
  minimalCapabilities?: boolean;
  /** `files.exclude` answered to workspace/configuration. */
  filesExclude?: Record<string, boolean>;
  /** The server process's environment (default: this process's), e.g. a PATH without ffmpeg. */
  env?: NodeJS.ProcessEnv;
  /** Wait for the start-up check of the workspace before returning (default true). */
  waitForStartup?: boolean;
  /** Extra `initializationOptions`. */
  initializationOptions?: Record<string, unknown>;
  /** Client capabilities replacing the harness's own (a client that is not VS Code). */
  capabilities?: Record<string, unknown>;
  /** Run `prepare` on the workspace folder before the server starts (a deep tree, a FIFO). */
  prepare?: (root: string) => void;
  /** Advertise LSP 3.18 snippet edits in workspace edits (as vscode-languageclient 11 does). */
  snippetEdits?: boolean;
}

export interface Published extends PublishDiagnosticsParams {
  /** Order of arrival, across all documents. */
  sequence: number;
}

export class Harness {
  readonly connection: ProtocolConnection;
  readonly published: Published[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  exitCode: number | null = null;
  settings: Record<string, unknown>;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private waiters: (() => void)[] = [];
  private sequence = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly root: string,
    options: HarnessOptions,
  ) {
    this.settings = options.settings ?? {};
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    child.on('exit', (code) => {
      this.exitCode = code ?? -1;
      this.notify();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push({ ...params, sequence: ++this.sequence });
      this.notify();
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'sora' || !item.section ? this.settings : item.section === 'files.exclude' ? (options.filesExclude ?? null) : null)),
    );
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      this.notify();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
  }

  /** Starts a server on a fresh temporary workspace and initialises it. */
  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-lsp-'));
    if (options.examples !== false) fs.cpSync(sharedExamples, root, { recursive: true });
    for (const [file, text] of Object.entries(options.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    options.prepare?.(root);
    const child = spawn(process.execPath, [path.join(repoRoot, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const harness = new Harness(child, root, options);
    const rootUri = pathToFileURL(root).toString();
    const full = !options.minimalCapabilities;
    await harness.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'examples' }],
      // As our VS Code client says it is VS Code; a test of another editor passes its own.
      initializationOptions: options.initializationOptions ?? { client: 'vscode' },
      capabilities: options.capabilities ?? {
        workspace: {
          configuration: full,
          workspaceFolders: full,
          didChangeWatchedFiles: { dynamicRegistration: full },
          didChangeConfiguration: { dynamicRegistration: full },
          ...(options.snippetEdits ? { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } : {}),
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          rename: { prepareSupport: true },
          publishDiagnostics: { versionSupport: true },
        },
        window: { showMessage: {} },
      },
    });
    await harness.connection.sendNotification('initialized', {});
    if (options.waitForStartup === false) return harness;
    // The server logs when its start-up check of the workspace is done; settings are read by then.
    await harness.waitFor(() => harness.logs.find((message) => /checked \d+ storyboard/.test(message)), 10000, 'the start-up check');
    return harness;
  }

  file(relative: string): string {
    return path.join(this.root, relative);
  }

  uri(relative: string): string {
    return pathToFileURL(this.file(relative)).toString();
  }

  /** Opens a workspace file (its text on disk, or `text`) and returns its URI. */
  async open(relative: string, text?: string): Promise<string> {
    const uri = this.uri(relative);
    if (this.versions.has(uri) && text === undefined) return uri; // already open
    const content = text ?? fs.readFileSync(this.file(relative), 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, content);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sora', version: 1, text: content } });
    return uri;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Replaces the whole text (sent as one incremental change covering the old text). */
  async replaceText(uri: string, text: string): Promise<number> {
    const old = this.text(uri);
    const lines = old.split(/\r\n|\r|\n/);
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end }, text }], text);
  }

  /** Sends incremental changes; `resulting` is the text after them, tracked for later edits. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], resulting: string): Promise<number> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, resulting);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The latest diagnostics published for a URI, if any. */
  latest(uri: string): Published | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Waits for a publication for `uri` (newer than `after`, matching `accept`). */
  async diagnostics(uri: string, options: { version?: number; after?: number; accept?: (p: Published) => boolean; timeout?: number } = {}): Promise<Diagnostic[]> {
    const found = await this.waitFor(() => {
      for (let i = this.published.length - 1; i >= 0; i--) {
        const p = this.published[i];
        if (p.uri !== uri) continue;
        if (options.after !== undefined && p.sequence <= options.after) return undefined;
        if (options.version !== undefined && p.version !== options.version) return undefined;
        if (options.accept && !options.accept(p)) return undefined;
        return p;
      }
      return undefined;
    }, options.timeout ?? 10000, `diagnostics for ${uri}`);
    return found.diagnostics;
  }

  /** The sequence number of the last publication so far, to wait for newer ones. */
  get mark(): number {
    return this.sequence;
  }

  async waitFor<T>(probe: () => T | undefined, timeout: number, what: string): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (this.exitCode !== null) throw new Error(`the server exited (${this.exitCode}) while waiting for ${what}:\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 200));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
      });
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts the server down and removes the temporary workspace. */
  async stop(): Promise<void> {
    try {
      if (this.exitCode === null) {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
        await this.connection.sendNotification('exit');
        await Promise.race([new Promise((resolve) => this.child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
    } catch {
      // the server is gone already
    } finally {
      if (this.exitCode === null) this.child.kill();
      this.connection.dispose();
      fs.rmSync(this.root, { recursive: true, force: true });
    }
  }
}

/** Offsets ↔ positions for a test's own copy of a text. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return offsetToPosition(text, at + delta);
}

export function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function lineCountOf(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}
