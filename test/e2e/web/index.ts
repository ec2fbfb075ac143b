// extensionTestsPath entry for the suite in the web-worker extension host
// (scripts/e2e/run-code-server-tests.mjs --web). The host loads this one script as CommonJS with
// only `vscode` to require, so it is a browser bundle (scripts/e2e/bundle-web-tests.mjs) holding
// mocha's browser build and the *.web.ts files.
import 'mocha/mocha.js';

/** Set by the bundler from SORA_E2E_GREP: a web worker has no environment to read it from. */
declare const SORA_E2E_GREP: string;

export async function run(): Promise<void> {
  // mocha's own `spec` reporter writes through console.log, which the host forwards to the runner.
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, ...(SORA_E2E_GREP ? { grep: SORA_E2E_GREP } : {}) });
  // After setup, which defines describe/it: the files register their suites as they load.
  await import('./core.web');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`e2e (web worker): ${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : ''));
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed in the web-worker host`));
      else resolve();
    });
  });
}
