// Runs in a worker thread: parses each adversarial storyboard and runs every rule on it (then
// compiles and formats it), telling the test which step starts before it starts, so a step that
// never ends is named by the test that stops the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { compile } from '../../../server/out/core/compile';
import { readSettings, resolveNames } from '../../../server/out/core/model';
import { parseStoryboard } from '../../../server/out/core/parse';
import { rules } from '../../../server/out/core/rules';
import type { RuleContext } from '../../../server/out/core/rules/types';
import type { TakeLog } from '../../../server/out/core/takes';
import { resolveTarget } from '../../../server/out/core/target/target';
import { LineIndex } from '../../../server/out/core/text';
import { formatStoryboard } from '../../../server/out/lsp/format';
import { adversarialInputs } from './inputs';

export interface StepMessage {
  kind: 'step';
  input: string;
  step: string;
}

export interface DoneMessage {
  kind: 'done';
  inputs: number;
  steps: number;
}

const takeLog = {
  version: 1,
  storyboard: 'scene05.sora',
  takes: [{ id: 'take01', file: 'takes/scene05_take01.mp4', createdAt: '2026-11-20T09:12:00Z', variant: 'main', prompt: '…', settings: { aspect: '16:9', resolution: '1080p', duration: 12, model: 'sora-2' } }],
} as unknown as TakeLog;

function run(length: number): void {
  const port = parentPort!;
  let steps = 0;
  const inputs = adversarialInputs(length);
  for (const input of inputs) {
    const step = (name: string) => {
      steps++;
      port.postMessage({ kind: 'step', input: input.name, step: name } satisfies StepMessage);
    };
    step('parse');
    const storyboard = parseStoryboard(input.text);
    const context: RuleContext = {
      storyboard,
      text: input.text,
      lines: new LineIndex(input.text),
      names: resolveNames(storyboard, takeLog),
      settings: readSettings(storyboard),
      documentPath: '/work/scenes/scene05.sora',
      takeLog,
      files: { exists: () => false },
      options: { wordsPerSecond: 2.5 },
      target: resolveTarget(readSettings(storyboard).model),
      compiled: () => compile(storyboard, { takeLog }),
      report() {},
    };
    for (const rule of rules) {
      step(`rule ${rule.code}`);
      rule.check(context);
    }
    step('compile');
    compile(storyboard, { takeLog });
    for (const variant of storyboard.variants) if (variant.name) compile(storyboard, { variant: variant.name.text, takeLog });
    step('format');
    formatStoryboard(input.text, storyboard);
  }
  port.postMessage({ kind: 'done', inputs: inputs.length, steps } satisfies DoneMessage);
}

run((workerData as { length: number }).length);
