import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import { IncrementalAnalyzer } from '../core/incremental';
import { resolveConfig, validateConfig, type ConfigParse, type ResolvedConfig, type SoraConfig } from '../core/config';
import { rules } from '../core/rules';
import { resolveInside } from '../core/files';
import { takeLogPathFor, type TakeLog } from '../core/takes';
import { findConfigFile, loadConfigFile } from '../node/config';
import { loadTakeLogFor, nodeFileAccess, toCorePath, type TakeLogLoad } from '../node/files';
import { readTextFileSafely, storyboardFileLimit } from '../node/readFile';
import { pathKey, uriKey, uriToPath } from './paths';
import { storyboardsUnder, type ScanOptions } from './scan';
import { SequenceIndex } from './sequenceIndex';

// The server's state: open documents, the settings from the client, config files and take logs read
// from disk, and one analysis per document version, so hover, completion and code actions never
// re-analyse an unchanged document.

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
  path?: string;
  analysis: Analysis;
  takeLog?: TakeLog;
  config: ResolvedConfig;
  /** The workspace folder holding the file (or its own folder when it is in none), forward slashes. */
  root?: string;
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
  /** Bumped whenever something outside the text (settings, config files, take logs) changes. */
  private generation = 0;
  private readonly cache = new Map<string, { version: number; generation: number; state: DocumentState }>();
  private readonly incremental = new Map<string, IncrementalAnalyzer>();
  private readonly takeLogs = new Map<string, TakeLogLoad>();
  private readonly configFiles = new Map<string, ConfigParse>();
  /** Which sequence lists which scene: a scene is analysed with what it inherits. */
  readonly sequences: SequenceIndex;

  constructor(
    readonly documents: DocumentSource,
    private readonly notifier: Notifier,
  ) {
    this.sequences = new SequenceIndex((file) => this.currentText(file));
  }

  /** A file's text as the writer sees it: the editor's when it is open, else the disk's. */
  currentText(file: string): string | undefined {
    const open = this.openUriFor(file);
    if (open) return this.documents.get(open)?.getText();
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The analysis of an open document at its current version (computed at most once per version). */
  stateOf(uri: string): DocumentState | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.state;
    const state = this.analyzeText(uri, document.getText(), document.version);
    this.cache.set(uri, { version: document.version, generation: this.generation, state });
    return state;
  }

  /**
   * The analysis of a document, open or (when it is not open) read from disk: only a `.sora` file
   * inside a workspace folder, so a request cannot make the server read any file it names.
   */
  stateOfAny(uri: string): DocumentState | undefined {
    const open = this.stateOf(uri);
    if (open) return open;
    const file = uriToPath(uri);
    if (!file || !this.isStoryboardInWorkspace(file)) return undefined;
    const read = readTextFileSafely(file, storyboardFileLimit);
    if (read.status !== 'ok') return undefined;
    return this.analyzeText(uri, read.text, null);
  }

  analyzeText(uri: string, text: string, version: number | null): DocumentState {
    const file = uriToPath(uri);
    const takeLog = file ? this.takeLogFor(file) : undefined;
    const config = this.configFor(file);
    const root = file ? toCorePath(this.folderOf(file) ?? path.dirname(file)) : undefined;
    // An open document keeps an incremental analyzer: an edit costs what it touched (../core/incremental).
    let incremental = version === null ? undefined : this.incremental.get(uri);
    if (version !== null && !incremental) this.incremental.set(uri, (incremental = new IncrementalAnalyzer()));
    const analysis = (incremental ? incremental.analyze.bind(incremental) : analyze)(text, {
      documentPath: file ? toCorePath(file) : undefined,
      takeLog,
      files: file ? nodeFileAccess : undefined,
      workspaceRoot: root,
      config,
      ...(file ? this.sequences.optionsFor(file) : {}),
    });
    return { uri, version, text, path: file, analysis, takeLog, config, root };
  }

  /** A `.sora` file inside a workspace folder, links resolved. */
  isStoryboardInWorkspace(file: string): boolean {
    if (!file.toLowerCase().endsWith('.sora')) return false;
    const folder = this.folderOf(file);
    return !!folder && resolveInside(toCorePath(folder), toCorePath(file), path.basename(file), nodeFileAccess).ok;
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
    this.takeLogs.delete(pathKey(logPath));
    this.generation++;
  }

  /** A config file appeared, changed or went away. */
  configFileChanged(): void {
    this.configFiles.clear();
    this.generation++;
  }

  takeLogFor(storyboardPath: string): TakeLog | undefined {
    const key = pathKey(takeLogPathFor(storyboardPath));
    let load = this.takeLogs.get(key);
    if (!load) {
      load = loadTakeLogFor(storyboardPath);
      this.takeLogs.set(key, load);
      if (load.status === 'invalid') this.notifier.warnOnce(load.message);
    }
    return load.status === 'ok' ? load.log : undefined;
  }

  /** Defaults, then the nearest config file up to the workspace folder, then the client's settings. */
  configFor(file: string | undefined): ResolvedConfig {
    let fileLayer: SoraConfig | undefined;
    if (file) {
      const configFile = findConfigFile(file, this.folderOf(file));
      if (configFile && !this.trusted) {
        this.notifier.warnOnce(`Restricted Mode: ${path.basename(configFile)} is not read, so the rules run with their default severities. Trust this folder to use it.`);
      } else if (configFile) {
        const key = pathKey(configFile);
        let parsed = this.configFiles.get(key);
        if (!parsed) {
          parsed = loadConfigFile(configFile);
          this.configFiles.set(key, parsed);
        }
        if (parsed.ok) fileLayer = parsed.config;
        else this.notifier.errorOnce(`${parsed.message} These settings are ignored until it is fixed.`);
      }
    }
    return resolveConfig(fileLayer, this.settingsLayer);
  }

  /** The workspace folder holding a file, if any. */
  folderOf(file: string): string | undefined {
    const key = pathKey(file);
    let best: string | undefined;
    for (const folder of this.folders) {
      const folderKey = pathKey(folder);
      if ((key === folderKey || key.startsWith(folderKey + path.sep)) && (!best || folder.length > best.length)) best = folder;
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
    return storyboardsUnder(this.folders, { ...options, exclude: this.exclude });
  }

  /** The open documents' URIs, keyed for lookup by path. */
  openUriFor(file: string): string | undefined {
    const key = pathKey(file);
    return this.documents.all().find((document) => uriKey(document.uri) === key)?.uri;
  }
}
