import { joinPath } from '../context';
import type { HostEntry, HostPort } from '../host';
import { nextTurn } from './turn';

// Finding the storyboards of the workspace at start-up, without blocking: the folders are read
// asynchronously a slice at a time, the event loop gets a turn between slices (so hover and typing
// are answered while a large root is walked), and folders that never hold a writer's storyboards
// are not entered: dependencies, version control, `files.exclude`, and the kernel's special file
// systems (a root of `/` would otherwise walk /proc and /sys).

export interface ScanOptions {
  /** Globs relative to a workspace folder (VS Code's `files.exclude`); a matching folder is not entered. */
  exclude?: readonly string[];
  /** Stop after this many storyboards. */
  limit?: number;
  /** Stop after reading this many folders. */
  folderLimit?: number;
  /** How many directory entries are looked at between turns of the event loop. */
  sliceSize?: number;
  /** Deeper folders are not entered. */
  maxDepth?: number;
  /** Asked between slices; true stops the scan (the workspace folders changed, or the server stops). */
  cancelled?: () => boolean;
}

/** Folders never entered, wherever they are. */
const skippedNames = new Set(['node_modules', 'bower_components', '__pycache__']);
/** Special file systems, not entered when a workspace folder is the root or holds them. */
const specialFolders = new Set(['/proc', '/sys', '/dev', '/run', '/snap']);

export function isSkippedFolder(name: string): boolean {
  return skippedNames.has(name) || name.startsWith('.');
}

export function isSpecialFolder(full: string): boolean {
  return specialFolders.has(full.replace(/\\/g, '/').replace(/\/+$/, ''));
}

/** Yields each `.sora` file under the folders, in sorted order per folder, a slice at a time. */
export async function* storyboardsUnder(host: HostPort, folders: readonly string[], options: ScanOptions = {}): AsyncGenerator<string> {
  const limit = options.limit ?? 10000;
  const folderLimit = options.folderLimit ?? 50000;
  const sliceSize = options.sliceSize ?? 200;
  const maxDepth = options.maxDepth ?? 20;
  let found = 0;
  let foldersRead = 0;
  let sinceTurn = 0;
  const excluded = globsToRegExp(options.exclude ?? []);
  for (const root of folders) {
    const stack: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
    while (stack.length) {
      const { folder, depth } = stack.pop()!;
      if (foldersRead++ >= folderLimit) return;
      const entries: HostEntry[] = await host.list(folder); // unreadable: empty, skipped as an editor's file explorer would
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const realFolder = entries.length ? await host.realPath(folder) : folder;
      const subfolders: string[] = [];
      for (const entry of entries) {
        if (++sinceTurn >= sliceSize) {
          sinceTurn = 0;
          await nextTurn();
          if (options.cancelled?.()) return;
        }
        const isStoryboard = entry.kind === 'file' && entry.name.toLowerCase().endsWith('.sora');
        if (entry.kind !== 'directory' && !isStoryboard) continue; // FIFOs and devices are not files
        const full = joinPath(folder, entry.name);
        const relative = full.slice(root.length).replace(/^\/+/, '');
        if (entry.kind === 'directory' && (depth + 1 > maxDepth || isSkippedFolder(entry.name) || isSpecialFolder(full))) continue;
        if (excluded?.test(relative)) continue;
        // Links are not followed (no loops, no way out of the folder): a host lists a link as what it points at.
        if ((await host.realPath(full)) !== joinPath(realFolder, entry.name)) continue;
        if (entry.kind === 'directory') {
          subfolders.push(full);
        } else {
          yield full;
          if (++found >= limit) return;
        }
      }
      // Depth first, in name order: the stack pops the first subfolder next.
      for (let i = subfolders.length - 1; i >= 0; i--) stack.push({ folder: subfolders[i], depth: depth + 1 });
    }
  }
}

/**
 * One regex for a list of workspace-relative globs as `files.exclude` writes them: `**` any folders,
 * `*` and `?` within a name, `{a,b}` alternatives, `[abc]` a class. A glob naming a folder also
 * covers what is inside it.
 */
export function globsToRegExp(globs: readonly string[]): RegExp | undefined {
  const sources = globs.map((glob) => globSource(glob.trim().replace(/^\.\//, '').replace(/\/+$/, ''))).filter((source) => source);
  if (!sources.length) return undefined;
  return new RegExp(`^(?:${sources.join('|')})(?:/.*)?$`);
}

function globSource(glob: string): string {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const inner = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${inner}]`;
        i = close;
      }
    } else source += char.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return source + ')'.repeat(braces);
}

/** The `true` entries of a `files.exclude` object (`{ "**\/.git": true, "build": false }`). */
export function excludeGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
