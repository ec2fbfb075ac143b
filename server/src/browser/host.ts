import type { HostBytes, HostPort, HostRead, HostUpdate } from '../host';
import {
  hostListRequest,
  hostMoveRequest,
  hostReadBytesRequest,
  hostReadTextRequest,
  hostStatRequest,
  hostWriteRequest,
  type HostListResponse,
  type HostMoveParams,
  type HostMoveResponse,
  type HostReadBytesResponse,
  type HostReadParams,
  type HostReadTextResponse,
  type HostStatResponse,
  type HostUriParams,
  type HostWriteParams,
} from '../protocol';
import { dataFileLimit } from '../host';

// The host port of the server in a web worker (vscode.dev, code-server's web-worker host). The
// worker has no file system: every read and write is a `sora/host/*` request that the client
// answers with `workspace.fs` (client/src/hostFiles.ts), which reaches whatever the workspace is on
// (a GitHub repository, the remote's disk, a memory file system).
//
// Core paths are the URIs themselves (`vscode-vfs://github/o/r/scene.sora`): the core resolves
// relative paths as text, and the client parses the URI back, so nothing is lost converting.

/** What the host needs of the connection: requests to the client. */
export interface ClientRequests {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export function browserHost(client: ClientRequests): HostPort {
  const queues = new Map<string, Promise<unknown>>();
  const readText = (uri: string, limit: number) => client.sendRequest<HostReadTextResponse>(hostReadTextRequest, { uri, limit } satisfies HostReadParams);
  return {
    readText,
    readBytes: async (uri, limit) => bytesOf(await client.sendRequest<HostReadBytesResponse>(hostReadBytesRequest, { uri, limit } satisfies HostReadParams)),
    stat: async (uri) => (await client.sendRequest<HostStatResponse>(hostStatRequest, { uri } satisfies HostUriParams)) ?? undefined,
    list: (folder) => client.sendRequest<HostListResponse>(hostListRequest, { uri: folder } satisfies HostUriParams),
    // workspace.fs has no links to resolve: a path is its own real path.
    realPath: async (uri) => uri,
    update: <T>(uri: string, change: (current: HostRead) => HostUpdate<T>) => {
      // Two changes to one file (two takes scored at once) run one after the other, each on what
      // the other wrote. Another window writing the same file is not seen: workspace.fs has no lock.
      const previous = queues.get(uri) ?? Promise.resolve();
      const run = previous.then(async () => {
        const decision = change(await readText(uri, dataFileLimit));
        if ('write' in decision) await client.sendRequest<void>(hostWriteRequest, { uri, text: decision.write } satisfies HostWriteParams);
        return decision.result;
      });
      const settled = run.catch(() => undefined);
      queues.set(uri, settled);
      void settled.then(() => {
        if (queues.get(uri) === settled) queues.delete(uri);
      });
      return run;
    },
    move: (from, to) => client.sendRequest<HostMoveResponse>(hostMoveRequest, { from, to } satisfies HostMoveParams),
    pathOf: (uri) => uri,
    uriOf: (path) => path,
  };
}

function bytesOf(response: HostReadBytesResponse): HostBytes {
  if (response.status !== 'ok') return response;
  const binary = atob(response.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { status: 'ok', bytes };
}
