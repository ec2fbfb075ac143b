// "Sora: New Storyboard": asks four questions (id, target model, aspect, title), writes sceneNN.sora into the workspace and opens
// it; the checker reports only the logline placeholder, selected for the writer to replace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, diagnosticsOf, hooks, listDiagnostics, waitFor, workspaceRoot } from './support/helpers';

describe('new storyboard', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(async () => {
    await hooks.clearAnswers();
    await closeAll();
  });

  it('writes a storyboard that passes the checker but for its logline to fill in, and opens it', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scene42.sora');
    fs.rmSync(target.fsPath, { force: true });
    await hooks.answer([{ input: '42' }, { pick: 'Decide later' }, { pick: '9:16' }, { input: 'Night "Train"' }]);
    await vscode.commands.executeCommand('sora.newStoryboard');
    assert.strictEqual(await hooks.pendingAnswers(), 0, 'not every prompt was asked');
    assert.ok(fs.existsSync(target.fsPath), 'scene42.sora was not written');

    const editor = await waitFor('the new file in the editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor : undefined);
    const text = editor.document.getText();
    assert.match(text, /^scene 42 "Night 'Train'"$/m);
    assert.match(text, /^ {2}aspect: 9:16$/m);
    // The logline is selected, ready to be replaced.
    assert.strictEqual(editor.document.lineAt(editor.selection.start.line).text.startsWith('logline:'), true);
    assert.ok(!editor.selection.isEmpty, 'the logline is not selected');

    assert.strictEqual(listDiagnostics(await diagnosticsOf(target)), 'placeholder@3');
    assert.strictEqual(editor.document.getText(editor.selection), editor.document.lineAt(2).text.slice('logline: '.length));
    const status = await waitFor('the status bar', async () => {
      const s = await hooks.statusBar();
      return s?.visible && s.text.includes('9:16') ? s : undefined;
    });
    assert.match(status.text, /^\$\(device-camera-video\) 12 ?s · 3 beats · 9:16$/, "no model line: no model and no cost");
  });

  it('for a target model: its line, a length it makes in one generation, and its cost in the status bar', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scene44.sora');
    fs.rmSync(target.fsPath, { force: true });
    await hooks.answer([{ input: '44' }, { pick: 'veo-3.1' }, { pick: '16:9' }, { input: 'Harbour' }]);
    await vscode.commands.executeCommand('sora.newStoryboard');
    assert.strictEqual(await hooks.pendingAnswers(), 0, 'not every prompt was asked');
    const text = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(text, /^ {2}model: veo-3\.1$/m);
    assert.match(text, /^ {2}duration: 8s$/m, 'Veo 3.1 makes at most 8 s per generation');
    assert.strictEqual(listDiagnostics(await diagnosticsOf(target)), 'placeholder@3');
    const status = await waitFor('the status bar with the model', async () => {
      const s = await hooks.statusBar();
      return s?.visible && s.text.includes('veo-3.1') ? s : undefined;
    });
    assert.match(status.text, /8 ?s · 3 beats · 16:9 · veo-3\.1 · ≈ \$\d/);
  });

  it('does not overwrite a storyboard that exists', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scene43.sora');
    fs.writeFileSync(target.fsPath, '// mine\n');
    await hooks.messages();
    // Refused in the first step; with no other id given, the writer cancels.
    await hooks.answer([{ input: '43' }]);
    await vscode.commands.executeCommand('sora.newStoryboard');
    assert.strictEqual(await hooks.pendingAnswers(), 0);
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), '// mine\n');
    const messages = await hooks.messages();
    assert.ok(messages.some((m) => m.severity === 'validation' && /^scene43\.sora already exists/.test(m.text)), JSON.stringify(messages));
  });
});
