import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  Range,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type * as ProtocolModule from '../../server/out/protocol';
import { Harness, positionOf } from './harness';
import { applyEdits } from '../../server/out/core/text';
import { ruleFor } from '../../server/out/core/rules';
import { modelProfiles } from '../../server/out/core/models';

type CompileResponse = ProtocolModule.CompileResponse;

const lighthouse = 'lighthouse/scene09.sora';
const problems = 'problems/scene07.sora';
const rooftop = 'rooftop/scene03.sora';

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

function slice(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

describe('language server: features', function () {
  let server: Harness;
  let lighthouseUri: string;
  let lighthouseText: string;

  before(async () => {
    server = await Harness.start();
    lighthouseUri = await server.open(lighthouse);
    lighthouseText = server.text(lighthouseUri);
    await server.diagnostics(lighthouseUri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });

  describe('hover', () => {
    it('shows a beat header span, its share of the clip and its place', async () => {
      const text = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'beat 4s The lamp', 0, 2))));
      assert.match(text, /0:04–0:08/);
      assert.match(text, /Beat 2 of 3/);
      assert.match(text, /33%/);
    });

    it('shows a say line\'s words against the time it has', async () => {
      const text = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'say Mara', 0, 1))));
      assert.match(text, /2 words/);
      assert.match(text, /2\.5 words\/s/);
      assert.match(text, /0\.8s/);
      assert.match(text, /3s are available/);
      assert.match(text, /0:05/);
    });

    it('shows anchors, settings, camera, variant and reference figures', async () => {
      const anchors = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'anchors:', 0, 2))));
      assert.match(anchors, /4 anchors/);
      assert.match(anchors, /shots 1 .*, 2 /);
      const aspect = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'aspect:', 0, 1))));
      assert.match(aspect, /16:9/);
      assert.match(aspect, /9:16/);
      const duration = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'duration:', 0, 1))));
      assert.match(duration, /12s/);
      const camera = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'camera: close-up', 0, 10))));
      assert.match(camera, /close-up/);
      const variant = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'variant warmer', 0, 9))));
      assert.match(variant, /take02/);
      assert.match(variant, /stormy dusk/);
      assert.match(variant, /Keep everything else the same/);
      const reference = hoverText(await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'reference:', 0, 3))));
      assert.match(reference, /png/);
    });

    it('explains a diagnostic from the rule table on its range', async () => {
      const uri = await server.open(problems);
      const text = server.text(uri);
      await server.diagnostics(uri, { version: 1 });
      const hover = hoverText(await server.request<Hover>('textDocument/hover', at(uri, positionOf(text, 'Waiter', 0, 2))));
      const rule = ruleFor('character-unknown');
      assert.ok(rule);
      assert.ok(hover.includes(rule.explanation.split('\n')[0]), 'the explanation');
      assert.match(hover, /character-unknown/);
      const diagnostic = (await server.diagnostics(uri, { version: 1 })).find((d: { code?: unknown }) => d.code === 'character-unknown');
      // The hover escapes the message's punctuation for Markdown; unescaped, it reads as published.
      // The hover is Markdown (escaped, `code` spans) where the Problems panel shows plain text ("code").
      const plain = (text: string) => text.replace(/\\(.)/g, '$1').replace(/[`"]/g, '');
      assert.ok(diagnostic && plain(hover).includes(plain(String(diagnostic.message))), 'the problem as found here, before the explanation');
    });

    it('answers null on a blank line', async () => {
      const blank = lighthouseText.split('\n').findIndex((line) => line === '');
      assert.equal(await server.request<Hover | null>('textDocument/hover', at(lighthouseUri, { line: blank, character: 0 })), null);
    });
  });

  describe('code actions', () => {
    it('offers the rule table\'s quick fixes, and applying one removes that problem', async () => {
      const uri = await server.open(problems);
      const diagnostics = await server.diagnostics(uri, { version: server.version(uri) });
      let applied = false;
      for (const diagnostic of [...diagnostics].sort((a, b) => (a.code === 'timeline' ? -1 : b.code === 'timeline' ? 1 : 0))) {
        const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        const mine = actions.filter((a) => a.diagnostics?.some((d) => d.code === diagnostic.code));
        if (!mine.length) continue;
        for (const action of mine) {
          assert.equal(action.kind, 'quickfix');
          assert.equal(typeof action.isPreferred, 'boolean');
          assert.ok(action.edit?.changes?.[uri]?.length, 'edits for this document');
        }
        const chosen = mine.find((a) => a.isPreferred) ?? mine[0];
        const before = diagnostics.filter((d) => d.code === diagnostic.code).length;
        const fixed = applyEdits(server.text(uri), chosen.edit!.changes![uri]);
        const version = await server.replaceText(uri, fixed);
        const after = await server.diagnostics(uri, { version });
        assert.ok(after.filter((d) => d.code === diagnostic.code).length < before, `fewer ${diagnostic.code} after "${chosen.title}"`);
        applied = true;
        break;
      }
      assert.ok(applied, 'at least one quick fix in the problems example');
    });

    it('fixes all safe problems in a file, like sora check --fix, and is then done', async () => {
      const uri = await server.open('scratch/fixall.sora', fs.readFileSync(server.file(problems), 'utf8'));
      await server.diagnostics(uri, { version: 1 });
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      for (const action of actions) assert.ok(action.kind?.startsWith('source.fixAll'));
      if (!actions.length) return; // no rule has a safe fix for this file (yet)
      const edits = actions[0].edit!.changes![uri];
      const fixed = applyEdits(server.text(uri), edits);
      assert.notEqual(fixed, server.text(uri));
      const version = await server.replaceText(uri, fixed);
      await server.diagnostics(uri, { version });
      const again = await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(again.length, 0, 'nothing safe left to fix');
    });
  });

  describe('completion', () => {
    /** Completion labels at the `‸` in `marked` (the marker is removed from the text sent). */
    async function complete(marked: string, file = 'scratch/complete.sora'): Promise<string[]> {
      const offset = marked.indexOf('‸');
      assert.ok(offset >= 0, 'a cursor marker');
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      const uri = await server.open(file, text);
      return labels(await server.request<CompletionList | CompletionItem[]>('textDocument/completion', at(uri, positionOf(text, marked.slice(0, offset), 0, offset))));
    }

    it('offers section keywords and snippets at the start of a line', async () => {
      const items = await complete(`${lighthouseText}\nbe‸`);
      for (const keyword of ['beat', 'variant', 'character', 'reference']) assert.ok(items.includes(keyword), keyword);
      assert.equal(items.filter((label) => label.startsWith('beat')).length, 1, 'one beat item');
      assert.ok(!items.includes('settings'), 'settings already there');
      const empty = await complete('‸', 'scratch/empty.sora');
      assert.ok(empty.includes('scene (whole storyboard)'), 'scene snippet');
    });

    it('has one beat item, which selects the duration with its unit', async () => {
      const uri = await server.open('scratch/beat.sora', `${lighthouseText}\nbe`);
      const text = server.text(uri);
      const list = await server.request<CompletionList | CompletionItem[]>('textDocument/completion', at(uri, positionOf(text, '\nbe', 0, 3)));
      const items = (Array.isArray(list) ? list : list.items).filter((item) => (item.filterText ?? item.label).startsWith('beat'));
      assert.equal(items.length, 1);
      const newText = (items[0].textEdit as { newText: string }).newText;
      assert.match(newText, /^beat \$\{1:4s\} \$\{2:Title\}\n {2}subject: /);
    });

    it('does not pop up at the end of a complete value, unless asked for', async () => {
      const ask = async (marked: string, triggerKind: number) => {
        const offset = marked.indexOf('‸');
        const text = marked.slice(0, offset) + marked.slice(offset + 1);
        const uri = await server.open('scratch/complete-value.sora', text);
        return server.request<CompletionList | CompletionItem[]>('textDocument/completion', { ...at(uri, positionOf(text, marked.slice(0, offset), 0, offset)), context: { triggerKind } });
      };
      const typing = 3; // TriggerForIncompleteCompletions: the list asked again as the writer types
      for (const complete of ['aspect: 16:9‸', 'camera: wide, static‸', 'duration: 12s‸']) {
        const [field] = complete.split(':');
        const line = lighthouseText.split('\n').find((l) => l.trim().startsWith(`${field}:`))!;
        assert.deepEqual(await ask(lighthouseText.replace(line, `  ${complete}`), typing), [], complete);
      }
      const partial = await ask(lighthouseText.replace('camera: wide, static', 'camera: wide, sta‸'), typing);
      assert.ok(!Array.isArray(partial) && partial.isIncomplete, 'a value list is asked for again at every key, so it can close');
      assert.ok(labels(partial).includes('static'));
      const invoked = await ask(lighthouseText.replace('aspect: 16:9', 'aspect: 16:9‸'), 1);
      assert.deepEqual(labels(invoked), ['16:9', '9:16']);
    });

    it('offers nothing but the field\'s values inside a value, even when asked', async () => {
      const offset = 'action: climbs'.length;
      const uri = await server.open('scratch/in-value.sora', lighthouseText);
      const text = server.text(uri);
      const list = await server.request<CompletionList | CompletionItem[]>('textDocument/completion', { ...at(uri, positionOf(text, 'action: climbs', 0, offset)), context: { triggerKind: 1 } });
      assert.deepEqual(labels(list), []);
    });

    it('offers the current section\'s fields after indentation', async () => {
      const settings = await complete(lighthouseText.replace('  model: sora-2', '  model: sora-2\n  mo‸'));
      assert.deepEqual(settings.sort(), ['aspect', 'audio', 'duration', 'model', 'resolution']);
      const beat = await complete(lighthouseText.replace('  sound: waves breaking below', '  sound: waves breaking below\n  ‸'));
      for (const field of ['subject', 'action', 'setting', 'emotion', 'camera', 'sound', 'music', 'say']) assert.ok(beat.includes(field), field);
    });

    it('offers values for settings and camera', async () => {
      assert.deepEqual(await complete(lighthouseText.replace('aspect: 16:9', 'aspect: ‸')), ['16:9', '9:16']);
      const model = await complete(lighthouseText.replace('model: sora-2', 'model: so‸'));
      assert.deepEqual(model, modelProfiles.map((profile) => profile.id), 'every profile in the table, in its order');
      const audio = await complete(lighthouseText.replace('audio: voice, ambience', 'audio: voice, ‸'));
      assert.ok(audio.includes('music') && !audio.includes('voice'));
      const sizes = await complete(lighthouseText.replace('camera: wide, static', 'camera: cl‸'));
      assert.ok(sizes.includes('close-up') && sizes.includes('extreme wide'));
      const moves = await complete(lighthouseText.replace('camera: wide, static', 'camera: wide, ‸'));
      assert.ok(moves.includes('static') && moves.includes('slow push in'));
    });

    it('offers character names after subject: and say, and bases after from', async () => {
      assert.deepEqual(await complete(lighthouseText.replace('subject: the lighthouse beam', 'subject: ‸')), ['Mara']);
      assert.deepEqual(await complete(lighthouseText.replace('say Mara', 'say M‸')), ['Mara']);
      const uri = await server.open(lighthouse, `${lighthouseText}\nvariant other from `);
      const text = server.text(uri);
      const bases = labels(await server.request<CompletionList>('textDocument/completion', at(uri, positionOf(text, 'other from ', 0, 11))));
      for (const base of ['main', 'warmer', 'take01', 'take02']) assert.ok(bases.includes(base), base);
      await server.replaceText(uri, lighthouseText);
    });

    it('offers override targets and their fields inside a variant', async () => {
      const targets = await complete(`${lighthouseText}  ‸`);
      assert.ok(targets.some((label) => label.startsWith('beat')) && targets.some((label) => label.startsWith('character')));
      const beatFields = await complete(`${lighthouseText}  beat 2 ‸`);
      assert.ok(beatFields.includes('camera') && beatFields.includes('subject'));
      const characters = await complete(`${lighthouseText}  character ‸`);
      assert.deepEqual(characters, ['Mara']);
      const values = await complete(`${lighthouseText}  settings aspect: ‸`);
      assert.deepEqual(values, ['16:9', '9:16']);
    });
  });

  describe('navigation', () => {
    it('lists the outline: scene, sections, beats with their spans, variants', async () => {
      const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: lighthouseUri } });
      assert.equal(symbols.length, 1);
      assert.equal(symbols[0].name, 'scene 09');
      const children = symbols[0].children ?? [];
      const beats = children.filter((s) => s.name.startsWith('beat'));
      assert.deepEqual(beats.map((b) => b.detail), ['0:00–0:04', '0:04–0:08', '0:08–0:12']);
      assert.ok(children.some((s) => s.name === 'Mara'));
      assert.ok(children.some((s) => s.name === 'warmer' && s.detail === 'from take02'));
      assert.ok(children.some((s) => s.name === 'settings'));
    });

    it('folds each section', async () => {
      const ranges = await server.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: lighthouseUri } });
      const lines = lighthouseText.split('\n');
      const beat2 = lines.indexOf('beat 4s The lamp');
      assert.ok(ranges.some((r) => r.startLine === beat2 && r.endLine === beat2 + 6));
    });

    it('goes to a character\'s definition, finds its references and renames it everywhere', async () => {
      const uri = await server.open(rooftop);
      const text = server.text(uri);
      const onSay = positionOf(text, 'say Ana', 0, 5);
      const definition = await server.request<Location[]>('textDocument/definition', at(uri, onSay));
      assert.equal(definition.length, 1);
      assert.equal(definition[0].range.start.line, positionOf(text, 'character Ana').line);
      const references = await server.request<Location[]>('textDocument/references', { ...at(uri, onSay), context: { includeDeclaration: true } });
      assert.equal(references.length, 4, 'declaration, two subjects, one say');
      const highlights = await server.request<DocumentHighlight[]>('textDocument/documentHighlight', at(uri, onSay));
      assert.equal(highlights.length, 4);
      const prepared = await server.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(uri, onSay));
      assert.equal(prepared.placeholder, 'Ana');
      assert.equal(slice(text, prepared.range), 'Ana');
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, onSay), newName: 'Ines' });
      const renamed = applyEdits(text, edit.changes![uri]);
      assert.ok(!/\bAna\b/.test(renamed));
      assert.equal(renamed.match(/\bInes\b/g)?.length, 4);
      const bad = await server.request('textDocument/rename', { ...at(uri, onSay), newName: 'two words' }).then(
        () => 'resolved',
        () => 'rejected',
      );
      assert.equal(bad, 'rejected');
      assert.equal(await server.request('textDocument/prepareRename', at(uri, { line: 0, character: 0 })), null);
    });

    it('renames a variant and the bases that name it', async () => {
      const text = fs.readFileSync(server.file(rooftop), 'utf8') + '\nvariant closer from tighter\n  beat 3 camera: extreme close-up, static\n';
      const uri = await server.open('scratch/variants.sora', text);
      const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, positionOf(text, 'from tighter', 0, 6)), newName: 'snug' });
      const renamed = applyEdits(text, edit.changes![uri]);
      assert.match(renamed, /variant snug from main/);
      assert.match(renamed, /variant closer from snug/);
    });
  });

  describe('formatting', () => {
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

  describe('semantic tokens, inlay hints, code lenses', () => {
    it('encodes semantic tokens in order, inside the lines, with the legend\'s types', async () => {
      const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: lighthouseUri } });
      assert.equal(tokens.data.length % 5, 0);
      const lines = lighthouseText.split('\n');
      const legend = ['keyword', 'property', 'type', 'variable', 'number', 'string', 'comment'];
      let line = 0;
      let character = 0;
      let lastEnd = -1;
      let lastLine = -1;
      const found: { text: string; type: string }[] = [];
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 5);
        line += deltaLine;
        character = deltaLine ? deltaStart : character + deltaStart;
        assert.ok(length > 0 && character + length <= lines[line].length, 'inside its line');
        assert.ok(line > lastLine || character >= lastEnd, 'no overlap');
        assert.ok(type < legend.length);
        found.push({ text: lines[line].slice(character, character + length), type: legend[type] });
        lastLine = line;
        lastEnd = character + length;
      }
      const has = (text: string, type: string) => found.some((t) => t.text === text && t.type === type);
      assert.ok(has('beat', 'keyword'));
      assert.ok(has('subject', 'property'));
      assert.ok(has('Mara', 'type'));
      assert.ok(has('warmer', 'variable'));
      assert.ok(has('@1s', 'number'));
      assert.ok(has('"Not tonight."', 'string'));
      assert.ok(has('// The Last Light, scene 09', 'comment'));
    });

    it('shows absolute timecodes after beat headers and say markers', async () => {
      const hints = await server.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: lighthouseUri },
        range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
      });
      const texts = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
      assert.deepEqual(texts, ['0:00–0:04', '0:04–0:08', 'at 0:05', '0:08–0:12']);
    });

    it('puts Preview and Score takes above the scene, Compile variant and Copy remix instruction above a variant of a take', async () => {
      const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: lighthouseUri } });
      const commands = lenses.map((lens) => [lens.command?.command, lens.command?.arguments]);
      assert.deepEqual(commands, [
        ['sora.openPreviewToSide', [lighthouseUri]],
        ['sora.scoreTakes', [lighthouseUri]],
        ['sora.compileVariant', [lighthouseUri, 'warmer']],
        ['sora.copyRemixInstruction', [lighthouseUri, 'warmer']],
      ]);
    });
  });

  describe('sora/compile', () => {
    it('lists what must not go to Sora unseen: errors and placeholders, in plain text', async () => {
      const text = lighthouseText.replace(/^character Mara$/m, 'character Mara\n  cameo: @mara.k').replace('green eyes', '<eye detail>');
      const uri = await server.open('scratch/review.sora', text);
      const result = await server.request<CompileResponse>('sora/compile', { uri });
      const review = result.summary.review.map((p) => `${p.code} ${p.severity}`);
      assert.ok(review.includes('cameo-consent error') && review.includes('placeholder warning'), review.join(', '));
      assert.ok(review.every((p) => p.endsWith('error') || p === 'placeholder warning'), review.join(', '));
      for (const problem of result.summary.review) assert.ok(!problem.message.includes('`'), problem.message);
    });

    it('compiles main with the source map, the variants and a summary', async () => {
      const result = await server.request<CompileResponse>('sora/compile', { uri: lighthouseUri });
      assert.equal(result.uri, lighthouseUri);
      assert.equal(result.version, server.version(lighthouseUri));
      assert.match(result.prompt, /Shot 2 \(0:04–0:08\)/);
      assert.equal(result.remix, null);
      assert.equal(result.basePrompt, null);
      assert.deepEqual(result.variants, [{ name: 'warmer', base: 'take02', line: positionOf(lighthouseText, 'variant warmer').line }]);
      assert.deepEqual(result.summary, { duration: 12, beats: 3, aspect: '16:9', overLimit: false, errors: 0, warnings: 0, model: 'sora-2', cost: result.cost?.usd ?? null, review: [] });
      assert.ok(result.sourceMap.length > 0);
      for (const entry of result.sourceMap) assert.ok(entry.start <= entry.end && entry.end <= result.prompt.length);
    });

    it('compiles a variant of a take to a remix instruction, with the take\'s prompt as the base', async () => {
      const result = await server.request<CompileResponse>('sora/compile', { uri: lighthouseUri, variant: 'warmer' });
      assert.equal(result.variant, 'warmer');
      assert.equal(result.remixOf, 'take02');
      assert.match(result.remix ?? '', /Keep everything else the same/);
      const log = JSON.parse(fs.readFileSync(server.file('lighthouse/scene09.takes.json'), 'utf8')) as { takes: { id: string; prompt: string }[] };
      assert.equal(result.basePrompt, log.takes.find((take) => take.id === 'take02')?.prompt);
      assert.match(result.prompt, /warm tungsten glow/);
    });

    it('uses main\'s prompt as the base of a variant of main, and compiles closed files from disk', async () => {
      const uri = server.uri(rooftop);
      await server.close(uri);
      const main = await server.request<CompileResponse>('sora/compile', { uri });
      const tighter = await server.request<CompileResponse>('sora/compile', { uri, variant: 'tighter' });
      assert.equal(tighter.basePrompt, main.prompt);
      assert.equal(tighter.remix, null);
      assert.notEqual(tighter.prompt, main.prompt);
      assert.equal(main.version, null);
      const missing = await server.request<CompileResponse>('sora/compile', { uri, variant: 'nope' });
      assert.ok(missing.error);
    });

    it('compiles for another target when asked (the preview\'s model picker), and lists the targets', async () => {
      const uri = server.uri(problems);
      const own = await server.request<CompileResponse>('sora/compile', { uri });
      assert.equal(own.model, null);
      assert.equal(own.fileModel, null);
      const retired = await server.request<CompileResponse>('sora/compile', { uri, model: 'sora-2' });
      assert.deepEqual(retired.model, { id: 'sora-2', label: 'Sora 2', status: 'retired', known: true });
      assert.equal(retired.prompt, own.prompt, 'a retired target compiles to the seed prompt');
      assert.deepEqual(retired.generations.map((g) => g.seconds), [25]);
      assert.equal(retired.cost?.usd, 2.5);
      const unknown = await server.request<CompileResponse>('sora/compile', { uri, model: 'nope-1' });
      assert.deepEqual(unknown.model, { id: 'nope-1', label: 'nope-1', status: 'active', known: false });
      assert.deepEqual(own.targets?.map((t) => t.id).sort(), modelProfiles.map((p) => p.id).sort());
      const lighthouse = await server.request<CompileResponse>('sora/compile', { uri: lighthouseUri });
      assert.equal(lighthouse.fileModel, 'sora-2');
    });
  });

  describe('robustness', () => {
    it('answers a cancelled request with RequestCancelled or a result, and keeps serving', async () => {
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i++) {
        const source = new CancellationTokenSource();
        const pending = server.connection.sendRequest('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'beat 4s The lamp')), source.token);
        source.cancel();
        outcomes.push(
          await pending.then(
            () => 'result',
            (error: { code?: number }) => {
              assert.equal(error.code, -32800, 'RequestCancelled');
              return 'cancelled';
            },
          ),
        );
      }
      assert.equal(outcomes.length, 20);
      const after = await server.request<Hover>('textDocument/hover', at(lighthouseUri, positionOf(lighthouseText, 'beat 4s The lamp')));
      assert.ok(after);
      assert.equal(server.exitCode, null);
    });

    it('answers requests on unknown documents with nothing', async () => {
      const uri = 'file:///nowhere/none.sora';
      assert.equal(await server.request('textDocument/hover', at(uri, { line: 0, character: 0 })), null);
      assert.deepEqual(await server.request('textDocument/completion', at(uri, { line: 0, character: 0 })), []);
      const compiled = await server.request('sora/compile', { uri }).then(
        () => 'resolved',
        () => 'rejected',
      );
      assert.equal(compiled, 'rejected');
      const diagnostics: Diagnostic[] = [];
      assert.deepEqual(diagnostics, []);
    });
  });
});

