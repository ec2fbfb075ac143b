// The page's one handle on VS Code: `acquireVsCodeApi` may be called once per page load (a second
// call throws), so every module asks here. Messages out are typed by the page (`Out`); the saved
// state is read back through the page's own reader, since what getState() returns after a reload or
// an extension update may be anything.

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

function vsCodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}

export interface WebviewHost<Out, State> {
  /** Sends a message to the extension. */
  post(message: Out): void;
  /** The state saved before a reload, read by the page's reader; undefined when absent or unreadable. */
  restoredState(): State | undefined;
  /** Saves the state VS Code hands back after a reload (and to the panel serializer). */
  saveState(state: State): void;
}

export function webviewHost<Out, State>(readState: (saved: unknown) => State | undefined | null): WebviewHost<Out, State> {
  const vscode = vsCodeApi();
  return {
    post: (message) => vscode.postMessage(message),
    restoredState: () => readState(vscode.getState()) ?? undefined,
    saveState: (state) => vscode.setState(state),
  };
}
