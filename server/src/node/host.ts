import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostBytes, HostEntry, HostEntryKind, HostMove, HostPort, HostRead, HostStat, HostUpdate } from '../host';
import { nodeFileAccess, toCorePath } from './files';
import { readFileBytesSafely, readTextFileSafely } from './readFile';
import { updateFileLocked, type TakeLogSaveOptions } from './takeLogFile';

// The host port on disk, for the Node language server and the CLI. Reads refuse what is not a
// regular file (readFile.ts); updates take the lock beside the file and replace it atomically
// (takeLogFile.ts), so two windows writing one take log both keep their change.

export function nodeHost(options: Pick<TakeLogSaveOptions, 'lockTimeoutMs'> & { rootOf?: (file: string) => string | undefined } = {}): HostPort {
  return {
    readText: async (file, limit) => readTextFileSafely(file, limit),
    readBytes: async (file, limit) => readBytesSafely(file, limit),
    stat: async (file) => statOf(file),
    list: async (folder) => listOf(folder),
    realPath: async (file) => (nodeFileAccess.realPath ? nodeFileAccess.realPath(file) : toCorePath(file)),
    update: async <T>(file: string, change: (current: HostRead) => HostUpdate<T>) =>
      updateFileLocked(file, (target) => change(readTextFileSafely(target)), { lockTimeoutMs: options.lockTimeoutMs, root: options.rootOf?.(file) }),
    move: async (from, to) => moveWithoutOverwriting(from, to),
    pathOf: (uri) => fileUriToPath(uri),
    uriOf: (file) => pathToFileURL(file).toString(),
  };
}

function fileUriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toCorePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function kindOf(stat: fs.Stats): HostEntryKind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  return 'other';
}

function statOf(file: string): HostStat | undefined {
  try {
    const stat = fs.statSync(file);
    return { kind: kindOf(stat), size: stat.size, mtime: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

async function listOf(folder: string): Promise<HostEntry[]> {
  try {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? linkKind(path.join(folder, entry.name)) : 'other' }));
  } catch {
    return [];
  }
}

/** A link counts as what it points at (a linked folder is scanned like a folder). */
function linkKind(file: string): HostEntryKind {
  return statOf(file)?.kind ?? 'other';
}

function readBytesSafely(file: string, limit: number): HostBytes {
  const read = readFileBytesSafely(file, limit);
  return read.status === 'ok' ? { status: 'ok', bytes: new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength) } : read;
}

/**
 * A hard link refuses an existing destination atomically, so nothing is ever overwritten; across
 * devices an exclusive copy does the same. The source goes only once the destination is whole.
 */
function moveWithoutOverwriting(from: string, to: string): HostMove {
  if (fs.existsSync(to)) return { status: 'exists' };
  try {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.linkSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    }
    fs.unlinkSync(from);
    return { status: 'moved' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { status: 'exists' };
    return { status: 'refused', message: (error as Error).message };
  }
}
