// Screenshots of the features at work, saved by the runner (--screenshots DIR). `npm run screenshots`
// runs only these (SORA_E2E_GREP=screenshot) and copies the PNGs into docs/screenshots/.
// Each test sets up its own state, so they also run alone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, diagnosticsOf, hooks, hoverText, open, positionOf, scratchCopy, sharedExample, sleep, takesPanelState, waitFor } from './support/helpers';
import { takeScreenshot } from './support/screenshot';

describe('screenshots', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAll();
  });

  it('screenshot: the problems example with squiggles and a hover', async () => {
    const uri = sharedExample('problems/scene07.sora');
    const editor = await open(uri);
    await diagnosticsOf(uri, (d) => d.length > 0);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const at = positionOf(editor.document, 'blue apron', 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    assert.match(hoverText(hovers), /identity-drift/);
    await sleep(1000); // semantic tokens and squiggles paint
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500); // the hover fades in
    await takeScreenshot('problems-hover');
  });

  it('screenshot: the live preview beside the lighthouse scene', async () => {
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    const editor = await open(sharedExample('lighthouse/scene09.sora'));
    const at = positionOf(editor.document, 'beat 4s The lamp');
    editor.selection = new vscode.Selection(at, at); // the preview highlights the shot at the cursor
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    await waitFor('the preview', async () => {
      const s = await hooks.previewState();
      return s?.ready && s.rendered?.delivered && s.rendered.fileName === 'scene09.sora' ? s : undefined;
    });
    await sleep(2000); // the page lays out the timeline
    await takeScreenshot('preview-lighthouse');
  });

  it('screenshot: the scoring panel with the trend chart', async () => {
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    const folder = scratchCopy('lighthouse', 'screenshot-takes');
    // A third, scored take from the "warmer" variant, so the trend has somewhere to go.
    const logPath = path.join(folder.fsPath, 'scene09.takes.json');
    const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
    log.takes.push({
      ...log.takes[1],
      id: 'take03',
      file: 'takes/scene09_take03.mp4',
      createdAt: '2026-11-20T10:05:00Z',
      variant: 'warmer',
      parent: 'take02',
      change: 'style lighting: warm tungsten glow, consistent lighting',
      scores: { promptAdherence: 5, physicsRealism: 4, temporalConsistency: 4, identityStability: 4, audioSync: 5 },
      notes: 'warm light reads; keep this one',
    });
    fs.writeFileSync(logPath, JSON.stringify(log, null, 2));
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('sora.scoreTakes', uri, 'take03');
    await takesPanelState('scene09.sora', (s) => s.takes.length === 3);
    await sleep(2500); // the chart draws
    await takeScreenshot('takes-scoring');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  });
});
