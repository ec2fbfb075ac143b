import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rules } from '../../server/out/core/rules';
import { exampleFiles, fixturesDir, repoRoot } from '../helpers/paths';
import { modelProfiles } from '../../server/out/core/models';

// The CLI as users run it: `node server/out/cli.js ...` in a subprocess. Every run works on copies
// in a temporary folder, so nothing is ever written into the fixtures or ../shared.

const cli = path.join(repoRoot, 'server/out/cli.js');
const stableCodes = ['syntax', 'duplicate-name', 'character-unknown', 'variant-base', 'variant-target', 'timeline'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let work: string;

function run(args: string[], cwd = work): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30000 });
  const outcome = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  assertNoStackTrace(outcome);
  return outcome;
}

function assertNoStackTrace(outcome: Run): void {
  for (const stream of [outcome.stdout, outcome.stderr]) {
    assert.doesNotMatch(stream, /^\s+at .+(:\d+:\d+\)?|\(node:.+\))$/m, `stack trace in output:\n${stream}`);
    assert.doesNotMatch(stream, /\b(TypeError|ReferenceError|RangeError|SyntaxError): /, `uncaught error in output:\n${stream}`);
  }
}

interface TextDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const diagnosticLine = /^(.+):(\d+):(\d+): (error|warning|info) ([a-z][a-z-]*): (.+)$/;
const summaryLine = /^(\d+) storyboards? checked: (\d+) errors?, (\d+) warnings?, (\d+) info\.$/;

function textDiagnostics(stdout: string): { diagnostics: TextDiagnostic[]; summary: RegExpExecArray } {
  const lines = stdout.split('\n').filter((line) => line !== '');
  const summary = summaryLine.exec(lines[lines.length - 1]);
  assert.ok(summary, `last line is the summary: ${JSON.stringify(lines[lines.length - 1])}`);
  const diagnostics = lines.slice(0, -1).map((line) => {
    const m = diagnosticLine.exec(line);
    assert.ok(m, `not FILE:LINE:COL: SEVERITY CODE: MESSAGE: ${JSON.stringify(line)}`);
    return { file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], code: m[5], message: m[6] };
  });
  return { diagnostics, summary };
}

