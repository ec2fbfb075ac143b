// The workspace an e2e run opens: a writable temp copy, never the repository's own files.
// Shared by run-code-server-tests.mjs and run-electron-tests.mjs.
import fs from 'node:fs';
import path from 'node:path';

/** Copies a folder tree and makes every copy writable by us (the source may be read-only, as in CI). */
export function copyWritable(from, to) {
  fs.cpSync(from, to, {
    recursive: true,
    // Dependencies and git metadata are never part of a test workspace.
    filter: (src) => !/(^|[\\/])(node_modules|\.git)$/.test(src),
  });
  const walk = (p) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    fs.chmodSync(p, st.mode | (st.isDirectory() ? 0o700 : 0o600));
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(to);
}

/** `$SORA_SHARED_EXAMPLES`, else `../shared/examples` beside the clone. */
export function sharedExamplesDir(repoRoot) {
  return process.env.SORA_SHARED_EXAMPLES
    ? path.resolve(process.env.SORA_SHARED_EXAMPLES)
    : path.resolve(repoRoot, '..', 'shared', 'examples');
}

/**
 * Fills `target` with a copy of `source` plus the shared examples under `shared/`; returns the env
 * the tests get (SORA_E2E_WORKSPACE, SORA_SHARED_EXAMPLES) and a note when the examples are missing.
 */
export function prepareWorkspace(source, target, repoRoot) {
  copyWritable(source, target);
  const shared = sharedExamplesDir(repoRoot);
  let warning;
  if (fs.existsSync(shared)) copyWritable(shared, path.join(target, 'shared'));
  else warning = `no shared examples at ${shared}: tests that need them will fail`;
  return { env: { SORA_E2E_WORKSPACE: target, SORA_SHARED_EXAMPLES: shared }, warning };
}
