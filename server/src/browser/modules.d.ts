// vscode-languageserver publishes its browser entry only through package.json `exports`, which the
// server's `moduleResolution: node` does not read (as ../lsp/modules.d.ts explains for the others):
// this points the type checker at the file esbuild bundles. Goes away with `nodenext`.
declare module 'vscode-languageserver/browser' {
  export * from 'vscode-languageserver/lib/browser/main';
}
declare module 'vscode-languageserver-protocol/browser' {
  export * from 'vscode-languageserver-protocol/lib/browser/main';
}
declare module 'vscode-jsonrpc/browser' {
  export * from 'vscode-jsonrpc/lib/browser/main';
}