interface JsonReport {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

function assertJsonShape(value: unknown): asserts value is JsonReport[] {
  assert.ok(Array.isArray(value));
  for (const report of value) {
    assert.deepEqual(Object.keys(report).sort(), ['diagnostics', 'file']);
    assert.equal(typeof report.file, 'string');
    assert.ok(Array.isArray(report.diagnostics));
    for (const d of report.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
      assert.equal(typeof d.code, 'string');
      assert.equal(typeof d.message, 'string');
      assert.ok(['error', 'warning', 'info'].includes(d.severity));
      assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
      for (const p of [d.range.start, d.range.end]) {
        assert.deepEqual(Object.keys(p).sort(), ['character', 'line']);
        assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
      }
    }
  }
}

function copyExamples(): void {
  for (const name of ['lighthouse', 'rooftop', 'problems']) fs.cpSync(path.join(path.dirname(exampleFiles.lighthouse), '..', name), path.join(work, name), { recursive: true });
  fs.cpSync(path.join(fixturesDir, 'cli'), path.join(work, 'fixtures'), { recursive: true });
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-cli-'));
  copyExamples();
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('cli: check', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  it('a clean file: no output but the summary, exit 0', () => {
    const result = run(['check', 'fixtures/clean/scene01.sora']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '1 storyboard checked: 0 errors, 0 warnings, 0 info.\n');
  });

  it('a placeholder left by a quick fix is a warning: the prompt must not carry it silently', () => {
    const file = path.join(work, 'fixtures/clean/placeholder.sora');
    fs.writeFileSync(file, fs.readFileSync(path.join(work, 'fixtures/clean/scene01.sora'), 'utf8').replace(/^logline: .*$/m, 'logline: <who wants what, in one sentence>'));
    const result = run(['check', 'fixtures/clean/placeholder.sora']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /placeholder\.sora:\d+:10: warning placeholder: "<who wants what, in one sentence>" is a placeholder to fill in/);
  });

  it('the shared lighthouse (with its take log) and rooftop have no errors: exit 0', () => {
    const result = run(['check', 'lighthouse/scene09.sora', 'rooftop/scene03.sora']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const { diagnostics, summary } = textDiagnostics(result.stdout);
    assert.equal(summary[1], '2');
    assert.equal(summary[2], '0');
    assert.ok(diagnostics.every((d) => d.severity !== 'error'));
  });

  it('errors: FILE:LINE:COL: SEVERITY CODE: MESSAGE, 1-based, and exit 1', () => {
    const file = 'fixtures/errors/scene05.sora';
    const result = run(['check', file]);
    assert.equal(result.status, 1);
    const { diagnostics, summary } = textDiagnostics(result.stdout);
    assert.ok(diagnostics.every((d) => d.file === file));
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => [d.line, d.column, d.severity]);
    assert.deepEqual(at('timeline'), [[8, 13, 'error']]);
    assert.deepEqual(at('duplicate-name'), [[20, 11, 'error']]);
    assert.deepEqual(at('syntax'), [[29, 3, 'error']]);
    assert.deepEqual(at('character-unknown'), [[37, 7, 'error']]);
    assert.deepEqual(at('variant-base'), [[39, 20, 'error']]);
    assert.deepEqual(at('variant-target'), [[40, 8, 'error']]);
    assert.match(diagnostics.find((d) => d.code === 'character-unknown')!.message, /"Kat".*Did you mean "Kit"\?/);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    assert.equal(Number(summary[2]), errors);
    assert.equal(Number(summary[3]), diagnostics.filter((d) => d.severity === 'warning').length);
    assert.equal(Number(summary[4]), diagnostics.filter((d) => d.severity === 'info').length);
    const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column]), sorted.map((d) => [d.line, d.column]), 'in document order');
  });

  it('honours // sora-ignore CODE on the line above, as the editor does', () => {
    const file = path.join(work, 'problems/scene07.sora');
    const before = textDiagnostics(run(['check', 'problems/scene07.sora']).stdout).diagnostics;
    assert.ok(before.some((d) => d.line === 25 && d.code === 'identity-drift'));
    const text = fs.readFileSync(file, 'utf8').replace('  action: wearing a blue apron', '  // sora-ignore identity-drift\n  action: wearing a blue apron');
    fs.writeFileSync(file, text);
    const after = textDiagnostics(run(['check', 'problems/scene07.sora']).stdout).diagnostics;
    assert.deepEqual(after.filter((d) => d.line === 26).map((d) => d.code), ['lighting-drift']);
    assert.equal(after.length, before.length - 1);
  });

  it('--format json: the shape of the design, 0-based, the same diagnostics as the text', () => {
    const files = ['fixtures/errors/scene05.sora', 'fixtures/clean/scene01.sora'];
    const json = run(['check', ...files, '--format', 'json']);
    assert.equal(json.status, 1);
    const reports: unknown = JSON.parse(json.stdout);
    assertJsonShape(reports);
    assert.deepEqual(reports.map((r) => r.file), files);
    assert.deepEqual(reports[1].diagnostics, []);
    const text = textDiagnostics(run(['check', files[0]]).stdout).diagnostics;
    assert.deepEqual(
      reports[0].diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.severity, d.code, d.message]),
      text.map((d) => [d.line, d.column, d.severity, d.code, d.message]),
    );
    const syntax = reports[0].diagnostics.find((d) => d.code === 'syntax')!;
    assert.deepEqual(syntax.range, { start: { line: 28, character: 2 }, end: { line: 28, character: 23 } });
    const timeline = reports[0].diagnostics.find((d) => d.code === 'timeline')!;
    assert.deepEqual(timeline.range, { start: { line: 7, character: 12 }, end: { line: 7, character: 14 } });
  });

  it('--format=json works too, and JSON output on a clean file is an empty list of diagnostics', () => {
    const result = run(['check', '--format=json', 'fixtures/clean/scene01.sora']);
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout), [{ file: 'fixtures/clean/scene01.sora', diagnostics: [] }]);
  });

  it('the problems example: errors for the stable codes, exit 1', () => {
    const result = run(['check', 'problems/scene07.sora', '--format', 'json']);
    assert.equal(result.status, 1);
    const reports: unknown = JSON.parse(result.stdout);
    assertJsonShape(reports);
    const codes = reports[0].diagnostics.map((d) => d.code);
    assert.ok(codes.includes('character-unknown'));
    assert.ok(codes.includes('timeline'));
    const unknown = reports[0].diagnostics.find((d) => d.code === 'character-unknown')!;
    assert.deepEqual(unknown.range, { start: { line: 27, character: 6 }, end: { line: 27, character: 12 } });
    const timeline = reports[0].diagnostics.find((d) => d.code === 'timeline')!;
    assert.equal(timeline.severity, 'warning', 'beats add up to less than the clip');
    assert.ok(!codes.includes('syntax'));
  });

  it('folders are searched recursively for *.sora, in a stable order', () => {
    const result = run(['check', 'fixtures/clean', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const reports: unknown = JSON.parse(result.stdout);
    assertJsonShape(reports);
    assert.deepEqual(
      reports.map((r) => r.file.replace(/\\/g, '/')),
      ['fixtures/clean/nested/deeper/scene02.sora', 'fixtures/clean/scene01.sora'],
    );
    const text = run(['check', 'fixtures/clean']);
    assert.match(text.stdout, /^2 storyboards checked: 0 errors/m);
  });

  it('a folder with errors anywhere below exits 1; the whole tree is reported', () => {
    const result = run(['check', 'fixtures', '--format', 'json']);
    assert.equal(result.status, 1);
    const reports: unknown = JSON.parse(result.stdout);
    assertJsonShape(reports);
    assert.equal(reports.length, 6);
    assert.ok(reports.some((r) => r.file.endsWith(path.join('errors', 'scene05.sora'))));
  });

  it('a storyboard with a byte order mark and a first-line comment has no syntax error', () => {
    const file = path.join(work, 'bom.sora');
    fs.writeFileSync(file, '\uFEFF' + fs.readFileSync(path.join(work, 'fixtures/clean/scene01.sora'), 'utf8'));
    const result = run(['check', 'bom.sora']);
    assert.equal(result.stdout, '1 storyboard checked: 0 errors, 0 warnings, 0 info.\n');
    assert.equal(result.status, 0);
  });

  it('CRLF files check the same as LF files', () => {
    const lf = fs.readFileSync(path.join(work, 'fixtures/errors/scene05.sora'), 'utf8');
    fs.writeFileSync(path.join(work, 'crlf.sora'), lf.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(work, 'lf.sora'), lf);
    const crlf = run(['check', 'crlf.sora']);
    const plain = run(['check', 'lf.sora']);
    assert.equal(crlf.status, 1);
    assert.equal(crlf.stdout.replaceAll('crlf.sora', 'lf.sora'), plain.stdout);
  });
});

