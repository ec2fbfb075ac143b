import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/out/core/analyze';
import { IncrementalAnalyzer } from '../../server/out/core/incremental';
import { compile } from '../../server/out/core/compile';
import { lex } from '../../server/out/core/lexer';
import { parseStoryboard } from '../../server/out/core/parse';
import { generateStoryboard } from './generate';

// `npm run bench`: prints figures for the core on generated storyboards. Medians over repeated runs
// in one warmed-up process. No test asserts a time: these numbers are for reading.

export interface Timing {
  median: number;
  p95: number;
  /** Median CPU time of this process per run (user + system, GC threads included): on a shared, loaded machine, what the work itself cost. */
  cpu: number;
}

export function measure(run: () => void, repeats: number): Timing {
  for (let i = 0; i < Math.min(5, repeats); i++) run(); // warm-up: let the JIT settle
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))], cpu: cpuSamples[Math.floor(cpuSamples.length / 2)] };
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`.padStart(10);
}

export function benchCore(): void {
  console.log(`Core (parse → check → compile), medians over repeated runs; wall clock, and in [brackets] CPU time (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(`${'beats'.padStart(6)} ${'KB'.padStart(7)} ${'lex'.padStart(19)} ${'parse'.padStart(19)} ${'check'.padStart(19)} ${'compile'.padStart(10)} ${'MB/s'.padStart(7)} ${'check/lex'.padStart(12)} ${'incremental'.padStart(19)}`);
  for (const beats of [10, 100, 1000, 2000, 10000]) {
    const text = generateStoryboard(beats);
    const repeats = beats >= 10000 ? 10 : beats >= 1000 ? 30 : 100;
    const lexTime = measure(() => lex(text), repeats);
    const parseTime = measure(() => parseStoryboard(text), repeats);
    const checkTime = measure(() => analyze(text), repeats);
    const storyboard = parseStoryboard(text);
    const compileTime = measure(() => compile(storyboard), repeats).median;
    const incrementalTime = measureIncremental(text, beats >= 10000 ? 20 : 60);
    const megabytes = Buffer.byteLength(text) / 1e6;
    const both = (timing: Timing) => `${ms(timing.median)} [${timing.cpu.toFixed(2)}]`.padStart(19);
    console.log(
      `${String(beats).padStart(6)} ${(megabytes * 1000).toFixed(1).padStart(7)} ${both(lexTime)} ${both(parseTime)} ${both(checkTime)} ${ms(compileTime)} ${(megabytes / (checkTime.median / 1000)).toFixed(1).padStart(7)} ${`${(checkTime.median / lexTime.median).toFixed(2)} [${(checkTime.cpu / lexTime.cpu).toFixed(2)}]`.padStart(12)} ${both(incrementalTime)}`,
    );
  }
  console.log('check = parse + every rule; incremental = the same after typing one character into the middle beat (IncrementalAnalyzer).');
  console.log('targets: 2,000 beats checked ≤ 30 ms median, check ≤ 3× lex, incremental ≤ 2 ms.');
  const usage = process.resourceUsage();
  console.log(`peak memory of this process: ${(usage.maxRSS / 1024).toFixed(0)} MB RSS; heap now ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`);
}

/** One character typed into (and taken out of) the middle beat's action, in turn: each run analyses an edit. */
function measureIncremental(text: string, repeats: number): Timing {
  const middle = text.indexOf('action:', Math.floor(text.length / 2)) + 'action: '.length + 3;
  const edited = text.slice(0, middle) + 'x' + text.slice(middle);
  const analyzer = new IncrementalAnalyzer();
  analyzer.analyze(text);
  let typed = false;
  return measure(() => {
    typed = !typed;
    analyzer.analyze(typed ? edited : text);
  }, repeats);
}

/** The core again in a child process with the young-generation size the language server runs with. */
function benchCoreWithServerFlags(): void {
  const flags = ['--max-semi-space-size=32'];
  console.log(`The same, with the language server's Node flags (${flags.join(' ')}):`);
  const result = spawnSync(process.execPath, [...flags, __filename, '--core-only'], { encoding: 'utf8' });
  console.log(result.stdout.split('\n').slice(1).join('\n'));
}

/** The CLI as a writer runs it: whole processes, on one scene and on a folder of 1,000 scenes. */
export function benchCli(): void {
  const cli = path.join(__dirname, '../../server/dist/cli.js');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-bench-cli-'));
  try {
    fs.writeFileSync(path.join(folder, 'one.sora'), generateStoryboard(4));
    const many = path.join(folder, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(many, `scene${String(i).padStart(4, '0')}.sora`), generateStoryboard(3 + (i % 3)));
    const run = (target: string) => () => void spawnSync(process.execPath, [cli, 'check', target, '--format', 'json'], { encoding: 'utf8' });
    const bare = measure(() => void spawnSync(process.execPath, ['-e', '0']), 10).median;
    console.log('CLI whole process (sora check, bundled), medians');
    console.log(`  bare node start-up                ${ms(bare)}`);
    console.log(`  one scene                         ${ms(measure(run(path.join(folder, 'one.sora')), 10).median)}  target ≤ 150 ms`);
    console.log(`  1,000 scenes (3–5 beats each)     ${ms(measure(run(many), 3).median)}  target ≤ 2 s`);
    console.log(`  peak memory: one scene ${peakMemoryMb(cli, path.join(folder, 'one.sora'))}, 1,000 scenes ${peakMemoryMb(cli, many)} (RSS)\n`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The CLI's peak resident memory on a check, read from the preloaded reporter. */
function peakMemoryMb(cli: string, target: string): string {
  const result = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peakMemory.js'), cli, 'check', target, '--format', 'json'], { encoding: 'utf8' });
  const kb = /sora-bench-peak-rss-kb:(\d+)/.exec(result.stderr)?.[1];
  return kb ? `${(Number(kb) / 1024).toFixed(0)} MB` : 'unknown';
}

async function main(): Promise<void> {
  if (process.argv.includes('--core-only')) {
    benchCore();
    return;
  }
  benchCore();
  benchCoreWithServerFlags();
  benchCli();
  for (const extra of ['./lsp-bench', './workspace-bench', './client-bench']) {
    let bench: { run?: () => Promise<void> } | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional parts, loaded only when built.
      bench = require(extra) as { run?: () => Promise<void> };
    } catch {
      bench = undefined; // that part of the product is not built yet
    }
    if (bench?.run) await bench.run();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
