import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { adversarialLength, adversarialInputs, characterClasses } from './inputs';
import type { DoneMessage, StepMessage } from './worker';

// Every rule (and the parser, the compiler and the formatter) on 10,000-character runs of each
// character class in every position of a storyboard. A linear step takes milliseconds; the test only
// stops a step that has not finished after a generous 2 s (a hang detector, not a timing) and names it.

const stepLimitMs = 2000;

function runWorker(length: number): Promise<DoneMessage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: { length } });
    let current = 'starting';
    let since = Date.now();
    const watch = setInterval(() => {
      if (Date.now() - since <= stepLimitMs) return;
      clearInterval(watch);
      void worker.terminate();
      reject(new Error(`${current} did not finish within ${stepLimitMs / 1000} s`));
    }, 100);
    worker.on('message', (message: StepMessage | DoneMessage) => {
      if (message.kind === 'done') {
        clearInterval(watch);
        void worker.terminate();
        resolve(message);
        return;
      }
      current = `${message.step} on ${message.input}`;
      since = Date.now();
    });
    worker.on('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
  });
}

describe('adversarial lines', function () {
  this.timeout(600_000);

  it('every position of the template holds the run it was given', () => {
    const inputs = adversarialInputs(50);
    assert.ok(inputs.length >= Object.keys(characterClasses).length * 40, `${inputs.length} inputs`);
    for (const input of inputs.slice(0, 5)) assert.ok(input.text.includes('.'.repeat(50)), input.name);
  });

  it(`no rule hangs on ${adversarialLength.toLocaleString('en')}-character runs of any character class in any position`, async () => {
    const done = await runWorker(adversarialLength);
    console.log(`      ${done.inputs} storyboards, ${done.steps} steps, none over ${stepLimitMs / 1000} s`);
    assert.equal(done.inputs, adversarialInputs(10).length);
  });
});
