import type { AnalyzeOptions } from './core/analyze';
import { configFileNames, parseConfigText, resolveConfig, type ConfigParse, type ResolvedConfig, type SoraConfig } from './core/config';
import { baseName, folderOf, resolveInside, type FileAccess } from './core/files';
import { parseStoryboard } from './core/parse';
import { rules } from './core/rules';
import { folderOf as sceneFolderOf, sceneEntries } from './core/sequence';
import type { TakeLog } from './core/takes';
import { dataFileLimit, type HostPort } from './host';
import { TakeStore, type TakeLogLoad } from './takeStore';

// One context per storyboard: where its config file is and what it says, its take log, what it
// inherits from its sequence, and the workspace its references must lie inside. The language server
// and the CLI both ask here (on the Node host or, in a web worker, the client's workspace.fs), so
// the recipe for "what does analysing this file need" is written once.
//
// The host port is asynchronous and the core is not: a context is prepared first, and the core is
// handed a synchronous FileAccess snapshot of exactly the files the text names (its references, and
// for a sequence its scenes and the folders a did-you-mean fix looks in).

export type { TakeLogLoad } from './takeStore';

export type ContextProblem =
  | { kind: 'take-log'; message: string }
  | { kind: 'config'; message: string }
  | { kind: 'restricted'; message: string };

export interface StoryboardContext {
  /** The document's URI (a file's URI when the context was asked for by path). */
  uri: string;
  /** The core path; undefined for a document the host cannot read (an untitled one). */
  path?: string;
  /** The folder the storyboard's references must lie inside. */
  root?: string;
  config: ResolvedConfig;
  /** Why the config file was ignored, when it was. */
  configError?: string;
  takeLog?: TakeLog;
  takeLogStatus: TakeLogLoad['status'];
  /** What the storyboard inherits (a scene) or is checked against (a sequence). */
  sequence: Pick<AnalyzeOptions, 'sequence' | 'otherSequences'>;
}

export interface ContextHooks {
  /** The folder a storyboard's references must lie inside; default its own folder. */
  workspaceRootOf?(path: string): string | undefined;
  /** The folder the search for a config file stops at; default the root of the file system. */
  configStopOf?(path: string): string | undefined;
  /** False in Restricted Mode: a config file is found but not read. */
  trusted?(): boolean;
  /** The client's settings, the last layer over the config file. */
  settings?(): SoraConfig | undefined;
  /** The sequence a scene inherits from, or the other sequences a sequence is checked against. */
  sequencesFor?(path: string): Pick<AnalyzeOptions, 'sequence' | 'otherSequences'>;
  /** A problem with a storyboard's inputs, reported once per load (not once per analysis). */
  report?(problem: ContextProblem): void;
}

export class StoryboardContexts {
  /** The take logs, from the one store that reads, caches and writes them (the takes requests and the CLI write through it too). */
  readonly takeLogs: TakeStore;
  /** Loads already reported as invalid: each is reported once, not once per analysis. */
  private readonly reported = new WeakSet<TakeLogLoad>();
  private readonly configLocations = new Map<string, Promise<string | undefined>>();
  private readonly configFiles = new Map<string, Promise<ConfigParse>>();

  constructor(
    readonly host: HostPort,
    private readonly hooks: ContextHooks = {},
  ) {
    this.takeLogs = new TakeStore(host, { keyOf: pathKey });
  }

  /** The context of a document URI or a core path. */
  async contextFor(target: string): Promise<StoryboardContext> {
    const byPath = isCorePath(target);
    const path = byPath ? target : this.host.pathOf(target);
    const uri = byPath ? this.host.uriOf(target) : target;
    const settings = this.hooks.settings?.();
    if (!path) return { uri, config: resolveConfig(undefined, settings), takeLogStatus: 'absent', sequence: {} };
    const [config, takeLog] = await Promise.all([this.configLayerFor(path), this.takeLogFor(path)]);
    return {
      uri,
      path,
      root: this.hooks.workspaceRootOf?.(path) ?? folderOf(path),
      config: resolveConfig(config.layer, settings),
      configError: config.error,
      takeLog: takeLog.status === 'ok' ? takeLog.log : undefined,
      takeLogStatus: takeLog.status,
      sequence: this.hooks.sequencesFor?.(path) ?? {},
    };
  }

  /** Everything the core's analysis of `text` in this context needs, file answers included. */
  async analysisOptions(context: StoryboardContext, text: string): Promise<AnalyzeOptions> {
    const options: AnalyzeOptions = { documentPath: context.path, takeLog: context.takeLog, workspaceRoot: context.root, config: context.config, ...context.sequence };
    if (context.path) options.files = await fileSnapshot(this.host, text, context.path, context.root ?? folderOf(context.path));
    return options;
  }

  /** A take log changed on disk: read it again next time. */
  takeLogChanged(logPath: string): void {
    this.takeLogs.changed(logPath);
  }

  /** A config file appeared, changed or went away. */
  configChanged(): void {
    this.configLocations.clear();
    this.configFiles.clear();
  }