describe('cli: exit code 2 and messages', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /No command given/],
    ['an unknown command', ['lint', 'x.sora'], /Unknown command "lint"/],
    ['check without a path', ['check'], /at least one file or folder/],
    ['an unknown option', ['check', 'fixtures/clean/scene01.sora', '--strict'], /Unknown option --strict/],
    ['a bad format', ['check', 'fixtures/clean/scene01.sora', '--format', 'xml'], /--format takes text, json/],
    ['a format without its value', ['check', 'fixtures/clean/scene01.sora', '--format'], /--format needs a value/],
    ['compile with two files', ['compile', 'a.sora', 'b.sora'], /exactly one/],
    ['compile with --fix', ['compile', 'fixtures/clean/scene01.sora', '--fix'], /Unknown option --fix/],
    ['takes with a bad format', ['takes', 'lighthouse/scene09.sora', '--format', 'xml'], /--format takes text, json, csv/],
    ['explain with two codes', ['explain', 'syntax', 'timeline'], /one rule code/],
  ];
  for (const [what, args, message] of cases) {
    it(`bad usage: ${what}`, () => {
      const result = run(args);
      assert.equal(result.status, 2);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Usage:/);
    });
  }

  it('a missing file', () => {
    const result = run(['check', 'nope.sora']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read nope\.sora/);
  });

  it('a missing file among good ones: the good ones are still checked, exit 2', () => {
    const result = run(['check', 'fixtures/clean/scene01.sora', 'nope.sora']);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /1 storyboard checked/);
    assert.match(result.stderr, /nope\.sora/);
  });

  it('a broken symlink named x.sora', () => {
    fs.symlinkSync(path.join(work, 'does-not-exist.sora'), path.join(work, 'x.sora'));
    const check = run(['check', 'x.sora']);
    assert.equal(check.status, 2);
    assert.match(check.stderr, /x\.sora/);
    const compile = run(['compile', 'x.sora']);
    assert.equal(compile.status, 2);
    assert.match(compile.stderr, /cannot read x\.sora/);
  });

  it('a folder named x.sora cannot be compiled', () => {
    fs.mkdirSync(path.join(work, 'x.sora'));
    const result = run(['compile', 'x.sora']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read x\.sora/);
  });

  it('an unreadable file (no permission, when not root)', function () {
    if (typeof process.getuid === 'function' && process.getuid() === 0) this.skip();
    const file = path.join(work, 'locked.sora');
    fs.copyFileSync(path.join(work, 'fixtures/clean/scene01.sora'), file);
    fs.chmodSync(file, 0o000);
    const result = run(['check', 'locked.sora']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read locked\.sora/);
  });

  it('--help and --version exit 0', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /sora check PATH/);
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
  });
});