describe('language server: fixes with placeholders and messages', function () {
  let server: Harness;
  before(async () => {
    server = await Harness.start({ snippetEdits: true, examples: false });
  });
  after(async () => {
    await server.stop();
  });

  const story = [
    'scene 05 "Harbour"',
    'logline: A fisherman mends his net as the fog lifts.',
    '',
    'settings',
    '  aspect: 16:9',
    '  resolution: 1080p',
    '  duration: 12s',
    '  audio: ambience',
    '',
    'style',
    '  palette: grey and ochre',
    '  lighting: misty morning, consistent lighting',
    '',
    'character Ivo',
    '  cameo: @ivo.k',
    '  anchors: grey beard',
    '',
    ...[1, 2, 3].flatMap((n) => [`beat 4s Shot ${n}`, '  subject: Ivo', '  action: mends the net', '  setting: wooden pier', '  emotion: patient', '  camera: medium, static', '']),
  ].join('\n');

  async function fixesFor(uri: string, code: string): Promise<CodeAction[]> {
    const diagnostics = await server.diagnostics(uri, { version: server.version(uri) });
    const diagnostic = diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `a ${code} diagnostic`);
    return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  it('sends placeholders as tab stops of a snippet edit when the client takes them', async () => {
    const uri = await server.open('scratch/snippets.sora', story);
    const [action] = await fixesFor(uri, 'anchor-count');
    const change = action.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: { snippet?: { kind: string; value: string } }[] };
    assert.equal(change.textDocument.uri, uri);
    assert.equal(change.textDocument.version, server.version(uri));
    assert.deepEqual(change.edits[0].snippet, { kind: 'snippet', value: ', ${1:<hair colour and style>}, ${2:<main garment and its colour>}' });
    const [consent] = await fixesFor(uri, 'cameo-consent');
    const consentChange = consent.edit?.documentChanges?.[0] as { edits: { snippet?: { value: string } }[] };
    assert.equal(consentChange.edits[0].snippet?.value, '\n  consent: ${1:pending}');
  });

  it('shows messages without markdown backticks in the Problems panel', async () => {
    const uri = await server.open('scratch/plain.sora', story);
    const diagnostics = await server.diagnostics(uri, { version: server.version(uri) });
    const consent = diagnostics.find((d) => d.code === 'cameo-consent');
    assert.ok(consent);
    assert.match(String(consent.message), /with no "consent:"; record "consent: approved DATE"/);
    for (const d of diagnostics) assert.ok(!String(d.message).includes('`'), String(d.message));
    // The quick fix still finds its diagnostic by the message the client shows.
    const actions = await fixesFor(uri, 'cameo-consent');
    assert.deepEqual(actions[0].diagnostics?.[0].message, consent.message);
  });
});
