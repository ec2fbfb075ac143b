import { appendTake } from '../../server/out/core/takeOps';
import { emptyTakeLog } from '../../server/out/core/takes';
import { updateTakeLog } from '../../server/out/node/takeLogFile';

// A separate process that logs takes through the real take-log writer, for the tests that need
// more than one writer or a writer killed mid-save (test/takes/takeLogWriters.test.ts):
//   node takeLogWriter.js append LOG COUNT TAG   logs COUNT takes, one save each, then prints COUNT
//   node takeLogWriter.js loop LOG               logs takes until killed, printing "saved N" after each

/** A long prompt, so a save writes enough bytes for a kill to land inside it. */
const prompt = 'A lighthouse keeper climbs the spiral stairs at dusk, lantern swinging. '.repeat(40);
/** The loop keeps the newest takes only, so the log stays well under the size limit however long it runs. */
const loopKeeps = 60;

function logOne(logPath: string, change: string, keep = Infinity): void {
  updateTakeLog(logPath, (current) => {
    const { log } = appendTake(current ?? emptyTakeLog('scene09.sora'), '09', { variant: 'main', change, settings: { aspect: '16:9' }, prompt });
    return log.takes.length > keep ? { ...log, takes: log.takes.slice(-keep) } : log;
  });
}

function main([mode, logPath, ...rest]: string[]): void {
  if (mode === 'append') {
    const count = Number(rest[0]);
    for (let i = 0; i < count; i++) logOne(logPath, `${rest[1]} ${i}`);
    process.stdout.write(`${count}\n`);
  } else if (mode === 'loop') {
    for (let i = 1; ; i++) {
      logOne(logPath, `loop ${i}`, loopKeeps);
      process.stdout.write(`saved ${i}\n`);
    }
  } else {
    process.stderr.write('usage: takeLogWriter.js append LOG COUNT TAG | loop LOG\n');
    process.exitCode = 2;
  }
}

main(process.argv.slice(2));
