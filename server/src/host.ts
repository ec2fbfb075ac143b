// The server's one window on files. The Node server (and the CLI) read the disk; the browser server
// (vscode.dev, code-server's web-worker host) has no file system and asks its client, which reads
// through `workspace.fs` (as VS Code's markdown server asks its client). Everything above this port
// (storyboard contexts, the workspace scan, the sequence index, take logs) is written once, here in
// the server, and runs on both.
//
// Paths are "core paths": forward slashes, absolute. On disk that is the file's path; in a virtual
// workspace it is the document's URI as a string (`vscode-vfs://github/owner/repo/scene.sora`),
// which the core's path helpers (files.ts) handle as text. `pathOf`/`uriOf` convert at the LSP edge.
//
// No Node API and no `vscode` import here: both hosts implement it.

/** Take logs and config files are small; anything bigger is not one. */
export const dataFileLimit = 4 * 1024 * 1024;
/** A storyboard is text a person writes; 16 MB is far beyond any real one. */
export const storyboardFileLimit = 16 * 1024 * 1024;

export type HostEntryKind = 'file' | 'directory' | 'other';

export interface HostStat {
  kind: HostEntryKind;
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
}

export interface HostEntry {
  name: string;
  kind: HostEntryKind;
}

/** A read: the text, nothing there, or a refusal whose message names the file and says why. */
export type HostRead =
  | { status: 'ok'; text: string }
  | { status: 'absent' }
  | { status: 'refused'; message: string };

export type HostBytes =
  | { status: 'ok'; bytes: Uint8Array }
  | { status: 'absent' }
  | { status: 'refused'; message: string };

/** A move that never overwrites: done, something already at the destination, or refused (why). */
export type HostMove = { status: 'moved' } | { status: 'exists' } | { status: 'refused'; message: string };

/** What `update` does with the file it is handed: write `text`, or leave the file as it is. */
export type HostUpdate<T> = { write: string; result: T } | { keep: true; result: T };

export interface HostPort {
  /**
   * A regular file's text (UTF-8, without a byte order mark), at most `limit` bytes. A folder, a
   * device, a FIFO, or a file over the limit is refused, never read.
   */
  readText(path: string, limit: number): Promise<HostRead>;
  /** A regular file's bytes (a take's video, for its provenance), at most `limit` bytes. */
  readBytes(path: string, limit: number): Promise<HostBytes>;
  stat(path: string): Promise<HostStat | undefined>;
  /** A folder's entries; empty when it cannot be read. */
  list(folder: string): Promise<HostEntry[]>;
  /** The path with links resolved as far as it exists (a host without links returns it as is). */
  realPath(path: string): Promise<string>;
  /**
   * Reads the file and writes what `change` returns, with no other writer in between: the Node host
   * locks across processes (two windows logging takes), the browser host queues within the window.
   * The write is atomic where the host can make it so (temp file and rename on disk).
   */
  update<T>(path: string, change: (current: HostRead) => HostUpdate<T>): Promise<T>;
  /**
   * Moves a file (a take's downloaded video into takes/), creating the destination's folder and
   * never replacing a file already there. Optional: a host that cannot move files has none, and
   * Log Take then logs only a video already in takes/.
   */
  move?(from: string, to: string): Promise<HostMove>;
  /** The core path of a document URI, or undefined for a URI this host cannot read. */
  pathOf(uri: string): string | undefined;
  /** The URI of a core path. */
  uriOf(path: string): string;
}
