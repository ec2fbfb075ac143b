// The words a file is refused with (the limits are the host port's, ./host.ts). Shared by the disk
// reader (node/readFile.ts) and the client that reads for the browser server (client/src/hostFiles.ts),
// so a take log that is a FIFO or too large gets the same message in VS Code and in vscode.dev.
// No Node API here: the browser bundles import it.

/** `kind` names what the file is instead: "a folder", "a FIFO", "a character device"… */
export function notRegularFile(name: string, kind: string): string {
  return `${name} is not a regular file (${kind}), so it was not read.`;
}

export function tooLarge(name: string, size: number, limit: number): string {
  return `${name} is ${megabytes(size)} MB, over the ${megabytes(limit)} MB limit for this kind of file, so it was not read.`;
}

export function unreadable(name: string, reason: string): string {
  return `${name} could not be read: ${reason}`;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
