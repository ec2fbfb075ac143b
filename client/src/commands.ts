import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { CompileResponse } from '../../server/src/protocol';
import { resolveStoryboard } from './activeStoryboard';
import { displayName, requestCompile } from './compile';
import { storyboardFileName, storyboardTemplate } from '../../server/src/core/template';
import { askNewStoryboard } from './newStoryboardFlow';
import { confirmDespiteReview } from './review';
import type { PreviewManager } from './preview/manager';
import { isRestricted } from './trust';
import { iterationText, requestText, targetId } from './preview/targets';

/** The storyboard a command applies to: its argument, else the one the writer last had active (see activeStoryboard.ts). */
export function targetUri(arg: unknown, previews?: PreviewManager): vscode.Uri | undefined {
  const preview = previews?.activePreview;
  return resolveStoryboard(arg, { focusedPreview: preview?.panel.active ? preview.uri : undefined, lastPreview: preview?.uri });
}

function noStoryboard(): void {
  void vscode.window.showInformationMessage('Open a .sora storyboard first.');
}

interface VariantPick extends vscode.QuickPickItem {
  variant: string | null;
}

/** Asks which variant, when the file has any; resolves `null` for main and `undefined` when cancelled. */
async function pickVariant(main: CompileResponse, purpose: 'prompt' | 'remix'): Promise<string | null | undefined> {
  const variants = main.variants;
  if (purpose === 'prompt' && !variants.length) return null;
  if (purpose === 'remix' && !variants.length) {
    void vscode.window.showInformationMessage(`${displayName(vscode.Uri.parse(main.uri))} has no variants: add \`variant NAME from takeNN\` to remix a take.`);
    return undefined;
  }
  const items: VariantPick[] = [];
  if (purpose === 'prompt') items.push({ label: 'main', description: 'the storyboard as written', variant: null });
  for (const variant of variants) items.push({ label: variant.name, description: `from ${variant.base}`, variant: variant.name });
  const picked = await vscode.window.showQuickPick(items, {
    title: purpose === 'prompt' ? 'Copy the prompt of…' : 'Copy the iteration of…',
    placeHolder: purpose === 'prompt' ? 'main or a variant' : 'a variant that branches from a take',
  });
  return picked ? picked.variant : undefined;
}

function variantArg(value: unknown): string | null | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return value === 'main' ? null : value;
}

export async function copyPrompt(client: LanguageClient, previews: PreviewManager, uriArg?: unknown, variantValue?: unknown): Promise<void> {
  const uri = targetUri(uriArg, previews);
  if (!uri) return noStoryboard();
  let variant = variantArg(variantValue);
  if (variant === undefined) {
    if (uriArg === undefined && previews.activePreview?.panel.active && previews.activePreview.shows(uri)) {
      variant = previews.activePreview.variant;
    } else {
      const main = await requestCompile(client, uri);
      variant = await pickVariant(main, 'prompt');
      if (variant === undefined) return;
    }
  }
  const response = await requestCompile(client, uri, variant);
  const name = `${displayName(uri)}${response.variant ? ` (${response.variant})` : ''}`;
  if (!(await confirmDespiteReview(displayName(uri), response.summary.review, 'The prompt would go to Sora as it compiles now.', 'Copy anyway'))) {
    vscode.window.setStatusBarMessage(`Did not copy the prompt of ${name}.`, 4000);
    return;
  }
  if (response.error) void vscode.window.showWarningMessage(`${response.error} Copied main's prompt instead.`);
  await vscode.env.clipboard.writeText(response.prompt);
  vscode.window.setStatusBarMessage(`$(check) Copied the prompt of ${name}: ${response.prompt.length} characters`, 4000);
}

/** The model picked in the focused preview of this file, so a command copies what the preview shows. */
function pickedModel(previews: PreviewManager, uri: vscode.Uri, uriArg: unknown): string | null {
  const active = previews.activePreview;
  return uriArg === undefined && active?.panel.active && active.shows(uri) ? active.model : null;
}

/**
 * "Copy Iteration" (command id `sora.copyRemixInstruction`, kept so keybindings and links still
 * work): the one change of a variant of a take, as the target's operation — Sora's remix
 * instruction, or an edit, extend or regenerate instruction on other models.
 */
