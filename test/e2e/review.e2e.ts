// Reviewing takes in the real workbench: the state the side-by-side and frame views are drawn from
// (beats with their text, the lineage, provenance), the host's frame cache surviving a reopened
// panel, and "Adopt This Take's Change" confirmed through its dialog.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, assertWorkspaceIsACopy, closeAll, hooks, open, scratchCopy, takesPanelState, waitFor } from './support/helpers';

const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('takes: review from the video', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(async () => {
    await hooks.clearAnswers();
    await closeAll();
  });

  it('sends the side-by-side views their beats, lineage and videos; captured frames come back when the panel reopens', async () => {
    const folder = scratchCopy('lighthouse', 'review-frames');
    fs.mkdirSync(path.join(folder.fsPath, 'takes'), { recursive: true });
    fs.writeFileSync(path.join(folder.fsPath, 'takes/scene09_take02.mp4'), 'stand-in video bytes');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    const { state } = await takesPanelState('scene09.sora', (s) => s.takes.length === 2 && s.beats?.length === 3);
    assert.deepStrictEqual(state.beats.map((b: any) => [b.index, b.start, b.end, b.title]), [[1, 0, 4, 'The climb'], [2, 4, 8, 'The lamp'], [3, 8, 12, 'The beam']]);
    assert.ok(state.beats[1].text.includes('strikes a match'));
    assert.deepStrictEqual(state.beats[1].dialogue, [{ speaker: 'Mara', at: 5, line: 'Not tonight.' }]);
    assert.deepStrictEqual(state.lineage.bestPath, ['take01', 'take02']);
    const take02 = state.takes[1];
    assert.ok(take02.videoUri && take02.videoKey, 'take02 has a video');
    const key = `take02|${take02.videoKey}|0.25,2,3.75;4.25,6,7.75;8.25,10,11.75`;
    await hooks.sendFromWebview('sora.takes', { type: 'framesCaptured', key, frames: Array(9).fill(pixel) });
    await hooks.sendFromWebview('sora.takes', { type: 'framesCaptured', key: 'take02|x|1', frames: ['javascript:alert(1)'] });
    await closeAll();
    await vscode.commands.executeCommand('sora.scoreTakes', uri);
    const reopened = await takesPanelState('scene09.sora', (s) => s.takes.length === 2 && Object.keys(s.frames ?? {}).length > 0);
    assert.deepStrictEqual(Object.keys(reopened.state.frames), [key], 'only the valid frames were kept');
    assert.strictEqual(reopened.state.frames[key].length, 9);
  });

  it('captures the frames of a real video inside the workbench’s webview (its resources are readable by a canvas)', async () => {
    const folder = scratchCopy('lighthouse', 'review-capture');
    fs.mkdirSync(path.join(folder.fsPath, 'takes'), { recursive: true });
    const video = path.join(folder.fsPath, 'takes/scene09_take02.webm');
    const colours = ['red', 'lime', 'blue'].flatMap((c) => ['-f', 'lavfi', '-i', `color=c=${c}:s=160x120:r=10:d=4`]);
    const made = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', ...colours, '-filter_complex', '[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]', '-map', '[v]', '-c:v', 'libvpx', '-b:v', '200k', '-g', '10', video], { encoding: 'utf8' });
    assert.strictEqual(made.status, 0, `ffmpeg: ${made.error?.message ?? made.stderr}`);
    const logPath = path.join(folder.fsPath, 'scene09.takes.json');
    const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
    log.takes[1].file = 'takes/scene09_take02.webm';
    fs.writeFileSync(logPath, JSON.stringify(log, null, 2));
    await vscode.commands.executeCommand('sora.scoreTakes', vscode.Uri.joinPath(folder, 'scene09.sora'), 'take02');
    const captured = await waitFor(
      'frames captured by the page',
      async () => {
        const panel = (await hooks.webviews()).reverse().find((w) => w.viewType === 'sora.takes' && !w.disposed);
        return (panel?.received as any[] | undefined)?.find((m) => m.type === 'framesCaptured' && m.key.startsWith('take02|'));
      },
      30_000,
    );
    assert.strictEqual(captured.frames.length, 9);
    assert.ok(captured.frames.every((f: string) => f.startsWith('data:image/jpeg;base64,')));
  });

  it('adopts a variant take’s change into the main text once confirmed on the diff', async () => {
    const folder = scratchCopy('lighthouse', 'review-adopt');
    const logPath = path.join(folder.fsPath, 'scene09.takes.json');
    const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
    log.takes.push({ ...log.takes[1], id: 'take03', file: 'takes/scene09_take03.mp4', variant: 'warmer', parent: 'take02', change: 'style lighting: warm tungsten glow, consistent lighting' });
    fs.writeFileSync(logPath, JSON.stringify(log, null, 2));
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    const { document } = await open(uri);
    await hooks.answer([{ button: 'Adopt' }]);
    const adopted = await vscode.commands.executeCommand<boolean>('sora.adoptTakeChange', uri.toString(), 'take03');
    assert.strictEqual(adopted, true);
    await waitFor('the adopted text', () => (document.getText().includes('  lighting: warm tungsten glow, consistent lighting\n  look') ? true : undefined));
    assert.ok(!document.getText().includes('stormy dusk'));
    assert.ok(document.getText().includes('variant warmer from take02'), 'the variant stays');
  });
});
