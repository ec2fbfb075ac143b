import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { Harness } from './harness';
import { applyEdits } from '../../server/out/core/text';

// Formatting (server/src/lsp/format.ts) through the real server.

const lighthouse = 'lighthouse/scene09.sora';

const problems = 'problems/scene07.sora';

const rooftop = 'rooftop/scene03.sora';

describe('language server: formatting', function () {
  let server: Harness;
  let lighthouseUri: string;

  before(async () => {
    server = await Harness.start();
    lighthouseUri = await server.open(lighthouse);
    await server.diagnostics(lighthouseUri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  it('leaves the shared examples as they are', async () => {
    for (const file of [lighthouse, problems, rooftop]) {
      const uri = await server.open(file);
      const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      assert.equal(applyEdits(server.text(uri), edits), server.text(uri), file);
    }
  });

  it('lays out a messy storyboard canonically, keeps values and comments, and is idempotent', async () => {
    const messy = [
      '// header comment',
      'scene 09 "The Last Light"   ',
      'logline:An old keeper relights the lamp.',
      'settings',
      'aspect:16:9',
      '      duration:    12s',
      '',
      '',
      '',
      '   style',
      '  palette:   teal and amber  ',
      '    // a note on lighting',
      '\tlighting: stormy dusk,   consistent lighting',
      'character Mara',
      ' anchors: silver braid, yellow raincoat, green eyes',
      'beat 12s The climb',
      'subject: Mara',
      '     say Mara @1s    "Not   tonight."   ',
      '  this line is not valid   ',
      'variant warmer from main',
      '       style lighting:warm glow',
      '',
    ].join('\n');
    const uri = await server.open('scratch/messy.sora', messy);
    const edits = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyEdits(messy, edits);
    assert.equal(
      formatted,
      [
        '// header comment',
        'scene 09 "The Last Light"',
        'logline: An old keeper relights the lamp.',
        '',
        'settings',
        '  aspect: 16:9',
        '  duration: 12s',
        '',
        'style',
        '  palette: teal and amber',
        '  // a note on lighting',
        '  lighting: stormy dusk,   consistent lighting',
        '',
        'character Mara',
        '  anchors: silver braid, yellow raincoat, green eyes',
        '',
        'beat 12s The climb',
        '  subject: Mara',
        '  say Mara @1s    "Not   tonight."',
        '  this line is not valid   ',
        '',
        'variant warmer from main',
        '  style lighting: warm glow',
        '',
      ].join('\n'),
    );
    const version = await server.replaceText(uri, formatted);
    await server.diagnostics(uri, { version });
    const again = await server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(again, [], 'idempotent');
  });
});
