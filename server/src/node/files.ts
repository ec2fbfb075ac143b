import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAccess } from '../core/files';
import { takeLogPathFor } from '../core/takes';
import { loadTakeLog, type TakeLogLoad } from './takeLogFile';

// The Node side of the core's file interface, shared by the language server, the CLI and the
// extension host (take logs). Nothing here may import the parser or the rules: the client bundles it.

export const nodeFileAccess: FileAccess = {
  exists: (file) => fs.existsSync(file),
};

/** Forward slashes, as the core expects. */
export function toCorePath(file: string): string {
  return path.resolve(file).replace(/\\/g, '/');
}

export { loadTakeLog, saveTakeLog, updateTakeLog, TakeLogSaveError, type TakeLogLoad, type TakeLogSaveOptions } from './takeLogFile';

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
