import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../helpers/paths';

// The language server above the host port runs in a web worker (vscode.dev, code-server's
// web-worker extension host), where there is no Node: serve.ts and everything it imports must bundle
// for the browser with no Node built-in among its inputs. esbuild's metafile lists every input.

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

async function bundleForBrowser(entry: string): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Every input or import that is Node's: a built-in module, or a package's Node-only entry. */
function nodeParts(metafile: esbuild.Metafile): string[] {
  const found = new Set<string>();
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (nodeBuiltins.has(input) || input.startsWith('node:') || /\/node\/main\.js$|vscode-(languageserver|jsonrpc)\/lib\/node\//.test(input)) found.add(input);
    for (const imported of imports) if (nodeBuiltins.has(imported.path) || imported.path.startsWith('node:')) found.add(`${input} → ${imported.path}`);
  }
  return [...found].sort();
}

describe('the language server in a web worker', function () {
  this.timeout(60000);

  it('bundles lsp/serve.ts for the browser with no Node built-in among its inputs', async () => {
    const metafile = await bundleForBrowser('server/src/lsp/serve.ts');
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.includes('server/src/context.ts') && inputs.includes('server/src/core/analyze.ts'), 'the contexts and the core are in the bundle');
    assert.deepEqual(nodeParts(metafile), []);
  });

  it('would catch a Node import: the Node host does not bundle for the browser', async () => {
    // The check above means something only if a Node import fails it.
    await assert.rejects(bundleForBrowser(path.join('server/src/node/host.ts')), /node:fs|"fs"|built into node/i);
  });
});
