// The language server as a user meets it in the editor: diagnostics, hovers, quick fixes,
// completion, outline and CodeLens, through VS Code's own provider commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  assertWorkspaceIsACopy,
  closeAll,
  codeOf,
  diagnosticsOf,
  diagnosticsOfCleanFile,
  hoverText,
  listDiagnostics,
  open,
  positionOf,
  scratchCopy,
  sharedExample,
  waitFor,
} from './support/helpers';

describe('language features', () => {
  before(async () => {
    assertWorkspaceIsACopy();
    await activateExtension();
  });
  afterEach(closeAll);

  it('reports the problems example\'s errors and warnings with their rule codes', async () => {
    const uri = sharedExample('problems/scene07.sora');
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.length > 0);
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of ['aspect', 'timeline', 'character-unknown', 'identity-drift']) {
      assert.ok(codes.has(code), `no "${code}" among ${listDiagnostics(diagnostics)}`);
    }
    const aspect = diagnostics.find((d) => codeOf(d) === 'aspect')!;
    assert.strictEqual(aspect.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(aspect.range.start.line, 4, 'aspect is flagged on `aspect: 4:3` (line 5)');
    assert.match(aspect.message, /16:9/);
    const waiter = diagnostics.find((d) => codeOf(d) === 'character-unknown')!;
    assert.strictEqual(waiter.severity, vscode.DiagnosticSeverity.Error);
    assert.match(waiter.message, /Waiter/);
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'no warnings');
  });

  it('finds nothing wrong in the lighthouse scene (with its take log) and the rooftop scene but that sora-2 is retired', async () => {
    for (const relative of ['lighthouse/scene09.sora', 'rooftop/scene03.sora']) {
      const uri = sharedExample(relative);
      await open(uri);
      const diagnostics = await diagnosticsOfCleanFile(uri);
      assert.deepStrictEqual(diagnostics.map(codeOf), ['model-retired'], `${relative}: ${listDiagnostics(diagnostics)}`);
    }
  });

  it('checks as you type: a bad aspect appears and goes away with undo', async () => {
    const folder = scratchCopy('rooftop', 'typing');
    const uri = vscode.Uri.joinPath(folder, 'scene03.sora');
    const editor = await open(uri);
    const at = positionOf(editor.document, '9:16');
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 4)), '4:3'));
    const after = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'aspect'));
    assert.strictEqual(after.find((x) => codeOf(x) === 'aspect')!.range.start.line, at.line);
    await vscode.commands.executeCommand('undo');
    await diagnosticsOf(uri, (d) => !d.some((x) => codeOf(x) === 'aspect'));
  });

  it('hovers a beat header with its span in the clip', async () => {
    const editor = await open(sharedExample('lighthouse/scene09.sora'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'beat 4s The lamp', 2));
    const text = hoverText(hovers);
    assert.match(text, /0:04–0:08/, `hover was: ${text}`);
  });

  it('hovers a diagnostic with its rule and why it matters', async () => {
    const editor = await open(sharedExample('problems/scene07.sora'));
    await diagnosticsOf(editor.document.uri, (d) => d.length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '4:3', 1));
    const text = hoverText(hovers);
    assert.match(text, /\*\*aspect\*\*/, `hover was: ${text}`);
    assert.match(text, /16:9/);
  });

  for (const { code, title } of [
    { code: 'aspect', title: /16:9/ },
    { code: 'identity-drift', title: /red apron/ },
    { code: 'timeline', title: /Make beat 2/ },
  ]) {
    it(`fixes "${code}" with its quick fix, and the diagnostic goes away`, async () => {
      const folder = scratchCopy('problems', `fix-${code}`);
      const uri = vscode.Uri.joinPath(folder, 'scene07.sora');
      await open(uri);
      const diagnostics = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === code));
      const diagnostic = diagnostics.find((x) => codeOf(x) === code)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => title.test(a.title) && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.ok(fix?.edit, `no quick fix matching ${title} for ${code}; got: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit was not applied');
      const after = await diagnosticsOf(uri, (d) => !d.some((x) => codeOf(x) === code));
      assert.ok(after.length < diagnostics.length, `still ${listDiagnostics(after)}`);
    });
  }

  it('fixes all safe problems in a file at once (source.fixAll)', async () => {
    const folder = scratchCopy('problems', 'fix-all');
    const uri = vscode.Uri.joinPath(folder, 'scene07.sora');
    const editor = await open(uri);
    const before = await diagnosticsOf(uri, (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, editor.document.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((a) => /Fix all/.test(a.title));
    assert.ok(fixAll?.edit, `no fix-all action; got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const after = await diagnosticsOf(uri, (d) => d.length < before.length);
    // Only safe fixes are applied (e.g. a missing dialogue marker); the errors need a choice and stay.
    const gone = [...new Set(before.map(codeOf))].filter((code) => !after.some((d) => codeOf(d) === code));
    assert.ok(gone.length > 0, `nothing was fixed; still ${listDiagnostics(after)}`);
    for (const code of ['aspect', 'character-unknown']) assert.ok(after.some((d) => codeOf(d) === code), `the unsafe fix for ${code} was applied`);
    assert.notStrictEqual(editor.document.getText(), fs.readFileSync(uri.fsPath, 'utf8'), 'the document did not change');
  });

  it('completes field names inside a beat and values after `camera:`', async () => {
    const folder = scratchCopy('lighthouse', 'completion');
    const uri = vscode.Uri.joinPath(folder, 'scene09.sora');
    const editor = await open(uri);
    // A new indented line at the end of beat 1 ("sound: wind howling through the tower").
    const endOfBeat = editor.document.lineAt(positionOf(editor.document, 'sound: wind howling').line).range.end;
    await editor.edit((edit) => edit.insert(endOfBeat, '\n  '));
    const fieldPosition = new vscode.Position(endOfBeat.line + 1, 2);
    const fields = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, fieldPosition);
    const labels = fields.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const field of ['subject', 'action', 'setting', 'emotion', 'camera']) assert.ok(labels.includes(field), `no "${field}" in ${labels.join(', ')}`);

    await editor.edit((edit) => edit.insert(fieldPosition, 'camera: '));
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, fieldPosition.translate(0, 'camera: '.length));
    const valueLabels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(valueLabels.some((l) => /close-up/.test(l)), `no shot sizes in ${valueLabels.join(', ')}`);
  });

  it('outlines the storyboard: scene, settings, characters, beats and variants', async () => {
    const uri = sharedExample('lighthouse/scene09.sora');
    await open(uri);
    const symbols = await waitFor('document symbols', () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri).then((s) => (s?.length ? s : undefined)));
    const names = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const all = names(symbols);
    for (const name of ['scene 09', 'settings', 'style', 'Mara', 'beat 1 The climb', 'beat 2 The lamp', 'beat 3 The beam', 'warmer']) {
      assert.ok(all.includes(name), `no symbol "${name}" in ${all.join(', ')}`);
    }
  });

  it('offers CodeLenses to preview, score takes and compile a variant', async () => {
    const uri = sharedExample('lighthouse/scene09.sora');
    await open(uri);
    const lenses = await waitFor('code lenses', () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100).then((l) => (l?.length ? l : undefined)));
    const titles = lenses.map((l) => l.command?.title ?? '');
    for (const title of ['Preview', 'Score takes', 'Compile variant']) assert.ok(titles.includes(title), `no "${title}" lens in ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => t.startsWith('Copy remix instruction (take02)')), `no remix lens in ${titles.join(' | ')}`);
  });
});
