import assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as DiagnosticsModule from '../../server/out/lsp/diagnostics';
import { repoRoot } from '../helpers/paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { changeDelayFor, minChangeDelay, maxChangeDelay } = require(path.join(repoRoot, 'server/out/lsp/diagnostics')) as typeof DiagnosticsModule;

describe('lsp: the typing pause before diagnostics', () => {
  it('is short for a document not analysed yet or analysed in a few ms', () => {
    assert.equal(changeDelayFor(undefined), minChangeDelay);
    assert.equal(changeDelayFor(2), minChangeDelay);
  });

  it('grows with the last analysis time, a few times what it took', () => {
    assert.equal(changeDelayFor(10), 40);
    assert.ok(changeDelayFor(20) > changeDelayFor(10));
  });

  it('never waits longer than the old fixed pause, however slow the analysis', () => {
    assert.equal(changeDelayFor(80), maxChangeDelay);
    assert.equal(changeDelayFor(5000), maxChangeDelay);
  });
});