  private async takeLogFor(storyboardPath: string): Promise<TakeLogLoad> {
    const load = await this.takeLogs.loadFor(storyboardPath);
    if (load.status === 'invalid' && !this.reported.has(load)) {
      this.reported.add(load);
      this.hooks.report?.({ kind: 'take-log', message: load.message });
    }
    return load;
  }

  private async configLayerFor(path: string): Promise<{ layer?: SoraConfig; error?: string }> {
    const stop = this.hooks.configStopOf?.(path);
    const locationKey = `${pathKey(folderOf(path))}\n${stop ?? ''}`;
    let location = this.configLocations.get(locationKey);
    if (!location) {
      location = findConfigFile(this.host, path, stop).then((found) => {
        if (found && this.hooks.trusted?.() === false) {
          this.hooks.report?.({ kind: 'restricted', message: `Restricted Mode: ${baseName(found)} is not read, so the rules run with their default severities. Trust this folder to use it.` });
        }
        return found;
      });
      this.configLocations.set(locationKey, location);
    }
    const file = await location;
    if (!file || this.hooks.trusted?.() === false) return {};
    let parsed = this.configFiles.get(pathKey(file));
    if (!parsed) {
      parsed = loadConfigFile(this.host, file).then((loaded) => {
        if (!loaded.ok) this.hooks.report?.({ kind: 'config', message: loaded.message });
        return loaded;
      });
      this.configFiles.set(pathKey(file), parsed);
    }
    const loaded = await parsed;
    return loaded.ok ? { layer: loaded.config } : { error: loaded.message };
  }
}

/** The nearest `.sorarc.json` or `sora.config.json`, from the file's folder up to `stopAt` (or the root). */
export async function findConfigFile(host: HostPort, startFile: string, stopAt?: string): Promise<string | undefined> {
  let folder = folderOf(startFile);
  for (;;) {
    for (const name of configFileNames) {
      const candidate = joinPath(folder, name);
      if (await host.stat(candidate)) return candidate;
    }
    const parent = folderOf(folder);
    if (parent === folder || folder === stopAt) return undefined;
    folder = parent;
  }
}

export async function loadConfigFile(host: HostPort, file: string): Promise<ConfigParse> {
  const read = await host.readText(file, dataFileLimit);
  if (read.status === 'absent') return { ok: false, message: `${file}: could not be read (it is gone).` };
  if (read.status === 'refused') return { ok: false, message: `${file}: ${read.message}` };
  return parseConfigText(read.text, file, rules.map((rule) => rule.code));
}

/**
 * What the core may ask about files while checking this text, answered ahead of time: whether each
 * reference is there (with its links resolved, and never probed when its path leads outside the
 * workspace), and for a sequence whether each scene is there and what the folder of a missing one
 * holds. A question not prepared here is answered "not there".
 */
export async function fileSnapshot(host: HostPort, text: string, documentPath: string, root: string): Promise<FileAccess> {
  const present = new Set<string>();
  const real = new Map<string, string>();
  const listings = new Map<string, string[]>();
  const snapshot: FileAccess = {
    exists: (path) => present.has(path),
    realPath: (path) => real.get(path) ?? path,
    list: (folder) => listings.get(folder) ?? [],
  };
  const probe = async (path: string) => {
    if (await host.stat(path)) present.add(path);
  };
  // Only a `reference` or `sequence` section names files, and each starts with its keyword: text
  // with neither word cannot name one, so the extra parse is left out for most scenes.
  if (!/reference|sequence/i.test(text)) return snapshot;
  const storyboard = parseStoryboard(text);
  const references = storyboard.references.map((reference) => reference.path?.text).filter((path): path is string => !!path?.trim());
  // Which links matter: every path the resolver would resolve, learnt by letting it ask.
  const wanted = new Set<string>();
  const asking: FileAccess = { exists: () => false, realPath: (path) => (wanted.add(path), path) };
  for (const reference of references) resolveInside(root, documentPath, reference, asking);
  await Promise.all([...wanted].map(async (path) => real.set(path, await host.realPath(path))));
  await Promise.all(
    references.map(async (reference) => {
      const resolved = resolveInside(root, documentPath, reference, snapshot);
      if (resolved.ok) await probe(resolved.path);
    }),
  );
  if (storyboard.sequence) {
    const scenes = sceneEntries({ path: documentPath, storyboard }).map(({ path }) => path);
    await Promise.all(scenes.map(probe));
    const folders = new Set(scenes.filter((path) => !present.has(path)).map(sceneFolderOf));
    await Promise.all([...folders].map(async (folder) => listings.set(folder, (await host.list(folder)).map((entry) => entry.name))));
  }
  return snapshot;
}

/** `/a/b` + `c` → `/a/b/c`, `/` + `c` → `/c`. */
export function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

/** An absolute core path on disk (`/x`, `C:/x`), as opposed to a URI (`file:///x`, `vscode-vfs://…`). */
export function isCorePath(target: string): boolean {
  return target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target);
}

/** A stable key for a path: Windows paths compare without case, everything else as written. */
export function pathKey(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return /^[A-Za-z]:\//.test(slashed) ? slashed.toLowerCase() : slashed;
}
