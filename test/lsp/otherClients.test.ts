import assert from 'node:assert/strict';
import type { CodeLens, CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';

// Editors other than VS Code get what they said they can use: no snippets without snippetSupport,
// no VS Code-only commands, plain-text hovers when Markdown is not in hover.contentFormat, and code
// lenses only on commands the server runs itself.

const lighthouse = 'lighthouse/scene09.sora';

/** What Neovim 0.7 says without a snippet engine, and with hovers as plain text. */
const plainClient = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: {
    hover: { contentFormat: ['plaintext'] },
    completion: { completionItem: { snippetSupport: false } },
    rename: { prepareSupport: true },
  },
};

describe('LSP: clients other than VS Code', function () {
  this.timeout(30000);

  describe('a client without snippets or Markdown', () => {
    let server: Harness;
    let uri: string;
    let text: string;
    before(async () => {
      server = await Harness.start({ capabilities: plainClient, initializationOptions: {} });
      uri = await server.open(lighthouse);
      text = server.text(uri);
      await server.diagnostics(uri, { version: 1 });
    });
    after(async () => {
      await server.stop();
    });

    it('completes with plain text: placeholders written out, no tab stops, no suggest command', async () => {
      const blank = text.split('\n').findIndex((line) => line === '');
      const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: blank, character: 0 } });
      assert.ok(items.length > 3);
      for (const item of items) {
        assert.notEqual(item.insertTextFormat, 2, `${item.label} is not a snippet`);
        const newText = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : (item.insertText ?? '');
        assert.doesNotMatch(newText, /\$\{?\d/, `${item.label}: ${newText}`);
        assert.notEqual(item.command?.command, 'editor.action.triggerSuggest', item.label);
      }
      const beat = items.find((item) => item.label === 'beat');
      assert.ok(beat && beat.textEdit && 'newText' in beat.textEdit);
      // The one `beat` item inserts a whole beat; without snippets its defaults are written out.
      assert.match(beat.textEdit.newText, /^beat 4s Title\n {2}subject: \n[\s\S]*\n {2}camera: medium, static$/);
      const indented = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '  camera: wide', 0, 2) });
      assert.ok(indented.every((item) => item.command?.command !== 'editor.action.triggerSuggest'));
    });

    it('answers hovers in plain text', async () => {
      const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'beat 4s The lamp', 0, 2) });
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'plaintext');
      assert.match(contents.value, /Beat 2 of 3 · The lamp/);
      assert.doesNotMatch(contents.value, /\*\*|`/);
    });

    it('gives code lenses only on server commands, which run and show their text', async () => {
      const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.ok(lenses.length >= 2, JSON.stringify(lenses));
      for (const lens of lenses) assert.match(lens.command!.command, /^sora\.server\./, lens.command!.title);
      const remix = lenses.find((lens) => lens.command!.command === 'sora.server.remixInstruction');
      assert.ok(remix, 'the remix lens');
      const shown = server.messages.length;
      const result = await server.request<string>('workspace/executeCommand', { command: remix.command!.command, arguments: remix.command!.arguments });
      assert.match(result, /Keep everything else the same/);
      await server.waitFor(() => server.messages.length > shown || undefined, 5000, 'the message');
      assert.equal(server.messages.at(-1)!.message, result);
      const compileLens = lenses.find((lens) => lens.command!.command === 'sora.server.compileVariant')!;
      const prompt = await server.request<string>('workspace/executeCommand', { command: compileLens.command!.command, arguments: compileLens.command!.arguments });
      assert.match(prompt, /Shot 1 \(0:00–0:04\)/);
    });
  });

  describe('our VS Code client', () => {
    let server: Harness;
    let uri: string;
    before(async () => {
      server = await Harness.start();
      uri = await server.open(lighthouse);
      await server.diagnostics(uri, { version: 1 });
    });
    after(async () => {
      await server.stop();
    });

    it('keeps snippets, Markdown and the extension commands', async () => {
      const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: server.text(uri).split('\n').findIndex((line) => line === ''), character: 0 } });
      assert.ok(items.some((item) => item.insertTextFormat === 2));
      const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.ok(lenses.some((lens) => lens.command!.command === 'sora.openPreviewToSide'));
    });
  });
});
