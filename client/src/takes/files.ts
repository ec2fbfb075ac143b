// The take log and the takes/ folder beside a storyboard, on the extension host (Node).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { takesFolder, unloggedTakeFiles } from '../../../server/src/core/takeOps';
import { takeLogPathFor, type TakeLog } from '../../../server/src/core/takes';

// Only JSON and the file system here: what the storyboard says (scene id, variants, branching
// choices) comes from the server (./storyboardInfo), so nothing imported here pulls in the parser.
export { loadTakeLog, updateTakeLog, type TakeLogLoad } from '../../../server/src/node/files';
import { fileStatusInside, loadTakeLog, type TakeLogLoad } from '../../../server/src/node/files';
import type { WorkspaceFileStatus } from '../../../server/src/core/files';

export function takeLogPath(storyboard: vscode.Uri): string {
  return takeLogPathFor(storyboard.fsPath);
}

export function takeLogUri(storyboard: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(takeLogPath(storyboard));
}

/**
 * The folder a take log may be written in through a link: the storyboard's workspace folder, or its
 * own folder when it is in none.
 */
export function writeRoot(storyboard: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(storyboard)?.uri.fsPath ?? path.dirname(storyboard.fsPath);
}

/** `takes/` beside the storyboard, where logged videos go. */
export function takesFolderUri(storyboard: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(storyboard, '..', takesFolder);
}

export function storyboardFolder(storyboard: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(storyboard, '..');
}

/** The absolute path of a file the log names relative to the storyboard. */
export function takeFilePath(storyboard: vscode.Uri, relative: string): string {
  return path.resolve(path.dirname(storyboard.fsPath), relative);
}

/** Where a take's video is, by the core's resolver: a file outside the workspace is never probed. */
export function takeFileStatus(storyboard: vscode.Uri, relative: string): WorkspaceFileStatus {
  return fileStatusInside(writeRoot(storyboard), storyboard.fsPath, relative);
}

export function takeFileExists(storyboard: vscode.Uri, relative: string): boolean {
  if (takeFileStatus(storyboard, relative).status !== 'present') return false;
  try {
    return fs.statSync(takeFilePath(storyboard, relative)).isFile();
  } catch {
    return false;
  }
}

export function loadLogFor(storyboard: vscode.Uri): TakeLogLoad {
  return loadTakeLog(takeLogPath(storyboard));
}

/** Plain file names in `takes/` beside the storyboard (none when there is no folder). */
export function takesFolderEntries(storyboard: vscode.Uri): string[] {
  try {
    return fs.readdirSync(path.join(path.dirname(storyboard.fsPath), takesFolder), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

export function unloggedFor(storyboard: vscode.Uri, log: TakeLog, sceneId: string | null | undefined) {
  return sceneId ? unloggedTakeFiles(log, sceneId, takesFolderEntries(storyboard)) : [];
}

/** Shows why a take log cannot be used, with a button that opens it. */
export async function showInvalidLog(message: string, logPath: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open file');
  if (choice === 'Open file') await vscode.window.showTextDocument(vscode.Uri.file(logPath));
}
