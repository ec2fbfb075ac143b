import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeTakeLogProblems, parseTakeLog, type TakeLog } from '../core/takes';
import { dataFileLimit, readTextFileSafely } from './readFile';

// Writing a small data file on disk, for the Node host port's `update` (./host), through which the
// take store (../takeStore.ts) saves every take log: a lock beside the file, the file read as it is
// now under the lock, and an atomic replace (temp file, fsync, rename, fsync of the folder). So two
// windows logging takes at once both keep their takes, and a crash leaves either the old or the new
// log, never half of one. `loadTakeLog` reads a log for the CLI's listing.

export type TakeLogLoad =
  | { status: 'absent'; path: string }
  | { status: 'ok'; path: string; log: TakeLog }
  | { status: 'invalid'; path: string; message: string };

export function loadTakeLog(logPath: string): TakeLogLoad {
  const read = readTextFileSafely(logPath, dataFileLimit);
  if (read.status === 'absent') return { status: 'absent', path: logPath };
  if (read.status === 'refused') return { status: 'invalid', path: logPath, message: read.message };
  const parsed = parseTakeLog(read.text);
  if (parsed.ok) return { status: 'ok', path: logPath, log: parsed.log };
  return { status: 'invalid', path: logPath, message: describeTakeLogProblems(path.basename(logPath), parsed.problems) };
}

export interface TakeLogSaveOptions {
  /**
   * The workspace folder. A log that is a symlink is written through to its target only when the
   * target lies inside it; without a root, inside the log's own folder.
   */
  root?: string;
  /** How long to wait for another writer to finish before giving up. */
  lockTimeoutMs?: number;
}

/** A save that was refused: the message says why and that nothing was written. */
export class TakeLogSaveError extends Error {}

/**
 * The lock, the link check, the mode kept and the atomic replace, for any small data file: `change`
 * reads the file (the real target, links resolved) under the lock and says what to write, if anything.
 * The Node host port's `update` (./host) and the take log both go through it.
 */
export function updateFileLocked<T>(file: string, change: (target: string) => { write: string; result: T } | { keep: true; result: T }, options: TakeLogSaveOptions = {}): T {
  const target = writeTarget(file, options.root ?? path.dirname(path.resolve(file)));
  const release = acquireLock(target, options.lockTimeoutMs ?? lockWaitMs);
  try {
    removeStaleTemporaries(target);
    const exists = fs.existsSync(target);
    const decision = change(target);
    if ('write' in decision) writeDurably(target, decision.write, exists ? writableModeOf(target) : undefined);
    return decision.result;
  } finally {
    release();
  }
}

// ---- where to write ----------------------------------------------------------------------

/** The file to replace: the log itself, or the target of a link to a file inside the root. */
function writeTarget(logPath: string, root: string): string {
  const name = path.basename(logPath);
  const resolved = path.resolve(logPath);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(resolved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new TakeLogSaveError(`${name} could not be saved: ${(error as Error).message}`);
    return resolved;
  }
  if (stat.isFile()) return resolved;
  if (!stat.isSymbolicLink()) throw new TakeLogSaveError(`${name} is not a regular file, so nothing was saved.`);
  let target: string;
  try {
    target = fs.realpathSync(resolved);
  } catch {
    throw new TakeLogSaveError(`${name} is a link to a file that does not exist, so nothing was saved. Replace the link with the log itself.`);
  }
  if (!isInside(realRoot(root), target)) {
    throw new TakeLogSaveError(`${name} is a link to ${target}, outside the workspace, so nothing was saved. Replace the link with the log itself.`);
  }
  if (!fs.statSync(target).isFile()) throw new TakeLogSaveError(`${name} is a link to ${target}, which is not a regular file, so nothing was saved.`);
  return target;
}

function realRoot(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The mode to keep for an existing log; refuses a log that is read-only. */
function writableModeOf(file: string): number {
  const stat = fs.statSync(file);
  let writable = (stat.mode & 0o222) !== 0;
  if (writable) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable) throw new TakeLogSaveError(`${path.basename(file)} is read-only, so nothing was saved. Make it writable to log and score takes.`);
  return stat.mode & 0o7777;
}

// ---- writing -----------------------------------------------------------------------------

const temporarySuffix = '.tmp';

function temporaryPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}

/** `.scene09.takes.json.PID.RANDOM.tmp`: the pid says whether its writer is still alive. */
function temporaryName(file: string): string {
  return path.join(path.dirname(file), `${temporaryPrefix(file)}${process.pid}.${randomBytes(4).toString('hex')}${temporarySuffix}`);
}

/** Writes a temp file beside `file`, flushes it to disk, renames it over `file` and flushes the folder. */
function writeDurably(file: string, text: string, mode: number | undefined): void {
  const temporary = temporaryName(file);
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(temporary, 'wx', mode ?? 0o666);
    if (mode !== undefined) fs.fchmodSync(descriptor, mode); // the umask must not narrow a kept mode
    fs.writeSync(descriptor, text);
    fs.fsyncSync(descriptor);
    fs.closeSync(descriptor);
    descriptor = undefined;
    fs.renameSync(temporary, file);
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw new TakeLogSaveError(`${path.basename(file)} could not be saved: ${(error as Error).message}`);
  }
  syncFolder(path.dirname(file));
}

