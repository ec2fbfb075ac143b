import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseStoryboard } from '../../server/out/core/parse';
import { fieldOf } from '../../server/out/core/model';
import { fixturesDir, repoRoot } from '../helpers/paths';

// Sequences on the command line: check applies the sequence that lists a scene, import reads a
// Fountain screenplay, export writes Fountain, a shot list, an OpenTimelineIO timeline and an
// ffmpeg concat list, and --assemble makes a rough cut from clips the test generates with ffmpeg.

const cli = path.join(repoRoot, 'server/out/cli.js');
const exampleDir = path.join(repoRoot, 'examples/06-sequence');
const earnest = path.join(fixturesDir, 'fountain/earnest.fountain');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let work: string;

function run(args: string[], cwd = work): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  const outcome = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  for (const stream of [outcome.stdout, outcome.stderr]) assert.doesNotMatch(stream, /^\s+at .+:\d+:\d+\)?$/m, `stack trace:\n${stream}`);
  return outcome;
}

/** A copy of the three-scene example in a temporary folder. */
function copyExample(): string {
  const folder = path.join(work, 'film');
  fs.cpSync(exampleDir, folder, { recursive: true });
  return folder;
}

function beatsAndLines(text: string): { subject?: string; action?: string; says: string[] }[] {
  return parseStoryboard(text).beats.map((beat) => ({
    subject: fieldOf(beat, 'subject')?.value.text,
    action: fieldOf(beat, 'action')?.value.text,
    says: beat.says.map((say) => `${say.speaker.text}: ${say.line.text}`),
  }));
}

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

