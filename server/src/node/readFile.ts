import * as fs from 'node:fs';
import * as path from 'node:path';
import { notRegularFile, tooLarge, unreadable } from '../fileRefusals';
import { dataFileLimit } from '../host';

// Reading a file a repository hands us. Git stores symlinks, so a cloned folder can hold a take log
// that points at /dev/zero or a config that is a FIFO: read only regular files, never block on
// opening one, and never read more than a limit. Shared by the server, the CLI and the extension host.

// The limits are the host port's (every host refuses the same sizes).
export { dataFileLimit, storyboardFileLimit } from '../host';

export type FileRead =
  | { status: 'ok'; text: string }
  | { status: 'absent' }
  | { status: 'refused'; message: string };

const byteOrderMark = '\ufeff';

/** O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer (POSIX only). */
const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export type FileBytesRead =
  | { status: 'ok'; bytes: Buffer }
  | { status: 'absent' }
  | { status: 'refused'; message: string };

/**
 * Reads a regular file as UTF-8 without a byte order mark. A missing file is `absent`; a folder, a
 * device, a FIFO or a socket (directly or through a link), a file over `limit` bytes, or a read
 * error is `refused` with a message naming the file.
 */
export function readTextFileSafely(file: string, limit = dataFileLimit): FileRead {
  const read = readFileBytesSafely(file, limit);
  if (read.status !== 'ok') return read;
  const text = read.bytes.toString('utf8');
  return { status: 'ok', text: text.startsWith(byteOrderMark) ? text.slice(1) : text };
}

/** The bytes of a regular file (a take's video, for its provenance), refused as readTextFileSafely refuses. */
export function readFileBytesSafely(file: string, limit = dataFileLimit): FileBytesRead {
  const name = path.basename(file);
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, openFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent' };
    return { status: 'refused', message: unreadable(name, (error as Error).message) };
  }
  try {
    // fstat the descriptor we opened, so a file swapped for a device after a stat cannot slip through.
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) return { status: 'refused', message: notRegularFile(name, kindOf(stat)) };
    if (stat.size > limit) return { status: 'refused', message: tooLarge(name, stat.size, limit) };
    const bytes = readAtMost(descriptor, limit + 1);
    if (bytes.length > limit) return { status: 'refused', message: tooLarge(name, bytes.length, limit) };
    return { status: 'ok', bytes };
  } catch (error) {
    return { status: 'refused', message: unreadable(name, (error as Error).message) };
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Reads up to `max` bytes (the file may grow while it is read). */
function readAtMost(descriptor: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, max - total));
    const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
