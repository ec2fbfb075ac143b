// Screenshots from inside the extension host. Test code cannot reach the
// browser/window, so it asks the runner through the file system:
//   1. write NAME.request into $SORA_SCREENSHOT_DIR
//   2. the runner (scripts/e2e/run-code-server-tests.mjs) polls that folder,
//      saves NAME.png, deletes NAME.request and writes NAME.done
//   3. we wait for NAME.done and remove it.
// Without SORA_SCREENSHOT_DIR (e.g. under @vscode/test-electron) this is a no-op.
import * as fs from 'fs';
import * as path from 'path';

const POLL_MS = 100;

export async function takeScreenshot(name: string, timeoutMs = 30_000): Promise<void> {
  const dir = process.env.SORA_SCREENSHOT_DIR;
  if (!dir) {
    console.log(`[screenshot] skipped "${name}": SORA_SCREENSHOT_DIR is not set`);
    return;
  }
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  const request = path.join(dir, `${safe}.request`);
  const done = path.join(dir, `${safe}.done`);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(done, { force: true });
  // Write then rename, so the runner never sees a half-written request.
  fs.writeFileSync(`${request}.tmp`, new Date().toISOString());
  fs.renameSync(`${request}.tmp`, request);

  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) {
      fs.rmSync(request, { force: true });
      throw new Error(`screenshot "${safe}" not taken within ${timeoutMs} ms (is the code-server runner polling ${dir}?)`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  fs.rmSync(done, { force: true });
}
