// The scoring panel (`sora.takes`): one per storyboard. Scores and notes are saved as they are made
// (debounced), atomically; a change to the log on disk while the panel is open is merged with what
// the panel changed (three-way, by take id and field), so nothing typed is lost; a log that does not
// validate is shown as an error and never overwritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { branchesFrom, maxBranchesPerTake, mergeTakeLogs, setNotes, setScore, setShotScore, typicalFixForBest } from '../../../server/src/core/takeOps';
import { takeLineage } from '../../../server/src/core/lineage';
import { bestTake, describeTakeLogProblems, parseTakeLog, sceneSpend, serializeTakeLog, takeTotal, type TakeLog } from '../../../server/src/core/takes';
import { displayName, requestCompile } from '../compile';
import { besideColumn } from '../layout';
import { pageHtml, webviewOptions } from '../webviewPage';
import { dataFileLimit, readTextFileSafely } from '../../../server/src/node/readFile';
import { isRestricted } from '../trust';
import { storyboardFolder, takeFileExists, takeFilePath, takeFileStatus, takeLogPath, takeLogUri, takesFolderUri, unloggedFor, updateTakeLog, writeRoot } from './files';
import { requestStoryboardInfo } from './storyboardInfo';
import { isFromTakesPage, readTakesPageState, takesViewType, type BeatView, type FromTakesPage, type SpendView, type TakeRowView, type ToTakesPage } from './model';

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

