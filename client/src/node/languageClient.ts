import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientId, clientName, type ClientFactory } from '../languageClient';

// The language server as a Node process (server/dist/server.js over IPC), in VS Code desktop and in
// a remote's (or code-server's) Node extension host. It reads the disk itself.

/**
 * A larger young generation for the server: a storyboard's syntax tree is many small objects that
 * live until the next edit, and with V8's default the collector copies them several times per
 * check. `npm run bench` prints the core's figures with and without this flag.
 */
export const serverNodeFlags = ['--max-semi-space-size=32'];

/** Storyboards on disk and unsaved ones: the Node server reads files from the disk. */
export const nodeDocumentSelector = [
  { language: 'sora', scheme: 'file' },
  { language: 'sora', scheme: 'untitled' },
];

export const nodeLanguageClient: ClientFactory = (context, options) => {
  const module = context.asAbsolutePath('server/dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6009'] } },
  };
  // The id `sora` makes the client read `sora.trace.server` for its trace level.
  return new LanguageClient(clientId, clientName, serverOptions, options);
};
