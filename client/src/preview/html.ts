import type * as vscode from 'vscode';
import { pageHtml } from '../webviewPage';

export const previewViewType = 'sora.preview';

/** The preview page's shell; the compiled prompt arrives as messages. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return pageHtml(webview, extensionUri, { page: 'preview', title: 'Sora Preview' });
}
