import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { displayName, isStoryboard, requestCompile } from './compile';
import { formatUsd, summaryText } from './preview/model';
import { stableClipSeconds } from '../../server/src/core/workflow';

/** `12 s · 3 beats · 16:9 · veo-3.1 · ≈ $4.80` for the active storyboard; warning background when over limits or with errors. */
export class StoryboardStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sora.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;

  constructor(private readonly client: () => LanguageClient) {
    this.item.name = 'Sora Storyboard';
    this.item.command = { title: 'Open Preview to the Side', command: 'sora.openPreviewToSide' };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule(300);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sora')) this.schedule(300);
      }),
      // Diagnostics land after the server has checked: the error count follows them.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && event.uris.some((u) => u.toString() === uri)) this.schedule(100);
      }),
    );
    this.schedule(0);
  }

  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const sequence = ++this.sequence;
    if (!isStoryboard(document)) {
      this.item.hide();
      return;
    }
    try {
      const response = await requestCompile(this.client(), document.uri);
      if (sequence !== this.sequence) return;
      const { summary } = response;
      const warn = summary.overLimit || summary.errors > 0;
      this.item.text = `$(device-camera-video) ${summaryText(summary)}`;
      this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.color = warn ? new vscode.ThemeColor('statusBarItem.warningForeground') : undefined;
      const tooltip = new vscode.MarkdownString(undefined, true);
      tooltip.appendMarkdown(`**${escapeMarkdown(displayName(document.uri))}** — ${escapeMarkdown(summaryText(summary))}\n\n`);
      if (summary.overLimit) tooltip.appendMarkdown(`$(warning) Over the ~${stableClipSeconds} s stable limit for one clip.\n\n`);
      if (summary.model) tooltip.appendMarkdown(`${escapeMarkdown(targetLine(summary.model, summary.cost))}\n\n`);
      if (summary.errors || summary.warnings) tooltip.appendMarkdown(`${summary.errors} errors, ${summary.warnings} warnings\n\n`);
      tooltip.appendMarkdown('Click to open the preview to the side.');
      this.item.tooltip = tooltip;
      this.item.accessibilityInformation = { label: `Sora storyboard: ${summaryText(summary)}${warn ? ', needs attention' : ''}` };
      this.item.show();
    } catch {
      if (sequence !== this.sequence) return;
      this.item.text = '$(device-camera-video) Sora';
      this.item.tooltip = 'The Sora Storyboard language server is not answering.';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The tooltip's line about the target: what the estimate covers, or why there is none. */
export function targetLine(model: string, cost: number | null): string {
  if (cost === null) return `Compiled for ${model}: no price estimate (an unknown model, or no duration).`;
  return `Compiled for ${model}: about ${formatUsd(cost)} for every generation of this storyboard, from the model's listed price per second.`;
}
