// The scoring panel (`sora.takes`): one per storyboard. It shows what the server answers about the
// take log (`sora/takes/view`) and sends each score and note as an intent (`sora/takes/score`,
// `sora/takes/notes`) that the server applies under the log's lock to the log as it is then, so a
// change made elsewhere meanwhile is kept and nothing is merged here. A log that does not validate
// is shown as an error and never overwritten. Notes are sent once typing pauses.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { takesChangedNotification, type TakeScoreChange, type TakesChangedParams, type TakesEditResponse } from '../../../server/src/protocol';
import { displayName, requestCompile } from '../compile';
import { besideColumn } from '../layout';
import { pageHtml, webviewOptions } from '../webviewPage';
import { isRestricted } from '../trust';
import { requestNotes, requestScore, requestTakesView, storyboardFolder, takeLogName, takesFolderUri, type TakesView } from './requests';
import { isFromTakesPage, readTakesPageState, takesViewType, type BeatView, type FromTakesPage, type TakeRowView, type ToTakesPage } from './model';

export const saveDebounceMs = 300;

const restrictedNotice = 'Restricted Mode: scores and notes are not saved in an untrusted folder. Trust the folder to score takes.';

/**
 * Frames the pages captured, kept by the extension host for the session so a panel reopened (or
 * reloaded) shows them at once. Keys name the take, its video's size and time, and the sample times.
 */
const frameCache = new Map<string, string[]>();
const frameCacheLimit = 400;

function cacheFrames(key: string, frames: string[]): void {
  frameCache.delete(key);
  frameCache.set(key, frames);
  while (frameCache.size > frameCacheLimit) frameCache.delete(frameCache.keys().next().value as string);
}

export function takesHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return pageHtml(webview, extensionUri, { page: 'takes', title: 'Sora Takes', extraDirectives: (source) => [`media-src ${source}`] });
}

