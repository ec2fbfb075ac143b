import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AssembleRoughCutResponse } from '../../server/out/protocol';
import { makeColourVideo } from '../helpers/media';
import { repoRoot } from '../helpers/paths';
import { Harness } from './harness';

// "Assemble Rough Cut" through the protocol (`sora/assembleRoughCut`, the Node server's own
// feature): the sequence's best takes in film order, joined by ffmpeg from clips this test makes;
// what is left out named; never an overwrite; a clear message without ffmpeg.

const exampleDir = path.join(repoRoot, 'examples/06-sequence');
const example = Object.fromEntries(fs.readdirSync(exampleDir).map((name) => [`film/${name}`, fs.readFileSync(path.join(exampleDir, name), 'utf8')]));
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

/** A one-second H.264 clip of one colour, as a take's video. */
function makeClip(file: string, colour: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  makeColourVideo(file, [colour], 1, 'mp4');
}

const scene03Log = JSON.stringify({
  version: 1,
  storyboard: 'scene03.sora',
  takes: [{ id: 'take01', file: 'takes/scene03_take01.mp4', createdAt: '2026-11-22T09:00:00Z', variant: 'main', settings: { aspect: '16:9', resolution: '1080p', duration: 1, model: 'sora-2' }, prompt: '…', scores: { promptAdherence: 3, physicsRealism: 3, temporalConsistency: 3, identityStability: 3, audioSync: 3 } }],
});

(hasFfmpeg ? describe : describe.skip)('language server: assemble a rough cut', function () {
  let server: Harness | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const assemble = (uri: string, output: string) => server!.connection.sendRequest<AssembleRoughCutResponse>('sora/assembleRoughCut', { uri, output: pathToFileURL(output).toString() });

  it('joins the best takes in film order, names what it leaves out, and never overwrites', async () => {
    server = await Harness.start({
      examples: false,
      files: { ...example, 'film/scene03.takes.json': scene03Log },
      prepare: (root) => {
        makeClip(path.join(root, 'film/takes/scene02_take02.mp4'), 'red');
        makeClip(path.join(root, 'film/takes/scene03_take01.mp4'), 'blue');
      },
    });
    // Asked from a scene: the cut is its sequence's.
    const output = server.file('film/cut.mp4');
    const answer = await assemble(server.uri('film/scene03.sora'), output);
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.deepEqual(answer.clips.map((clip) => path.basename(clip)), ['scene02_take02.mp4', 'scene03_take01.mp4']);
    assert.match(answer.skipped.join('\n'), /scene 1 \(scene01\.sora\): no scored take/);
    assert.equal(answer.command[0], 'ffmpeg');
    const probe = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', output], { encoding: 'utf8' });
    assert.equal(probe.stdout.trim(), '20', 'two one-second clips at 10 fps (makeColourVideo)');

    const before = fs.statSync(output).mtimeMs;
    const again = await assemble(server.uri('film/film.sora'), output);
    assert.ok(!again.ok && /not overwriting/.test(again.message), JSON.stringify(again));
    assert.equal(fs.statSync(output).mtimeMs, before);

    const notVideo = await assemble(server.uri('film/film.sora'), server.file('film/cut.txt'));
    assert.ok(!notVideo.ok && /\.mp4/.test(notVideo.message), JSON.stringify(notVideo));
    assert.ok(!fs.existsSync(server.file('film/cut.txt')));
  });

  it('says so when no scene has a video to join, and when ffmpeg is not on the PATH', async () => {
    server = await Harness.start({ examples: false, files: { ...example, 'film/scene03.takes.json': scene03Log }, env: { ...process.env, PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'sora-no-ffmpeg-')) } });
    const nothing = await assemble(server.uri('film/film.sora'), server.file('film/cut.mp4'));
    assert.ok(!nothing.ok && /nothing to assemble/.test(nothing.message), JSON.stringify(nothing));
    makeClip(server.file('film/takes/scene03_take01.mp4'), 'blue');
    const noFfmpeg = await assemble(server.uri('film/film.sora'), server.file('film/cut.mp4'));
    assert.ok(!noFfmpeg.ok && /ffmpeg is not on the PATH/.test(noFfmpeg.message), JSON.stringify(noFfmpeg));
    assert.ok(!fs.existsSync(server.file('film/cut.mp4')), 'nothing written');
  });
});
