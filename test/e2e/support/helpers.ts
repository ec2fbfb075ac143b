// Helpers for the e2e suite in the Node extension host: the workspace copy, read and copied with
// Node. Everything that needs no Node is in ./workbench.ts (re-exported here), which the suite in
// the web-worker extension host (test/e2e/web/) shares.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { workspaceRoot } from './workbench';

export * from './workbench';

/** Refuses to run against the repository's own files: the runner must have copied the workspace. */
export function assertWorkspaceIsACopy(): void {
  const root = workspaceRoot().fsPath;
  const copy = process.env.SORA_E2E_WORKSPACE;
  if (copy) assert.strictEqual(path.resolve(root), path.resolve(copy), 'the open folder is not the runner\'s temp copy');
  assert.ok(fs.existsSync(path.join(root, 'shared', 'problems', 'scene07.sora')), `no shared examples copied into ${root}/shared`);
}

/**
 * A fresh copy of a shared example folder (`lighthouse`, `problems`, `rooftop`) under
 * `scratch/NAME/` in the workspace, so a test that edits, fixes or logs takes leaves the others alone.
 */
export function scratchCopy(example: 'lighthouse' | 'problems' | 'rooftop', name: string): vscode.Uri {
  const from = path.join(workspaceRoot().fsPath, 'shared', example);
  const to = path.join(workspaceRoot().fsPath, 'scratch', name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return vscode.Uri.file(to);
}

