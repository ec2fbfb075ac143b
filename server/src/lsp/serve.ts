import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type FileEvent,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configFileNames } from '../core/config';
import { baseName } from '../core/files';
import type { HostPort } from '../host';
import { adoptFeature } from './adopt';
import { clientProfile, richestClient, type ClientProfile } from './clients';
import { codeActionFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { compileFeature } from './compile';
import { completionFeature } from './completion';
import { DiagnosticsPublisher } from './diagnostics';
import { formatFeature } from './format';
import { fountainImportFeature } from './fountainImport';
import { capabilitiesOf, serverOf, type Feature } from './handlers';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { navigationFeature } from './navigation';
import { excludeGlobs } from './scan';
import { semanticTokensFeature } from './semanticTokens';
import { sequenceBoardFeature } from './sequenceBoard';
import { SequenceSync } from './sequenceSync';
import { storyboardInfoFeature } from './storyboardInfo';
import { symbolsFeature } from './symbols';
import { takesFeature } from './takes';
import { Workspace, type Notifier } from './workspace';

// Wires the features to a connection, on a host port (the disk under Node, the client's
// workspace.fs in a web worker). Each feature module exports its capabilities and its registration
// (the table below); every request goes through one wrapper (./handlers) that answers a cancelled
// request, a failure and a stale version the same way for all of them. What is left here is the
// server's life: initialize, settings, watched files and the documents' open/change/close.

/** The table: one entry per feature module. */
export const features: readonly Feature[] = [
  hoverFeature,
  completionFeature,
  codeActionFeature,
  symbolsFeature,
  semanticTokensFeature,
  inlayHintsFeature,
  navigationFeature,
  formatFeature,
  codeLensFeature,
  compileFeature,
  storyboardInfoFeature,
  sequenceBoardFeature,
  fountainImportFeature,
  adoptFeature,
  takesFeature,
];

/** `extraFeatures`: what only one host can do (the Node server's rough cut with ffmpeg). */
export function serve(connection: Connection, host: HostPort, extraFeatures: readonly Feature[] = []): void {
  const table = [...features, ...extraFeatures];
  const documents = new TextDocuments(TextDocument);
  const notifier = notifierOf(connection);
  const workspace = new Workspace(documents, notifier, host);
  const publisher = new DiagnosticsPublisher(connection, workspace);
  const sequenceSync = new SequenceSync(workspace, publisher);
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canRegisterConfiguration = false;
  let hasWorkspaceFolders = false;
  let client: ClientProfile = richestClient;
  let snippetEdits = false;
  const server = serverOf({ connection, workspace, notifier, publisher, client: () => client, snippetEdits: () => snippetEdits });

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    canRegisterWatchers = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasWorkspaceFolders = !!capabilities.workspace?.workspaceFolders;
    client = clientProfile(params);
    snippetEdits = !!capabilities.workspace?.workspaceEdit?.snippetEditSupport && !!capabilities.workspace.workspaceEdit.documentChanges;
    const folders = params.workspaceFolders?.map((folder) => host.pathOf(folder.uri)) ?? [params.rootUri ? host.pathOf(params.rootUri) : params.rootPath?.replace(/\\/g, '/') ?? undefined];
    workspace.folders = folders.filter((folder): folder is string => !!folder);
    const options = params.initializationOptions as { settings?: unknown; trusted?: unknown; filesExclude?: unknown } | undefined;
    workspace.trusted = options?.trusted !== false;
    if (options?.settings) workspace.applySettings(options.settings);
    workspace.exclude = excludeGlobs(options?.filesExclude);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...capabilitiesOf(table, params),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sora-storyboard', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    try {
      if (canRegisterWatchers) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.takes.json' }, { globPattern: '**/*.sora' }, ...configFileNames.map((name) => ({ globPattern: `**/${name}` }))],
        });
      }
      if (canRegisterConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'sora' });
      if (hasWorkspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((folder) => host.pathOf(folder.uri)));
          workspace.folders = workspace.folders.filter((folder) => !removed.has(folder));
          for (const folder of event.added) {
            const file = host.pathOf(folder.uri);
            if (file) workspace.folders.push(file);
          }
          workspace.configFileChanged();
          void sequenceSync.scan().then(() => publisher.workspaceFiles());
        });
      }
      // Sequences first, so the start-up check sees each scene with what it inherits.
      await sequenceSync.scan();
      await pullSettings();
      void publisher.allOpen();
      const checked = await publisher.workspaceFiles();
      notifier.log(`Sora Storyboard: checked ${checked} storyboard${checked === 1 ? '' : 's'} in the workspace.`);
    } catch (error) {
      notifier.log(`Sora Storyboard: start-up check failed: ${(error as Error).stack ?? error}`);
    }
  });

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const [settings, filesExclude] = (await connection.workspace.getConfiguration([{ section: 'sora' }, { section: 'files.exclude' }])) as unknown[];
      workspace.applySettings(settings ?? {});
      if (filesExclude && typeof filesExclude === 'object') workspace.exclude = excludeGlobs(filesExclude);
    } catch (error) {
      notifier.log(`Sora Storyboard: could not read settings: ${(error as Error).message}`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else workspace.applySettings((change.settings as { sora?: unknown } | undefined)?.sora ?? {});
    await publisher.allOpen();
  });

  connection.onDidChangeWatchedFiles((change) => void watchedFilesChanged(change.changes));

  /** The contexts' caches follow the watched files: a take log or config file read again, a sequence re-indexed. */
  async function watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    let configChanged = false;
    const storyboards = new Set<string>();
    const sequenceChanges: Promise<void>[] = [];
    for (const event of changes) {
      const file = host.pathOf(event.uri);
      if (!file) continue;
      const name = baseName(file);
      if (name.toLowerCase().endsWith('.takes.json')) {
        workspace.takeLogChanged(file);
        storyboards.add(file.slice(0, -'.takes.json'.length) + '.sora');
      } else if ((configFileNames as readonly string[]).includes(name)) {
        configChanged = true;
      } else if (name.toLowerCase().endsWith('.sora')) {
        if (event.type === FileChangeType.Deleted) {
          sequenceChanges.push(sequenceSync.deleted(file));
          if (!workspace.openUriFor(file)) publisher.clear(event.uri);
        } else {
          sequenceChanges.push(sequenceSync.changed(file));
          if (!workspace.openUriFor(file)) storyboards.add(file);
        }
      }
    }
    if (configChanged) {
      workspace.configFileChanged();
      await publisher.allOpen();
      await publisher.workspaceFiles();
      return;
    }
    await Promise.all(sequenceChanges);
    for (const file of storyboards) await publisher.file(file);
  }

  // ---- documents ---------------------------------------------------------------------------
  const openedAt = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedAt.set(event.document.uri, event.document.version);
    workspace.forget(event.document.uri); // a re-opened document may restart at an old version number
    // A sequence whose creation the file watcher missed (a folder copied in at once) is indexed when opened.
    const file = workspace.pathOf(event.document.uri);
    if (file) sequenceSync.edited(file, event.document.getText());
    void publisher.opened(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    if (openedAt.get(event.document.uri) === event.document.version) return;
    openedAt.delete(event.document.uri);
    publisher.later(event.document.uri);
    const file = host.pathOf(event.document.uri);
    if (file) sequenceSync.edited(file, event.document.getText());
  });
  documents.onDidClose((event) => {
    openedAt.delete(event.document.uri);
    workspace.forget(event.document.uri);
    void publisher.closed(event.document.uri);
    // Closed unsaved, a sequence is what is on disk again.
    const file = host.pathOf(event.document.uri);
    if (file && workspace.sequences.isSequence(file)) void sequenceSync.changed(file);
  });

  for (const feature of table) feature.register(server);

  connection.onShutdown(() => {
    publisher.dispose();
    sequenceSync.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** Warnings and errors shown once per distinct message (and logged every time). */
function notifierOf(connection: Connection): Notifier {
  const shown = new Set<string>();
  const showOnce = (type: MessageType, message: string) => {
    if (shown.has(message)) return;
    shown.add(message);
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  };
  return {
    warnOnce(message) {
      connection.console.warn(message);
      showOnce(MessageType.Warning, message);
    },
    errorOnce(message) {
      connection.console.error(message);
      showOnce(MessageType.Error, message);
    },
    log: (message) => connection.console.log(message),
  };
}
