import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Harness } from '../lsp/harness';
import { generateStoryboard } from './generate';

// A workspace of 1,000 scene files (3–5 beats each) through the real server over the protocol: from
// spawning the server to the diagnostics of every file, with a scene open and hovered throughout
// (what the writer feels while the start-up check runs), and the server's memory. Figures only.

export const sceneCount = 1000;

/** Writes the scenes into `folder`: scene0000.sora … scene0999.sora. */
export function writeScenes(folder: string, count = sceneCount): void {
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(folder, `scene${String(i).padStart(4, '0')}.sora`), generateStoryboard(3 + (i % 3)));
}

/** Peak and current resident memory of a process, from /proc (Linux), in MB. */
export function processMemory(pid: number | undefined): { peak: number; now: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time a process has used (user + system), from /proc (Linux), in ms: on a loaded machine, what the work itself cost. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

interface StartUp {
  allDiagnostics: number;
  firstDiagnostics: number;
  hovers: number[];
  cpu?: number;
  memory?: { peak: number; now: number };
}

async function startUp(): Promise<StartUp> {
  let started = 0;
  const server = await Harness.start({
    examples: false,
    waitForStartup: false,
    prepare: (root) => {
      writeScenes(path.join(root, 'scenes'));
      started = performance.now();
    },
  });
  try {
    const open = await server.open('scenes/scene0500.sora');
    const uris = new Set<string>();
    let firstDiagnostics = 0;
    const hovers: number[] = [];
    const everyFile = new Promise<number>((resolve) => {
      server.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
        if (!firstDiagnostics) firstDiagnostics = performance.now() - started;
        uris.add(params.uri);
        if (uris.size >= sceneCount) resolve(performance.now() - started);
      });
    });
    let done = false;
    const allDiagnostics = await Promise.race([
      everyFile.then((time) => ((done = true), time)),
      (async () => {
        // Hover the open scene again and again while the workspace is checked.
        while (!done) {
          const before = performance.now();
          await server.request('textDocument/hover', { textDocument: { uri: open }, position: { line: 20, character: 2 } });
          hovers.push(performance.now() - before);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return Number.NaN;
      })(),
    ]);
    return { allDiagnostics, firstDiagnostics, hovers, cpu: processCpuMs(server.child.pid), memory: processMemory(server.child.pid) };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function run(): Promise<void> {
  const runs: StartUp[] = [];
  for (let i = 0; i < 3; i++) runs.push(await startUp());
  const hovers = runs.flatMap((r) => r.hovers);
  console.log(`Workspace of ${sceneCount.toLocaleString('en')} scenes (3–5 beats each), real server over stdio, 3 cold starts, median`);
  console.log(`  spawn → first diagnostics            ${median(runs.map((r) => r.firstDiagnostics)).toFixed(0).padStart(6)} ms`);
  console.log(`  spawn → every file's diagnostics     ${median(runs.map((r) => r.allDiagnostics)).toFixed(0).padStart(6)} ms  target ≤ 2,000 ms`);
  const cpu = runs.map((r) => r.cpu).filter((c) => c !== undefined);
  if (cpu.length) console.log(`  server CPU time until then           ${median(cpu).toFixed(0).padStart(6)} ms  (user + system: the work itself, whatever the load)`);
  const sorted = [...hovers].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
  console.log(`  hover on the open scene meanwhile    ${median(hovers).toFixed(1).padStart(6)} ms median, ${p95.toFixed(1)} ms p95, ${Math.max(...hovers).toFixed(1)} ms worst (${hovers.length} hovers)`);
  const memory = runs.map((r) => r.memory).filter((m) => m !== undefined);
  if (memory.length) console.log(`  server memory (RSS)                  ${median(memory.map((m) => m.peak)).toFixed(0).padStart(6)} MB peak, ${median(memory.map((m) => m.now)).toFixed(0)} MB after the check`);
  console.log('');
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