describe('cli: sequences, import and export', function () {
  this.timeout(60000);

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-exchange-'));
  });
  afterEach(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('check', () => {
    it('checks the example sequence clean, as a folder and scene by scene', () => {
      const folder = copyExample();
      const all = run(['check', 'film']);
      assert.equal(all.status, 0, all.stdout + all.stderr);
      assert.match(all.stdout, /4 storyboards checked: 0 errors, 0 warnings, 0 info\./);
      const scene = run(['check', 'scene02.sora'], folder);
      assert.match(scene.stdout, /1 storyboard checked: 0 errors, 0 warnings, 0 info\./);
    });

    it('finds the sequence in a parent folder, and a scene listed by none stands alone', () => {
      const folder = copyExample();
      fs.mkdirSync(path.join(folder, 'night'));
      fs.renameSync(path.join(folder, 'scene03.sora'), path.join(folder, 'night/scene03.sora'));
      const film = path.join(folder, 'film.sora');
      fs.writeFileSync(film, fs.readFileSync(film, 'utf8').replace('scene03.sora', 'night/scene03.sora'));
      assert.match(run(['check', path.join('film', 'night', 'scene03.sora')]).stdout, /0 errors, 0 warnings/);
      fs.writeFileSync(film, fs.readFileSync(film, 'utf8').replace(', night/scene03.sora', ''));
      const alone = run(['check', path.join('film', 'night', 'scene03.sora'), '--format', 'json']);
      const codes = (JSON.parse(alone.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
      assert.ok(codes.includes('character-unknown') && codes.includes('style-missing'), codes.join());
    });

    it('reports identity-drift in the scene whose character wears an orange raincoat against the sequence\'s yellow one', () => {
      const folder = copyExample();
      const scene = path.join(folder, 'scene03.sora');
      fs.writeFileSync(scene, fs.readFileSync(scene, 'utf8').replace('hands on the cold iron', 'in her orange raincoat'));
      const result = run(['check', 'film']);
      assert.equal(result.status, 0);
      const drift = result.stdout.split('\n').filter((line) => line.includes('identity-drift'));
      assert.equal(drift.length, 1, result.stdout);
      assert.match(drift[0], /scene03\.sora:\d+:\d+: warning identity-drift: .*yellow raincoat/);
    });

    it('a scene that redefines the sequence\'s character gets continuity-anchors', () => {
      const folder = copyExample();
      const scene = path.join(folder, 'scene01.sora');
      fs.appendFileSync(scene, '\ncharacter Mara\n  anchors: short grey hair, orange raincoat, weathered hands\n');
      const result = run(['check', 'scene01.sora'], folder);
      assert.match(result.stdout, /scene01\.sora:\d+:11: warning continuity-anchors: Mara is defined by the sequence film\.sora/);
    });
  });

  describe('import', () => {
    it('imports a scene of a public-domain screenplay (The Importance of Being Earnest) to a storyboard that parses, gaps flagged', () => {
      const result = run(['import', earnest, '--scene', '1', '--out', 'scaffold']);
      assert.equal(result.status, 0, result.stderr);
      const file = path.join(work, 'scaffold/scene01.sora');
      const text = fs.readFileSync(file, 'utf8');
      const storyboard = parseStoryboard(text);
      assert.deepEqual(storyboard.syntaxErrors, []);
      assert.equal(storyboard.scene?.title?.text, "Algernon's Flat, Half-Moon Street");
      assert.deepEqual(storyboard.characters.map((c) => c.name?.text), ['Algernon', 'Lane']);
      const beats = beatsAndLines(text);
      assert.equal(beats.length, 3, 'one beat per action paragraph');
      assert.equal(beats[1].subject, 'Algernon', 'the first of the cast the action names');
      assert.equal(beats[2].action, 'Lane hands Algernon the cucumber sandwiches on a silver salver.', 'emphasis is markup, not words');
      assert.deepEqual(beats[1].says, [
        'Algernon: Did you hear what I was playing, Lane?',
        "Lane: I didn't think it polite to listen, sir.",
        "Algernon: I'm sorry for that, for your sake. I don't play accurately, but I play with wonderful expression.",
      ]);
      assert.equal(beats[2].says.length, 2, 'the parenthetical is not a line');
      assert.equal(fieldOf(storyboard.beats[0], 'setting')?.value.text, "algernon's flat, half-moon street, day");
      // What the script does not say is a placeholder, never invented.
      for (const field of ['emotion', 'camera']) assert.match(fieldOf(storyboard.beats[0], field)?.value.text ?? '', /^<.*>$/);
      assert.match(fieldOf(storyboard.settings, 'aspect')?.value.text ?? '', /^<.*>$/);
      assert.match(storyboard.characters[0].anchors[0].text, /^<.*>$/);
      assert.match(text, /Durations split 12 s evenly over 3 beats/);
      assert.deepEqual(storyboard.beats.map((b) => b.duration?.seconds), [4, 4, 4]);
      // The checker flags the placeholders it understands (the aspect is not one Sora renders).
      const check = run(['check', file]);
      assert.match(check.stdout, /error aspect/);
    });

    it('imports every scene without --scene, and refuses to overwrite', () => {
      const first = run(['import', earnest, '--out', 'all']);
      assert.equal(first.status, 0, first.stderr);
      assert.deepEqual(fs.readdirSync(path.join(work, 'all')).sort(), ['scene01.sora', 'scene02.sora']);
      const before = fs.readFileSync(path.join(work, 'all/scene02.sora'), 'utf8');
      fs.writeFileSync(path.join(work, 'all/scene01.sora'), 'mine');
      const again = run(['import', earnest, '--out', 'all']);
      assert.equal(again.status, 2);
      assert.match(again.stderr, /not overwriting .*scene01\.sora.*Nothing was written\./);
      assert.equal(fs.readFileSync(path.join(work, 'all/scene01.sora'), 'utf8'), 'mine');
      assert.equal(fs.readFileSync(path.join(work, 'all/scene02.sora'), 'utf8'), before);
    });

    it('refuses malformed Fountain with a clear message and writes nothing', () => {
      const cases: [string, string | Buffer, RegExp][] = [
        ['prose.fountain', 'Just some notes about a film I might make.\n\nNo headings here.\n', /no scene heading.*INT\. LIGHTHOUSE - NIGHT/],
        ['empty.fountain', '   \n\n', /is empty/],
        ['binary.fountain', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), /not a text file/],
      ];
      for (const [name, content, message] of cases) {
        fs.writeFileSync(path.join(work, name), content);
        const result = run(['import', name, '--out', 'nothing']);
        assert.equal(result.status, 2, name);
        assert.match(result.stderr, message, name);
        assert.match(result.stderr, /Nothing was written\./);
        assert.ok(!fs.existsSync(path.join(work, 'nothing')), `${name}: nothing written`);
      }
      const beyond = run(['import', earnest, '--scene', '3', '--out', 'nothing']);
      assert.match(beyond.stderr, /has 2 scenes; --scene takes 1 to 2/);
      assert.equal(run(['import', 'missing.fountain']).status, 2);
    });
  });

  describe('export', () => {
    it('round-trips: a sequence exported as Fountain imports to the same beats and lines', () => {
      const folder = copyExample();
      const exported = run(['export', path.join(folder, 'film.sora'), '--format', 'fountain', '--out', 'film.fountain']);
      assert.equal(exported.status, 0, exported.stderr);
      const imported = run(['import', 'film.fountain', '--out', 'again']);
      assert.equal(imported.status, 0, imported.stderr);
      for (const name of ['scene01.sora', 'scene02.sora', 'scene03.sora']) {
        const original = beatsAndLines(fs.readFileSync(path.join(folder, name), 'utf8'));
        const back = beatsAndLines(fs.readFileSync(path.join(work, 'again', name), 'utf8'));
        assert.deepEqual(back, original, name);
      }
    });

    it('writes a shot list as CSV on the film\'s clock, and as a printable page with every string escaped', () => {
      const folder = copyExample();
      const scene = path.join(folder, 'scene02.sora');
      fs.writeFileSync(scene, fs.readFileSync(scene, 'utf8').replace('strikes a match and shields the flame', '=HYPERLINK("x") <script>alert(1)</script>, "quoted"'));
      const csv = run(['export', path.join(folder, 'film.sora'), '--format', 'shotlist']);
      assert.equal(csv.status, 0, csv.stderr);
      const rows = csv.stdout.trim().split('\r\n');
      assert.equal(rows[0], 'scene,title,shot,start,end,camera,subject,action,dialogue,best take');
      assert.equal(rows.length, 10, 'a header and nine shots');
      assert.match(rows[4], /^2,The Match,1,0:12,0:16,"close-up, static",Mara,"'=HYPERLINK\(""x""\) <script>/);
      assert.match(rows[5], /,"Mara: ""Not tonight\.""",take02 \(20\/25\)$/);
      const html = run(['export', path.join(folder, 'film.sora'), '--format', 'shotlist', '--html']).stdout;
      assert.match(html, /^<!doctype html>/);
      assert.doesNotMatch(html, /<script>/);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(html, /<h1>The Last Light<\/h1>/);
    });

    it('writes an OpenTimelineIO timeline of the best takes in film order that validates against the schema', () => {
      const folder = copyExample();
      const result = run(['export', path.join(folder, 'film.sora'), '--format', 'otio']);
      assert.equal(result.status, 0, result.stderr);
      const timeline = JSON.parse(result.stdout) as { name: string; tracks: { children: { children: { OTIO_SCHEMA: string; name: string; source_range: { duration: { value: number } }; media_references?: { DEFAULT_MEDIA: { target_url: string } } }[] }[] } };
      const schema = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'otio/otio-subset.schema.json'), 'utf8')) as object;
      const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
      assert.ok(validate(timeline), JSON.stringify(validate.errors, null, 2));
      const items = timeline.tracks.children[0].children;
      assert.deepEqual(items.map((i) => i.OTIO_SCHEMA), ['Gap.1', 'Clip.2', 'Gap.1'], 'scenes without a scored take keep their time as gaps');
      assert.deepEqual(items.map((i) => i.source_range.duration.value), [288, 288, 288], '12 s at 24 fps');
      assert.equal(items[1].media_references?.DEFAULT_MEDIA.target_url, `file://${path.join(folder, 'takes/scene02_take02.mp4').split(path.sep).join('/')}`);
      // A broken document is caught by the schema: the check can fail.
      const broken = JSON.parse(result.stdout) as { tracks: { children: { kind: string }[] } };
      broken.tracks.children[0].kind = 'Smell';
      assert.equal(validate(broken), false);
    });

    it('writes an ffconcat list that names what it leaves out, and refuses a bad format', () => {
      const folder = copyExample();
      const list = run(['export', path.join(folder, 'film.sora'), '--format', 'ffconcat']).stdout;
      assert.match(list, /^ffconcat version 1\.0\n/);
      assert.match(list, /# scene 1 \(scene01\.sora\): no scored take, left out/);
      assert.match(list, /# scene 2 \(scene02\.sora\): take02's video takes\/scene02_take02\.mp4 is missing, left out/);
      const bad = run(['export', path.join(folder, 'film.sora'), '--format', 'avi']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--format fountain\|shotlist\|otio\|ffconcat/);
    });

    (hasFfmpeg ? it : it.skip)('assembles a rough cut of the best takes with ffmpeg, from clips the test makes', () => {
      const folder = copyExample();
      fs.mkdirSync(path.join(folder, 'takes'));
      for (const [name, colour] of [['scene02_take02.mp4', 'red'], ['scene03_take01.mp4', 'blue']]) {
        const made = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=${colour}:s=64x36:r=24:d=1`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', path.join(folder, 'takes', name)]);
        assert.equal(made.status, 0, String(made.stderr));
      }
      const log = {
        version: 1,
        storyboard: 'scene03.sora',
        takes: [{ id: 'take01', file: 'takes/scene03_take01.mp4', createdAt: '2026-11-22T09:00:00Z', variant: 'main', settings: { aspect: '16:9', resolution: '1080p', duration: 1, model: 'sora-2' }, prompt: '…', scores: { promptAdherence: 3, physicsRealism: 3, temporalConsistency: 3, identityStability: 3, audioSync: 3 } }],
      };
      fs.writeFileSync(path.join(folder, 'scene03.takes.json'), JSON.stringify(log, null, 2));
      const out = path.join(work, 'rough.mp4');
      const result = run(['export', path.join(folder, 'film.sora'), '--format', 'ffconcat', '--assemble', out]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Rough cut: .*rough\.mp4 from 2 takes/);
      assert.match(result.stdout, /left out: scene 1 \(scene01\.sora\): no scored take/);
      assert.match(result.stdout, /ran: ffmpeg .* -f concat/);
      const probe = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', out], { encoding: 'utf8' });
      assert.equal(probe.stdout.trim(), '48', 'two one-second clips at 24 fps');
      const again = run(['export', path.join(folder, 'film.sora'), '--format', 'ffconcat', '--assemble', out]);
      assert.equal(again.status, 2);
      assert.match(again.stderr, /not overwriting/);
    });
  });
});
