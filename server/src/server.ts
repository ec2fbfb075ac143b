#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serve } from './lsp/serve';

// The Sora Storyboard language server: `node server/out/server.js --stdio` (or `--node-ipc`, as the
// VS Code client starts it). The features live in ./lsp, one module each, on the shared core.

process.on('uncaughtException', (error) => {
  process.stderr.write(`sora language server: uncaught ${error.stack ?? error}\n`);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`sora language server: unhandled rejection ${(reason as Error)?.stack ?? reason}\n`);
});

serve(createConnection(ProposedFeatures.all));
