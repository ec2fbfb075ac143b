import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost } from './browser/host';
import { serve } from './lsp/serve';

// The Sora Storyboard language server in a Web Worker, for vscode.dev and code-server's web-worker
// extension host (client/src/browserExtension.ts starts it). The same features as the Node server
// (server.ts); only the transport (messages with the client's page) and the host port differ: files
// are read by asking the client, which reads them with workspace.fs.

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
// The worker's global scope; the server's type-check has no DOM or webworker library to name it.
const scope = globalThis as unknown as WorkerScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
serve(connection, browserHost(connection));
