// The core does no I/O. What it needs to know about the file system comes in through this
// interface, so the same core runs in Node (server, CLI) and, later, in a web worker.

export interface FileAccess {
  /** Whether a file exists at this absolute path (forward slashes). */
  exists(path: string): boolean;
  /**
   * The path with every link resolved (forward slashes): the part that exists resolved, the rest
   * appended. Without it, links are not followed and only the path's text is checked.
   */
  realPath?(path: string): string;
  /**
   * The names of the entries of a folder (absolute path, forward slashes), for "did you mean"
   * fixes; empty when the folder cannot be read. Optional: a host that cannot list offers no fix.
   */
  list?(folder: string): string[];
}

/** Resolves `relative` against the folder of `fromFile`, with forward slashes and no Node API. */
export function resolveRelativePath(fromFile: string, relative: string): string {
  const normalized = relative.replace(/\\/g, '/');
  if (isAbsolutePath(normalized)) return normalized;
  const parts = fromFile.replace(/\\/g, '/').split('/');
  parts.pop();
  for (const part of normalized.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** `/etc/x`, `C:/x`, `//server/share/x`, `~/x` (which a shell, not this, would expand). */
function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~');
}

export type InsideResolution =
  | { ok: true; path: string }
  | { ok: false; reason: string };

/**
 * Resolves a path a storyboard or take log names (relative to `fromFile`'s folder) and accepts it
 * only when it lies inside `root`, the storyboard's workspace folder: no absolute path, no `..`
 * above the root, and (when `files` can resolve links) no link leading out. A path refused here must
 * not be probed at all, so nothing about files outside the workspace leaks into a message.
 */
export function resolveInside(root: string, fromFile: string, relative: string, files?: FileAccess): InsideResolution {
  const normalized = relative.trim().replace(/\\/g, '/');
  if (isAbsolutePath(normalized)) return { ok: false, reason: 'is an absolute path, outside the workspace' };
  const base = trimSlash(root.replace(/\\/g, '/'));
  const from = fromFile.replace(/\\/g, '/');
  if (!isInsideOrSame(base, from)) return { ok: false, reason: 'is outside the workspace (the storyboard is not in it)' };
  const parts = from.slice(base.length).split('/').filter(Boolean);
  parts.pop();
  for (const part of normalized.split('/')) {
    if (part === '..') {
      if (!parts.length) return { ok: false, reason: 'leads outside the workspace' };
      parts.pop();
    } else if (part !== '.' && part !== '') {
      parts.push(part);
    }
  }
  const path = base.endsWith('/') ? base + parts.join('/') : [base, ...parts].join('/');
  if (files?.realPath && !isInsideOrSame(trimSlash(files.realPath(base)), files.realPath(path))) {
    return { ok: false, reason: 'is a link that leads outside the workspace' };
  }
  return { ok: true, path };
}

export type WorkspaceFileStatus = { status: 'present' | 'missing'; path: string } | { status: 'outside'; reason: string };

/** Whether a file a storyboard names is there, checking only paths inside the workspace. */
export function workspaceFileStatus(root: string, fromFile: string, relative: string, files: FileAccess): WorkspaceFileStatus {
  const resolved = resolveInside(root, fromFile, relative, files);
  if (!resolved.ok) return { status: 'outside', reason: resolved.reason };
  return { status: files.exists(resolved.path) ? 'present' : 'missing', path: resolved.path };
}

/** The folder of a file (forward slashes): the workspace to assume when none is known. */
export function folderOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const slash = normalized.lastIndexOf('/');
  return slash <= 0 ? normalized.slice(0, slash + 1) || '/' : normalized.slice(0, slash);
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') && !/^[A-Za-z]:\/$/.test(path) ? path.slice(0, -1) : path;
}

function isInsideOrSame(root: string, path: string): boolean {
  if (path === root) return true;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return caseFolded(path).startsWith(caseFolded(prefix));
}

/** Drive letters compare without case (`c:/` is `C:/`); everything else as written. */
function caseFolded(path: string): string {
  return /^[A-Za-z]:/.test(path) ? path[0].toUpperCase() + path.slice(1) : path;
}

/** `scene09.sora` from a path. */
export function baseName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts[parts.length - 1];
}