describe('cli: compile', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  it('text: the prompt of the storyboard as written', () => {
    const result = run(['compile', 'lighthouse/scene09.sora']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.startsWith('35mm, grainy. Palette: teal and amber. Lighting: stormy dusk, consistent lighting.\n\n'));
    assert.ok(result.stdout.includes('Shot 2 (0:04–0:08), close-up, static: Mara (silver braid, yellow raincoat, weathered hands, green eyes)'));
    assert.ok(result.stdout.includes('Mara (0:05): "Not tonight."'));
    assert.ok(!result.stdout.includes('Remix instruction'));
  });

  it('json: the shape of the design', () => {
    const result = run(['compile', 'lighthouse/scene09.sora', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(json).sort(), ['beats', 'cost', 'generations', 'iterate', 'model', 'notes', 'prompt', 'remix', 'settings', 'variant', 'voiceStep']);
    assert.deepEqual(json.model, { id: 'sora-2', label: 'Sora 2', status: 'retired', known: true });
    assert.equal(json.generations.length, 1);
    assert.deepEqual(json.generations[0].parameters, { model: 'sora-2', prompt: json.prompt, seconds: '12', size: '1280x720' });
    assert.equal(json.variant, null);
    assert.equal(json.remix, null);
    assert.deepEqual(json.settings, { aspect: '16:9', resolution: '1080p', duration: 12, audio: ['voice', 'ambience'], model: 'sora-2' });
    assert.deepEqual(json.beats, [
      { index: 1, start: 0, end: 4, title: 'The climb', subject: 'Mara', camera: 'wide, static' },
      { index: 2, start: 4, end: 8, title: 'The lamp', subject: 'Mara', camera: 'close-up, static' },
      { index: 3, start: 8, end: 12, title: 'The beam', subject: 'the lighthouse beam', camera: 'wide, slow push in' },
    ]);
    assert.equal(json.prompt + '\n', run(['compile', 'lighthouse/scene09.sora']).stdout);
  });

  it('--variant tighter (rooftop): shot 2 camera changed, remix null', () => {
    const main = JSON.parse(run(['compile', 'rooftop/scene03.sora', '--format', 'json']).stdout);
    const result = run(['compile', 'rooftop/scene03.sora', '--variant', 'tighter', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.variant, 'tighter');
    assert.equal(json.remix, null);
    assert.deepEqual(json.beats.map((b: { camera: string }) => b.camera), ['medium, static', 'close-up, static', 'close-up, static']);
    assert.equal(json.prompt, main.prompt.replace('medium close-up, slow dolly in', 'close-up, static'));
    assert.deepEqual(json.settings, main.settings);
  });

  it('--variant=dusk (rooftop): the lighting changed, remix null', () => {
    const result = run(['compile', 'rooftop/scene03.sora', '--variant=dusk', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.remix, null);
    assert.ok(json.prompt.includes('Lighting: late sunset, warm rim light, consistent lighting.'));
  });

  it('--variant warmer (lighthouse, with its take log): the remix instruction', () => {
    const json = JSON.parse(run(['compile', 'lighthouse/scene09.sora', '--variant', 'warmer', '--format', 'json']).stdout);
    assert.equal(json.variant, 'warmer');
    assert.equal(typeof json.remix, 'string');
    assert.match(json.remix, /lighting/i);
    assert.match(json.remix, /warm tungsten glow/);
    assert.match(json.remix, /Keep everything else the same/);
    assert.ok(json.prompt.includes('Lighting: warm tungsten glow, consistent lighting.'));
    const text = run(['compile', 'lighthouse/scene09.sora', '--variant', 'warmer']);
    assert.equal(text.status, 0);
    assert.ok(text.stdout.includes('\nRemix instruction (for take02):\n' + json.remix));
  });

  it('--variant warmer without the take log: exit 2, naming the base', () => {
    fs.rmSync(path.join(work, 'lighthouse/scene09.takes.json'));
    const result = run(['compile', 'lighthouse/scene09.sora', '--variant', 'warmer']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /take02/);
    assert.equal(result.stdout, '');
  });

  it('an unknown variant: exit 2', () => {
    const result = run(['compile', 'rooftop/scene03.sora', '--variant', 'nope']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no variant "nope"/);
  });

  it('a storyboard with errors still compiles, exit 1, with advice to check', () => {
    const result = run(['compile', 'problems/scene07.sora']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^Shot 1 \(0:00–0:03\)/m);
    assert.match(result.stderr, /run `sora check problems\/scene07\.sora`/);
  });

  it('a corrupt take log is a warning on compile, not a crash', () => {
    fs.writeFileSync(path.join(work, 'rooftop/scene03.takes.json'), '{ broken');
    const result = run(['compile', 'rooftop/scene03.sora']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /warning: scene03\.takes\.json could not be read/);
  });
});

describe('cli: targets (compile --model, models)', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);

  it('models: every profile with its status, clip lengths, price and as-of date', () => {
    const result = run(['models']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.match(lines[0], /^id\s+status\s+clip lengths\s+aspects\s+resolutions\s+audio\s+USD\/s\s+as of$/);
    for (const profile of modelProfiles) {
      const row = lines.find((line) => line.startsWith(`${profile.id} `));
      assert.ok(row, `${profile.id} is listed`);
      assert.ok(row.includes(profile.status.kind === 'retired' ? `retired ${profile.status.since}` : 'active'), row);
      assert.ok(row.endsWith(profile.asOf), row);
    }
    assert.match(result.stdout, new RegExp(`${modelProfiles.length} models?\\.`));
  });

  it('models ID: the limits and the sources; json: the profile as data', () => {
    const text = run(['models', 'sora-2']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Sora 2 \(sora-2\) by OpenAI/);
    assert.match(text.stdout, /Status: retired since 2026-09-24/);
    assert.match(text.stdout, /Clip lengths: 4, 8, 12, 16 or 20 s per generation \(official\)/);
    assert.match(text.stdout, /Sources:\n  - openai\/openai-python@e43b422/);
    const json = JSON.parse(run(['models', 'sora-2', '--format', 'json']).stdout);
    assert.equal(json.id, 'sora-2');
    assert.deepEqual(json.durations, { kind: 'set', values: [4, 8, 12, 16, 20] });
    assert.equal(JSON.parse(run(['models', '--format', 'json']).stdout).length, modelProfiles.length);
  });

  it('models with an unknown id, and compile --model with one: exit 2, the nearest ids suggested', () => {
    for (const args of [['models', 'sora-3'], ['compile', 'problems/scene07.sora', '--model', 'sora-3']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /No model profile is called "sora-3"\. Did you mean sora-2/);
      assert.equal(result.stdout, '');
    }
  });

  it('compile --model compiles for another target than the file names (a retired one: the seed prompt, planned)', () => {
    const own = JSON.parse(run(['compile', 'problems/scene07.sora', '--format', 'json']).stdout);
    const result = run(['compile', 'problems/scene07.sora', '--model', 'sora-2', '--format', 'json']);
    assert.equal(result.status, 1, 'the file still has errors');
    const json = JSON.parse(result.stdout);
    assert.equal(own.model, null);
    assert.deepEqual(json.model, { id: 'sora-2', label: 'Sora 2', status: 'retired', known: true });
    assert.equal(json.prompt, own.prompt);
    assert.deepEqual(json.generations.map((g: { seconds: number; beats: number[] }) => [g.beats, g.seconds]), [[[1, 2], 25]], 'the seed layout: one generation of the whole clip');
    assert.deepEqual(json.cost, { usd: 2.5, perSecond: 0.1, asOf: '2026-12-01', confidence: 'official', source: 'profile' });
  });

  it('compile --model veo-3.1: 8 s + 4 s, the second from the first\'s last frame, with a cost (when the profile ships)', function () {
    if (!modelProfiles.some((profile) => profile.id === 'veo-3.1')) this.skip();
    const json = JSON.parse(run(['compile', 'lighthouse/scene09.sora', '--model', 'veo-3.1', '--format', 'json']).stdout);
    assert.deepEqual(json.generations.map((g: { seconds: number; startFrom: string | null }) => [g.seconds, g.startFrom]), [[8, null], [4, 'previous']]);
    assert.ok(json.cost.usd > 0);
    assert.equal(json.remix, null);
    const text = run(['compile', 'lighthouse/scene09.sora', '--model', 'veo-3.1']).stdout;
    assert.match(text, /Target: Veo 3\.1 \(veo-3\.1\)\n  Generation 1: beats 1, 2, 8 s/);
    assert.match(text, /Cost: ≈ \$\d+\.\d\d/);
  });

  it('.sorarc.json prices override the profile\'s', () => {
    fs.writeFileSync(path.join(work, 'problems/.sorarc.json'), JSON.stringify({ prices: { 'sora-2': { default: 0.2 } } }));
    const json = JSON.parse(run(['compile', 'problems/scene07.sora', '--model', 'sora-2', '--format', 'json']).stdout);
    assert.deepEqual(json.cost, { usd: 5, perSecond: 0.2, asOf: '2026-12-01', confidence: 'official', source: 'override' });
    fs.writeFileSync(path.join(work, 'problems/.sorarc.json'), JSON.stringify({ prices: { 'sora-2': { default: 'cheap' } } }));
    const bad = run(['compile', 'problems/scene07.sora', '--model', 'sora-2']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /prices\.sora-2\.default: .*prices take USD per second by resolution/);
  });
});

describe('cli: takes', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  it('json: the shape of the design, best and missing', () => {
    fs.mkdirSync(path.join(work, 'lighthouse/takes'));
    fs.writeFileSync(path.join(work, 'lighthouse/takes/scene09_take01.mp4'), '');
    const result = run(['takes', 'lighthouse/scene09.sora', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(json).sort(), ['best', 'spend', 'storyboard', 'takes']);
    assert.deepEqual(json.spend, { usd: 0, priced: 0, unpriced: 2 });
    assert.equal(json.storyboard, 'scene09.sora');
    assert.equal(json.best, 'take02');
    assert.equal(json.takes.length, 2);
    for (const t of json.takes) assert.deepEqual(Object.keys(t).sort(), ['change', 'file', 'id', 'missing', 'model', 'parent', 'scores', 'total', 'usd', 'variant']);
    assert.deepEqual(json.takes[0], {
      id: 'take01',
      file: 'takes/scene09_take01.mp4',
      variant: 'main',
      parent: null,
      change: null,
      scores: { promptAdherence: 4, physicsRealism: 4, temporalConsistency: 3, identityStability: 2, audioSync: 4 },
      total: 17,
      missing: false,
      model: 'sora-2',
      usd: null,
    });
    assert.equal(json.takes[1].parent, 'take01');
    assert.equal(json.takes[1].change, 'beat 2 camera: close-up, static');
    assert.equal(json.takes[1].total, 20);
    assert.equal(json.takes[1].missing, true);
  });

  it('the take log itself may be named', () => {
    const a = run(['takes', 'lighthouse/scene09.takes.json', '--format', 'json']);
    const b = run(['takes', 'lighthouse/scene09.sora', '--format', 'json']);
    assert.equal(a.status, 0);
    assert.equal(a.stdout, b.stdout);
  });

  it('text: a grid with totals and the best marked', () => {
    const result = run(['takes', 'lighthouse/scene09.sora']);
    assert.equal(result.status, 0);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'scene09.sora: 2 takes');
    assert.ok(lines.some((l) => /^take01\s+main\s+4\s+4\s+3\s+2\s+4\s+17\s+-/.test(l)), result.stdout);
    assert.ok(lines.some((l) => /^take02 \*\s+main\s+4\s+4\s+4\s+4\s+4\s+20\s+-\s+beat 2 camera: close-up, static/.test(l)), result.stdout);
    assert.match(result.stdout, /Spend: no cost recorded for any of the 2 takes\./);
    assert.match(result.stdout, /Best: take02 .*total 20 of 25/);
    assert.match(result.stdout, /\[video missing\]/);
  });

  it('csv: a header and one row per take, quoted where needed', () => {
    const result = run(['takes', 'lighthouse/scene09.sora', '--format', 'csv']);
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'id,file,variant,parent,change,promptAdherence,physicsRealism,temporalConsistency,identityStability,audioSync,total,missing,model,usd');
    assert.equal(lines[1], 'take01,takes/scene09_take01.mp4,main,,,4,4,3,2,4,17,true,sora-2,');
    assert.equal(lines[2], 'take02,takes/scene09_take02.mp4,main,take01,"beat 2 camera: close-up, static",4,4,4,4,4,20,true,sora-2,');
    assert.equal(lines.length, 3);
  });

  it('no take log: exit 2 with a message', () => {
    const result = run(['takes', 'rooftop/scene03.sora']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no take log yet/);
  });

  it('an invalid take log: exit 2, naming the JSON path', () => {
    const file = path.join(work, 'lighthouse/scene09.takes.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.takes[0].scores.audioSync = 6;
    fs.writeFileSync(file, JSON.stringify(json));
    const result = run(['takes', 'lighthouse/scene09.sora']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /scene09\.takes\.json could not be read: take01\.scores\.audioSync: a score is a whole number from 1 to 5/);
  });
});

