// The core does no I/O. What it needs to know about the file system comes in through this
// interface, so the same core runs in Node (server, CLI) and, later, in a web worker.

export interface FileAccess {
  /** Whether a file exists at this absolute path (forward slashes). */
  exists(path: string): boolean;
  /**
   * The names of the entries of a folder (absolute path, forward slashes), for "did you mean"
   * fixes; empty when the folder cannot be read. Optional: a host that cannot list offers no fix.
   */
  list?(folder: string): string[];
}

/** Resolves `relative` against the folder of `fromFile`, with forward slashes and no Node API. */
export function resolveRelativePath(fromFile: string, relative: string): string {
  const normalized = relative.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized)) return normalized;
  const parts = fromFile.replace(/\\/g, '/').split('/');
  parts.pop();
  for (const part of normalized.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** `scene09.sora` from a path. */
export function baseName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts[parts.length - 1];
}
