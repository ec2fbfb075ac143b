// The layout a writer keeps: the storyboard on the left, its preview and takes on the right. Every
// command reveals what is already open where it is, instead of opening it again: never a second
// editor of the same storyboard, never a third column for a panel that has a place.
import * as vscode from 'vscode';

const same = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

/** The tab groups holding a tab of the storyboard, the active tab of a group first. */
function groupsWith(uri: vscode.Uri): vscode.TabGroup[] {
  const holds = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputText && same(tab.input.uri, uri);
  const groups = vscode.window.tabGroups.all.filter((group) => group.tabs.some(holds));
  return groups.sort((a, b) => Number(!!b.activeTab && holds(b.activeTab)) - Number(!!a.activeTab && holds(a.activeTab)));
}

/** Where the storyboard is: a visible editor's column, else a group with its tab; undefined when not open. */
export function storyboardColumn(uri: vscode.Uri): vscode.ViewColumn | undefined {
  const visible = vscode.window.visibleTextEditors.find((editor) => same(editor.document.uri, uri) && editor.viewColumn);
  return visible?.viewColumn ?? groupsWith(uri)[0]?.viewColumn;
}

function isSoraPanel(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && /sora\.(preview|takes)$/.test(tab.input.viewType);
}

/**
 * The column beside the storyboard for a preview or the takes: a group (not the storyboard's) that
 * already holds a Sora panel, else any other group, else a new one beside it.
 */
export function besideColumn(uri: vscode.Uri | undefined): vscode.ViewColumn {
  const home = (uri && storyboardColumn(uri)) ?? vscode.window.activeTextEditor?.viewColumn ?? vscode.window.tabGroups.activeTabGroup.viewColumn;
  const others = vscode.window.tabGroups.all.filter((group) => group.viewColumn !== home);
  const withPanel = others.find((group) => group.tabs.some(isSoraPanel));
  if (withPanel) return withPanel.viewColumn;
  if (others.length) return others[others.length - 1].viewColumn;
  return home !== undefined ? home + 1 : vscode.ViewColumn.Beside;
}

/** Shows the storyboard in the editor it already has (or the first column), focused unless asked not to. */
export async function revealStoryboard(uri: vscode.Uri, preserveFocus = false): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const viewColumn = storyboardColumn(uri) ?? vscode.ViewColumn.One;
  return vscode.window.showTextDocument(document, { viewColumn, preview: false, preserveFocus });
}
