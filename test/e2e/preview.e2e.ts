// The live preview and the status bar: what the panel was sent and confirmed it received
// (through the test hooks in client/src/testHooks.ts), as the user sees it beside the editor.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, hooks, open, positionOf, scratchCopy, sharedExample, waitFor, type PreviewSnapshot } from './support/helpers';

/** Waits until the newest preview has rendered something that satisfies `until`. */
async function rendered(what: string, until: (r: NonNullable<PreviewSnapshot['rendered']>, s: PreviewSnapshot) => boolean): Promise<PreviewSnapshot> {
  return waitFor(`the preview to show ${what}`, async () => {
    const state = await hooks.previewState();
    return state?.ready && state.rendered?.delivered && until(state.rendered, state) ? state : undefined;
  });
}

describe('preview and status bar', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(closeAll);

  it('opens the preview beside the storyboard with the compiled prompt', async () => {
    const editor = await open(sharedExample('lighthouse/scene09.sora'));
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    const state = await rendered('scene09.sora', (r) => r.fileName === 'scene09.sora');
    assert.ok(state.visible, 'the preview panel is not visible');
    assert.strictEqual(state.viewColumn, vscode.ViewColumn.Two, 'the preview is not beside the editor');
    assert.strictEqual(state.title, 'Preview scene09.sora');
    assert.strictEqual(state.rendered!.variant, null);
    assert.match(state.rendered!.prompt, /Shot 1 \(0:00[-–]0:04\), wide, static: Mara/);
    assert.match(state.rendered!.prompt, /Mara \(0:05\): "Not tonight\."/);
    assert.deepStrictEqual(state.rendered!.variants, ['warmer']);
    // The editor keeps the focus: the preview opened to the side.
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  it('updates the preview as the storyboard is edited', async () => {
    const folder = scratchCopy('lighthouse', 'live-edit');
    const editor = await open(vscode.Uri.joinPath(folder, 'scene09.sora'));
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    await rendered('the original line', (r) => r.prompt.includes('"Not tonight."'));
    const at = positionOf(editor.document, 'Not tonight.');
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 'Not tonight.'.length)), 'Not while I live.'));
    await rendered('the edited line', (r) => r.prompt.includes('"Not while I live."'));
  });

  it('switches the preview to a variant', async () => {
    await open(sharedExample('lighthouse/scene09.sora'));
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    await rendered('main', (r) => r.variant === null);
    await vscode.commands.executeCommand('sora.compileVariant', sharedExample('lighthouse/scene09.sora').toString(), 'warmer');
    const state = await rendered('the variant', (r) => r.variant === 'warmer');
    assert.match(state.rendered!.prompt, /warm tungsten glow/);
    assert.strictEqual(state.title, 'Preview scene09.sora (warmer)');
  });

  it('follows the active storyboard, until it is locked', async () => {
    await open(sharedExample('lighthouse/scene09.sora'));
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    await rendered('scene09.sora', (r) => r.fileName === 'scene09.sora');
    await open(sharedExample('rooftop/scene03.sora'));
    const rooftop = await rendered('scene03.sora', (r) => r.fileName === 'scene03.sora');
    assert.match(rooftop.rendered!.prompt, /Ana/);

    await vscode.commands.executeCommand('sora.togglePreviewLock');
    const locked = await rendered('the lock', (_r, s) => s.title === '[Preview] scene03.sora');
    assert.ok(locked.visible);
    await open(sharedExample('lighthouse/scene09.sora'));
    await new Promise((r) => setTimeout(r, 500));
    const still = await hooks.previewState();
    assert.strictEqual(still?.rendered?.fileName, 'scene03.sora', 'a locked preview followed the editor');
  });

  it('copies the prompt that the preview shows', async () => {
    await open(sharedExample('rooftop/scene03.sora'));
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    const state = await rendered('scene03.sora', (r) => r.fileName === 'scene03.sora');
    await vscode.env.clipboard.writeText('');
    await hooks.answer([{ pick: 'main' }]); // rooftop has variants: the command asks which
    await vscode.commands.executeCommand('sora.copyPrompt');
    await hooks.clearAnswers();
    const copied = await waitFor('the clipboard', () => vscode.env.clipboard.readText());
    assert.strictEqual(copied, state.rendered!.prompt);
  });

  it('switches the preview to another model beside the file\'s own, and back', async () => {
    const folder = scratchCopy('lighthouse', 'targets');
    const file = vscode.Uri.joinPath(folder, 'scene09.sora');
    const text = fs.readFileSync(file.fsPath, 'utf8').replace('model: sora-2', 'model: veo-3.1');
    fs.writeFileSync(file.fsPath, text);
    await open(file);
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    // Veo makes 4, 6 or 8 s: the 12 s scene is two generations, the second from the first's last frame.
    const own = await rendered('the veo plan', (r) => r.own.summary.model === 'veo-3.1' && r.own.generations.length > 0);
    assert.deepStrictEqual(own.rendered!.own.generations, [{ seconds: 8, startFrom: null }, { seconds: 4, startFrom: 'previous' }]);
    assert.ok(own.rendered!.models.includes('kling-3.0'), `the picker offers ${own.rendered!.models.join(', ')}`);
    assert.strictEqual(own.rendered!.target, null);
    const status = await waitFor('the veo status', async () => {
      const s = await hooks.statusBar();
      return s?.text.includes('veo-3.1') ? s : undefined;
    });
    assert.match(status.text, /12 ?s · 3 beats · 16:9 · veo-3\.1 · ≈ \$\d+\.\d\d$/);

    // What the page sends when Kling 3.0 is picked: the preview recompiles for it beside the file's own.
    await hooks.sendFromWebview('sora.preview', { type: 'selectModel', model: 'kling-3.0' });
    const picked = await rendered('Kling 3.0 beside veo', (r) => r.target?.summary.model === 'kling-3.0');
    assert.strictEqual(picked.rendered!.own.summary.model, 'veo-3.1', 'the file\'s own stays');
    assert.strictEqual(picked.rendered!.target!.generations.length, 1, 'Kling makes the scene in one generation with a shot list');
    assert.strictEqual(picked.rendered!.state.model, 'kling-3.0', 'the pick is in the saved state');
    // Copy Request from the editor copies the file's own target: one request body per generation.
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('sora.copyRequest');
    const copied = await waitFor('the request on the clipboard', () => vscode.env.clipboard.readText());
    const bodies = JSON.parse(copied) as { prompt: string }[];
    assert.strictEqual(bodies.length, 2);
    assert.ok(bodies.every((b) => typeof b.prompt === 'string' && b.prompt.length > 0));

    await hooks.sendFromWebview('sora.preview', { type: 'selectModel', model: null });
    await rendered('the file\'s own only', (r) => r.target === null && r.state.model === null);
  });

  it('shows the clip\'s length, beats and aspect in the status bar', async () => {
    await open(sharedExample('rooftop/scene03.sora'));
    const status = await waitFor('the rooftop status', async () => {
      const s = await hooks.statusBar();
      return s?.visible && s.text.includes('9:16') ? s : undefined;
    });
    assert.match(status.text, /^\$\(device-camera-video\) 15 ?s · 3 beats · 9:16 · sora-2( · ≈ \$\d+\.\d\d)?$/);

    await open(sharedExample('problems/scene07.sora'));
    const problems = await waitFor('the problems status', async () => {
      const s = await hooks.statusBar();
      return s?.text.includes('4:3') && s.tooltip?.includes('errors') ? s : undefined;
    });
    assert.match(problems.tooltip!, /Over the ~20 s stable limit/);
    assert.match(problems.tooltip!, /2 errors/);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the status item to hide', async () => (await hooks.statusBar())?.visible === false);
  });
});
