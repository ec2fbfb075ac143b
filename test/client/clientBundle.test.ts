import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../helpers/paths';

// The client is thin: it asks the server instead of parsing, and the server owns the take logs. So
// the extension's bundle, built as scripts/bundle.mjs builds it, must hold no lexer, parser or
// rules (nor chevrotain), no take-log reader or writer, and nothing of the Node server; and the
// take features use no Node API, so the same client runs in a browser.

const forbidden: [RegExp, string][] = [
  [/^server\/src\/core\/(lexer|parser|parse)[^/]*\.ts$/, 'the lexer or parser'],
  [/^server\/src\/core\/rules\//, 'a rule'],
  [/^node_modules\/chevrotain\//, 'chevrotain'],
  [/^server\/src\/(takeStore|takeView)\.ts$/, 'the take store'],
  [/^server\/src\/node\//, 'the Node server (take-log writer, file reads)'],
  [/^server\/src\/core\/(takes|takeOps|lineage)\.ts$/, 'take-log logic'],
  [/^server\/src\/provenance\//, 'the C2PA reader'],
];

/** The client entries of scripts/bundle.mjs: the Node extension, and the web extension once it is there. */
const clients = [
  { entry: 'client/src/extension.ts', platform: 'node' as const, required: true },
  { entry: 'client/src/browserExtension.ts', platform: 'browser' as const, required: false },
].filter((client) => client.required || fs.existsSync(path.join(repoRoot, client.entry)));

for (const client of clients) {
  describe(`the client bundle (esbuild metafile): ${client.entry}`, function () {
    this.timeout(60000);
    let inputs: esbuild.Metafile['inputs'];

    before(async () => {
      // As scripts/bundle.mjs builds it, with the metafile and nothing written.
      const result = await esbuild.build({
        absWorkingDir: repoRoot,
        entryPoints: [client.entry],
        bundle: true,
        platform: client.platform,
        target: client.platform === 'node' ? 'node20' : 'es2022',
        format: 'cjs',
        external: ['vscode', 'cbor-extract'],
        write: false,
        outfile: path.join(repoRoot, 'client/dist/metafile-check.js'),
        metafile: true,
        logLevel: 'silent',
      });
      inputs = result.metafile.inputs;
    });

    it('holds the take features (so the checks below look at the real thing)', () => {
      for (const file of ['client/src/takes/panel.ts', 'client/src/takes/logTake.ts', 'client/src/takes/requests.ts', 'server/src/protocol.ts']) assert.ok(inputs[file], `${file} is not in the bundle`);
    });

    it('holds no lexer, parser, rules, chevrotain, take-log reader or writer', () => {
      const found = Object.keys(inputs).flatMap((file) => forbidden.filter(([pattern]) => pattern.test(file)).map(([, what]) => `${file} (${what})`));
      assert.deepEqual(found, []);
    });

    it('the take features import no Node API', () => {
      const nodeImports = Object.entries(inputs)
        .filter(([file]) => file.startsWith('client/src/takes/'))
        .flatMap(([file, input]) => input.imports.filter((imported) => /^(node:)?(fs|path|os|child_process|crypto)$/.test(imported.path)).map((imported) => `${file} imports ${imported.path}`));
      assert.deepEqual(nodeImports, []);
    });
  });
}
