import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Harness } from './harness';

// The server never reports on, or reads, files outside the workspace a storyboard names or a
// request points at.

describe('language server: files outside the workspace', function () {
  let server: Harness;
  let outside: string;
  before(async () => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-outside-'));
    fs.writeFileSync(path.join(outside, 'elsewhere.sora'), 'scene 01 "Elsewhere"\nlogline: Not in the workspace.\n');
    server = await Harness.start({ files: { 'notes.txt': 'secret notes' } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  async function hoverOnReference(reference: string): Promise<string> {
    const text = fs.readFileSync(server.file('lighthouse/scene09.sora'), 'utf8').replace(/^reference: .*$/m, `reference: ${reference}`);
    const uri = await server.open('lighthouse/scene09.sora', text);
    await server.replaceText(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('reference:'));
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } })) as { contents: { value: string } } | null;
    return hover?.contents.value ?? '';
  }

  for (const reference of ['/etc/passwd', '/proc/self/environ', '../../../../../../etc/passwd']) {
    it(`the hover on "reference: ${reference}" says outside the workspace, not "The file is there."`, async () => {
      const markdown = await hoverOnReference(reference);
      assert.doesNotMatch(markdown, /The file is there/);
      assert.match(markdown, /outside the workspace; it is not used or looked at/);
    });
  }

  it('the hover and the rule agree on a reference inside', async () => {
    fs.mkdirSync(server.file('lighthouse/refs'), { recursive: true });
    fs.writeFileSync(server.file('lighthouse/refs/lighthouse.png'), 'png');
    assert.match(await hoverOnReference('refs/lighthouse.png'), /The file is there/);
    assert.match(await hoverOnReference('refs/nope.png'), /not there \(yet\)/);
  });

  it('sora/compile reads no file that is not an open document, a .sora file and inside the workspace', async () => {
    for (const uri of [server.uri('notes.txt'), pathToFileURL(path.join(outside, 'elsewhere.sora')).toString(), 'file:///etc/passwd']) {
      await assert.rejects(server.connection.sendRequest('sora/compile', { uri, variant: null }), /Cannot read/, uri);
    }
    const inside = (await server.connection.sendRequest('sora/compile', { uri: server.uri('rooftop/scene03.sora'), variant: null })) as { prompt: string };
    assert.ok(inside.prompt.length > 0, 'a closed storyboard inside the workspace still compiles');
  });
});
