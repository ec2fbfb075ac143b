import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAccess } from '../core/files';
import { describeTakeLogProblems, parseTakeLog, serializeTakeLog, takeLogPathFor, type TakeLog } from '../core/takes';

// The Node side of the core's file interface, shared by the language server, the CLI and the
// extension host (take logs). Nothing here may import the parser or the rules: the client bundles it.

export const nodeFileAccess: FileAccess = {
  exists: (file) => fs.existsSync(file),
  list: (folder) => {
    try {
      return fs.readdirSync(folder);
    } catch {
      return [];
    }
  },
};

/** Forward slashes, as the core expects. */
export function toCorePath(file: string): string {
  return path.resolve(file).replace(/\\/g, '/');
}

export type TakeLogLoad =
  | { status: 'absent'; path: string }
  | { status: 'ok'; path: string; log: TakeLog }
  | { status: 'invalid'; path: string; message: string };

/** Loads `NAME.takes.json` beside a storyboard, explaining what is wrong when it does not validate. */
export function loadTakeLogFor(storyboardPath: string): TakeLogLoad {
  return loadTakeLog(takeLogPathFor(storyboardPath));
}

export function loadTakeLog(logPath: string): TakeLogLoad {
  let text: string;
  try {
    text = fs.readFileSync(logPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent', path: logPath };
    return { status: 'invalid', path: logPath, message: `${path.basename(logPath)} could not be read: ${(error as Error).message}` };
  }
  const parsed = parseTakeLog(text);
  if (parsed.ok) return { status: 'ok', path: logPath, log: parsed.log };
  return { status: 'invalid', path: logPath, message: describeTakeLogProblems(path.basename(logPath), parsed.problems) };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, text, 'utf8');
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Saves a take log atomically; refuses to replace a file that exists but does not validate. */
export function saveTakeLog(logPath: string, log: TakeLog): void {
  const existing = loadTakeLog(logPath);
  if (existing.status === 'invalid') {
    throw new Error(`${existing.message}`);
  }
  writeFileAtomic(logPath, serializeTakeLog(log));
}
