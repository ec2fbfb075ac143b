import assert from 'node:assert/strict';
import { changeDelayFor, minChangeDelay, maxChangeDelay } from '../../server/out/lsp/diagnostics';

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
