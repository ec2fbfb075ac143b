// The sequence board and the cast across files in the real workbench, on a copy of
// examples/06-sequence given take logs and videos made here with ffmpeg: the board shows the three
// scenes with their best takes, spend and runtime, its page draws a frame of each best take inside
// the workbench's webview, a new order rewrites `scenes:`, and renaming the sequence's character
// through VS Code's rename renames it in every scene with one WorkspaceEdit.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { takeScreenshot } from './support/screenshot';
import { activateExtension, assertWorkspaceIsACopy, closeAll, hooks, open, positionOf, waitFor, workspaceRoot, type WebviewSnapshot } from './support/helpers';

const scores = (n: number) => ({ promptAdherence: n, physicsRealism: n, temporalConsistency: n, identityStability: n, audioSync: n });

/** A copy of examples/06-sequence under scratch/NAME, so edits here leave the other suites' files alone. */
function sequenceCopy(name: string): vscode.Uri {
  const from = path.join(workspaceRoot().fsPath, '06-sequence');
  const to = path.join(workspaceRoot().fsPath, 'scratch', name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return vscode.Uri.file(to);
}

function makeVideo(file: string, colour: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const made = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${colour}:s=160x90:r=10:d=4`, '-c:v', 'libvpx', '-b:v', '100k', '-g', '10', file], { encoding: 'utf8' });
  assert.strictEqual(made.status, 0, `ffmpeg: ${made.error?.message ?? made.stderr}`);
}

/** Gives every scene a take log whose best take has a video (WebM: what any Chromium decodes) and a cost. */
function logTakes(folder: string): void {
  const example = JSON.parse(fs.readFileSync(path.join(folder, 'scene02.takes.json'), 'utf8'));
  const take = (scene: string, id: string, total: number, usd: number | null) => ({
    ...example.takes[0],
    id,
    file: `takes/scene${scene}_${id}.webm`,
    parent: undefined,
    change: undefined,
    scores: scores(total),
    ...(usd === null ? {} : { cost: { usd, perSecond: usd / 12, source: 'profile' } }),
  });
  const logs: Record<string, object[]> = {
    '01': [take('01', 'take01', 4, 1.2)],
    '02': [take('02', 'take01', 3, 1.2), take('02', 'take02', 4, 1.2)],
    '03': [take('03', 'take01', 3, null), take('03', 'take02', 2, 0.6)],
  };
  for (const [scene, takes] of Object.entries(logs)) {
    fs.writeFileSync(path.join(folder, `scene${scene}.takes.json`), JSON.stringify({ version: 1, storyboard: `scene${scene}.sora`, takes }, null, 2));
  }
  makeVideo(path.join(folder, 'takes/scene01_take01.webm'), 'red');
  makeVideo(path.join(folder, 'takes/scene02_take02.webm'), 'lime');
  makeVideo(path.join(folder, 'takes/scene03_take01.webm'), 'blue');
}

async function boardPanel(until: (message: any, panel: WebviewSnapshot) => boolean): Promise<{ panel: WebviewSnapshot; message: any }> {
  return waitFor(
    'the sequence board',
    async () => {
      const panel = (await hooks.webviews()).reverse().find((w) => w.viewType === 'sora.board' && !w.disposed);
      const message = panel?.lastPosted.board?.message;
      return panel?.ready && message && until(message, panel) ? { panel, message } : undefined;
    },
    20_000,
  );
}

describe('sequences: the board and the cast across files', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(closeAll);

  it('shows the three scenes with their best takes, spend and a frame of each; a new order rewrites scenes:', async () => {
    const folder = sequenceCopy('board');
    logTakes(folder.fsPath);
    const film = vscode.Uri.joinPath(folder, 'film.sora');
    const { document } = await open(film);
    await vscode.commands.executeCommand('sora.openSequenceBoard', film);
    const { message } = await boardPanel((m) => m.board.cards.every((c: any) => c.best) && Object.keys(m.videos).length === 3);
    const { board } = message;
    assert.strictEqual(board.title, 'The Last Light');
    assert.strictEqual(board.seconds, 36);
    assert.deepStrictEqual(board.cards.map((c: any) => [c.entry, c.title, c.best.id, c.best.total, c.takeCount]), [
      ['scene01.sora', 'The Climb', 'take01', 20, 1],
      ['scene02.sora', 'The Match', 'take02', 20, 2],
      ['scene03.sora', 'The Beam', 'take01', 15, 2],
    ]);
    assert.deepStrictEqual(board.cards.map((c: any) => c.spend), [
      { usd: 1.2, priced: 1, unpriced: 0 },
      { usd: 2.4, priced: 2, unpriced: 0 },
      { usd: 0.6, priced: 1, unpriced: 1 },
    ]);
    assert.deepStrictEqual(board.spend, { usd: 4.2, priced: 4, unpriced: 1 });
    for (const video of Object.values<any>(message.videos)) assert.match(video.src, /^https?:\/\//, 'a webview URI, not a file: URI');

    // The page itself, inside the workbench's webview, read each video and drew its frame.
    const captured = await waitFor(
      'a frame of each best take drawn by the page',
      async () => {
        const panel = (await hooks.webviews()).reverse().find((w) => w.viewType === 'sora.board' && !w.disposed);
        const frames = (panel?.received as any[] | undefined)?.filter((m) => m.type === 'frameCaptured') ?? [];
        return new Set(frames.map((f) => f.key)).size === 3 ? frames : undefined;
      },
      30_000,
    );
    assert.ok(captured.every((f: any) => f.frame.startsWith('data:image/jpeg;base64,')));
    await takeScreenshot('sequence-board');

    await hooks.sendFromWebview('sora.board', { type: 'reorder', order: ['scene03.sora', 'scene01.sora', 'scene02.sora'] });
    await waitFor('scenes: rewritten', () => document.getText().includes('  scenes: scene03.sora, scene01.sora, scene02.sora\n'));
    assert.strictEqual(document.getText().match(/scenes:/g)?.length, 1);
    const reordered = await boardPanel((m) => m.board.cards[0].entry === 'scene03.sora');
    assert.deepStrictEqual(reordered.message.board.cards.map((c: any) => c.entry), ['scene03.sora', 'scene01.sora', 'scene02.sora']);
    assert.deepStrictEqual(Object.keys(reordered.message.frames).length, 3, 'the frames the page drew come back with the board');
  });

  it('renames the sequence\'s character in the sequence and every scene, with one WorkspaceEdit through VS Code\'s rename', async () => {
    const folder = sequenceCopy('rename');
    const film = vscode.Uri.joinPath(folder, 'film.sora');
    const { document } = await open(film);
    const scenes = ['scene01.sora', 'scene02.sora', 'scene03.sora'].map((name) => vscode.Uri.joinPath(folder, name));
    // The server learns of the new copy from its file watcher; the rename reaches the scenes once it has.
    const edit = await waitFor('a rename across the files', async () => {
      const answer = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', film, positionOf(document, 'character Mara', 'character '.length), 'Maren');
      return answer && answer.entries().length === 4 ? answer : undefined;
    });
    const files = edit.entries().map(([uri]) => path.basename(uri.fsPath)).sort();
    assert.deepStrictEqual(files, ['film.sora', 'scene01.sora', 'scene02.sora', 'scene03.sora']);
    assert.ok(edit.entries().every(([, edits]) => edits.every((e) => e.newText === 'Maren')));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.getText().includes('character Maren\n'));
    for (const uri of scenes) {
      // As in one file, the rename reaches declarations, subjects and say lines, not free prose such as a logline.
      const text = (await vscode.workspace.openTextDocument(uri)).getText().replace(/^logline:.*$/m, '');
      assert.ok(!/\bMara\b/.test(text), `${path.basename(uri.fsPath)} still names Mara`);
      assert.ok(text.includes('Maren'), `${path.basename(uri.fsPath)} names Maren`);
    }
    assert.ok((await vscode.workspace.openTextDocument(scenes[1])).getText().includes('say Maren @1s "Not tonight."'));
  });
});
