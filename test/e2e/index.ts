// extensionTestsPath entry for the e2e suite. VS Code loads this module inside
// the extension host and calls run(); the returned promise decides the exit code.
// Used both by @vscode/test-electron (scripts/e2e/run-electron-tests.mjs) and by
// the code-server runner (scripts/e2e/run-code-server-tests.mjs).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** All compiled `*.e2e.js` files below this folder, sorted for a stable order. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.e2e.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // 'spec' writes through console.log, which the extension host forwards to
    // the workbench: in code-server that reaches the runner's codeAutomationLog;
    // under test-electron it reaches the terminal. Colours would only add escapes.
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.SORA_E2E_TIMEOUT_MS) || 60_000,
    grep: process.env.SORA_E2E_GREP || undefined,
  });

  const files = findTestFiles(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.e2e.js files under ${__dirname}`));
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A plain closing line that CI log readers recognise.
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`e2e: ${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : ''));
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
