import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';
import { IncrementalAnalyzer } from '../core/incremental';
import { validateConfig, type ResolvedConfig, type SoraConfig } from '../core/config';
import { folderOf, resolveInside, baseName, type FileAccess } from '../core/files';
import { rules } from '../core/rules';
import type { TakeLog } from '../core/takes';
import { StoryboardContexts, pathKey } from '../context';
import { storyboardFileLimit, type HostPort } from '../host';
import { storyboardsUnder, type ScanOptions } from './scan';
import { SequenceIndex } from './sequenceIndex';

// The server's state: open documents, the settings from the client, the storyboard contexts
// (config files and take logs, read through the host port), and one analysis per document version,
// so hover, completion and code actions never re-analyse an unchanged document.

export interface Notifier {
  /** A warning shown once per distinct message (and logged every time). */
  warnOnce(message: string): void;
  /** An error shown once per distinct message (and logged every time). */
  errorOnce(message: string): void;
  log(message: string): void;
}

export interface DocumentState {
  uri: string;
  /** The document version analysed; null for a file read from disk. */
  version: number | null;
  text: string;
  /** The core path (forward slashes; a URI string in a virtual workspace). */
  path?: string;
  analysis: Analysis;
  takeLog?: TakeLog;
  config: ResolvedConfig;
  /** The workspace folder holding the file (or its own folder when it is in none). */
  root?: string;
  /** The answers about files the analysis was given (references, a sequence's scenes). */
  files?: FileAccess;
  /** What the analysis was run with, for re-analysing a fixed text (fix all) the same way. */
  options: AnalyzeOptions;
  /**
   * The workspace's generation (settings, config files, take logs, sequences) when the analysis
   * began: an analysis that began before a change must not be published over one that began after.
   */
  generation: number;
}

export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

export class Workspace {
  folders: string[] = [];
  /**
   * False in VS Code's Restricted Mode (the client says so in `initializationOptions.trusted`):
   * storyboards are still checked, but no config file of the workspace is read.
   */
  trusted = true;

  /** Globs of folders and files the start-up scan leaves out (the client's `files.exclude`). */
  exclude: string[] = [];
  private settingsLayer: SoraConfig | undefined;
  /** Bumped whenever something outside the text (settings, config files, take logs, sequences) changes. */
  private generation = 0;
  private readonly cache = new Map<string, { version: number; generation: number; state: Promise<DocumentState> }>();
  /** Open documents' incremental analyzers: an edit costs what it touched (../core/incremental). */
  private readonly incremental = new Map<string, IncrementalAnalyzer>();
  /** Which sequence lists which scene: a scene is analysed with what it inherits. */
  readonly sequences = new SequenceIndex();
  readonly contexts: StoryboardContexts;

  constructor(
    readonly documents: DocumentSource,
    private readonly notifier: Notifier,
    readonly host: HostPort,
  ) {
    this.contexts = new StoryboardContexts(host, {
      workspaceRootOf: (file) => this.folderOf(file) ?? folderOf(file),
      configStopOf: (file) => this.folderOf(file),
      trusted: () => this.trusted,
      settings: () => this.settingsLayer,
      sequencesFor: (file) => this.sequences.optionsFor(file),
      report: (problem) => (problem.kind === 'config' ? this.notifier.errorOnce(`${problem.message} These settings are ignored until it is fixed.`) : this.notifier.warnOnce(problem.message)),
    });
    // A log the takes requests wrote is analysed again at once, before the watcher reports it.
    this.contexts.takeLogs.onDidChange(() => this.generation++);
  }

  /** The core path of a document URI (undefined for one the host cannot read, such as an untitled document). */
  pathOf(uri: string): string | undefined {
    return this.host.pathOf(uri);
  }

  uriOf(file: string): string {
    return this.host.uriOf(file);
  }

  /** A file's text as the writer sees it: the editor's when it is open, else the disk's. */
  async currentText(file: string): Promise<string | undefined> {
    const open = this.openUriFor(file);
    if (open) return this.documents.get(open)?.getText();
    const read = await this.host.readText(file, storyboardFileLimit);
    return read.status === 'ok' ? read.text : undefined;
  }

