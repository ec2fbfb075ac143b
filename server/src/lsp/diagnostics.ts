import type { Connection } from 'vscode-languageserver';
import { toLspDiagnostic } from './convert';
import { nextTurn } from './turn';
import type { DocumentState, Workspace } from './workspace';

// Publishing diagnostics: at once when a document opens, a short pause after the last change while
// typing, and for every storyboard in the workspace at start-up. Each result carries the version it
// was analysed at, so a stale result can never be published over a newer one.

/** The typing pause: long enough to skip the keys of a burst, never the whole wait a writer feels. */
export const minChangeDelay = 25;
export const maxChangeDelay = 150;

/** Waits a few times what the last analysis of the document took: short for a small scene, longer only for a slow one. */
export function changeDelayFor(lastAnalysisMs: number | undefined): number {
  if (lastAnalysisMs === undefined) return minChangeDelay;
  return Math.round(Math.min(maxChangeDelay, Math.max(minChangeDelay, lastAnalysisMs * 4)));
}

/**
 * How long the start-up check works before the event loop gets a turn: a hover or a keystroke in an
 * open file waits at most about this long while the rest of the workspace is checked.
 */
export const startupSliceMs = 5;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version last published per URI, so an older one is never sent after a newer one. */
  private readonly published = new Map<string, number | null>();
  /** The workspace generation of the analysis last published per URI (see DocumentState.generation). */
  private readonly publishedGeneration = new Map<string, number>();
  /** How long the last analysis of each open document took, in ms, for the typing pause. */
  private readonly analysisMs = new Map<string, number>();
  private scans = 0;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
  ) {}

  /** Checks an open document now. */
  async now(uri: string): Promise<void> {
    this.cancel(uri);
    const started = performance.now();
    const state = await this.workspace.stateOf(uri);
    const took = performance.now() - started;
    // A cached answer (a hover analysed this version first) says nothing about the cost: keep the last figure.
    if (took >= 1 || !this.analysisMs.has(uri)) this.analysisMs.set(uri, took);
    if (state) this.publish(state);
  }

  /** A document was opened (maybe again, starting its versions over): check it now. */
  opened(uri: string): Promise<void> {
    this.published.delete(uri);
    return this.now(uri);
  }

  /** Checks an open document after the typing pause. */
  later(uri: string, delay = changeDelayFor(this.analysisMs.get(uri))): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.now(uri);
      }, delay),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Checks a storyboard whether it is open (its editor text) or not (the file on disk). */
  async file(file: string): Promise<void> {
    const open = this.workspace.openUriFor(file);
    if (open) return this.now(open);
    const uri = this.workspace.uriOf(file);
    const state = await this.workspace.stateOfAny(uri);
    if (state) this.publish(state);
    else this.clear(uri);
  }

  /** A closed document: its problems stay listed while the file exists (the workspace check). */
  async closed(uri: string): Promise<void> {
    this.cancel(uri);
    this.published.delete(uri);
    this.analysisMs.delete(uri);
    const state = await this.workspace.stateOfAny(uri);
    if (state && state.path) this.publish(state);
    else this.clear(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.publishedGeneration.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-checks every open document (settings, config or a take log changed). */
  async allOpen(): Promise<void> {
    await Promise.all(this.workspace.documents.all().map((document) => this.now(document.uri)));
  }

  /**
   * The start-up check of every storyboard in the workspace (open files are checked when they open,
   * so they come first), found and checked in slices of about `startupSliceMs` so requests are
   * answered in between. A new scan (the folders changed) stops the one running.
   */
  async workspaceFiles(): Promise<number> {
    const scan = ++this.scans;
    const cancelled = () => scan !== this.scans || this.disposed;
    let checked = 0;
    let sliceStarted = performance.now();
    for await (const file of this.workspace.storyboardFiles({ cancelled })) {
      if (cancelled()) break;
      if (this.workspace.openUriFor(file)) continue;
      await this.file(file);
      checked++;
      if (performance.now() - sliceStarted >= startupSliceMs) {
        await nextTurn();
        sliceStarted = performance.now();
      }
    }
    return checked;
  }

  private publish(state: DocumentState): void {
    const last = this.published.get(state.uri);
    if (state.version !== null && typeof last === 'number' && last > state.version) return;
    // The same text analysed before a settings, config or take-log change, finishing after the analysis
    // that saw the change: stale, whatever its version says.
    const sameText = state.version === null || last === state.version;
    if (sameText && state.generation < (this.publishedGeneration.get(state.uri) ?? -1)) return;
    this.published.set(state.uri, state.version);
    this.publishedGeneration.set(state.uri, state.generation);
    const diagnostics = state.analysis.diagnostics.map((d) => toLspDiagnostic(d, state.analysis.lines));
    void this.connection.sendDiagnostics({ uri: state.uri, version: state.version ?? undefined, diagnostics });
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
