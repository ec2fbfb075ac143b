// The core of the product in the web-worker extension host, the one vscode.dev runs extensions in:
// the browser entry (client/src/browserExtension.ts), the server in a Web Worker reading files
// through the client. Diagnostics, a hover, a quick fix, the preview and scoring a take, on copies
// of the shared examples made with workspace.fs (no Node here).
import * as vscode from 'vscode';
import * as assert from '../support/assert';
import {
  activateExtension,
  closeAll,
  codeOf,
  diagnosticsOf,
  hooks,
  hoverText,
  listDiagnostics,
  open,
  positionOf,
  sharedExample,
  takesPanelState,
  waitFor,
  workspaceRoot,
  type PreviewSnapshot,
} from '../support/workbench';

/** A fresh copy of a shared example under `scratch/NAME/`, so a test that edits leaves the others alone. */
async function scratchCopy(example: 'lighthouse' | 'problems', name: string): Promise<vscode.Uri> {
  const to = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(workspaceRoot(), 'shared', example), to, { overwrite: true });
  return to;
}

async function readJson(uri: vscode.Uri): Promise<any> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

describe('the web extension (web-worker extension host)', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAll);

  it('runs without Node, on the workspace through the remote file system', () => {
    // Under code-server's Node host `process.versions.node` is there: this would be the wrong suite.
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    assert.strictEqual(node, undefined, 'the tests run in a Node extension host');
    assert.strictEqual(workspaceRoot().scheme, 'vscode-remote', 'the workspace is not on the remote');
  });

  it('reports the problems example\'s errors with their rule codes', async () => {
    const uri = sharedExample('problems/scene07.sora');
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.length > 0, 60_000);
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of ['aspect', 'timeline', 'character-unknown', 'identity-drift']) {
      assert.ok(codes.has(code), `no "${code}" among ${listDiagnostics(diagnostics)}`);
    }
    const aspect = diagnostics.find((d) => codeOf(d) === 'aspect')!;
    assert.strictEqual(aspect.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(aspect.range.start.line, 4, 'aspect is flagged on `aspect: 4:3` (line 5)');
  });

  it('hovers a beat header with its span in the clip', async () => {
    const editor = await open(sharedExample('lighthouse/scene09.sora'));
    const text = await waitFor('a hover on the beat header', async () =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'beat 4s The lamp', 2))));
    assert.match(text, /0:04–0:08/, 'hover');
  });

  it('applies the aspect quick fix, and the diagnostic goes away', async () => {
    const uri = vscode.Uri.joinPath(await scratchCopy('problems', 'web-fix-aspect'), 'scene07.sora');
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'aspect'), 60_000);
    const diagnostic = diagnostics.find((x) => codeOf(x) === 'aspect')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /16:9/.test(a.title) && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix?.edit, `no 16:9 quick fix for aspect; got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');
    const after = await diagnosticsOf(uri, (d) => !d.some((x) => codeOf(x) === 'aspect'));
    assert.ok(after.length < diagnostics.length, `still ${listDiagnostics(after)}`);
  });

  it('opens the preview beside the storyboard with the compiled prompt', async () => {
    await open(sharedExample('lighthouse/scene09.sora'));
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    const state = await waitFor<PreviewSnapshot | null | undefined>('the preview to show scene09.sora', async () => {
      const snapshot = await hooks.previewState();
      return snapshot?.ready && snapshot.rendered?.delivered && snapshot.rendered.fileName === 'scene09.sora' ? snapshot : undefined;
    }, 60_000);
    assert.strictEqual(state.title, 'Preview scene09.sora');
    assert.strictEqual(state.viewColumn, vscode.ViewColumn.Two, 'the preview is not beside the editor');
    assert.match(state.rendered!.prompt, /Shot 1 \(0:00[-–]0:04\), wide, static: Mara/);
    assert.match(state.rendered!.prompt, /Mara \(0:05\): "Not tonight\."/);
  });

  it('scores a take in the panel and saves it to the take log', async () => {
    const folder = await scratchCopy('lighthouse', 'web-score');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    // The server reads the log (sora/takes/view) through the client's workspace.fs.
    await takesPanelState('scene09.sora', (s) => s.takes.length === 2, 60_000);
    // What the page sends when the user clicks a score (client/src/takes/model.ts FromTakesPage).
    await hooks.sendFromWebview('sora.takes', { type: 'score', takeId: 'take01', criterion: 'identityStability', value: 5 });
    await hooks.sendFromWebview('sora.takes', { type: 'score', takeId: 'take01', criterion: 'promptAdherence', value: 5 });
    const { state } = await takesPanelState('scene09.sora', (s) => s.takes[0].total === 21);
    assert.strictEqual(state.best, 'take01');
    const log = await waitFor('the score in the take log', async () => {
      const read = await readJson(vscode.Uri.joinPath(folder, 'scene09.takes.json'));
      return read.takes[0].scores.identityStability === 5 && read.takes[0].scores.promptAdherence === 5 ? read : undefined;
    });
    assert.strictEqual(Object.values(log.takes[1].scores as Record<string, number>).reduce((a, b) => a + b, 0), 20, 'take02 changed');
  });
});
