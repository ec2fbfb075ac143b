#!/usr/bin/env node
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { serve } from './lsp/serve';
import { nodeHost } from './node/host';
import { roughCutFeature } from './node/roughCut';
import { transportFor } from './node/transport';

// The Sora Storyboard language server: `node server/out/server.js --stdio` (the default, and the
// `sora-language-server` command other editors run) or `--node-ipc`, as the VS Code client starts
// it. The features live in ./lsp, one module each, on the shared core.

process.on('uncaughtException', (error) => {
  process.stderr.write(`sora language server: uncaught ${error.stack ?? error}\n`);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`sora language server: unhandled rejection ${(reason as Error)?.stack ?? reason}\n`);
});

const transport = transportFor(process.argv.slice(2), (error) => {
  // The stream is out of step and cannot be trusted again: stop, and the client starts a new server.
  process.stderr.write(`sora language server: received ${error.message}; exiting so the client can restart the server.\n`);
  process.exit(1);
});

let connection: Connection;
if (transport) {
  connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
  // The client went away without `exit` (which the library handles): nothing is left to serve.
  transport.reader.onClose(() => process.exit(1));
  if (transport.stdio) sendConsoleToClient(connection);
} else {
  connection = createConnection(ProposedFeatures.all);
}

/** Over stdio, stdout is the protocol: what a library prints goes to the client's log instead. */
function sendConsoleToClient(target: Connection): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
  console.log = (...args: unknown[]) => target.console.log(text(args));
  console.info = (...args: unknown[]) => target.console.info(text(args));
  console.warn = (...args: unknown[]) => target.console.warn(text(args));
  console.error = (...args: unknown[]) => target.console.error(text(args));
}

serve(connection, nodeHost(), [roughCutFeature]);