/** Makes the rename itself durable. Windows cannot open a folder for this; there it is skipped. */
function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(folder, 'r');
    fs.fsyncSync(descriptor);
  } catch {
    // Not supported on this platform or file system; the rename is still atomic.
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** Temp files and lock candidates left by writers that died mid-save. Called under the lock. */
function removeStaleTemporaries(file: string): number {
  const prefix = temporaryPrefix(file);
  let entries: string[];
  try {
    entries = fs.readdirSync(path.dirname(file));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(?:lock\.)?(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.slice(prefix.length));
    if (!match) continue;
    const full = path.join(path.dirname(file), entry);
    if (Number(match[1]) === process.pid || (processAlive(Number(match[1])) && !olderThan(full, lockStaleMs))) continue;
    try {
      fs.unlinkSync(full);
      removed++;
    } catch {
      // Already gone, or not ours to remove.
    }
  }
  return removed;
}

// ---- the lock ----------------------------------------------------------------------------

/** A lock older than this is a writer that hung or died; saves take milliseconds. */
export const lockStaleMs = 5000;
const lockWaitMs = 8000;

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  token: string;
}

export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/**
 * Takes the lock beside `file`, waiting for another writer (or breaking a lock whose writer is dead
 * or older than `lockStaleMs`). The lock is created whole, by linking a written file to its name,
 * so no one ever sees an empty lock. Returns the release function.
 */
function acquireLock(file: string, timeoutMs: number): () => void {
  const lockPath = lockPathFor(file);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), time: Date.now(), token: randomBytes(8).toString('hex') };
  const content = JSON.stringify(owner);
  const candidate = lockCandidateName(file, owner.token);
  try {
    fs.writeFileSync(candidate, content, { flag: 'wx' });
  } catch (error) {
    throw new TakeLogSaveError(`${path.basename(file)} could not be saved: ${(error as Error).message}`);
  }
  const deadline = Date.now() + timeoutMs;
  try {
    for (let attempt = 0; ; attempt++) {
      if (tryCreateLock(candidate, lockPath, content, file)) break;
      if (breakStaleLock(file)) continue;
      if (Date.now() > deadline) {
        const holder = readLockOwner(lockPath);
        throw new TakeLogSaveError(`${path.basename(file)} is being saved by another process${holder ? ` (pid ${holder.pid})` : ''}; nothing was saved. Try again in a moment.`);
      }
      sleep(Math.min(50, 2 + attempt) + Math.random() * 5);
    }
  } finally {
    fs.rmSync(candidate, { force: true });
  }
  return () => {
    if (readLockOwner(lockPath)?.token === owner.token) fs.rmSync(lockPath, { force: true });
  };
}

/** Links the written candidate to the lock's name (atomic, fails if it exists). */
function tryCreateLock(candidate: string, lockPath: string, content: string, file: string): boolean {
  try {
    fs.linkSync(candidate, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  // A file system without hard links: create it exclusively and write it (a reader may briefly see it empty).
  try {
    fs.writeFileSync(lockPath, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new TakeLogSaveError(`${path.basename(file)} could not be locked for saving: ${(error as Error).message}`);
  }
}

/** `.scene09.takes.json.lock.PID.RANDOM.tmp`: a lock being made or being removed; cleaned up like a temp file. */
function lockCandidateName(file: string, unique: string): string {
  return path.join(path.dirname(file), `${temporaryPrefix(file)}lock.${process.pid}.${unique}${temporarySuffix}`);
}

function readLockOwner(lockPath: string): LockOwner | undefined {
  const content = readIfPresent(lockPath);
  return content === undefined ? undefined : parseLockOwner(content);
}

function parseLockOwner(content: string): LockOwner | undefined {
  try {
    const value = JSON.parse(content) as LockOwner;
    return typeof value.pid === 'number' && typeof value.time === 'number' && typeof value.token === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the lock when its writer is gone; false when the lock is live. True means: try again. */
function breakStaleLock(file: string): boolean {
  const lockPath = lockPathFor(file);
  const content = readIfPresent(lockPath);
  if (content === undefined) return true; // released meanwhile
  if (!lockIsStale(lockPath, parseLockOwner(content))) return false;
  // Move it aside first, then check it is the lock judged stale: a writer may have taken a fresh
  // lock in between, and that one is put back.
  const aside = lockCandidateName(file, randomBytes(4).toString('hex'));
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return true; // someone else moved it first
  }
  if (readIfPresent(aside) !== content) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Another writer holds the lock now; theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
  return true;
}

function lockIsStale(lockPath: string, owner: LockOwner | undefined): boolean {
  if (!owner) return olderThan(lockPath, lockStaleMs); // not written by this module: only age tells
  if (owner.host === os.hostname() && !processAlive(owner.pid)) return true;
  return Date.now() - owner.time > lockStaleMs;
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Saves are synchronous (the callers are); waiting for a lock of a few milliseconds blocks briefly. */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
