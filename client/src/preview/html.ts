import * as vscode from 'vscode';

export const previewViewType = 'sora.preview';

export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < 32; i++) text += chars.charAt(Math.floor(Math.random() * chars.length));
  return text;
}

/** Where a preview may load from: the page's bundle, the extension's media and the storyboard's folder. */
export function localResourceRoots(extensionUri: vscode.Uri, storyboard: vscode.Uri | undefined): vscode.Uri[] {
  const roots = [vscode.Uri.joinPath(extensionUri, 'client', 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
  if (storyboard && storyboard.scheme !== 'untitled') roots.push(vscode.Uri.joinPath(storyboard, '..'));
  return roots;
}

export function webviewOptions(extensionUri: vscode.Uri, storyboard: vscode.Uri | undefined): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: localResourceRoots(extensionUri, storyboard),
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

/** The page shell, set once per panel; everything after arrives as messages. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'dist', 'webview', 'preview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'dist', 'webview', 'preview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" href="${style.toString()}">
<title>Sora Preview</title>
</head>
<body>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
