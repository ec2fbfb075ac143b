import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { displayName, isStoryboard, requestCompile } from '../compile';
import { besideColumn, storyboardColumn } from '../layout';
import { confirmDespiteReview } from '../review';
import { webviewOptions } from '../webviewPage';
import { previewHtml, previewViewType } from './html';
import { readFromWebview, readPreviewState, type FromWebview, type PreviewState, type ToWebview } from './model';
import { targetId } from './targets';

/** Debounce between an edit and the compile request: the preview updates well within 100 ms. */
export const editDebounceMs = 50;

export interface OpenOptions {
  toSide: boolean;
  variant?: string | null;
  locked?: boolean;
}

function previewConfig() {
  const config = vscode.workspace.getConfiguration('sora.preview');
  return {
    openToSide: config.get<boolean>('openToSide', true),
    followActiveEditor: config.get<boolean>('followActiveEditor', true),
  };
}

/** The live previews: one following the active storyboard, any number locked to a file. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<Preview>();
  private active: Preview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly client: () => LanguageClient,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!event.contentChanges.length) return;
        for (const preview of this.previews) if (preview.shows(event.document.uri)) preview.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isStoryboard(editor.document) || !previewConfig().followActiveEditor) return;
        for (const preview of this.previews) if (!preview.locked) preview.follow(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const line = event.selections[0]?.active.line;
        if (line === undefined) return;
        for (const preview of this.previews) if (preview.shows(event.textEditor.document.uri)) preview.highlight(line);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sora')) for (const preview of this.previews) preview.schedule(200);
      }),
    );
    const takeLogs = vscode.workspace.createFileSystemWatcher('**/*.takes.json');
    const refreshAll = () => {
      for (const preview of this.previews) preview.schedule(200);
    };
    this.disposables.push(takeLogs, takeLogs.onDidChange(refreshAll), takeLogs.onDidCreate(refreshAll), takeLogs.onDidDelete(refreshAll));
  }

  get extensionUri(): vscode.Uri {
    return this.context.extensionUri;
  }

  /** Opens (or reuses) a preview of the storyboard. */
  open(uri: vscode.Uri, options: OpenOptions): Preview {
    const column = this.columnFor(options.toSide, uri);
    const locked = options.locked ?? false;
    let preview = [...this.previews].find((p) => (locked ? p.locked && p.shows(uri) : !p.locked));
    if (!preview && !locked) preview = [...this.previews].find((p) => p.locked && p.shows(uri));
    if (preview) {
      preview.show(uri, options.variant === undefined ? undefined : options.variant);
      // Already beside the storyboard: reveal it where it is rather than move it.
      const where = preview.panel.viewColumn;
      const inPlace = options.toSide && where !== undefined && where !== storyboardColumn(uri);
      preview.panel.reveal(inPlace ? where : column.viewColumn, column.preserveFocus);
      return preview;
    }
    const panel = vscode.window.createWebviewPanel(previewViewType, 'Sora Preview', column, webviewOptions(this.extensionUri));
    return this.adopt(panel, { uri: uri.toString(), locked, variant: options.variant ?? null });
  }

  /** The preview in focus, or the last one that was. */
  get activePreview(): Preview | undefined {
    return this.active && this.previews.has(this.active) ? this.active : [...this.previews].pop();
  }

  toggleLock(preview = this.activePreview): void {
    if (!preview) {
      void vscode.window.showInformationMessage('Open a Sora preview first (Sora: Open Preview to the Side).');
      return;
    }
    preview.toggleLock();
  }

  /** Switches a preview (opening one when needed) to a variant. */
  showVariant(uri: vscode.Uri, variant: string | null): void {
    this.open(uri, { toSide: previewConfig().openToSide, variant });
  }

  private columnFor(toSide: boolean, uri?: vscode.Uri): { viewColumn: vscode.ViewColumn; preserveFocus: boolean } {
    if (toSide) return { viewColumn: besideColumn(uri), preserveFocus: true };
    return { viewColumn: vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: false };
  }

  private async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    let state = readPreviewState(saved);
    if (!state) {
      const editor = vscode.window.activeTextEditor;
      state = isStoryboard(editor?.document) ? { uri: editor.document.uri.toString(), locked: false, variant: null } : undefined;
    }
    panel.webview.options = webviewOptions(this.extensionUri); // the preview shows no file of the user's
    this.adopt(panel, state ?? null);
  }

  private adopt(panel: vscode.WebviewPanel, state: PreviewState | null): Preview {
    const preview = new Preview(this, panel, state);
    this.previews.add(preview);
    this.active = preview;
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.active = preview;
    });
    panel.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
      preview.dispose();
    });
    return preview;
  }

  dispose(): void {
    for (const preview of this.previews) preview.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The storyboard's column when it is not the preview's own, else the first column that is not. */
function otherColumn(storyboard: vscode.ViewColumn | undefined, preview: vscode.ViewColumn | undefined): vscode.ViewColumn {
  if (storyboard !== undefined && storyboard !== preview) return storyboard;
  return preview === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

export class Preview {
  uri: vscode.Uri | undefined;
  locked: boolean;
  variant: string | null;
  /** The model picked in the preview to compile for beside the file's own, or null. */
  model: string | null;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private disposed = false;
  private lastLine: number | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly manager: PreviewManager,
    readonly panel: vscode.WebviewPanel,
    state: PreviewState | null,
  ) {
    this.uri = state ? vscode.Uri.parse(state.uri) : undefined;
    this.locked = state?.locked ?? false;
    this.variant = state?.variant ?? null;
    this.model = state?.model ?? null;
    panel.iconPath = vscode.Uri.joinPath(manager.extensionUri, 'media', 'preview.svg');
    this.subscriptions.push(panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)));
    // The page is set once; every later change arrives as a message, so it never flickers or loses its scroll.
    panel.webview.html = previewHtml(panel.webview, manager.extensionUri);
    this.updateTitle();
  }

  get state(): PreviewState | null {
    return this.uri ? { uri: this.uri.toString(), locked: this.locked, variant: this.variant, model: this.model } : null;
  }

  shows(uri: vscode.Uri): boolean {
    return !!this.uri && this.uri.toString() === uri.toString();
  }

  /** Shows another file (or the same one), optionally on a variant. */
  show(uri: vscode.Uri, variant?: string | null): void {
    const changed = !this.shows(uri);
    if (changed) {
      this.uri = uri;
      this.variant = null;
      this.lastLine = undefined;
    }
    if (variant !== undefined) this.variant = variant && variant !== 'main' ? variant : null;
    this.updateTitle();
    this.schedule(0);
  }

  /** An unlocked preview follows the active storyboard. */
  follow(uri: vscode.Uri): void {
    if (this.shows(uri)) return;
    this.show(uri);
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.updateTitle();
    this.post({ type: 'state', state: this.state ?? { uri: '', locked: this.locked, variant: this.variant, model: this.model } });
    const editor = vscode.window.activeTextEditor;
    if (!this.locked && previewConfig().followActiveEditor && isStoryboard(editor?.document)) this.follow(editor.document.uri);
  }

  schedule(delay = editDebounceMs): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  highlight(line: number): void {
    this.lastLine = line;
    if (this.ready) this.post({ type: 'highlight', line });
  }

  async refresh(): Promise<void> {
    if (this.disposed || !this.ready) return;
    const uri = this.uri;
    const sequence = ++this.sequence;
    if (!uri) {
      this.post({ type: 'message', fileName: null, state: null, text: 'Open a .sora storyboard to preview the prompt it compiles to.' });
      return;
    }
    try {
      // Opening the document syncs it to the server (a locked preview's file may not be in an editor).
      await vscode.workspace.openTextDocument(uri);
      const response = await requestCompile(this.manager.client(), uri, this.variant);
      if (this.disposed || sequence !== this.sequence) return; // a newer request is on its way
      if (this.variant && response.variant === null && !response.variants.some((v) => v.name === this.variant)) {
        // The variant was renamed or removed: fall back to main.
        this.variant = null;
        this.updateTitle();
      }
      const target = this.model && this.model !== targetId(response) ? await requestCompile(this.manager.client(), uri, this.variant, this.model) : null;
      if (this.disposed || sequence !== this.sequence) return;
      this.post({ type: 'update', response, fileName: displayName(uri), state: this.state!, target });
      const line = this.lastLine ?? this.editorLine(uri);
      if (line !== undefined) this.post({ type: 'highlight', line });
    } catch (error) {
      if (this.disposed || sequence !== this.sequence) return;
      const text = error instanceof Error ? error.message : String(error);
      this.post({ type: 'message', fileName: displayName(uri), state: this.state, text: `Could not compile ${displayName(uri)}: ${text}` });
    }
  }

  private editorLine(uri: vscode.Uri): number | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    return editor?.selection.active.line;
  }

  private async receive(data: unknown): Promise<void> {
    const message = readFromWebview(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (!this.uri && message.state) {
          const state = message.state;
          this.uri = vscode.Uri.parse(state.uri);
          this.locked = state.locked;
          this.variant = state.variant;
          this.model = state.model ?? null;
          this.updateTitle();
        }
        if (!this.uri) {
          const editor = vscode.window.activeTextEditor;
          if (isStoryboard(editor?.document)) this.show(editor.document.uri);
        }
        await this.refresh();
        break;
      case 'reveal':
        await this.reveal(message);
        break;
      case 'copy':
        if (!(await this.confirmCopy(message.what))) return;
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(`$(check) Copied ${copiedWhat(message)} (${message.text.length} characters)`, 3000);
        break;
      case 'selectModel':
        this.model = message.model;
        this.schedule(0);
        break;
      case 'selectVariant':
        this.variant = message.variant;
        this.updateTitle();
        this.schedule(0);
        break;
      case 'toggleLock':
        this.toggleLock();
        break;
    }
  }

  /** The page's Copy buttons ask first, like the Copy Prompt command, when the storyboard has problems. */
  private async confirmCopy(what: 'prompt' | 'remix' | 'request' | 'iteration'): Promise<boolean> {
    if (!this.uri) return true;
    const response = await requestCompile(this.manager.client(), this.uri, this.variant, this.model);
    const thing = { prompt: 'The prompt', remix: 'The remix instruction', request: 'The request', iteration: 'The instruction' }[what];
    return confirmDespiteReview(displayName(this.uri), response.summary.review, `${thing} would go to the model as the storyboard compiles now.`, 'Copy anyway');
  }

  private async reveal(message: Extract<FromWebview, { type: 'reveal' }>): Promise<void> {
    const uri = this.uri;
    if (!uri || message.uri !== uri.toString()) return;
    const start = new vscode.Position(Math.max(0, message.line), Math.max(0, message.character));
    const end = new vscode.Position(Math.max(0, message.endLine), Math.max(0, message.endCharacter));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && e.viewColumn !== this.panel.viewColumn);
    const editor = await vscode.window.showTextDocument(visible?.document ?? (await vscode.workspace.openTextDocument(uri)), {
      viewColumn: visible?.viewColumn ?? otherColumn(storyboardColumn(uri), this.panel.viewColumn),
      preserveFocus: false,
    });
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private updateTitle(): void {
    if (this.disposed) return;
    const name = this.uri ? displayName(this.uri) : 'Sora';
    const variant = this.variant ? ` (${this.variant})` : '';
    this.panel.title = this.locked ? `[Preview] ${name}${variant}` : `Preview ${name}${variant}`;
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function copiedWhat(message: Extract<FromWebview, { type: 'copy' }>): string {
  const names = { prompt: 'the prompt', remix: 'the remix instruction', request: 'the request', iteration: 'the iteration' };
  const name = names[message.what] ?? 'the text';
  return typeof message.label === 'string' && message.label ? `${name} for ${message.label}` : name;
}