export async function copyIteration(client: LanguageClient, previews: PreviewManager, uriArg?: unknown, variantValue?: unknown): Promise<void> {
  const uri = targetUri(uriArg, previews);
  if (!uri) return noStoryboard();
  let variant = variantArg(variantValue);
  if (variant === undefined || variant === null) {
    const active = previews.activePreview;
    if (uriArg === undefined && active?.panel.active && active.shows(uri) && active.variant) {
      variant = active.variant;
    } else {
      const main = await requestCompile(client, uri);
      variant = await pickVariant(main, 'remix');
      if (!variant) return;
    }
  }
  const response = await requestCompile(client, uri, variant, pickedModel(previews, uri, uriArg));
  if (response.error) {
    void vscode.window.showWarningMessage(response.error);
    return;
  }
  const text = iterationText(response);
  if (text === null) {
    void vscode.window.showInformationMessage(
      `The variant "${variant}" does not branch from a take, so there is nothing to iterate on: copy its prompt and generate a new take instead.`,
    );
    return;
  }
  if (!(await confirmDespiteReview(displayName(uri), response.summary.review, 'The instruction would go to the model as the storyboard compiles now.', 'Copy anyway'))) return;
  await vscode.env.clipboard.writeText(text);
  const operation = response.iterate?.operation ?? 'remix';
  const what = operation === 'remix' ? 'remix instruction' : `${operation} instruction`;
  const target = targetId(response);
  vscode.window.setStatusBarMessage(`$(check) Copied the ${what} of "${variant}"${target ? ` for ${target}` : ''}${response.remixOf ? ` (on ${response.remixOf})` : ''}`, 4000);
}

/** "Copy Request": the generation parameters as JSON, as the target's API names them. */
export async function copyRequest(client: LanguageClient, previews: PreviewManager, uriArg?: unknown, variantValue?: unknown): Promise<void> {
  const uri = targetUri(uriArg, previews);
  if (!uri) return noStoryboard();
  let variant = variantArg(variantValue);
  if (variant === undefined) {
    const active = previews.activePreview;
    variant = uriArg === undefined && active?.panel.active && active.shows(uri) ? active.variant : null;
  }
  const response = await requestCompile(client, uri, variant, pickedModel(previews, uri, uriArg));
  const text = requestText(response);
  if (text === null) {
    void vscode.window.showInformationMessage(`${displayName(uri)} has no generation plan to copy: set \`model:\` in its settings to a known model.`);
    return;
  }
  await vscode.env.clipboard.writeText(text);
  const count = response.generations?.length ?? 0;
  vscode.window.setStatusBarMessage(`$(check) Copied the request for ${targetId(response) ?? 'the model'}: ${count} generation${count === 1 ? '' : 's'}`, 4000);
}

export function compileVariant(previews: PreviewManager, uriArg?: unknown, variantValue?: unknown): void {
  const uri = targetUri(uriArg, previews);
  if (!uri) return noStoryboard();
  previews.showVariant(uri, variantArg(variantValue) ?? null);
}

export function openPreview(previews: PreviewManager, toSide: boolean, uriArg?: unknown): void {
  const uri = targetUri(uriArg, previews);
  if (!uri) return noStoryboard();
  previews.open(uri, { toSide });
}

export async function newStoryboard(): Promise<void> {
  // In Restricted Mode nothing is written: the storyboard opens unsaved.
  const writable = (vscode.workspace.workspaceFolders ?? []).length > 0 && !isRestricted();
  const folder = writable ? await pickFolder() : undefined;
  if (writable && !folder) return;
  const exists = folder
    ? (fileName: string) =>
        Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, fileName))).then(
          () => true,
          () => false,
        )
    : undefined;
  const answers = await askNewStoryboard(exists);
  if (!answers) return;
  const text = storyboardTemplate(answers);
  if (!folder) {
    if (isRestricted()) void vscode.window.showInformationMessage('Restricted Mode: the new storyboard opens unsaved; Sora Storyboard writes no file in an untrusted folder.');
    const document = await vscode.workspace.openTextDocument({ language: 'sora', content: text });
    await selectLogline(await vscode.window.showTextDocument(document));
    return;
  }
  const target = vscode.Uri.joinPath(folder, storyboardFileName(answers.sceneId));
  try {
    await vscode.workspace.fs.stat(target);
    // Written meanwhile (the id step checked): never overwrite it.
    const choice = await vscode.window.showWarningMessage(`${displayName(target)} already exists.`, 'Open It');
    if (choice === 'Open It') await vscode.window.showTextDocument(target);
    return;
  } catch {
    // Does not exist yet: write it.
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await selectLogline(await vscode.window.showTextDocument(target));
}

/** Selects the logline's placeholder, so typing replaces it. */
async function selectLogline(editor: vscode.TextEditor): Promise<void> {
  const logline = editor.document.getText().split('\n').findIndex((line) => line.startsWith('logline:'));
  if (logline >= 0) {
    const start = new vscode.Position(logline, 'logline: '.length);
    editor.selection = new vscode.Selection(start, editor.document.lineAt(logline).range.end);
  }
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (folders.length === 1) return folders[0].uri;
  if (activeFolder) return activeFolder.uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the storyboard go?' });
  return picked?.uri;
}
