import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeColourVideo, signC2pa } from '../helpers/media';
import { exampleFiles, repoRoot } from '../helpers/paths';

// `sora takes add`, `sora takes score` and `sora takes FILE --format tree` as users run them, on
// copies of the shared lighthouse scene in a temporary folder.

const cli = path.join(repoRoot, 'server/out/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  assert.ok(!/\n\s+at .+:\d+:\d+/.test(result.stderr), `no stack trace: ${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: takes add, takes score, the lineage tree', function () {
  this.timeout(60000);
  let work: string;
  let video: string;
  const logFile = () => path.join(work, 'scene09.takes.json');
  const readLog = () => JSON.parse(fs.readFileSync(logFile(), 'utf8'));

  before(() => {
    video = makeColourVideo(path.join(os.tmpdir(), `sora-cli-red-${process.pid}.mp4`), ['red'], 1, 'fragmented-mp4');
  });
  after(() => fs.rmSync(video, { force: true }));

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-cli-takes-'));
    fs.copyFileSync(exampleFiles.lighthouse, path.join(work, 'scene09.sora'));
    fs.copyFileSync(exampleFiles.lighthouseTakes, logFile());
    // shared/ is read-only in CI, and a copy keeps the mode: a read-only log is (rightly) refused.
    fs.chmodSync(path.join(work, 'scene09.sora'), 0o644);
    fs.chmodSync(logFile(), 0o644);
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const download = (name = 'download.mp4') => {
    const file = path.join(work, name);
    fs.copyFileSync(video, file);
    return file;
  };

  describe('takes add', () => {
    it('logs a variant as Log Take does: compiled prompt and settings, parent and change from the variant, the file moved under its clean name', () => {
      const source = signC2pa(download('raw.mp4'), path.join(work, 'download.mp4'));
      fs.rmSync(path.join(work, 'raw.mp4'));
      const result = run(['takes', 'add', 'scene09.sora', 'download.mp4', '--variant', 'warmer'], work);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Logged take03 .*: warmer from take02, takes\/scene09_take03\.mp4\./);
      assert.match(result.stdout, /Provenance: signed by CN=Sora Storyboard Test Signer, O=Sora Storyboard Tests, issued by CN=Sora Storyboard Test CA/);
      assert.ok(!fs.existsSync(source), 'the download was moved');
      assert.ok(fs.existsSync(path.join(work, 'takes/scene09_take03.mp4')));
      const take = readLog().takes[2];
      const compiled = JSON.parse(run(['compile', 'scene09.sora', '--variant', 'warmer', '--format', 'json'], work).stdout);
      assert.equal(take.prompt, compiled.prompt);
      assert.deepEqual(take.settings, { aspect: '16:9', resolution: '1080p', duration: 12, audio: ['voice', 'ambience'], model: 'sora-2' });
      assert.equal(take.parent, 'take02');
      assert.equal(take.change, 'style lighting: warm tungsten glow, consistent lighting');
      assert.equal(take.provenance.status, 'signed');
      assert.equal(take.provenance.claimGenerator, 'c2pa-ts');
    });

    it('an unsigned video is logged with its provenance marked absent and a warning', () => {
      download();
      const result = run(['takes', 'add', 'scene09.sora', 'download.mp4', '--parent', 'take01', '--change', 'beat 1 camera: static', '--format', 'json'], work);
      assert.equal(result.status, 0, result.stderr);
      const take = JSON.parse(result.stdout);
      assert.deepEqual([take.id, take.variant, take.parent, take.change, take.provenance.status], ['take03', 'main', 'take01', 'beat 1 camera: static', 'absent']);
      assert.deepEqual(readLog().takes[2], take);
      assert.match(result.stderr, /warning: take03: no content credentials \(C2PA\) in the file: its metadata was stripped or it was re-encoded/);
    });

    it('never overwrites: a file already at the clean name stops it, and nothing moves or is logged', () => {
      const source = download();
      fs.mkdirSync(path.join(work, 'takes'));
      fs.writeFileSync(path.join(work, 'takes/scene09_take03.mp4'), 'the writer’s own file');
      const before = fs.readFileSync(logFile(), 'utf8');
      const result = run(['takes', 'add', 'scene09.sora', 'download.mp4'], work);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /takes\/scene09_take03\.mp4 already exists\. It was not overwritten and nothing was logged/);
      assert.equal(fs.readFileSync(path.join(work, 'takes/scene09_take03.mp4'), 'utf8'), 'the writer’s own file');
      assert.ok(fs.existsSync(source));
      assert.equal(fs.readFileSync(logFile(), 'utf8'), before);
    });

    it('2 for bad usage: an unknown parent, an unknown variant, a missing video, no video given', () => {
      download();
      const cases: [string[], RegExp][] = [
        [['--parent', 'take09'], /no take09 .* to be the parent/],
        [['--variant', 'nope'], /cannot log a take of "nope"/],
      ];
      for (const [extra, message] of cases) {
        const result = run(['takes', 'add', 'scene09.sora', 'download.mp4', ...extra], work);
        assert.equal(result.status, 2, extra.join(' '));
        assert.match(result.stderr, message);
      }
      assert.equal(run(['takes', 'add', 'scene09.sora', 'gone.mp4'], work).status, 2);
      assert.equal(run(['takes', 'add', 'scene09.sora'], work).status, 2);
      assert.equal(readLog().takes.length, 2, 'nothing logged');
    });

    it('refuses a take log that does not parse, and leaves it and the video alone', () => {
      const source = download();
      fs.writeFileSync(logFile(), '{ "version": 1, "takes": [');
      const result = run(['takes', 'add', 'scene09.sora', 'download.mp4'], work);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /scene09\.takes\.json could not be read: not valid JSON/);
      assert.equal(fs.readFileSync(logFile(), 'utf8'), '{ "version": 1, "takes": [');
      assert.ok(fs.existsSync(source));
    });

    it('a storyboard with errors is refused (exit 1) unless --force', () => {
      download();
      fs.appendFileSync(path.join(work, 'scene09.sora'), '\nbeat 4s\n  subject: Nobody Known\n  action: ???\n  camer: wide\n');
      const refused = run(['takes', 'add', 'scene09.sora', 'download.mp4'], work);
      assert.equal(refused.status, 1, refused.stderr);
      assert.match(refused.stderr, /--force/);
      assert.equal(run(['takes', 'add', 'scene09.sora', 'download.mp4', '--force'], work).status, 0);
    });
  });

  describe('takes score', () => {
    it('sets scores and per-shot scores in one atomic write, leaving no temporary file', () => {
      const result = run(['takes', 'score', 'scene09.sora', 'take02', 'audioSync=5', 'identityStability@3=2', 'physicsRealism=-'], work);
      assert.equal(result.status, 0, result.stderr);
      const take = readLog().takes[1];
      assert.deepEqual(take.scores, { promptAdherence: 4, temporalConsistency: 4, identityStability: 4, audioSync: 5 });
      assert.deepEqual(take.shotScores, { '3': { identityStability: 2 } });
      assert.deepEqual(fs.readdirSync(work).sort(), ['scene09.sora', 'scene09.takes.json']);
      assert.match(result.stdout, /Total 17 of 25/);
    });

    it('2 and nothing written for an unknown take, an unknown criterion, a score out of range, or no score', () => {
      const before = fs.readFileSync(logFile(), 'utf8');
      const cases: [string[], RegExp][] = [
        [['take09', 'audioSync=3'], /no take09/],
        [['take02', 'lighting=3'], /"lighting" is not a criterion: promptAdherence, /],
        [['take02', 'audioSync=6'], /whole number from 1 to 5/],
        [['take02', 'audioSync=2.5'], /whole number from 1 to 5/],
        [['take02', 'audioSync=4', 'audioSync'], /is not CRITERION=N/],
        [['take02'], /at least one CRITERION=N/],
      ];
      for (const [args, message] of cases) {
        const result = run(['takes', 'score', 'scene09.sora', ...args], work);
        assert.equal(result.status, 2, args.join(' '));
        assert.match(result.stderr, message);
      }
      assert.equal(fs.readFileSync(logFile(), 'utf8'), before);
    });

    it('refuses a log that does not validate and leaves it as it is', () => {
      const broken = fs.readFileSync(logFile(), 'utf8').replace('"promptAdherence": 4', '"promptAdherence": 9');
      fs.writeFileSync(logFile(), broken);
      const result = run(['takes', 'score', 'scene09.sora', 'take01', 'audioSync=3'], work);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /take01\.scores\.promptAdherence: a score is a whole number from 1 to 5/);
      assert.equal(fs.readFileSync(logFile(), 'utf8'), broken);
    });
  });

  describe('takes --format tree', () => {
    it('the lighthouse log after a scripted branch: take03 under take02, the best path marked', () => {
      download();
      assert.equal(run(['takes', 'add', 'scene09.sora', 'download.mp4', '--variant', 'warmer'], work).status, 0);
      assert.equal(run(['takes', 'score', 'scene09.sora', 'take03', 'promptAdherence=5', 'physicsRealism=5', 'temporalConsistency=4', 'identityStability=4', 'audioSync=4'], work).status, 0);
      const tree = run(['takes', 'scene09.sora', '--format', 'tree'], work);
      assert.equal(tree.status, 0, tree.stderr);
      assert.equal(
        tree.stdout.trimEnd(),
        [
          'take01 · main · 17/25  *',
          '└─ beat 2 camera: close-up, static → take02 · main · 20/25  *',
          '   └─ style lighting: warm tungsten glow, consistent lighting → take03 · warmer · 22/25  * best',
          '',
          'Best path: take01 → take02 → take03 (* above).',
        ].join('\n'),
      );
      const json = JSON.parse(run(['takes', 'scene09.sora', '--format', 'tree-json'], work).stdout);
      assert.deepEqual(json.bestPath, ['take01', 'take02', 'take03']);
      assert.equal(json.roots[0].children[0].children[0].change, 'style lighting: warm tungsten glow, consistent lighting');
    });
  });
});
