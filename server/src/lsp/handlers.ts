import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import type { ClientProfile } from './clients';
import type { DiagnosticsPublisher } from './diagnostics';
import type { DocumentState, Notifier, Workspace } from './workspace';

// The handler table's two halves: what a feature module exports (its capabilities and its
// registration) and what it registers through (the server's parts, and the one wrapper every request
// goes through). The wrapper is where cancellation, failures and stale answers are handled, so no
// feature repeats it: a cancelled request answers RequestCancelled; a failure is logged and answered
// with the feature's fallback (or RequestFailed, for a request with no sensible fallback); an answer
// computed for a version the document has since left answers ContentModified (a standard request:
// the editor asks again) or is computed again on the new version (our client's own requests).

export interface ServerParts {
  connection: Connection;
  workspace: Workspace;
  notifier: Notifier;
  publisher: DiagnosticsPublisher;
  /** What the client can show (known after `initialize`). */
  client(): ClientProfile;
  /** The client applies snippet edits in a workspace edit (LSP 3.18 `snippetEditSupport`). */
  snippetEdits(): boolean;
}

export interface Feature {
  /** What the feature adds to the server's capabilities, given the client's `initialize`. */
  capabilities?(params: InitializeParams): ServerCapabilities;
  register(server: Server): void;
}

export interface Server extends ServerParts {
  /** A request on an open document: unknown document → the fallback. */
  onDocument<P extends { textDocument: { uri: string } }, R>(name: string, run: (state: DocumentState, params: P) => R | Promise<R>, fallback: R): (params: P, token?: CancellationToken) => Promise<R>;
  /** A request on any storyboard of the workspace by URI, open or not, answered on its latest version: unreadable or failed → RequestFailed. */
  onStoryboard<P extends { uri: string }, R>(name: string, run: (state: DocumentState, params: P) => R | Promise<R>, failure: string): (params: P, token?: CancellationToken) => Promise<R>;
  /** Any other request: a failure is logged and answered RequestFailed with `failure` and the reason. */
  guarded<P, R>(name: string, run: (params: P) => R | Promise<R>, failure: string): (params: P, token?: CancellationToken) => Promise<R>;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
}

export function serverOf(parts: ServerParts): Server {
  const { workspace, notifier } = parts;
  const failed = (name: string, error: unknown) => notifier.log(`Sora Storyboard: ${name} failed: ${(error as Error).stack ?? error}`);
  /** The state analysed for the version the request was made on, or ContentModified when the document moved on. */
  const currentState = async (uri: string, token: CancellationToken | undefined, stateOf: () => Promise<DocumentState | undefined> | undefined) => {
    const version = workspace.documents.get(uri)?.version;
    const state = await stateOf();
    if (token?.isCancellationRequested) throw cancelled();
    if (version !== undefined && workspace.documents.get(uri)?.version !== version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was answered.');
    }
    return state;
  };
  /**
   * For our own client's requests (compile, storyboard info): the state of the document as it is
   * now, analysed again if it changed meanwhile. The language client answers ContentModified to a
   * custom request with nothing, which its callers cannot tell from a failure.
   */
  const latestState = async (uri: string, token: CancellationToken | undefined) => {
    for (let attempt = 0; ; attempt++) {
      const version = workspace.documents.get(uri)?.version;
      const state = await workspace.stateOfAny(uri);
      if (token?.isCancellationRequested) throw cancelled();
      if (attempt >= 2 || workspace.documents.get(uri)?.version === version) return state;
    }
  };
  return {
    ...parts,
    onDocument: (name, run, fallback) => async (params, token) => {
      if (token?.isCancellationRequested) throw cancelled();
      const uri = params.textDocument.uri;
      try {
        const state = await currentState(uri, token, () => workspace.stateOf(uri));
        if (!state) return fallback;
        return await run(state, params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        failed(name, error);
        return fallback;
      }
    },
    onStoryboard: (name, run, failure) => async (params, token) => {
      if (token?.isCancellationRequested) throw cancelled();
      const state = await latestState(params.uri, token);
      if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${params.uri}.`);
      try {
        return await run(state, params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        failed(name, error);
        throw new ResponseError(LSPErrorCodes.RequestFailed, `${failure}: ${(error as Error).message}`);
      }
    },
    guarded: (name, run, failure) => async (params, token) => {
      if (token?.isCancellationRequested) throw cancelled();
      try {
        return await run(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        failed(name, error);
        throw new ResponseError(LSPErrorCodes.RequestFailed, `${failure}: ${(error as Error).message}`);
      }
    },
  };
}

/** The capabilities of every feature in the table, merged. */
export function capabilitiesOf(features: readonly Feature[], params: InitializeParams): ServerCapabilities {
  return Object.assign({}, ...features.map((feature) => feature.capabilities?.(params) ?? {}));
}
