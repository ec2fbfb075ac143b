import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { exampleFiles, fixturesDir, readExample, repoRoot } from '../helpers/paths';

// A fuzzer sized for CI: 2,000 mutated storyboards (the shared examples and the names fixture, cut,
// spliced and sprinkled with hostile pieces) through the real `sora` command: check as text and as
// JSON, `--fix`, and compile. Nothing may crash (exit 0 or 1, never a stack trace), every file gets
// its report, and `--fix` loses no file. It prints its counts.

const cli = path.join(repoRoot, 'server/out/cli.js');
const fileCount = 2000;
const batches = 4;

const seeds = [readExample('lighthouse'), readExample('rooftop'), readExample('problems'), fs.readFileSync(path.join(fixturesDir, 'names/scene21.sora'), 'utf8')];

const pieces = fc.constantFrom(
  '\n', '\r\n', '\r', '  ', '\t', ':', '"', '@', '@1s', ',', '//', '\ufeff', '\u0000', '\u0301', '\ud800', '😀', '漢字', 'Шеф', 'सीता',
  'beat 4s X\n', 'beat ', 'character Émile\n  anchors: a, b, c\n', '  say Émile @1s "Oui."\n', '  say Nobody "', 'variant v from take99\n',
  '  beat 9 camera: wide\n', 'settings\n  duration: 99s\n', 'scene 01 "T', 'logline: ' + '.'.repeat(2000), ' '.repeat(3000), 'a'.repeat(3000),
  '![t](https://evil.example/t.png) <img src=x>', '  subject: ' + 'Dr. A. '.repeat(300),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 400 }) }),
);

const storyboard = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 })).map(([seed, mutations]) => {
  let text = seeds[seed];
  for (const m of mutations) {
    const at = Math.floor(m.at * text.length);
    if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
    else text = text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
  }
  return text;
});

function sora(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoCrash(result: { status: number | null; stderr: string }, what: string): void {
  assert.ok(result.status === 0 || result.status === 1, `${what}: exit ${result.status}\n${result.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+\)?\n/, `${what}: a stack trace\n${result.stderr.slice(0, 2000)}`);
}

describe('cli: fuzzing with mutated storyboards', function () {
  this.timeout(600000);
  let work: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-fuzz-'));
    // The take log beside each folder's files makes take bases resolve for some of them.
    const texts = fc.sample(storyboard, { numRuns: fileCount, seed: 4242 });
    texts.forEach((text, i) => {
      const folder = path.join(work, `batch${i % batches}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `scene${String(i).padStart(4, '0')}.sora`), text);
    });
    fs.copyFileSync(exampleFiles.lighthouseTakes, path.join(work, 'batch0', 'scene0000.takes.json'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it(`checks, fixes and compiles ${fileCount} mutated files without a crash`, () => {
    let crashes = 0;
    let compiled = 0;
    for (let batch = 0; batch < batches; batch++) {
      const folder = `batch${batch}`;
      const files = fs.readdirSync(path.join(work, folder)).filter((name) => name.endsWith('.sora'));
      const json = sora(['check', folder, '--format', 'json'], work);
      assertNoCrash(json, `check ${folder} --format json`);
      const reports = JSON.parse(json.stdout) as { file: string }[];
      assert.equal(reports.length, files.length, 'one report per file');
      assertNoCrash(sora(['check', folder], work), `check ${folder}`);
      const fixed = sora(['check', folder, '--fix'], work);
      assertNoCrash(fixed, `check ${folder} --fix`);
      assert.equal(fs.readdirSync(path.join(work, folder)).filter((name) => name.endsWith('.sora')).length, files.length, '--fix keeps every file');
      assertNoCrash(sora(['check', folder, '--format', 'json'], work), `check ${folder} after --fix`);
      // Compiling starts a process per file: a sample of each batch.
      for (const name of files.slice(0, 5)) {
        const result = sora(['compile', path.join(folder, name), '--format', 'json'], work);
        if (result.status !== 0 && result.status !== 1) crashes++;
        assertNoCrash(result, `compile ${folder}/${name}`);
        compiled++;
      }
    }
    console.log(`      ${fileCount} files checked and fixed, ${compiled} compiled, ${crashes} crashes`);
  });
});
