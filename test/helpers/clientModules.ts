// Loads the client's pure modules (client/out/…) in Node. They import the core by its source path
// (`../../../server/src/core/text`), which the bundler resolves for the extension and the webview
// pages; in Node the same module is its compiled twin under server/out, so a require from
// client/out into server/src is sent there. Nothing else is redirected.
import Module from 'node:module';
import * as path from 'node:path';
import { repoRoot } from './paths';

const clientOut = path.join(repoRoot, 'client/out') + path.sep;
const serverSource = path.join(repoRoot, 'server/src') + path.sep;
const serverOut = path.join(repoRoot, 'server/out') + path.sep;

type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
let installed = false;

function redirectCoreImports(): void {
  if (installed) return;
  installed = true;
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    const from = parent?.filename;
    if (from?.startsWith(clientOut) && request.startsWith('.')) {
      const target = path.resolve(path.dirname(from), request);
      if (target.startsWith(serverSource)) request = serverOut + target.slice(serverSource.length);
    }
    return resolve.call(this, request, parent, ...rest);
  };
}

/** `requireClient('preview/model')`: client/out/preview/model.js, its core imports from server/out. */
export function requireClient<T>(modulePath: string): T {
  redirectCoreImports();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(clientOut, modulePath)) as T;
}
