import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol/node';
import { exampleFiles } from '../helpers/paths';
import { Harness } from './harness';
import { formatStoryboard } from '../../server/out/lsp/format';
import { parseStoryboard } from '../../server/out/core/parse';
import { applyEdits } from '../../server/out/core/text';

const seeds = [exampleFiles.lighthouse, exampleFiles.problems, exampleFiles.rooftop].map((file) => fs.readFileSync(file, 'utf8'));

/** Pieces writers (and accidents) type: whole lines, punctuation the grammar cares about, odd code points. */
const fragment = fc.oneof(
  fc.constantFrom(
    '\n',
    '\r\n',
    '  ',
    'beat 4s The lamp\n',
    'beat ',
    '  say Mara @1s "Not tonight."\n',
    '  say Ghost "',
    '@',
    '@0.5s',
    '"',
    ':',
    ',',
    '//',
    '  camera: close-up, slow pan left\n',
    '  anchors: a, b, c, d, e\n',
    'variant v from take02\n',
    '  beat 9 camera: wide\n',
    '  character Mara anchors: x\n',
    'settings\n  duration: 99s\n',
    'scene 01 "T',
    'character Mara\n',
    '\u{1F3AC}',
    '\u00e9',
    '\t',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.oneof(fragment, fc.constant('')) });

function inside(range: Range, document: TextDocument): boolean {
  const ok = (p: Range['start']) => {
    if (p.line < 0 || p.line >= document.lineCount) return false;
    const lineText = document.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    return p.character >= 0 && p.character <= lineText.length;
  };
  return ok(range.start) && ok(range.end);
}

describe('language server: random edits (property)', function () {
  let server: Harness;

  before(async () => {
    server = await Harness.start();
  });
  after(async () => {
    await server.stop();
  });

  it('never crashes, and every published range stays inside the document', async function () {
    this.timeout(240000);
    const uri = server.uri('scratch/property.sora');
    let document = TextDocument.create(uri, 'sora', 1, seeds[0]);
    await server.open('scratch/property.sora', seeds[0]);
    let edits = 0;
    let seed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 10, maxLength: 60 }), fc.nat({ max: 1000 }), async (batch, probe) => {
        // Now and then start over from an example, so the text stays storyboard-like.
        if (document.getText().length > 20000 || batch.length % 7 === 0) {
          const text = seeds[seed++ % seeds.length];
          const version = document.version + 1;
          const oldEnd = document.positionAt(document.getText().length);
          document = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: oldEnd }, text }], version);
          await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: oldEnd }, text }], document.getText());
        }
        for (const change of batch) {
          const length = document.getText().length;
          const start = Math.floor(change.at * length);
          const end = Math.min(length, start + change.remove);
          const range = { start: document.positionAt(start), end: document.positionAt(end) };
          document = TextDocument.update(document, [{ range, text: change.insert }], document.version + 1);
          await server.change(uri, [{ range, text: change.insert }], document.getText());
          edits++;
        }
        const diagnostics = await server.diagnostics(uri, { version: document.version, timeout: 15000 });
        for (const d of diagnostics) assert.ok(inside(d.range, document), `diagnostic ${d.code} ${JSON.stringify(d.range)} inside the document`);

        // Every feature answers on the edited text, with ranges inside it.
        const position = document.positionAt(probe % (document.getText().length + 1));
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
        const at = { textDocument: { uri }, position };
        const [hover, , actions, , , formatting, hints] = await Promise.all([
          server.request<{ range?: Range } | null>('textDocument/hover', at),
          server.request('textDocument/completion', at),
          server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: diagnostics as Diagnostic[] } }),
          server.request('textDocument/semanticTokens/full', { textDocument: { uri } }),
          server.request('textDocument/documentSymbol', { textDocument: { uri } }),
          server.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
          server.request<{ position: Range['start'] }[]>('textDocument/inlayHint', { textDocument: { uri }, range: whole }),
          server.request('sora/compile', { uri }),
        ]);
        if (hover?.range) assert.ok(inside(hover.range, document), 'hover range');
        for (const action of actions) for (const e of action.edit?.changes?.[uri] ?? []) assert.ok(inside(e.range, document), `edit of "${action.title}"`);
        for (const e of formatting) assert.ok(inside(e.range, document), 'formatting edit');
        for (const hint of hints) assert.ok(inside({ start: hint.position, end: hint.position }, document), 'inlay hint');
        assert.equal(server.exitCode, null);
      }),
      { numRuns: 70 },
    );
    assert.ok(edits >= 1000, `${edits} edits`);
    assert.equal(server.exitCode, null, 'still running');
    assert.ok(!/uncaught|unhandled/.test(server.stderr), server.stderr);
    console.log(`      ${edits} edits, 0 crashes, diagnostics after every batch`);
  });
});

describe('formatting (property)', () => {
  it('is idempotent and keeps every value, comment and dialogue line', () => {
    const lineArb = fc.oneof(
      fc.constantFrom('', '   ', '// note', '   // indented note', 'settings', 'style', '  aspect:16:9', 'duration:   12s  ', 'beat 4s  The  climb ', 'scene 01 "A"', 'logline:  One line.',
        '\tsubject: Mara', '    say Mara @1s  "Hi  there."  ', 'variant v from main', '      beat 1 camera:close-up', 'character Mara', 'anchors: a, b,  c', 'not a line at all  ', 'reference:refs/a.png', ': :'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, trailing) => {
        const text = lines.join(eol) + (trailing ? eol : '');
        const once = formatStoryboard(text, parseStoryboard(text));
        const twice = formatStoryboard(once, parseStoryboard(once));
        assert.equal(twice, once, 'idempotent');
        const values = (source: string) => {
          const storyboard = parseStoryboard(source);
          return [
            ...storyboard.sections.flatMap((s) => s.fields.map((f) => `${f.key}=${f.value.text}`)),
            ...storyboard.beats.flatMap((b) => b.says.map((say) => `${say.speaker.text}:${say.line.text}`)),
            ...storyboard.variants.flatMap((v) => v.overrides.map((o) => `${o.field.text}=${o.value.text}`)),
            ...storyboard.comments.map((c) => c.text.trim()),
            ...storyboard.syntaxErrors.map((e) => e.message),
          ];
        };
        assert.deepEqual(values(once), values(text), 'values, comments and unreadable lines kept');
      }),
      { numRuns: 2000 },
    );
  });

  it('formats the examples to themselves', () => {
    for (const text of seeds) assert.equal(formatStoryboard(text, parseStoryboard(text)), text);
    assert.equal(applyEdits('a', []), 'a');
  });
});
