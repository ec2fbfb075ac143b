import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
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
} from '../../server/src/protocol';
import type { HostEntryKind } from '../../server/src/host';
import { notRegularFile, tooLarge, unreadable } from '../../server/src/fileRefusals';
import { isRestricted } from './trust';

// The files of the server in a Web Worker (server/src/browser/host.ts), read and written with
// workspace.fs, so the browser server reaches whatever the workspace is on. The refusals are the
// Node host's (server/src/node/readFile.ts), with the same words: a folder or a file over the
// limit is never read.

export function answerHostRequests(client: BaseLanguageClient): vscode.Disposable {
  const handlers = [
    client.onRequest(hostReadTextRequest, (params: HostReadParams) => readText(params)),
    client.onRequest(hostReadBytesRequest, (params: HostReadParams) => readBytes(params)),
    client.onRequest(hostStatRequest, (params: HostUriParams) => statOf(params.uri)),
    client.onRequest(hostListRequest, (params: HostUriParams) => listOf(params.uri)),
    client.onRequest(hostWriteRequest, (params: HostWriteParams) => write(params)),
    client.onRequest(hostMoveRequest, (params: HostMoveParams) => move(params)),
  ];
  return vscode.Disposable.from(...handlers);
}

type Bytes = { status: 'ok'; bytes: Uint8Array } | { status: 'absent' } | { status: 'refused'; message: string };

async function readText(params: HostReadParams): Promise<HostReadTextResponse> {
  const read = await readBounded(params);
  // TextDecoder drops a byte order mark, as the Node host does.
  return read.status === 'ok' ? { status: 'ok', text: new TextDecoder('utf-8').decode(read.bytes) } : read;
}

async function readBytes(params: HostReadParams): Promise<HostReadBytesResponse> {
  const read = await readBounded(params);
  return read.status === 'ok' ? { status: 'ok', base64: base64Of(read.bytes) } : read;
}

/** A regular file's bytes, at most `limit` of them: anything else is absent or refused. */
async function readBounded({ uri, limit }: HostReadParams): Promise<Bytes> {
  const target = vscode.Uri.parse(uri);
  const name = baseName(target);
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (!(stat.type & vscode.FileType.File)) return { status: 'refused', message: notRegularFile(name, stat.type & vscode.FileType.Directory ? 'a folder' : 'not a file') };
    if (stat.size > limit) return { status: 'refused', message: tooLarge(name, stat.size, limit) };
    const bytes = await vscode.workspace.fs.readFile(target);
    // The file may have grown since the stat.
    if (bytes.length > limit) return { status: 'refused', message: tooLarge(name, bytes.length, limit) };
    return { status: 'ok', bytes };
  } catch (error) {
    if (isAbsence(error)) return { status: 'absent' };
    return { status: 'refused', message: unreadable(name, error instanceof Error ? error.message : String(error)) };
  }
}

async function statOf(uri: string): Promise<HostStatResponse> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
  } catch {
    return null;
  }
}

async function listOf(uri: string): Promise<HostListResponse> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
    return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
  } catch {
    return [];
  }
}

async function write({ uri, text }: HostWriteParams): Promise<void> {
  // The server writes only in a trusted folder; this holds even if it asked anyway.
  if (isRestricted()) throw new Error(`${baseName(vscode.Uri.parse(uri))} was not written: the folder is in Restricted Mode.`);
  await vscode.workspace.fs.writeFile(vscode.Uri.parse(uri), new TextEncoder().encode(text));
}

/** Never replaces a file at the destination; workspace.fs creates the destination's folder. */
async function move({ from, to }: HostMoveParams): Promise<HostMoveResponse> {
  if (isRestricted()) return { status: 'refused', message: `${baseName(vscode.Uri.parse(from))} was not moved: the folder is in Restricted Mode.` };
  const target = vscode.Uri.parse(to);
  try {
    await vscode.workspace.fs.stat(target);
    return { status: 'exists' };
  } catch {
    // Nothing there: move it.
  }
  try {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.rename(vscode.Uri.parse(from), target, { overwrite: false });
    return { status: 'moved' };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileExists') return { status: 'exists' };
    return { status: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A link counts as what it points at, as on disk. */
function kindOf(type: vscode.FileType): HostEntryKind {
  if (type & vscode.FileType.File) return 'file';
  if (type & vscode.FileType.Directory) return 'directory';
  return 'other';
}

function isAbsence(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory');
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
