import * as vscode from 'vscode';

// VS Code's Restricted Mode (an untrusted folder): the extension checks and previews storyboards,
// but writes nothing (no take logged, no score saved, no variant branched, no new storyboard file)
// and the language server reads no `.sorarc.json` / `sora.config.json` of the folder.

export function isRestricted(): boolean {
  return !vscode.workspace.isTrusted;
}

/** Says why `action` is unavailable in Restricted Mode; true when it was refused. */
export function refuseInRestrictedMode(action: string): boolean {
  if (!isRestricted()) return false;
  void vscode.window
    .showWarningMessage(`${action} is not available in Restricted Mode: Sora Storyboard checks and previews storyboards in an untrusted folder, but writes nothing there. Trust the folder to log, score and branch takes.`, 'Manage Workspace Trust')
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return true;
}
