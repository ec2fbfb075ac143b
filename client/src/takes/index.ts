import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Registers the take log, scoring panel and branching commands. Filled in by the takes feature. */
export function registerTakeFeatures(_context: vscode.ExtensionContext, _client: LanguageClient): void {
  // The takes feature (issue 6) is being built; nothing to register yet.
}
