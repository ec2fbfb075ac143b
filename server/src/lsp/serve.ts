import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { configFileNames } from '../core/config';
import { analysisRequest, compileRequest, type AnalysisParams, type CompileParams, type CompileResponse } from '../protocol';
import { codeActionKinds, codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { compileDocument } from './compile';
import { completion, triggerCharacters } from './completion';
import { wholeRange } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { formatStoryboard } from './format';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { definition, highlights, prepareRename, references, rename } from './navigation';
import { uriToPath } from './paths';
import { legend, semanticTokens } from './semanticTokens';
import { clientProfile, fitCodeLenses, fitCompletions, fitHover, richestClient, serverCommands, type ClientProfile } from './clients';
import { excludeGlobs } from './scan';
import { registerTakes } from './takes';
import { nodeHost } from '../node/host';
import { registerAdoptVariant } from './adopt';
import { documentSymbols, foldingRanges } from './symbols';
import { Workspace, type DocumentState, type Notifier } from './workspace';
import { SequenceSync } from './sequenceSync';
import { registerSequenceBoard } from './sequenceBoard';
import { registerFountainImport } from './fountainImport';
import { sequenceDefinition, sequenceHover, sequenceReferences, sequenceRename } from './sequenceFeatures';
import { textEdit } from './codeActions';

// Wires the features to a connection. Every handler reads the cached analysis of the document's
// current version; none can take the server down (errors are logged and answered with nothing).

export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const shown = new Set<string>();
  const notifier: Notifier = {
    warnOnce(message) {
      connection.console.warn(message);
      if (!shown.has(message)) {
        shown.add(message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      }
    },
    errorOnce(message) {
      connection.console.error(message);
      if (!shown.has(message)) {
        shown.add(message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
      }
    },
    log: (message) => connection.console.log(message),
  };
  const workspace = new Workspace(documents, notifier);
  const takes = registerTakes(connection, workspace, notifier, nodeHost({ rootOf: (file) => workspace.folderOf(file) }));
  const publisher = new DiagnosticsPublisher(connection, workspace);
  const sequenceSync = new SequenceSync(workspace, publisher);
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canRegisterConfiguration = false;
  let hasWorkspaceFolders = false;
  let client: ClientProfile = richestClient;
  let snippetEdits = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    canRegisterWatchers = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasWorkspaceFolders = !!capabilities.workspace?.workspaceFolders;
    client = clientProfile(params);
    snippetEdits = !!capabilities.workspace?.workspaceEdit?.snippetEditSupport && !!capabilities.workspace.workspaceEdit.documentChanges;
    const folders = params.workspaceFolders?.map((folder) => uriToPath(folder.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined];
    workspace.folders = folders.filter((folder): folder is string => !!folder);
    const options = params.initializationOptions as { settings?: unknown; trusted?: unknown; filesExclude?: unknown } | undefined;
    workspace.trusted = options?.trusted !== false;
    if (options?.settings) workspace.applySettings(options.settings);
    workspace.exclude = excludeGlobs(options?.filesExclude);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters, resolveProvider: false },
        codeActionProvider: { codeActionKinds, resolveProvider: false },
        documentSymbolProvider: { label: 'Storyboard' },
        foldingRangeProvider: true,
        semanticTokensProvider: { legend, full: true, range: false },
        inlayHintProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentFormattingProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(serverCommands) },
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
          const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
          workspace.folders = workspace.folders.filter((folder) => !removed.has(folder));
          for (const folder of event.added) {
            const file = uriToPath(folder.uri);
            if (file) workspace.folders.push(file);
          }
          workspace.configFileChanged();
          void sequenceSync.scan().then(() => publisher.workspaceFiles());
        });
      }
      // Sequences first, so the start-up check sees each scene with what it inherits.
      await sequenceSync.scan();
      await pullSettings();
      publisher.allOpen();
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
    publisher.allOpen();
  });

  connection.onDidChangeWatchedFiles((change) => {
    let configChanged = false;
    const storyboards = new Set<string>();
    for (const event of change.changes) {
      const file = uriToPath(event.uri);
      if (!file) continue;
      const name = path.basename(file);
      if (name.toLowerCase().endsWith('.takes.json')) {
        takes.changed(file);
        storyboards.add(file.slice(0, -'.takes.json'.length) + '.sora');
      } else if ((configFileNames as readonly string[]).includes(name)) {
        configChanged = true;
      } else if (name.toLowerCase().endsWith('.sora')) {
        if (event.type === FileChangeType.Deleted) {
          sequenceSync.deleted(file);
          if (!workspace.openUriFor(file)) publisher.clear(event.uri);
        } else {
          sequenceSync.changed(file);
          if (!workspace.openUriFor(file)) storyboards.add(file);
        }
      }
    }
    if (configChanged) {
      workspace.configFileChanged();
      publisher.allOpen();
      void publisher.workspaceFiles();
      return;
    }
    for (const file of storyboards) publisher.file(file);
  });

  // ---- documents ---------------------------------------------------------------------------
  const openedAt = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedAt.set(event.document.uri, event.document.version);
    workspace.forget(event.document.uri); // a re-opened document may restart at an old version number
    publisher.opened(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    if (openedAt.get(event.document.uri) === event.document.version) return;
    openedAt.delete(event.document.uri);
    publisher.later(event.document.uri);
    const file = uriToPath(event.document.uri);
    if (file) sequenceSync.edited(file, event.document.getText());
  });
  documents.onDidClose((event) => {
    openedAt.delete(event.document.uri);
    workspace.forget(event.document.uri);
    publisher.closed(event.document.uri);
    // Closed unsaved, a sequence is what is on disk again.
    const file = uriToPath(event.document.uri);
    if (file && workspace.sequences.isSequence(file)) sequenceSync.changed(file);
  });

  // ---- features ----------------------------------------------------------------------------
  /** A request on a document: cancelled → RequestCancelled; unknown document or a failure → fallback. */
  function on<P extends { textDocument: { uri: string } }, R>(name: string, run: (state: DocumentState, params: P) => R, fallback: R) {
    return (params: P, token?: CancellationToken): R => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
      const state = workspace.stateOf(params.textDocument.uri);
      if (!state) return fallback;
      try {
        return run(state, params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        notifier.log(`Sora Storyboard: ${name} failed: ${(error as Error).stack ?? error}`);
        return fallback;
      }
    };
  }

  connection.onHover(on('hover', (state, params) => fitHover(sequenceHover(workspace, state, params.position, hover(state, params.position)), client), null));
  connection.onCompletion(on('completion', (state, params) => fitCompletions(completion(state, params.position, params.context), client), []));
  connection.onCodeAction(on('codeAction', (state, params) => codeActions(state, params, { snippetEdits }), []));
  connection.onDocumentSymbol(on('documentSymbol', (state) => documentSymbols(state), []));
  connection.onFoldingRanges(on('foldingRange', (state) => foldingRanges(state), []));
  connection.languages.semanticTokens.on(on('semanticTokens', (state) => semanticTokens(state), { data: [] }));
  connection.languages.inlayHint.on(on('inlayHint', (state, params) => inlayHints(state, params.range), []));
  connection.onDefinition(on('definition', (state, params) => sequenceDefinition(workspace, state, params.position) ?? definition(state, params.position), null));
  connection.onReferences(
    on('references', (state, params) => sequenceReferences(workspace, state, params.position, params.context.includeDeclaration) ?? references(state, params.position, params.context.includeDeclaration), null),
  );
  connection.onDocumentHighlight(on('documentHighlight', (state, params) => highlights(state, params.position), null));
  connection.onPrepareRename(on('prepareRename', (state, params) => prepareRename(state, params.position), null));
  connection.onRenameRequest(on('rename', (state, params) => sequenceRename(workspace, state, params.position, params.newName) ?? rename(state, params.position, params.newName), null));
  connection.onCodeLens(on('codeLens', (state) => fitCodeLenses(codeLenses(state), client), []));
  connection.onExecuteCommand((params) => runServerCommand(params.command, params.arguments ?? []));
  connection.onDocumentFormatting(
    on('formatting', (state) => {
      const edit = textEdit(state.text, formatStoryboard(state.text, state.analysis.storyboard));
      return edit ? [edit] : [];
    }, []),
  );

  connection.onRequest(compileRequest, (params: CompileParams, token): CompileResponse | null => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
    const state = workspace.stateOfAny(params.uri);
    if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${params.uri}.`);
    try {
      return compileDocument(state, params);
    } catch (error) {
      notifier.log(`Sora Storyboard: compile failed: ${(error as Error).stack ?? error}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Could not compile: ${(error as Error).message}`);
    }
  });

  connection.onRequest(analysisRequest, (params: AnalysisParams) => {
    const state = workspace.stateOfAny(params.uri);
    if (!state) return null;
    const { storyboard, diagnostics, lines } = state.analysis;
    return {
      uri: state.uri,
      version: state.version,
      range: wholeRange(lines),
      diagnostics: diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
      beats: storyboard.beats.map((beat) => ({ index: beat.index, start: beat.start, end: beat.end, title: beat.title?.text ?? null, line: beat.headerRange.start.line })),
      characters: storyboard.characters.filter((c) => c.name).map((c) => c.name!.text),
      variants: storyboard.variants.filter((v) => v.name).map((v) => ({ name: v.name!.text, base: v.base?.text ?? 'main' })),
    };
  });

  registerSequenceBoard(connection, workspace);
  registerFountainImport(connection);
  registerAdoptVariant(connection, workspace);

  /** The code lens commands for editors without our extension: the text is shown and returned. */
  function runServerCommand(command: string, args: unknown[]): string | null {
    const [uri, variant] = args;
    if (typeof uri !== 'string' || typeof variant !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes a storyboard URI and a variant name.`);
    const state = workspace.stateOfAny(uri);
    if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${uri}.`);
    const compiled = compileDocument(state, { uri, variant });
    let text: string;
    if (command === serverCommands.compileVariant) text = compiled.error ?? compiled.prompt;
    else if (command === serverCommands.remixInstruction) text = compiled.error ?? compiled.remix ?? `Variant "${variant}" is not based on a take, so it has no remix instruction.`;
    else throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
    void connection.sendNotification(ShowMessageNotification.type, { type: compiled.error ? MessageType.Error : MessageType.Info, message: text });
    return text;
  }

  connection.onShutdown(() => {
    publisher.dispose();
    sequenceSync.dispose();
  });

  documents.listen(connection);
  connection.listen();
}


