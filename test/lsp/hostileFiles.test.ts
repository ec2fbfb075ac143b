import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Harness } from './harness';

// The server on a workspace whose take log links to /dev/zero and whose config is a FIFO: it must
// not read forever or block, and must still answer the open document.

describe('language server: special files in the workspace', function () {
  let server: Harness;
  before(async function () {
    if (process.platform === 'win32') this.skip();
    server = await Harness.start({
      prepare: (root) => {
        const lighthouse = path.join(root, 'lighthouse');
        fs.rmSync(path.join(lighthouse, 'scene09.takes.json'));
        fs.symlinkSync('/dev/zero', path.join(lighthouse, 'scene09.takes.json'));
        execFileSync('mkfifo', [path.join(lighthouse, '.sorarc.json')]);
        fs.symlinkSync('/dev/urandom', path.join(root, 'rooftop', 'scene03.takes.json'));
      },
    });
  });
  after(async () => {
    await server?.stop();
  });

  it('checks, hovers and warns instead of reading /dev/zero or blocking on a FIFO', async () => {
    const uri = await server.open('lighthouse/scene09.sora');
    const diagnostics = await server.diagnostics(uri, { version: 1 });
    assert.ok(diagnostics.some((d) => d.code === 'variant-base'), 'the variant on take02 is checked without the log');
    const sceneLine = server.text(uri).split('\n').findIndex((line) => line.startsWith('scene '));
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: sceneLine, character: 2 } });
    assert.ok(hover, 'hover answers');
    const messages = server.messages.map((m) => m.message).join('\n');
    assert.match(messages, /scene09\.takes\.json is not a regular file \(a character device\)/);
    assert.match(messages, /\.sorarc\.json is not a regular file \(a FIFO\)/);
    assert.equal(server.exitCode, null, 'still running');
  });
});

describe('language server: Restricted Mode (initializationOptions.trusted = false)', function () {
  let server: Harness;
  before(async () => {
    server = await Harness.start({
      initializationOptions: { trusted: false },
      files: { 'problems/.sorarc.json': JSON.stringify({ rules: { 'character-unknown': 'off' } }) },
    });
  });
  after(async () => {
    await server?.stop();
  });

  it('checks with the default severities, reads no config file, and says so', async () => {
    const uri = await server.open('problems/scene07.sora');
    const diagnostics = await server.diagnostics(uri, { version: 1 });
    assert.ok(diagnostics.some((d) => d.code === 'character-unknown'), 'the rule the config turns off still runs');
    assert.ok(server.messages.some((m) => /Restricted Mode: \.sorarc\.json is not read/.test(m.message)));
  });
});
