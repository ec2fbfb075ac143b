import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspaceFileStatus, type FileAccess, type WorkspaceFileStatus } from '../core/files';
import { takeLogPathFor } from '../core/takes';
import { loadTakeLog, type TakeLogLoad } from './takeLogFile';

// The Node side of the core's file interface, shared by the language server, the CLI and the
// extension host (take logs). Nothing here may import the parser or the rules: the client bundles it.

export const nodeFileAccess: FileAccess = {
  exists: (file) => fs.existsSync(file),
  realPath,
  list: (folder) => {
    try {
      return fs.readdirSync(folder);
    } catch {
      return [];
    }
  },
};

/** The path with its links resolved as far as it exists; the missing rest is appended as written. */
function realPath(file: string): string {
  const rest: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    try {
      return toCorePath(path.join(fs.realpathSync.native(current), ...rest));
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return toCorePath(file);
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** Forward slashes, as the core expects. */
export function toCorePath(file: string): string {
  return path.resolve(file).replace(/\\/g, '/');
}

export { loadTakeLog, TakeLogSaveError, type TakeLogLoad, type TakeLogSaveOptions } from './takeLogFile';

/** Loads `NAME.takes.json` beside a storyboard, explaining what is wrong when it does not validate. */
export function loadTakeLogFor(storyboardPath: string): TakeLogLoad {
  return loadTakeLog(takeLogPathFor(storyboardPath));
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

/**
 * The workspace of a file named on the command line: the current folder when the file is inside it
 * (where `sora` is run, as in CI), else the repository holding it (the nearest folder with `.git`),
 * else the file's own folder.
 */
export function commandLineRoot(file: string): string {
  const absolute = path.resolve(file);
  const cwd = process.cwd();
  const relative = path.relative(cwd, absolute);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return cwd;
  for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return path.dirname(absolute);
  }
}

/** Whether a file named relative to a storyboard (a take's video) is there, never probing outside `root`. */
export function fileStatusInside(root: string, storyboardPath: string, relative: string): WorkspaceFileStatus {
  return workspaceFileStatus(toCorePath(root), toCorePath(storyboardPath), relative, nodeFileAccess);
}
