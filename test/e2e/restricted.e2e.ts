// Restricted Mode (an untrusted folder): run by `npm run test:e2e:restricted`, which opens the
// workspace untrusted (scripts/e2e/run-code-server-tests.mjs --restricted). The extension checks
// and previews, but reads no config file of the folder, writes nothing, and says so.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, codeOf, diagnosticsOf, hooks, open, scratchCopy, takesPanelState, waitFor } from './support/helpers';

const restricted = process.env.SORA_E2E_RESTRICTED === '1';

describe('Restricted Mode', function () {
  before(async function () {
    if (!restricted) this.skip(); // the trusted run; `npm run test:e2e:restricted` runs these
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(async () => {
    await hooks.clearAnswers();
    await closeAll();
  });

  it('the folder is untrusted and the extension runs in it', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.ok(vscode.extensions.getExtension('sora-storyboard.sora-storyboard')?.isActive);
  });

  it('checks storyboards but reads no .sorarc.json, and says so', async () => {
    const folder = scratchCopy('problems', 'restricted-config');
    fs.writeFileSync(path.join(folder.fsPath, '.sorarc.json'), JSON.stringify({ rules: { 'character-unknown': 'off' } }));
    const uri = vscode.Uri.joinPath(folder, 'scene07.sora');
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => codeOf(d) === 'character-unknown'), 'the config turning the rule off was not read');
    await waitFor('the Restricted Mode note', async () => (await hooks.messages()).find((m) => /Restricted Mode: \.sorarc\.json is not read/.test(m.text)));
  });

  it('previews a storyboard', async () => {
    const folder = scratchCopy('lighthouse', 'restricted-preview');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await open(uri);
    await vscode.commands.executeCommand('sora.openPreviewToSide', uri);
    const preview = await waitFor('the preview of scene09.sora', async () => {
      const state = await hooks.previewState();
      return state?.ready && state.rendered?.delivered && state.rendered.fileName === 'scene09.sora' ? state : undefined;
    });
    assert.ok(preview.rendered);
  });

  it('Log Take writes nothing and says why', async () => {
    const folder = scratchCopy('lighthouse', 'restricted-log');
    const logPath = path.join(folder.fsPath, 'scene09.takes.json');
    const before = fs.readFileSync(logPath, 'utf8');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await open(uri);
    await hooks.messages();
    const logged = await vscode.commands.executeCommand('sora.logTake', uri);
    assert.strictEqual(logged, undefined);
    const messages = await hooks.messages();
    assert.ok(messages.some((m) => /Log Take is not available in Restricted Mode/.test(m.text)), JSON.stringify(messages));
    assert.strictEqual(fs.readFileSync(logPath, 'utf8'), before);
    assert.ok(!fs.existsSync(path.join(folder.fsPath, 'takes')), 'no takes folder made');
  });

  it('the scoring panel shows the takes but saves no score, and says so', async () => {
    const folder = scratchCopy('lighthouse', 'restricted-score');
    const logPath = path.join(folder.fsPath, 'scene09.takes.json');
    const before = fs.readFileSync(logPath, 'utf8');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    const { state } = await takesPanelState('scene09.sora', (s) => s.takes.length === 2);
    assert.match(state.notice ?? '', /Restricted Mode: scores and notes are not saved/);
    await hooks.sendFromWebview('sora.takes', { type: 'score', takeId: 'take01', criterion: 'identityStability', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 800)); // longer than the save debounce
    assert.strictEqual(fs.readFileSync(logPath, 'utf8'), before);
  });
});
