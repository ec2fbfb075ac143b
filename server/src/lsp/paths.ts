import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// URIs and file paths. Only `file:` URIs have a path; untitled documents are checked without one.

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).toString();
}

/** A stable key for a file path (URIs from the client and from the file system may differ in escaping). */
export function pathKey(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}

/** A stable key for a document URI: the path key for files, the URI itself otherwise. */
export function uriKey(uri: string): string {
  const file = uriToPath(uri);
  return file ? pathKey(file) : uri;
}
