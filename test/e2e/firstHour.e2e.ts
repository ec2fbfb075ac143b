// A writer's first hour (issue 12): the walkthrough's buttons act on the storyboard behind the
// walkthrough, New Storyboard started there keeps its questions in one quick input and refuses an
// id that exists at once, Copy Prompt asks before copying a storyboard with errors, and Branch… from
// the Takes panel keeps the layout (storyboard left, panels right, no second editor of the file).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, codeOf, hooks, open, scratchCopy, takesPanelState, waitFor, workspaceRoot } from './support/helpers';

const walkthrough = 'sora-storyboard.sora-storyboard#sora.getStarted';

/** Opens the Get Started walkthrough in front of whatever is open, as a new writer sees it. */
async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthrough, false);
  await waitFor('the walkthrough in front', () => (vscode.window.activeTextEditor === undefined ? true : undefined));
}

/** Tabs of the storyboard across all groups. */
function storyboardTabs(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
}

describe('first hour', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(async () => {
    await hooks.clearAnswers();
    await closeAll();
  });

  it('walkthrough buttons act on the storyboard in the tab behind the walkthrough', async () => {
    const folder = scratchCopy('lighthouse', 'walkthrough-buttons');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await open(uri);
    await openWalkthrough();
    await hooks.messages();

    // The buttons run their commands without arguments (command: links in package.json).
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    const preview = await waitFor('the preview of scene09', async () => {
      const s = await hooks.previewState();
      return s?.rendered?.fileName === 'scene09.sora' ? s : undefined;
    });
    assert.match(preview.rendered!.prompt, /Mara/);

    await openWalkthrough();
    await vscode.env.clipboard.writeText('');
    await hooks.answer([{ pick: 'main' }]);
    await vscode.commands.executeCommand('sora.copyPrompt');
    assert.strictEqual(await vscode.env.clipboard.readText(), preview.rendered!.prompt);

    await openWalkthrough();
    await vscode.commands.executeCommand('sora.scoreTakes');
    await takesPanelState('scene09.sora', (s) => s.takes.length === 2);

    await openWalkthrough();
    await hooks.answer([{ pick: 'main' }, { pick: 'No parent' }, { pick: 'Log without the video' }]);
    assert.strictEqual(await vscode.commands.executeCommand('sora.logTake'), 'take03');

    await openWalkthrough();
    await hooks.answer([{ pick: 'take02' }, { pick: 'Lighting' }, { input: 'moonlight, consistent lighting' }, { input: null }, { button: null }]);
    assert.ok(await vscode.commands.executeCommand('sora.branchVariant'), 'no variant was branched');

    const messages = await hooks.messages();
    assert.ok(!messages.some((m) => /Open a \.sora storyboard first/.test(m.text)), JSON.stringify(messages));
  });

  it('New Storyboard from the walkthrough: one quick input throughout, an existing id refused at once', async () => {
    const existing = vscode.Uri.joinPath(workspaceRoot(), 'scene61.sora');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scene62.sora');
    fs.writeFileSync(existing.fsPath, '// mine\n');
    fs.rmSync(target.fsPath, { force: true });
    await openWalkthrough();
    await hooks.messages();
    await hooks.quickInputLog();
    await hooks.answer([{ input: '61' }, { input: '62' }, { pick: 'Decide later' }, { pick: '16:9' }, { input: 'Night Ferry' }]);
    await vscode.commands.executeCommand('sora.newStoryboard');
    assert.strictEqual(await hooks.pendingAnswers(), 0, 'not every question was asked');
    assert.strictEqual(fs.readFileSync(existing.fsPath, 'utf8'), '// mine\n');
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^scene 62 "Night Ferry"$/m);

    // The id that exists was refused in its own step, before the other questions.
    const messages = await hooks.messages();
    assert.deepStrictEqual(messages.filter((m) => m.severity === 'validation').map((m) => m.text), ['scene61.sora already exists: choose another scene id (or open it from the Explorer).']);
    // Each question replaced the last while it was still open: the widget (and the keyboard focus)
    // never went back to the walkthrough between questions.
    const log = await hooks.quickInputLog();
    const order = log.map((e) => `${e.event} ${e.title}`);
    for (const [next, previous] of [['2/4', '1/4'], ['3/4', '2/4'], ['4/4', '3/4']]) {
      const shown = order.indexOf(`show New Storyboard (${next})`);
      const hidden = order.indexOf(`hide New Storyboard (${previous})`);
      assert.ok(shown >= 0 && hidden > shown, `step ${next} shown before ${previous} closed: ${order.join(', ')}`);
    }
    const editor = await waitFor('the new storyboard', () => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor : undefined));
    assert.match(editor.document.getText(editor.selection), /^<.+>$/, 'the logline placeholder is selected');
  });

  it('Copy Prompt with errors asks first, and copies only with "Copy anyway"', async () => {
    const folder = scratchCopy('lighthouse', 'copy-errors');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    const text = fs.readFileSync(uri.fsPath, 'utf8').replace(/^character Mara$/m, 'character Mara\n  cameo: @mara.k');
    fs.writeFileSync(uri.fsPath, text);
    await open(uri);
    await vscode.env.clipboard.writeText('untouched');
    await hooks.messages();
    await hooks.answer([{ pick: 'main' }, { button: null }]);
    await vscode.commands.executeCommand('sora.copyPrompt');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'untouched', 'copied an unconsented cameo without asking');
    const asked = (await hooks.messages()).find((m) => m.severity === 'warning');
    assert.ok(asked, 'no warning');
    assert.match(asked.text, /^scene09\.sora has 1 error\. The prompt would go to Sora as it compiles now\.$/);

    await hooks.answer([{ pick: 'main' }, { button: 'Copy anyway' }]);
    await vscode.commands.executeCommand('sora.copyPrompt');
    assert.match(await vscode.env.clipboard.readText(), /Mara/);

    // The preview's own Copy button asks the same way.
    await vscode.commands.executeCommand('sora.openPreviewToSide', uri);
    await waitFor('the preview', async () => ((await hooks.previewState())?.rendered ? true : undefined));
    await vscode.env.clipboard.writeText('untouched');
    await hooks.answer([{ button: null }]);
    await hooks.sendFromWebview('sora.preview', { type: 'copy', what: 'prompt', text: 'the prompt' });
    assert.strictEqual(await vscode.env.clipboard.readText(), 'untouched');
  });

  it('a fix that writes placeholders puts the cursor on the first one; the placeholders are flagged until filled', async () => {
    const folder = scratchCopy('lighthouse', 'placeholder-fix');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    const text = fs.readFileSync(uri.fsPath, 'utf8').replace(/anchors: silver braid, yellow raincoat, weathered hands, green eyes/, 'anchors: weathered hands');
    fs.writeFileSync(uri.fsPath, text);
    const editor = await open(uri);
    const diagnostics = await waitFor('anchor-count', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'anchor-count'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /to fill in/.test(a.title));
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('the snippet applied', () => (/anchors: weathered hands, <[^>]+>, <[^>]+>/.test(editor.document.getText()) ? true : undefined));
    assert.match(editor.document.getText(editor.selection), /^<[^>]+>$/, 'the first placeholder is selected');
    const placeholders = await waitFor('placeholder warnings', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'placeholder');
      return found.length === 2 ? found : undefined;
    });
    assert.strictEqual(placeholders[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(!placeholders[0].message.includes('`'), placeholders[0].message);
  });

  it('Branch… from the Takes panel keeps the storyboard left and the panels right', async () => {
    const folder = scratchCopy('lighthouse', 'branch-layout');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await open(uri, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('sora.openPreviewToSide');
    await waitFor('the preview', async () => ((await hooks.previewState())?.rendered ? true : undefined));
    await vscode.commands.executeCommand('sora.scoreTakes');
    const { panel } = await takesPanelState('scene09.sora', (s) => s.takes.length === 2);
    assert.strictEqual(panel.viewColumn, vscode.ViewColumn.Two, 'Score Takes opened over the storyboard');

    await hooks.answer([{ pick: 'Lighting' }, { input: 'moonlight through the rain, consistent lighting' }, { input: null }, { button: null }]);
    // What the panel's Branch… button sends.
    await hooks.sendFromWebview('sora.takes', { type: 'branch', takeId: 'take02' });
    await waitFor('the variant in the storyboard', () => (/variant \S+ from take02\n {2}style lighting: moonlight/.test(fs.readFileSync(uri.fsPath, 'utf8')) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && /moonlight/.test(d.getText())) ? true : undefined));
    await waitFor('the preview on the variant', async () => ((await hooks.previewState())?.rendered?.variant ? true : undefined));

    assert.strictEqual(vscode.window.tabGroups.all.length, 2, 'a third column was opened');
    assert.deepStrictEqual(storyboardTabs(uri).map((tab) => tab.group.viewColumn), [vscode.ViewColumn.One], 'the storyboard is open once, on the left');
    const webviews = (await hooks.webviews()).filter((w) => !w.disposed);
    assert.deepStrictEqual(webviews.map((w) => [w.viewType, w.viewColumn]).sort(), [['sora.preview', 2], ['sora.takes', 2]]);
  });
});
