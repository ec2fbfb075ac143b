import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { reorderScenesRequest, sequenceBoardRequest, type ReorderScenesParams, type SequenceBoardParams } from '../../../server/src/protocol';
import { pageHtml, webviewOptions } from '../webviewPage';
import type { FromBoardPage, SequenceBoard, ToBoardPage } from './model';

// "Sora: Open Sequence Board": one panel per sequence. The server says what is on the board and
// computes the `scenes:` rewrite for a new order; this side only shows, opens and applies.

export const boardViewType = 'sora.board';

export class SequenceBoards implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    // A saved sequence or scene may change what the board shows.
    this.subscriptions.push(vscode.workspace.onDidSaveTextDocument(() => this.refreshAll()));
  }

  async open(uri: vscode.Uri): Promise<void> {
    const board = await this.fetch(uri.toString());
    const key = board.uri;
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      void this.post(existing, { type: 'board', board });
      return;
    }
    const panel = vscode.window.createWebviewPanel(boardViewType, `Board: ${board.title ?? 'Sequence'}`, vscode.ViewColumn.Beside, webviewOptions(this.extensionUri) /* the board shows no file of the user's */);
    this.panels.set(key, panel);
    panel.webview.html = pageHtml(panel.webview, this.extensionUri, { page: 'board', title: 'Sequence Board' });
    panel.onDidDispose(() => this.panels.delete(key));
    panel.webview.onDidReceiveMessage((message: FromBoardPage) => void this.handle(panel, key, message));
  }

  private async handle(panel: vscode.WebviewPanel, key: string, message: FromBoardPage): Promise<void> {
    try {
      if (message.type === 'ready') {
        await this.post(panel, { type: 'board', board: await this.fetch(key) });
      } else if (message.type === 'open') {
        await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One });
      } else if (message.type === 'reorder') {
        const params: ReorderScenesParams = { uri: key, order: message.order };
        const edits = await this.client.sendRequest<{ range: { start: vscode.Position; end: vscode.Position }; newText: string }[]>(reorderScenesRequest, params);
        const edit = new vscode.WorkspaceEdit();
        for (const change of edits) edit.replace(vscode.Uri.parse(key), this.client.protocol2CodeConverter.asRange(change.range), change.newText);
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the sequence could not be edited.');
        await this.post(panel, { type: 'board', board: await this.fetch(key) });
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      void this.post(panel, { type: 'error', message: text });
      void vscode.window.showErrorMessage(`Sora Storyboard: ${text}`);
    }
  }

  private fetch(uri: string): Promise<SequenceBoard> {
    const params: SequenceBoardParams = { uri };
    return this.client.sendRequest<SequenceBoard>(sequenceBoardRequest, params);
  }

  private post(panel: vscode.WebviewPanel, message: ToBoardPage): Thenable<boolean> {
    return panel.webview.postMessage(message);
  }

  private refreshAll(): void {
    for (const [key, panel] of this.panels) void this.fetch(key).then((board) => this.post(panel, { type: 'board', board }), () => undefined);
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
