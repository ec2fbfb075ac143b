// Minimal proof that the suite runs inside a real extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('e2e smoke', () => {
  it('runs inside VS Code with extensions loaded', () => {
    assert.ok(vscode.extensions.all.length > 0, 'vscode.extensions.all is empty');
    assert.ok(vscode.version, 'vscode.version is empty');
  });

  // Lets the runners prove that a failing test turns the run red.
  if (process.env.SORA_E2E_DELIBERATE_FAILURE === '1') {
    it('fails on purpose (SORA_E2E_DELIBERATE_FAILURE=1)', () => {
      assert.fail('deliberate failure requested by SORA_E2E_DELIBERATE_FAILURE=1');
    });
  }
});