describe('cli: explain', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  it('explain CODE prints the rule', () => {
    for (const code of ['syntax', 'variant-target']) {
      const result = run(['explain', code]);
      assert.equal(result.status, 0, code);
      assert.ok(result.stdout.startsWith(`${code} (`), result.stdout);
      assert.ok(result.stdout.split('\n').length > 3, 'an explanation, not only the summary');
    }
  });

  it('explain without a code lists the codes of the rule table', () => {
    const result = run(['explain']);
    assert.equal(result.status, 0);
    const codes = result.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    assert.deepEqual(codes, rules.map((rule) => rule.code));
    assert.match(result.stdout, /^timeline\s+error\s+\S/m);
  });

  it('an unknown code exits 2', () => {
    const result = run(['explain', 'no-such-rule']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown rule code "no-such-rule"/);
  });
});

describe('cli: check --fix', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  it('applies the safe fix for a misspelt override field, and the diagnostic is gone', () => {
    const file = path.join(work, 'fixtures/fix/scene04.sora');
    const before = fs.readFileSync(file, 'utf8');
    const first = run(['check', 'fixtures/fix/scene04.sora', '--format', 'json']);
    const reports: unknown = JSON.parse(first.stdout);
    assertJsonShape(reports);
    assert.ok(reports[0].diagnostics.some((d) => d.code === 'variant-target'));
    assert.equal(first.status, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'check without --fix writes nothing');

    const fixed = run(['check', 'fixtures/fix/scene04.sora', '--fix', '--format', 'json']);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, before.replace('beat 1 camra: wide, static', 'beat 1 camera: wide, static'));
    const afterReports: unknown = JSON.parse(fixed.stdout);
    assertJsonShape(afterReports);
    assert.ok(!afterReports[0].diagnostics.some((d) => d.code === 'variant-target'), 'reports the file as fixed');
    assert.match(fixed.stderr, /fixed fixtures\/fix\/scene04\.sora/);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['scene04.sora'], 'no temp files left');
    assert.equal(run(['check', 'fixtures/fix/scene04.sora']).status, 0);
  });

  it('keeps CRLF line endings when fixing', () => {
    const file = path.join(work, 'fixtures/fix/scene04.sora');
    const crlf = fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    fs.writeFileSync(file, crlf);
    run(['check', 'fixtures/fix/scene04.sora', '--fix']);
    assert.equal(fs.readFileSync(file, 'utf8'), crlf.replace('camra:', 'camera:'));
  });

  it('does not touch files with nothing safe to fix', () => {
    const file = path.join(work, 'fixtures/errors/scene05.sora');
    const before = fs.readFileSync(file, 'utf8');
    const result = run(['check', 'fixtures/errors/scene05.sora', '--fix']);
    assert.equal(result.status, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.doesNotMatch(result.stderr, /fixed/);
  });
});

