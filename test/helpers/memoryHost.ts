import type { HostEntry, HostPort, HostRead, HostUpdate } from '../../server/src/host';

// An in-memory host port: providers and contexts tested on a workspace that is a map of paths to
// texts, with no disk and no server (as Langium tests its services). Paths are core paths; URIs are
// `memory://` plus the path, so nothing here can be confused with a real file.

export interface MemoryHost extends HostPort {
  files: Map<string, string>;
  /** Paths that exist but are not regular files (a FIFO, a device): reads are refused. */
  specials: Set<string>;
}

export function memoryHost(initial: Record<string, string> = {}): MemoryHost {
  const files = new Map(Object.entries(initial));
  const specials = new Set<string>();
  const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/')) || '/';
  const isFolder = (folder: string) => [...files.keys(), ...specials].some((file) => file.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
  const read = (file: string, limit: number): HostRead => {
    if (specials.has(file)) return { status: 'refused', message: `${file.split('/').pop()} is not a regular file, so it was not read.` };
    const text = files.get(file);
    if (text === undefined) return { status: 'absent' };
    if (text.length > limit) return { status: 'refused', message: `${file.split('/').pop()} is over the limit for this kind of file, so it was not read.` };
    return { status: 'ok', text };
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    files,
    specials,
    readText: async (file, limit) => read(file, limit),
    readBytes: async (file, limit) => {
      const text = read(file, limit);
      return text.status === 'ok' ? { status: 'ok', bytes: new TextEncoder().encode(text.text) } : text;
    },
    stat: async (file) => {
      if (files.has(file)) return { kind: 'file', size: files.get(file)!.length, mtime: 0 };
      if (specials.has(file)) return { kind: 'other', size: 0, mtime: 0 };
      return isFolder(file) ? { kind: 'directory', size: 0, mtime: 0 } : undefined;
    },
    list: async (folder) => {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      const entries = new Map<string, HostEntry>();
      for (const file of [...files.keys(), ...specials]) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        entries.set(name, { name, kind: rest.length ? 'directory' : specials.has(file) ? 'other' : 'file' });
      }
      return [...entries.values()];
    },
    realPath: async (file) => file,
    update: <T>(file: string, change: (current: HostRead) => HostUpdate<T>) => {
      const run = queue.then(() => {
        const decision = change(read(file, Number.MAX_SAFE_INTEGER));
        if ('write' in decision) {
          if (!isFolder(folderOf(file)) && folderOf(file) !== '/') throw new Error(`${folderOf(file)} does not exist`);
          files.set(file, decision.write);
        }
        return decision.result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    move: async (from, to) => {
      const text = files.get(from);
      if (text === undefined) return { status: 'refused', message: `${from.split('/').pop()} is not there` };
      if (files.has(to) || specials.has(to)) return { status: 'exists' };
      files.set(to, text);
      files.delete(from);
      return { status: 'moved' };
    },
    pathOf: (uri) => (uri.startsWith('memory://') ? uri.slice('memory://'.length) : undefined),
    uriOf: (file) => `memory://${file}`,
  };
}
