import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { parseTakeLog } from '../../server/out/core/takes';
import { loadTakeLog, lockPathFor } from '../../server/out/node/takeLogFile';
import { nodeHost } from '../../server/out/node/host';
import { TakeStore } from '../../server/out/takeStore';

// The take log under real concurrency and real crashes: writers in separate processes, and a writer
// killed with SIGKILL at random moments while it saves. Sized for CI; SORA_FUZZ_KILLS sets the kills.

const writer = path.join(repoRoot, 'test-out/helpers/takeLogWriter.js');
const kills = Number(process.env.SORA_FUZZ_KILLS ?? 30);

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-writers-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

function runWriter(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Files the writer leaves only when it dies mid-save: temp files, lock candidates, the lock. */
function leftovers(logPath: string): string[] {
  const name = path.basename(logPath);
  return fs.readdirSync(path.dirname(logPath)).filter((entry) => entry !== name && entry.startsWith(`.${name}.`));
}

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

describe('take log: writers in separate processes', function () {
  this.timeout(180000);

  it('two processes logging 100 takes each at once: all 200 survive, with distinct ids', async () => {
    const logPath = path.join(folder, 'scene09.takes.json');
    const [a, b] = await Promise.all([runWriter(['append', logPath, '100', 'A']), runWriter(['append', logPath, '100', 'B'])]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const loaded = loadTakeLog(logPath);
    assert.equal(loaded.status, 'ok', loaded.status === 'invalid' ? loaded.message : '');
    const takes = loaded.status === 'ok' ? loaded.log.takes : [];
    const fromA = takes.filter((t) => t.change?.startsWith('A ')).length;
    const fromB = takes.filter((t) => t.change?.startsWith('B ')).length;
    console.log(`    two writers: ${takes.length} of 200 takes kept (${fromA} from A, ${fromB} from B)`);
    assert.equal(takes.length, 200);
    assert.equal(new Set(takes.map((t) => t.id)).size, 200);
    assert.deepEqual([fromA, fromB], [100, 100]);
    assert.deepEqual(leftovers(logPath), [], 'no temp file or lock left behind');
  });

  it(`kill -9 during saves (${kills} kills): the log always parses, and the next save cleans up`, async () => {
    const logPath = path.join(folder, 'scene09.takes.json');
    const seed = Number(process.env.SORA_FUZZ_SEED ?? Date.now() % 100000);
    const next = random(seed);
    let valid = 0;
    let leftBehind = 0;
    let saves = 0;
    for (let i = 0; i < kills; i++) {
      const outcome = await killDuringSaves(logPath, 5 + Math.floor(next() * 60));
      saves += outcome.saves;
      if (leftovers(logPath).length) leftBehind++;
      if (!fs.existsSync(logPath)) continue; // killed before its first save ever finished
      const text = fs.readFileSync(logPath, 'utf8');
      assert.doesNotThrow(() => JSON.parse(text), `kill ${i + 1} (seed ${seed}) left a log that is not JSON`);
      const parsed = parseTakeLog(text);
      assert.ok(parsed.ok, `kill ${i + 1} (seed ${seed}) left a log that does not validate`);
      valid++;
    }
    // The next save breaks the dead writer's lock and removes its temp files.
    await new TakeStore(nodeHost()).update(logPath, (current) => current!);
    console.log(`    kill -9 fuzzer: ${kills} kills, ${valid} valid logs, ${saves} saves, ${leftBehind} kills left a temp file or lock (cleaned up), seed ${seed}`);
    assert.equal(valid, kills);
    assert.deepEqual(leftovers(logPath), []);
    assert.ok(!fs.existsSync(lockPathFor(logPath)));
  });
});

/** Starts a writer saving in a loop and kills it `delayMs` after its first save (or its start). */
function killDuringSaves(logPath: string, delayMs: number): Promise<{ saves: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, 'loop', logPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const killLater = () => {
      if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stdout.on('data', (chunk) => {
      output += chunk;
      killLater();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A writer that never saves (it cannot take the lock, say) is killed too, and the test then fails.
    const backstop = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(backstop);
      if (signal !== 'SIGKILL') return reject(new Error(`the writer exited by itself (${code}): ${stderr}`));
      const saves = (output.match(/^saved \d+$/gm) ?? []).length;
      if (!saves) return reject(new Error(`the writer never saved within 15 s: ${stderr}`));
      resolve({ saves });
    });
  });
}