describe('cli: configuration', function () {
  // Subprocesses (or thousands of cases) on a shared, possibly loaded machine: generous, never asserted.
  this.timeout(90000);
  it('.sorarc.json can turn a rule into a warning', () => {
    const result = run(['check', 'fixtures/config-warning/scene06.sora', '--format', 'json']);
    assert.equal(result.status, 0, result.stdout);
    const reports: unknown = JSON.parse(result.stdout);
    assertJsonShape(reports);
    const unknown = reports[0].diagnostics.filter((d) => d.code === 'character-unknown');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'warning');
  });

  it('.sorarc.json can turn a rule off', () => {
    const result = run(['check', 'fixtures/config-off/scene06.sora', '--format', 'json']);
    assert.equal(result.status, 0);
    const reports: unknown = JSON.parse(result.stdout);
    assertJsonShape(reports);
    assert.ok(!reports[0].diagnostics.some((d) => d.code === 'character-unknown'));
  });

  it('without the config the same file has the error', () => {
    fs.rmSync(path.join(work, 'fixtures/config-off/.sorarc.json'));
    const result = run(['check', 'fixtures/config-off/scene06.sora']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /error character-unknown: "Ghost"/);
  });

  it('.sorarc.json can raise a warning to an error; sora.config.json is read too', () => {
    const folder = path.join(work, 'raise');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'short.sora'), fs.readFileSync(path.join(work, 'fixtures/clean/scene01.sora'), 'utf8').replace('duration: 12s', 'duration: 14s'));
    assert.equal(run(['check', 'raise/short.sora']).status, 0, 'under-long beats are a warning');
    fs.writeFileSync(path.join(folder, 'sora.config.json'), JSON.stringify({ rules: { timeline: 'error' } }));
    const result = run(['check', 'raise/short.sora']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^raise\/short\.sora:8:13: error timeline: /m);
  });

  it('a config in a parent folder applies', () => {
    fs.writeFileSync(path.join(work, '.sorarc.json'), JSON.stringify({ rules: { 'duplicate-name': 'off', syntax: 'off', timeline: 'off', 'variant-base': 'off', 'variant-target': 'off', 'character-unknown': 'info' } }));
    const result = run(['check', 'fixtures/errors/scene05.sora', '--format', 'json']);
    const reports: unknown = JSON.parse(result.stdout);
    assertJsonShape(reports);
    const stable = reports[0].diagnostics.filter((d) => stableCodes.includes(d.code));
    assert.deepEqual(stable.map((d) => [d.code, d.severity]), [['character-unknown', 'info']]);
  });

  const badConfigs: [string, string, RegExp][] = [
    ['an unknown rule code', JSON.stringify({ rules: { 'no-such-rule': 'off' } }), /\.sorarc\.json: unknown rule code "no-such-rule"/],
    ['a bad severity', JSON.stringify({ rules: { timeline: 'loud' } }), /\.sorarc\.json: rules\.timeline: .*"error", "warning", "info" or "off"/],
    ['bad JSON', '{ "rules": ', /\.sorarc\.json: not valid JSON/],
    ['an unknown key', JSON.stringify({ rulez: {} }), /\.sorarc\.json: .*rulez/],
  ];
  for (const [what, content, message] of badConfigs) {
    it(`a config with ${what}: exit 2 with a clear message`, () => {
      fs.writeFileSync(path.join(work, 'fixtures/clean/.sorarc.json'), content);
      const commands = what === 'bad JSON' ? ['check', 'compile'] : ['check'];
      for (const args of commands.map((command) => [command, 'fixtures/clean/scene01.sora'])) {
        const result = run(args);
        assert.equal(result.status, 2, args.join(' '));
        assert.match(result.stderr, message);
        assert.equal(result.stderr.trim().split('\n').length, 1, 'one line, no stack');
      }
    });
  }
});
