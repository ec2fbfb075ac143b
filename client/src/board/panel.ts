import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { reorderScenesRequest, sequenceBoardRequest, type ReorderScenesParams, type SequenceBoardParams } from '../../../server/src/protocol';
import { pageHtml, webviewOptions } from '../webviewPage';
import { isFrame, type BoardMessage, type BoardVideo, type FromBoardPage, type SequenceBoard, type ToBoardPage } from './model';

// "Sora: Open Sequence Board": one panel per sequence. The server says what is on the board and
// computes the `scenes:` rewrite for a new order; this side only shows, opens and applies, and
// lets the page load the best takes' videos (from their folders only) to draw a frame of each.

export const boardViewType = 'sora.board';

/**
 * Frames the pages captured, kept for the session so a board reopened shows them at once. Keyed by
 * the video's URI, size and time, so a video made again is captured again.
 */
const frameCache = new Map<string, string>();
const frameCacheLimit = 200;

function cacheFrame(key: string, frame: string): void {
  frameCache.delete(key);
  frameCache.set(key, frame);
  while (frameCache.size > frameCacheLimit) frameCache.delete(frameCache.keys().next().value as string);
}

/** A take log written (a take logged or scored) or a video added changes the cards; saves come in bursts. */
const refreshDelayMs = 300;

/** The folders of the best takes' videos the server found inside the workspace: all the page may read of the user's files. */
function videoFolders(board: SequenceBoard): vscode.Uri[] {
  const folders = new Map<string, vscode.Uri>();
  for (const card of board.cards) {
    if (!card.best?.video) continue;
    const folder = vscode.Uri.joinPath(vscode.Uri.parse(card.best.video), '..');
    folders.set(folder.toString(), folder);
  }
  return [...folders.values()];
}

export class SequenceBoards implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; board?: SequenceBoard }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    // A sequence or scene edited (typed, renamed across files, reordered elsewhere) or saved may change what the board shows.
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === 'sora' && event.contentChanges.length && this.panels.size) this.refreshSoon();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.refreshSoon()),
    );
    for (const pattern of ['**/*.takes.json', '**/takes/**']) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.subscriptions.push(watcher, watcher.onDidCreate(() => this.refreshSoon()), watcher.onDidChange(() => this.refreshSoon()), watcher.onDidDelete(() => this.refreshSoon()));
    }
  }

  async open(uri: vscode.Uri): Promise<void> {
    const board = await this.fetch(uri.toString());
    const key = board.uri;
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal();
      await this.show(key, board);
      return;
    }
    // The videos' folders from the start: a change of resource roots later reloads the page.
    const panel = vscode.window.createWebviewPanel(boardViewType, `Board: ${board.title ?? 'Sequence'}`, vscode.ViewColumn.Beside, webviewOptions(this.extensionUri, videoFolders(board)));
    this.panels.set(key, { panel });
    panel.webview.html = pageHtml(panel.webview, this.extensionUri, { page: 'board', title: 'Sequence Board', extraDirectives: (source) => [`media-src ${source}`] });
    panel.onDidDispose(() => this.panels.delete(key));
    panel.webview.onDidReceiveMessage((message: FromBoardPage) => void this.handle(key, message));
  }

  private async handle(key: string, message: FromBoardPage): Promise<void> {
    const entry = this.panels.get(key);
    if (!entry) return;
    try {
      if (message.type === 'ready') {
        await this.show(key, await this.fetch(key));
      } else if (message.type === 'open') {
        // Only a scene on this board: the page names what to open, the board says what may be.
        if (!entry.board?.cards.some((card) => card.uri === message.uri)) return;
        await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One });
      } else if (message.type === 'reorder') {
        const params: ReorderScenesParams = { uri: key, order: message.order };
        const edits = await this.client.sendRequest<{ range: { start: vscode.Position; end: vscode.Position }; newText: string }[]>(reorderScenesRequest, params);
        const edit = new vscode.WorkspaceEdit();
        for (const change of edits) edit.replace(vscode.Uri.parse(key), this.client.protocol2CodeConverter.asRange(change.range), change.newText);
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the sequence could not be edited.');
        await this.show(key, await this.fetch(key));
      } else if (message.type === 'frameCaptured') {
        if (typeof message.key === 'string' && isFrame(message.frame)) cacheFrame(message.key, message.frame);
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      void this.post(entry.panel, { type: 'error', message: text });
      void vscode.window.showErrorMessage(`Sora Storyboard: ${text}`);
    }
  }

  private fetch(uri: string): Promise<SequenceBoard> {
    const params: SequenceBoardParams = { uri };
    return this.client.sendRequest<SequenceBoard>(sequenceBoardRequest, params);
  }

  /** Posts the board with the videos the page may load, after letting the webview read their folders. */
  private async show(key: string, board: SequenceBoard): Promise<void> {
    const entry = this.panels.get(key);
    if (!entry) return;
    entry.board = board;
    const { panel } = entry;
    panel.title = `Board: ${board.title ?? 'Sequence'}`;
    const videos: Record<string, BoardVideo> = {};
    await Promise.all(
      board.cards.map(async (card) => {
        if (!card.best?.video) return;
        const uri = vscode.Uri.parse(card.best.video);
        const stat = await vscode.workspace.fs.stat(uri).then(
          (s) => s,
          () => undefined,
        );
        if (stat) videos[card.entry] = { src: panel.webview.asWebviewUri(uri).toString(), key: `${uri.toString()}|${stat.size}-${stat.mtime}` };
      }),
    );
    this.allowVideoFolders(panel, videoFolders(board));
    const frames: Record<string, string> = {};
    for (const video of Object.values(videos)) {
      const frame = frameCache.get(video.key);
      if (frame) frames[video.key] = frame;
    }
    const message: BoardMessage = { type: 'board', board, videos, frames };
    await this.post(panel, message);
  }

  /** The page may load the videos it shows, from their folders only. */
  private allowVideoFolders(panel: vscode.WebviewPanel, folders: vscode.Uri[]): void {
    const next = webviewOptions(this.extensionUri, folders).localResourceRoots ?? [];
    const current = panel.webview.options.localResourceRoots ?? [];
    if (next.map(String).join('\n') !== current.map(String).join('\n')) panel.webview.options = { ...panel.webview.options, localResourceRoots: next };
  }

  private post(panel: vscode.WebviewPanel, message: ToBoardPage): Thenable<boolean> {
    return panel.webview.postMessage(message);
  }

  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refreshAll(), refreshDelayMs);
  }

  private refreshAll(): void {
    for (const key of this.panels.keys()) void this.fetch(key).then((board) => this.show(key, board), () => undefined);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const { panel } of this.panels.values()) panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