export class TakesPanels implements vscode.Disposable {
  private readonly panels = new Map<string, TakesPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(takesViewType, {
        deserializeWebviewPanel: async (panel, state) => {
          const restored = readTakesPageState(state);
          if (!restored) {
            panel.dispose();
            return;
          }
          const uri = vscode.Uri.parse(restored.uri);
          panel.webview.options = webviewOptions(this.extensionUri, [takesFolderUri(uri)]);
          this.adopt(panel, uri);
        },
      }),
      // The server says when a log changed, whoever changed it (this window, another, an editor on disk).
      client.onNotification(takesChangedNotification, (params: TakesChangedParams) => {
        this.panels.get(vscode.Uri.parse(params.uri).toString())?.refresh();
      }),
    );
  }

  open(uri: vscode.Uri, select?: string): void {
    const existing = this.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal();
      existing.refresh(select);
      return;
    }
    // Beside the storyboard (with the preview when it is open), never over it.
    const panel = vscode.window.createWebviewPanel(takesViewType, `Takes: ${displayName(uri)}`, { viewColumn: besideColumn(uri), preserveFocus: false }, webviewOptions(this.extensionUri, [takesFolderUri(uri)]));
    this.adopt(panel, uri, select);
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, select?: string): TakesPanel {
    const takes = new TakesPanel(panel, uri, this.extensionUri, this.client, select);
    this.panels.set(uri.toString(), takes);
    panel.onDidDispose(() => {
      if (this.panels.get(uri.toString()) === takes) this.panels.delete(uri.toString());
    });
    return takes;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export class TakesPanel {
  /** The server's last answer; undefined until the first arrives, or when it could not answer. */
  private view: TakesView | undefined;
  /** Why the server could not answer at all (the language server is not running, say). */
  private failure: string | undefined;
  private notice: string | null = null;
  /** Notes typed and not yet sent, by take: shown over the server's until they are. */
  private readonly pendingNotes = new Map<string, string>();
  /** Writes go one after another, in the order the writer made them. */
  private writes: Promise<unknown> = Promise.resolve();
  private notesTimer: ReturnType<typeof setTimeout> | undefined;
  private documentTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private posts = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private selected?: string,
  ) {
    panel.title = `Takes: ${displayName(uri)}`;
    panel.webview.html = takesHtml(panel.webview, extensionUri);
    // Videos appearing or going away in takes/ (the log's own changes come from the server).
    const videoWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(storyboardFolder(uri), 'takes/*'));
    const onVideo = () => this.refresh();
    this.disposables.push(
      videoWatcher,
      videoWatcher.onDidCreate(onVideo),
      videoWatcher.onDidDelete(onVideo),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== uri.toString() || !event.contentChanges.length) return;
        // Branch counts follow the storyboard's variants; no need to redraw on every keystroke.
        clearTimeout(this.documentTimer);
        this.documentTimer = setTimeout(() => this.refresh(), 300);
      }),
      panel.webview.onDidReceiveMessage((message) => {
        if (isFromTakesPage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Asks the server again and shows its answer, selecting a take when given. */
  refresh(select?: string): void {
    if (select) this.selected = select;
    this.post(true);
  }

  private async onMessage(message: FromTakesPage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post(true);
        return;
      case 'select':
        return;
      case 'score':
        if (this.refuseEdit()) return;
        return this.score(message.takeId, { criterion: message.criterion, value: message.value });
      case 'shotScore':
        if (this.refuseEdit()) return;
        return this.score(message.takeId, { criterion: message.criterion, shot: message.shot, value: message.value });
      case 'notes':
        if (this.refuseEdit()) return;
        this.pendingNotes.set(message.takeId, message.notes);
        clearTimeout(this.notesTimer);
        this.notesTimer = setTimeout(() => void this.flush(), saveDebounceMs);
        return;
      case 'branch':
        await this.flush();
        await vscode.commands.executeCommand('sora.branchVariant', this.uri.toString(), message.takeId);
        return;
      case 'openFile':
        // In the panel's own group: the storyboard stays left, and no third column opens.
        await vscode.window.showTextDocument(this.logUri(), { viewColumn: this.panel.viewColumn ?? vscode.ViewColumn.Active, preview: false });
        return;
      case 'logTake':
        await this.flush();
        await vscode.commands.executeCommand('sora.logTake', this.uri.toString(), message.file ? { file: message.file } : undefined);
        return;
      case 'framesCaptured':
        cacheFrames(message.key, message.frames);
        return;
      case 'adopt':
        await this.flush();
        await vscode.commands.executeCommand('sora.adoptTakeChange', this.uri.toString(), message.takeId);
        return;
    }
  }

  private logUri(): vscode.Uri {
    return this.view ? vscode.Uri.parse(this.view.logUri) : vscode.Uri.joinPath(storyboardFolder(this.uri), takeLogName(this.uri));
  }

  /** In Restricted Mode nothing is written: say so on the page instead of keeping an edit that cannot be saved. */
  private refuseEdit(): boolean {
    if (!isRestricted()) return false;
    this.notice = restrictedNotice;
    this.post(false);
    return true;
  }

  /** Notes typed before the score are sent first, so the server sees the edits in the order made. */
  private score(takeId: string, change: TakeScoreChange): Promise<void> {
    return this.write(async () => {
      await this.sendNotes();
      return requestScore(this.client, this.uri, takeId, [change]);
    });
  }

  /** Sends the notes still waiting (the panel closing, a command taking over). */
  flush(): Promise<void> {
    clearTimeout(this.notesTimer);
    this.notesTimer = undefined;
    if (!this.pendingNotes.size) return this.writes.then(() => undefined);
    return this.write(() => this.sendNotes());
  }

  private async sendNotes(): Promise<TakesEditResponse | undefined> {
    let last: TakesEditResponse | undefined;
    for (const [takeId, notes] of [...this.pendingNotes]) {
      last = await requestNotes(this.client, this.uri, takeId, notes);
      if (this.pendingNotes.get(takeId) === notes) this.pendingNotes.delete(takeId);
      if (!last.ok) break;
    }
    return last;
  }

  /** Runs one write after the others and shows the server's answer (or why nothing was saved). */
  private write(run: () => Promise<TakesEditResponse | undefined>): Promise<void> {
    const next = this.writes.then(run).then(
      (answer) => {
        if (!answer) return;
        this.view = answer.view;
        this.failure = undefined;
        // A refusal is said above the table; the next edit that is saved clears it.
        this.notice = answer.ok || answer.view.status === 'invalid' ? null : `Not saved: ${answer.message}`;
        this.post(false);
      },
      (error: unknown) => {
        this.notice = `Not saved: ${(error as Error).message} Your edits are kept in this panel.`;
        this.post(false);
      },
    );
    this.writes = next;
    return next;
  }

  /** A take to select once (the command's argument), then the page's own choice rules. */
  private pendingSelect(): string | null {
    const select = this.selected ?? null;
    this.selected = undefined;
    return select;
  }

  /** Posts the state (asking the server first when `ask`); when posts overlap, only the latest is sent. */
  private post(ask: boolean): void {
    if (this.disposed) return;
    const sequence = ++this.posts;
    void this.message(ask).then((message) => {
      if (this.disposed || sequence !== this.posts) return;
      // The take to select is used up only by a message actually sent.
      if (message.type === 'state') message.select = this.pendingSelect();
      void this.panel.webview.postMessage(message);
    });
  }

  private async askView(): Promise<void> {
    try {
      this.view = await requestTakesView(this.client, this.uri);
      this.failure = undefined;
    } catch (error) {
      this.failure = `The takes cannot be shown: ${(error as Error).message}`;
    }
  }

  /** The storyboard's beats with their timing, shot text and dialogue, from the server's compile of main. */
  private async beats(): Promise<BeatView[]> {
    try {
      const compiled = await requestCompile(this.client, this.uri, null);
      if (compiled.error) return [];
      return compiled.beats.map((beat) => ({
        index: beat.index,
        start: beat.start,
        end: beat.end,
        title: beat.title,
        text: compiled.prompt.slice(beat.output.start, beat.output.end),
        dialogue: beat.dialogue.map((d) => ({ speaker: d.speaker, at: d.at, line: d.line })),
      }));
    } catch {
      return [];
    }
  }

  private async message(ask: boolean): Promise<ToTakesPage> {
    const storyboard = displayName(this.uri);
    const [beats] = await Promise.all([this.beats(), ask || !this.view ? this.askView() : undefined]);
    const view = this.view;
    if (!view) return { type: 'error', uri: this.uri.toString(), storyboard, message: this.failure ?? 'The takes cannot be shown yet.' };
    if (view.status === 'invalid') return { type: 'error', uri: this.uri.toString(), storyboard, message: view.problem ?? `${takeLogName(this.uri)} cannot be read.` };
    const videoFolders = new Map<string, vscode.Uri>([[takesFolderUri(this.uri).toString(), takesFolderUri(this.uri)]]);
    const takes: TakeRowView[] = view.takes.map(({ take, total, video, branches }) => {
      let videoUri: string | null = null;
      if (video.status === 'present') {
        const file = vscode.Uri.parse(video.uri);
        const folder = vscode.Uri.joinPath(file, '..');
        videoFolders.set(folder.toString(), folder);
        videoUri = this.panel.webview.asWebviewUri(file).toString();
      }
      return {
        id: take.id,
        file: take.file,
        createdAt: take.createdAt,
        variant: take.variant,
        parent: take.parent ?? null,
        change: take.change ?? null,
        scores: { ...(take.scores ?? {}) },
        total,
        notes: this.pendingNotes.get(take.id) ?? take.notes ?? '',
        missing: video.status !== 'present',
        outside: video.status === 'outside' ? video.reason : null,
        videoUri,
        branches,
        model: take.model ?? take.settings.model ?? null,
        cost: take.cost?.usd ?? null,
        provenance: take.provenance ?? null,
        videoKey: video.status === 'present' ? video.key : null,
        shotScores: Object.fromEntries(Object.entries(take.shotScores ?? {}).map(([shot, scores]) => [shot, { ...scores }])),
      };
    });
    this.allowVideoFolders([...videoFolders.values()]);
    const frames: Record<string, string[]> = {};
    for (const take of takes) {
      if (!take.videoKey) continue;
      const prefix = `${take.id}|${take.videoKey}|`;
      for (const [key, value] of frameCache) if (key.startsWith(prefix)) frames[key] = value;
    }
    const fix = view.fix;
    return {
      type: 'state',
      uri: this.uri.toString(),
      storyboard,
      takes,
      best: view.best,
      fix: fix ? { ...fix, ...(fix.shot !== undefined ? { shotTitle: beats.find((b) => b.index === fix.shot)?.title ?? null } : {}) } : null,
      unlogged: view.unlogged.map((u) => ({ file: u.file, takeId: u.takeId })),
      notice: this.notice ?? (isRestricted() ? restrictedNotice : null),
      maxBranches: view.maxBranches,
      spend: view.spend,
      select: null,
      beats,
      lineage: view.lineage,
      frames,
    };
  }

  /** The page may load the videos it shows, from their folders only (inside the workspace). */
  private allowVideoFolders(folders: vscode.Uri[]): void {
    const next = webviewOptions(this.extensionUri, folders).localResourceRoots ?? [];
    const current = this.panel.webview.options.localResourceRoots ?? [];
    if (next.map(String).join('\n') !== current.map(String).join('\n')) this.panel.webview.options = { ...this.panel.webview.options, localResourceRoots: next };
  }

  private dispose(): void {
    this.disposed = true;
    void this.flush();
    clearTimeout(this.documentTimer);
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}
