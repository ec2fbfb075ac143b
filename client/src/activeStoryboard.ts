// Which storyboard a command acts on when it is not given one. The walkthrough, a webview or the
// Problems panel can sit in front of the storyboard the writer is working on; the command should
// still act on that storyboard instead of answering "Open a .sora storyboard first."
import * as vscode from 'vscode';
import { isStoryboard, toUri } from './compile';

let lastFocused: vscode.Uri | undefined;

/** Remembers the last focused `.sora` editor from now on. */
export function trackStoryboards(): vscode.Disposable {
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (isStoryboard(editor?.document)) lastFocused = editor.document.uri;
  };
  remember(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(remember);
}

/** The `.sora` files open in a tab (shown or behind another), in tab-group order. */
function storyboardTabs(): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText && input.uri.path.endsWith('.sora')) uris.push(input.uri);
    }
  }
  return uris;
}

const same = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

export interface StoryboardHints {
  /** The storyboard of the preview in focus, when a preview is the active editor. */
  focusedPreview?: vscode.Uri;
  /** The storyboard of the last preview, a last resort. */
  lastPreview?: vscode.Uri;
}

/**
 * The storyboard a command applies to: its argument; else the active `.sora` editor; else the
 * focused preview's; else a visible `.sora` editor (the last focused first); else the last focused
 * `.sora` editor still open in a tab; else any open in a tab; else the last preview's.
 */
export function resolveStoryboard(arg: unknown, hints: StoryboardHints = {}): vscode.Uri | undefined {
  const fromArg = toUri(arg);
  if (fromArg) return fromArg;
  const active = vscode.window.activeTextEditor;
  if (isStoryboard(active?.document)) return active.document.uri;
  if (hints.focusedPreview) return hints.focusedPreview;
  const visible = vscode.window.visibleTextEditors.filter((e) => isStoryboard(e.document)).map((e) => e.document.uri);
  const last = lastFocused;
  if (last && visible.some((uri) => same(uri, last))) return last;
  if (visible.length) return visible[0];
  const tabs = storyboardTabs();
  if (last && (tabs.some((uri) => same(uri, last)) || vscode.workspace.textDocuments.some((d) => same(d.uri, last) && !d.isClosed))) return last;
  return tabs[0] ?? hints.lastPreview;
}
