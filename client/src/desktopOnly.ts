import * as vscode from 'vscode';

// Commands whose code still needs Node (the file system of the extension host), in an extension
// host that has none (vscode.dev, a web-worker host): each says so when run instead of failing, and
// nothing about them stops the extension from activating.

export interface DesktopOnlyCommand {
  command: string;
  /** As the Command Palette shows it: "Log Take". */
  title: string;
}

export function registerDesktopOnly(commands: readonly DesktopOnlyCommand[]): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map(({ command, title }) =>
      vscode.commands.registerCommand(command, () => {
        void vscode.window.showInformationMessage(
          `${title} needs the VS Code desktop app (or a folder opened on a remote): in the browser Sora Storyboard checks, previews and compiles storyboards, but cannot run ${title} yet.`,
        );
      }),
    ),
  );
}
