import * as vscode from 'vscode';

// The shell every webview page of the extension shares: a strict Content-Security-Policy with a
// fresh nonce, the page's own bundled script and style, and nothing remote.

/** A nonce per page load: only the page's own script and stylesheet may run. */
export function nonce(): string {
  // Web Crypto: the same in Node's extension host and in a web worker's.
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

/**
 * Where a page may load from: the bundled pages, the extension's media, and only the folders of
 * the user's files the page shows (the takes page's videos). Never the storyboard's whole folder,
 * which may hold anything.
 */
export function localResourceRoots(extensionUri: vscode.Uri, mediaFolders: readonly vscode.Uri[] = []): vscode.Uri[] {
  const roots = [vscode.Uri.joinPath(extensionUri, 'client', 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
  const seen = new Set(roots.map((root) => root.toString()));
  for (const folder of mediaFolders) {
    if (folder.scheme === 'untitled' || seen.has(folder.toString())) continue;
    seen.add(folder.toString());
    roots.push(folder);
  }
  return roots;
}

export function webviewOptions(extensionUri: vscode.Uri, mediaFolders: readonly vscode.Uri[] = []): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: localResourceRoots(extensionUri, mediaFolders),
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

export interface PageOptions {
  /** The bundle name under client/dist/webview: `preview` loads preview.js and preview.css. */
  page: string;
  title: string;
  /** Extra CSP directives, such as `media-src` for the takes page's videos. */
  extraDirectives?: (cspSource: string) => string[];
}

/** The page shell, set once per panel; everything after it arrives as messages. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, options: PageOptions): string {
  const n = nonce();
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'dist', 'webview', file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource} data:`,
    ...(options.extraDirectives?.(webview.cspSource) ?? []),
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" href="${asset(`${options.page}.css`)}">
<title>${options.title}</title>
</head>
<body>
<script nonce="${n}" src="${asset(`${options.page}.js`)}"></script>
</body>
</html>`;
}
