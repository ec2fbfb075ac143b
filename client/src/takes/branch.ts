// "Branch Variant from Take": one change off a take, written as `variant NAME from takeNN` with a
// single override at the end of the storyboard (a WorkspaceEdit, so undo works), then previewed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OverrideChoice } from '../../../server/src/core/branching';
import { displayName } from '../compile';
import { revealStoryboard } from '../layout';
import { requestBranchText, requestTakesView, showInvalidLog, type TakesView } from './requests';
import { storyboardArg } from './logTake';
import { requestStoryboardInfo } from './storyboardInfo';

interface ChoicePick extends vscode.QuickPickItem {
  choice?: OverrideChoice;
  dialogue?: true;
}

/** Returns the new variant's name, or undefined when cancelled or refused. */
export async function branchVariant(client: LanguageClient, uriArg?: unknown, takeArg?: unknown): Promise<string | undefined> {
  const uri = storyboardArg(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a .sora storyboard first.');
    return undefined;
  }
  const view = await requestTakesView(client, uri);
  if (view.status === 'invalid') {
    await showInvalidLog(view.problem ?? `${displayName(uri)}'s take log cannot be read.`, view.logUri);
    return undefined;
  }
  if (view.takes.length === 0) {
    void vscode.window.showInformationMessage(`${displayName(uri)} has no takes logged yet. Log a take first ("Sora: Log Take"), score it, then branch off the best.`);
    return undefined;
  }
  const takeId = typeof takeArg === 'string' && takeArg ? takeArg : await pickTake(view);
  if (!takeId) return undefined;
  const entry = view.takes.find((e) => e.take.id === takeId);
  if (!entry) {
    void vscode.window.showErrorMessage(`There is no ${takeId} in ${displayName(uri)}'s take log.`);
    return undefined;
  }

  // The server reads the storyboard (the open document, or the file) and the take log, and answers
  // whether another branch is allowed and what the take's scene can change, with current values.
  const info = await requestStoryboardInfo(client, uri, takeId);
  const branchInfo = info.branch;
  if (!branchInfo) throw new Error(`The language server did not answer for ${takeId}.`);
  if (branchInfo.refusal) {
    void vscode.window.showWarningMessage(branchInfo.refusal);
    return undefined;
  }

  // What to change: the workflow's four first, then any override target.
  const choices = branchInfo.choices;
  const fix = entry.fix;
  const items: ChoicePick[] = [{ label: 'The usual changes', kind: vscode.QuickPickItemKind.Separator }];
  for (const choice of choices.filter((c) => c.workflow === 'camera')) {
    const beat = info.beats.find((b) => choice.spec.target === 'beat' && b.index === choice.spec.beat);
    items.push({ label: `Camera: shot ${choice.spec.target === 'beat' ? choice.spec.beat : ''}${beat?.title ? ` (${beat.title})` : ''}`, description: choice.label, detail: choice.current || '(not set)', choice });
  }
  for (const workflow of ['lighting', 'duration'] as const) {
    const choice = choices.find((c) => c.workflow === workflow);
    if (choice) items.push({ label: workflow === 'lighting' ? 'Lighting' : 'Duration', description: choice.label, detail: choice.current || '(not set)', choice });
  }
  items.push({ label: 'Dialogue', description: 'say lines', detail: 'A variant cannot override a say line: edit it in its beat, generate, and log the take with that change.', dialogue: true });
  items.push({ label: 'Any override', kind: vscode.QuickPickItemKind.Separator });
  for (const choice of choices) items.push({ label: choice.label, detail: choice.current || '(not set)', choice });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Branch from ${takeId}: what one thing changes?`,
    placeHolder: fix ? `Weakest of ${takeId}: ${fix.label} (${fix.score}/5). Typical fix: ${fix.fix}` : 'camera, lighting, dialogue or duration: one change at a time',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.dialogue || !picked.choice) {
    void vscode.window.showInformationMessage(picked.detail ?? '');
    return undefined;
  }
  const choice = picked.choice;

  const value = await vscode.window.showInputBox({
    title: `Branch from ${takeId}: ${choice.label}`,
    prompt: `The new value (now: ${choice.current || 'not set'}). Only this changes.`,
    value: choice.current,
    valueSelection: [0, choice.current.length],
    validateInput: (text) => (!text.trim() ? 'A variant changes one thing to something: enter a value.' : text.trim() === choice.current ? 'That is the current value: change it.' : undefined),
    ignoreFocusOut: true,
  });
  if (value === undefined) return undefined;

  const existing = branchInfo.existingNames;
  const suggested = await requestBranchText(client, { uri: uri.toString(), takeId, spec: choice.spec, value });
  if (!suggested.ok) {
    void vscode.window.showWarningMessage(suggested.message);
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: `Branch from ${takeId}: the variant's name`,
    value: suggested.name,
    validateInput: (text) => {
      const trimmed = text.trim();
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(trimmed)) return 'A name starts with a letter and holds letters, digits, _ and -.';
      if (existing.includes(trimmed)) return `There is already a variant "${trimmed}".`;
      return undefined;
    },
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;
  const branch = await requestBranchText(client, { uri: uri.toString(), takeId, spec: choice.spec, value, name: name.trim() });
  if (!branch.ok) {
    void vscode.window.showWarningMessage(branch.message);
    return undefined;
  }

  // Appended at the end of the storyboard as the server has it now (the open document).
  const current = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, current.positionAt(current.getText().length), branch.insert);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not add variant ${branch.name} to ${displayName(uri)}.`);
    return undefined;
  }
  // Where the storyboard already is: the takes panel beside it stays, no second editor of the file.
  const editor = await revealStoryboard(uri);
  const last = current.lineCount - 1;
  const end = current.lineAt(Math.max(0, last - (current.lineAt(last).isEmptyOrWhitespace ? 1 : 0))).range.end;
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('sora.compileVariant', uri.toString(), branch.name).then(undefined, () => undefined);
  const choiceAfter = await vscode.window.showInformationMessage(
    `Added variant ${branch.name} from ${takeId}: ${branch.change}. Make ${takeId} again with this one change, then log the take.`,
    'Copy iteration',
  );
  if (choiceAfter === 'Copy iteration') await vscode.commands.executeCommand('sora.copyRemixInstruction', uri.toString(), branch.name);
  return branch.name;
}

async function pickTake(view: TakesView): Promise<string | undefined> {
  const best = view.best;
  const ordered = [...view.takes].sort((a, b) => (b.take.id === best ? 1 : 0) - (a.take.id === best ? 1 : 0) || (b.total ?? -1) - (a.total ?? -1));
  const picked = await vscode.window.showQuickPick(
    ordered.map(({ take: t, total }) => ({ label: t.id, description: [t.id === best ? 'best' : '', total !== null ? `total ${total}/25` : 'not scored', t.variant].filter(Boolean).join(' · '), detail: t.notes ?? t.change })),
    { title: 'Branch a variant from which take?', placeHolder: 'branch 2–3 small variants off the best take' },
  );
  return picked?.label;
}