/** Changes when the file does; null when it is not there. */
function videoKeyOf(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}-${Math.round(stat.mtimeMs)}`;
  } catch {
    return null;
  }
}

export function takesHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return pageHtml(webview, extensionUri, { page: 'takes', title: 'Sora Takes', extraDirectives: (source) => [`media-src ${source}`] });
}

type DiskState = { status: 'ok'; log: TakeLog; text: string } | { status: 'absent' } | { status: 'invalid'; message: string };

function readDisk(logPath: string): DiskState {
  const read = readTextFileSafely(logPath, dataFileLimit);
  if (read.status === 'absent') return { status: 'absent' };
  if (read.status === 'refused') return { status: 'invalid', message: read.message };
  const text = read.text;
  const parsed = parseTakeLog(text);
  if (parsed.ok) return { status: 'ok', log: parsed.log, text };
  return { status: 'invalid', message: describeTakeLogProblems(path.basename(logPath), parsed.problems) };
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
  private readonly logPath: string;
  /** The log as last read from or written to disk: the merge base. */
  private base: TakeLog | undefined;
  /** The log with the panel's edits. */
  private mine: TakeLog | undefined;
  private error: string | undefined;
  private notice: string | null = null;
  private lastWritten: string | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private diskTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.logPath = takeLogPath(uri);
    panel.title = `Takes: ${displayName(uri)}`;
    panel.webview.html = takesHtml(panel.webview, extensionUri);
    this.loadFromDisk();
    const folder = storyboardFolder(uri);
    const logWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, path.basename(this.logPath)));
    const videoWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, 'takes/*'));
    const onLog = () => this.scheduleDiskCheck();
    const onVideo = () => this.post();
    this.disposables.push(
      logWatcher,
      videoWatcher,
      logWatcher.onDidChange(onLog),
      logWatcher.onDidCreate(onLog),
      logWatcher.onDidDelete(onLog),
      videoWatcher.onDidCreate(onVideo),
      videoWatcher.onDidDelete(onVideo),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() !== uri.toString() || !event.contentChanges.length) return;
        // Branch counts follow the storyboard's variants; no need to redraw on every keystroke.
        clearTimeout(this.documentTimer);
        this.documentTimer = setTimeout(() => this.post(), 300);
      }),
      panel.webview.onDidReceiveMessage((message) => {
        if (isFromTakesPage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Re-reads the log (merging unsaved edits) and shows it, selecting a take when given. */
  refresh(select?: string): void {
    if (select) this.selected = select;
    this.checkDisk(true);
  }

  private loadFromDisk(): void {
    const disk = readDisk(this.logPath);
    if (disk.status === 'ok') {
      this.base = disk.log;
      this.mine = disk.log;
      this.error = undefined;
    } else if (disk.status === 'absent') {
      this.base = undefined;
      this.mine = undefined;
      this.error = undefined;
    } else {
      this.error = disk.message;
    }
  }

  private get dirty(): boolean {
    if (!this.mine) return false;
    return !this.base || serializeTakeLog(this.mine) !== serializeTakeLog(this.base);
  }

  private async onMessage(message: FromTakesPage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'select':
        return;
      case 'score':
        if (!this.mine || this.error || this.refuseEdit()) return;
        this.mine = setScore(this.mine, message.takeId, message.criterion, message.value ?? undefined);
        this.scheduleSave();
        this.post();
        return;
      case 'shotScore':
        if (!this.mine || this.error) return;
        this.mine = setShotScore(this.mine, message.takeId, message.shot, message.criterion, message.value ?? undefined);
        this.scheduleSave();
        this.post();
        return;
      case 'notes':
        if (!this.mine || this.error || this.refuseEdit()) return;
        this.mine = setNotes(this.mine, message.takeId, message.notes);
        this.scheduleSave();
        return;
      case 'branch':
        this.flush();
        await vscode.commands.executeCommand('sora.branchVariant', this.uri.toString(), message.takeId);
        return;
      case 'openFile':
        // In the panel's own group: the storyboard stays left, and no third column opens.
        await vscode.window.showTextDocument(takeLogUri(this.uri), { viewColumn: this.panel.viewColumn ?? vscode.ViewColumn.Active, preview: false });
        return;
      case 'logTake':
        this.flush();
        await vscode.commands.executeCommand('sora.logTake', this.uri.toString(), message.file ? { file: message.file } : undefined);
        return;
      case 'framesCaptured':
        cacheFrames(message.key, message.frames);
        return;
      case 'adopt':
        this.flush();
        await vscode.commands.executeCommand('sora.adoptTakeChange', this.uri.toString(), message.takeId);
        return;
    }
  }

  /** In Restricted Mode nothing is written: say so on the page instead of keeping an edit that cannot be saved. */
  private refuseEdit(): boolean {
    if (!isRestricted()) return false;
    this.notice = restrictedNotice;
    this.post();
    return true;
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), saveDebounceMs);
  }

  /**
   * Writes the panel's edits now, merged (under the log's lock) with whatever is on disk at that
   * moment. Never writes over an invalid log.
   */
  flush(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.dirty || !this.mine) return;
    const mine = this.mine;
    const base = this.base;
    let conflicts: string[] = [];
    try {
      const next = updateTakeLog(
        this.logPath,
        (disk) => {
          if (!disk || (base && serializeTakeLog(disk) === serializeTakeLog(base))) return mine;
          // A log created on disk since the panel found none: everything in it is theirs.
          const merged = mergeTakeLogs(base ?? { ...disk, takes: [] }, mine, disk);
          conflicts = merged.conflicts;
          return merged.log;
        },
        { root: writeRoot(this.uri) },
      );
      this.lastWritten = serializeTakeLog(next);
      if (conflicts.length) this.notice = `The take log changed on disk; kept your edits to ${conflicts.join(', ')}.`;
      this.base = next;
      this.mine = next;
      if (next !== mine) this.post(); // merged with another writer's change: show it
    } catch (error) {
      this.lastWritten = undefined;
      const disk = readDisk(this.logPath);
      if (disk.status === 'invalid') this.error = disk.message;
      else this.notice = `Not saved: ${(error as Error).message} Your edits are kept in this panel.`;
      this.post();
    }
  }

  private scheduleDiskCheck(): void {
    clearTimeout(this.diskTimer);
    this.diskTimer = setTimeout(() => this.checkDisk(), 100);
  }

  /** The log changed on disk: merge it with the panel's unsaved edits, or show why it can't be read. */
  private checkDisk(force = false): void {
    const disk = readDisk(this.logPath);
    if (disk.status === 'ok' && disk.text === this.lastWritten && !force) return; // our own write
    if (disk.status === 'invalid') {
      this.error = disk.message;
    } else if (disk.status === 'absent') {
      this.error = undefined;
      if (this.mine?.takes.length) {
        this.notice = `${path.basename(this.logPath)} was deleted. The takes stay in this panel; a score or note writes them back.`;
        this.base = undefined;
      }
    } else {
      this.error = undefined;
      if (this.mine && this.base && this.dirty) {
        const merged = mergeTakeLogs(this.base, this.mine, disk.log);
        this.mine = merged.log;
        this.base = disk.log;
        this.notice = merged.conflicts.length
          ? `The take log changed on disk; merged, keeping your edits to ${merged.conflicts.join(', ')}.`
          : 'The take log changed on disk; merged with your unsaved edits.';
        if (this.dirty) this.scheduleSave();
      } else {
        this.base = disk.log;
        this.mine = disk.log;
      }
    }
    this.post();
  }

  /** A take to select once (the command's argument), then the page's own choice rules. */
  private pendingSelect(): string | null {
    const select = this.selected ?? null;
    this.selected = undefined;
    return select;
  }

  /** Posts the state; when posts overlap (the server's answer is awaited), only the latest is sent. */
  private post(): void {
    if (this.disposed) return;
    const sequence = ++this.posts;
    void this.message().then((message) => {
      if (this.disposed || sequence !== this.posts) return;
      // The take to select is used up only by a message actually sent.
      if (message.type === 'state') message.select = this.pendingSelect();
      void this.panel.webview.postMessage(message);
    });
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

  /** What the storyboard says (scene id, variants), from the server; nothing when it cannot answer. */
  private async storyboardInfo(): Promise<{ sceneId: string | null; variants: { name: string; base: string }[] }> {
    try {
      return await requestStoryboardInfo(this.client, this.uri);
    } catch {
      // The storyboard is gone or unreadable, or the server is not running: no branch counts, no unlogged files.
      return { sceneId: null, variants: [] };
    }
  }

  private async message(): Promise<ToTakesPage> {
    const storyboard = displayName(this.uri);
    if (this.error) return { type: 'error', uri: this.uri.toString(), storyboard, message: this.error };
    const [info, beats] = await Promise.all([this.storyboardInfo(), this.beats()]);
    // The log as it is once the server has answered (a score may have come in meanwhile).
    if (this.error) return { type: 'error', uri: this.uri.toString(), storyboard, message: this.error };
    const log = this.mine ?? { version: 1 as const, storyboard, takes: [] };
    const best = bestTake(log)?.id ?? null;
    const videoFolders = new Map<string, vscode.Uri>([[takesFolderUri(this.uri).toString(), takesFolderUri(this.uri)]]);
    const videoUri = (file: string) => {
      const video = vscode.Uri.file(takeFilePath(this.uri, file));
      const folder = vscode.Uri.joinPath(video, '..');
      videoFolders.set(folder.toString(), folder);
      return video;
    };
    const takes: TakeRowView[] = log.takes.map((take) => {
      const status = takeFileStatus(this.uri, take.file);
      const missing = !takeFileExists(this.uri, take.file);
      const videoKey = missing ? null : videoKeyOf(takeFilePath(this.uri, take.file));
      return {
        id: take.id,
        file: take.file,
        createdAt: take.createdAt,
        variant: take.variant,
        parent: take.parent ?? null,
        change: take.change ?? null,
        scores: { ...(take.scores ?? {}) },
        total: takeTotal(take) ?? null,
        notes: take.notes ?? '',
        missing,
        outside: status.status === 'outside' ? status.reason : null,
        videoUri: missing ? null : this.panel.webview.asWebviewUri(videoUri(take.file)).toString(),
        branches: branchesFrom(take.id, info.variants, log).length,
        model: take.model ?? take.settings.model ?? null,
        cost: take.cost?.usd ?? null,
        provenance: take.provenance ?? null,
        videoKey,
        shotScores: Object.fromEntries(Object.entries(take.shotScores ?? {}).map(([shot, scores]) => [shot, { ...scores }])),
      };
    });
    this.allowVideoFolders([...videoFolders.values()]);
    const fix = typicalFixForBest(log);
    const frames: Record<string, string[]> = {};
    for (const take of takes) {
      if (!take.videoKey) continue;
      const prefix = `${take.id}|${take.videoKey}|`;
      for (const [key, value] of frameCache) if (key.startsWith(prefix)) frames[key] = value;
    }
    return {
      type: 'state',
      uri: this.uri.toString(),
      storyboard,
      takes,
      best,
      fix: fix ? { ...fix, ...(fix.shot !== undefined ? { shotTitle: beats.find((b) => b.index === fix.shot)?.title ?? null } : {}) } : null,
      unlogged: unloggedFor(this.uri, log, info.sceneId).map((u) => ({ file: u.file, takeId: u.takeId })),
      notice: this.notice ?? (isRestricted() ? restrictedNotice : null),
      maxBranches: maxBranchesPerTake,
      spend: spendOf(log),
      select: null,
      beats,
      lineage: takeLineage(log),
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
    this.flush();
    clearTimeout(this.diskTimer);
    clearTimeout(this.documentTimer);
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

/** The scene's spend for the page; null until a take has a cost. */
function spendOf(log: TakeLog): SpendView | null {
  const spend = sceneSpend(log);
  return spend.priced ? spend : null;
}
