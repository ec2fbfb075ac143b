import { appendTake } from '../../server/out/core/takeOps';
import { emptyTakeLog } from '../../server/out/core/takes';
import { TakeStore } from '../../server/out/takeStore';
import { nodeHost } from '../../server/out/node/host';

// A separate process that logs takes through the take store on the disk host (as the language
// server and the CLI write every log), for the tests that need
// more than one writer or a writer killed mid-save (test/takes/takeLogWriters.test.ts):
//   node takeLogWriter.js append LOG COUNT TAG   logs COUNT takes, one save each, then prints COUNT
//   node takeLogWriter.js loop LOG               logs takes until killed, printing "saved N" after each

const store = new TakeStore(nodeHost());

/** A long prompt, so a save writes enough bytes for a kill to land inside it. */
const prompt = 'A lighthouse keeper climbs the spiral stairs at dusk, lantern swinging. '.repeat(40);
/** The loop keeps the newest takes only, so the log stays well under the size limit however long it runs. */
const loopKeeps = 60;

async function logOne(logPath: string, change: string, keep = Infinity): Promise<void> {
  await store.update(logPath, (current) => {
    const { log } = appendTake(current ?? emptyTakeLog('scene09.sora'), '09', { variant: 'main', change, settings: { aspect: '16:9' }, prompt });
    return log.takes.length > keep ? { ...log, takes: log.takes.slice(-keep) } : log;
  });
}

async function main([mode, logPath, ...rest]: string[]): Promise<void> {
  if (mode === 'append') {
    const count = Number(rest[0]);
    for (let i = 0; i < count; i++) await logOne(logPath, `${rest[1]} ${i}`);
    process.stdout.write(`${count}\n`);
  } else if (mode === 'loop') {
    for (let i = 1; ; i++) {
      await logOne(logPath, `loop ${i}`, loopKeeps);
      process.stdout.write(`saved ${i}\n`);
    }
  } else {
    process.stderr.write('usage: takeLogWriter.js append LOG COUNT TAG | loop LOG\n');
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