  /** The analysis of an open document at its current version (computed at most once per version). */
  stateOf(uri: string): Promise<DocumentState> | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.state;
    const state = this.analyzeText(uri, document.getText(), document.version);
    const entry = { version: document.version, generation: this.generation, state };
    this.cache.set(uri, entry);
    // A failed analysis is not kept: the next request tries again.
    state.catch(() => this.cache.get(uri) === entry && this.cache.delete(uri));
    return state;
  }

  /**
   * The analysis of a document, open or (when it is not open) read through the host: only a `.sora`
   * file inside a workspace folder, so a request cannot make the server read any file it names.
   */
  async stateOfAny(uri: string): Promise<DocumentState | undefined> {
    const open = this.stateOf(uri);
    if (open) return open;
    const file = this.pathOf(uri);
    if (!file || !(await this.isStoryboardInWorkspace(file))) return undefined;
    const read = await this.host.readText(file, storyboardFileLimit);
    if (read.status !== 'ok') return undefined;
    return this.analyzeText(uri, read.text, null);
  }

  /** The state of a storyboard named by path: its editor's when it is open, else the file's. */
  stateOfFile(file: string): Promise<DocumentState | undefined> {
    return this.stateOfAny(this.openUriFor(file) ?? this.uriOf(file));
  }

  async analyzeText(uri: string, text: string, version: number | null): Promise<DocumentState> {
    const generation = this.generation;
    const context = await this.contexts.contextFor(uri);
    const options = await this.contexts.analysisOptions(context, text);
    const analysis = this.analyzerFor(uri, version)(text, options);
    return { uri, version, text, path: context.path, analysis, takeLog: context.takeLog, config: context.config, root: context.root, files: options.files, options, generation };
  }

  /** An open document keeps an incremental analyzer; a file read from disk is analysed from scratch. */
  private analyzerFor(uri: string, version: number | null): (text: string, options: AnalyzeOptions) => Analysis {
    if (version === null) return analyze;
    let incremental = this.incremental.get(uri);
    if (!incremental) this.incremental.set(uri, (incremental = new IncrementalAnalyzer()));
    return (text, options) => incremental.analyze(text, options);
  }

  /** A `.sora` file inside a workspace folder, links resolved. */
  async isStoryboardInWorkspace(file: string): Promise<boolean> {
    if (!file.toLowerCase().endsWith('.sora')) return false;
    const folder = this.folderOf(file);
    if (!folder) return false;
    const [realFolder, realFile] = await Promise.all([this.host.realPath(folder), this.host.realPath(file)]);
    const real = new Map([[folder, realFolder], [file, realFile]]);
    return resolveInside(folder, file, baseName(file), { exists: () => false, realPath: (path) => real.get(path) ?? path }).ok;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.incremental.delete(uri);
  }

  invalidateAll(): void {
    this.generation++;
  }

  /** A take log changed on disk: read it again next time. */
  takeLogChanged(logPath: string): void {
    this.contexts.takeLogChanged(logPath);
    this.generation++;
  }

  /** A config file appeared, changed or went away. */
  configFileChanged(): void {
    this.contexts.configChanged();
    this.generation++;
  }

  /** The workspace folder holding a file, if any. */
  folderOf(file: string): string | undefined {
    const key = pathKey(file);
    let best: string | undefined;
    for (const folder of this.folders) {
      const folderKey = pathKey(folder).replace(/\/+$/, '');
      if ((key === folderKey || key.startsWith(folderKey + '/')) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /**
   * Takes `sora.*` settings as VS Code sends them. Each bad setting is reported (naming it) and
   * ignored; the good ones still apply.
   */
  applySettings(settings: unknown): void {
    const codes = rules.map((rule) => rule.code);
    const layer: SoraConfig = {};
    const sora = (settings && typeof settings === 'object' ? settings : {}) as Record<string, unknown>;
    const ruleSettings = sora.rules;
    if (ruleSettings !== undefined && ruleSettings !== null && !(typeof ruleSettings === 'object' && Object.keys(ruleSettings).length === 0)) {
      const parsed = validateConfig({ rules: ruleSettings }, 'Setting "sora.rules"', codes);
      if (parsed.ok) layer.rules = parsed.config.rules;
      else this.notifier.errorOnce(`${parsed.message} The setting is ignored until it is fixed.`);
    }
    const dialogue = sora.dialogue as Record<string, unknown> | undefined;
    const wordsPerSecond = dialogue && typeof dialogue === 'object' ? dialogue.wordsPerSecond : sora['dialogue.wordsPerSecond'];
    if (wordsPerSecond !== undefined && wordsPerSecond !== null) {
      const parsed = validateConfig({ wordsPerSecond }, 'Setting "sora.dialogue.wordsPerSecond"', codes);
      if (parsed.ok) layer.wordsPerSecond = parsed.config.wordsPerSecond;
      else this.notifier.errorOnce(`${parsed.message.replace(/ Rules take .*$/, '')} It takes a number of words per second from 0.5 to 6; the setting is ignored until it is fixed.`);
    }
    const prices = sora.prices;
    if (prices !== undefined && prices !== null && !(typeof prices === 'object' && Object.keys(prices).length === 0)) {
      const parsed = validateConfig({ prices }, 'Setting "sora.prices"', codes);
      if (parsed.ok) layer.prices = parsed.config.prices;
      else this.notifier.errorOnce(`${parsed.message.replace(/ Rules take [^;]*; p/, ' P')} The setting is ignored until it is fixed.`);
    }
    this.settingsLayer = layer;
    this.generation++;
  }

  /** Every `.sora` file under the workspace folders, found a slice at a time (see ./scan). */
  storyboardFiles(options: Pick<ScanOptions, 'cancelled' | 'limit'> = {}): AsyncGenerator<string> {
    return storyboardsUnder(this.host, this.folders, { ...options, exclude: this.exclude });
  }

  /** The open document of a file, if any (URIs from the client and paths from the host may differ in escaping). */
  openUriFor(file: string): string | undefined {
    const key = pathKey(file);
    return this.documents.all().find((document) => {
      const path = this.pathOf(document.uri);
      return path !== undefined && pathKey(path) === key;
    })?.uri;
  }
}
