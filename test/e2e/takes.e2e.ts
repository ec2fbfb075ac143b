// Takes: the scoring panel, Log Take and Branch Variant from Take, on copies of the lighthouse
// scene and its take log. Prompts are answered through the test hooks (client/src/testHooks.ts)
// with the same items a user would pick; the panel is read back from what it was sent.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, codeOf, hooks, open, scratchCopy, takesPanelState, waitFor } from './support/helpers';

const readLog = (folder: vscode.Uri) => JSON.parse(fs.readFileSync(path.join(folder.fsPath, 'scene09.takes.json'), 'utf8'));
const total = (take: { scores: Record<string, number> }) => Object.values(take.scores).reduce((a, b) => a + b, 0);

describe('takes', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(async () => {
    await hooks.clearAnswers();
    await closeAll();
  });

  it('opens the scoring panel with the logged takes, their totals and the best take', async () => {
    const folder = scratchCopy('lighthouse', 'score-panel');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await open(uri);
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    const { panel, state } = await takesPanelState('scene09.sora', (s) => s.takes.length === 2);
    assert.ok(panel.visible, 'the takes panel is not visible');
    assert.strictEqual(panel.title, 'Takes: scene09.sora');
    assert.ok(panel.ready, 'the panel page never said it was ready');
    assert.deepStrictEqual(state.takes.map((t: any) => [t.id, t.total]), [['take01', 17], ['take02', 20]]);
    assert.strictEqual(state.best, 'take02');
    assert.ok(state.takes.every((t: any) => t.missing), 'the copies have no videos: every take should be marked missing');
  });

  it('saves a score given in the panel to the take log, and the best take follows', async () => {
    const folder = scratchCopy('lighthouse', 'score-click');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    await takesPanelState('scene09.sora', (s) => s.takes.length === 2);
    // What the page sends when the user clicks a score (client/src/takes/model.ts FromTakesPage).
    await hooks.sendFromWebview('sora.takes', { type: 'score', takeId: 'take01', criterion: 'identityStability', value: 5 });
    await hooks.sendFromWebview('sora.takes', { type: 'score', takeId: 'take01', criterion: 'promptAdherence', value: 5 });
    const { state } = await takesPanelState('scene09.sora', (s) => s.takes[0].total === 21);
    assert.strictEqual(state.best, 'take01');
    const log = await waitFor('the score on disk', () => {
      const l = readLog(folder);
      return l.takes[0].scores.identityStability === 5 && l.takes[0].scores.promptAdherence === 5 ? l : undefined;
    });
    assert.strictEqual(total(log.takes[0]), 21);
    assert.strictEqual(total(log.takes[1]), 20, 'take02 changed');
  });

  it('shows a change made to the take log on disk', async () => {
    const folder = scratchCopy('lighthouse', 'score-disk');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    await takesPanelState('scene09.sora', (s) => s.takes.length === 2);
    const log = readLog(folder);
    log.takes[1].notes = 'edited on disk';
    log.takes[1].scores.audioSync = 1;
    log.takes[1].scores.identityStability = 1;
    fs.writeFileSync(path.join(folder.fsPath, 'scene09.takes.json'), JSON.stringify(log, null, 2));
    const { state } = await takesPanelState('scene09.sora', (s) => s.takes[1].notes === 'edited on disk');
    assert.strictEqual(state.takes[1].total, 14);
    assert.strictEqual(state.best, 'take01');
  });

  it('logs a take of a variant with its exact prompt, and the panel shows it', async () => {
    const folder = scratchCopy('lighthouse', 'log-take');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await open(uri);
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    await takesPanelState('scene09.sora', (s) => s.takes.length === 2);
    await hooks.messages();
    await hooks.answer([
      { pick: 'warmer' }, // which did you generate?
      { pick: 'take02' }, // its parent
      { input: null }, // the one change: prefilled from the variant's override
      { pick: 'Log without the video' },
    ]);
    const id = await vscode.commands.executeCommand<string | undefined>('sora.logTake', uri);
    assert.strictEqual(id, 'take03');
    assert.strictEqual(await hooks.pendingAnswers(), 0, 'not every prompt was asked');

    const take = readLog(folder).takes[2];
    assert.strictEqual(take.id, 'take03');
    assert.strictEqual(take.variant, 'warmer');
    assert.strictEqual(take.parent, 'take02');
    assert.strictEqual(take.change, 'style lighting: warm tungsten glow, consistent lighting');
    assert.strictEqual(take.file, 'takes/scene09_take03.mp4');
    assert.match(take.prompt, /warm tungsten glow/);
    assert.deepStrictEqual(take.settings, { aspect: '16:9', resolution: '1080p', duration: 12, audio: ['voice', 'ambience'], model: 'sora-2' });
    const messages = await hooks.messages();
    assert.ok(messages.some((m) => m.severity === 'info' && /^Logged take03 of scene09\.sora: warmer from take02/.test(m.text)), JSON.stringify(messages));

    const { state } = await takesPanelState('scene09.sora', (s) => s.takes.length === 3);
    assert.strictEqual(state.takes[2].total, null, 'a new take is not scored yet');
  });

  it('branches a variant from a take: one change, appended to the storyboard and previewed', async () => {
    const folder = scratchCopy('lighthouse', 'branch');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    const editor = await open(uri);
    await hooks.answer([
      { pick: 'Lighting' }, // what one thing changes?
      { input: 'moonlight through the rain, consistent lighting' },
      { input: null }, // the suggested name
      { button: null }, // dismiss "Added variant …"
    ]);
    const name = await vscode.commands.executeCommand<string | undefined>('sora.branchVariant', uri, 'take02');
    assert.ok(name, 'no variant was branched');
    assert.strictEqual(await hooks.pendingAnswers(), 0, 'not every prompt was asked');
    const text = editor.document.getText();
    assert.match(text, new RegExp(`\\nvariant ${name} from take02\\n  style lighting: moonlight through the rain, consistent lighting\\n?$`));

    const preview = await waitFor('the preview of the new variant', async () => {
      const s = await hooks.previewState();
      return s?.rendered?.variant === name ? s : undefined;
    });
    assert.match(preview.rendered!.prompt, /moonlight through the rain/);
    // The new variant compiles cleanly: no errors, no warnings (take02 may have 2–3 branches).
    assert.strictEqual(preview.rendered!.summary.errors, 0);
    assert.strictEqual(preview.rendered!.summary.warnings, 0);
    // The lighthouse names `model: sora-2`, retired: that hint is all.
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri).map(codeOf), ['model-retired']);
  });
});
