import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStoryboard } from '../core/parse';
import { looksLikeSequence, sceneEntries, type SequenceListing, type SequenceSource } from '../core/sequence';
import { toCorePath } from './files';

// The command line has no workspace index: the sequence of a scene is looked for in the scene's
// folder and its parents, up to a root (the current folder when the scene is inside it, else the
// scene's own folder). Each folder is read once per run.

export class SequenceFinder {
  private readonly folders = new Map<string, SequenceSource[]>();

  constructor(private readonly root = process.cwd()) {}

  /** The sequence listing this scene (the first by path, as the editor chooses). */
  sequenceFor(file: string): SequenceSource | undefined {
    const scene = toCorePath(file);
    for (const sequence of this.sequencesAround(file)) {
      if (sceneEntries(sequence).some(({ path: listed }) => listed === scene)) return sequence;
    }
    return undefined;
  }

  /** The other sequences in the folders searched for this file, for `sequence-duplicate`. */
  otherSequences(file: string): SequenceListing[] {
    const self = toCorePath(file);
    return this.sequencesAround(file)
      .filter((sequence) => sequence.path !== self)
      .map((sequence) => ({ path: sequence.path, scenes: sceneEntries(sequence).map(({ path: scene }) => scene) }));
  }

  /** Every sequence in the file's folder and its parents up to the root, sorted by path. */
  sequencesAround(file: string): SequenceSource[] {
    const found: SequenceSource[] = [];
    for (const folder of foldersUp(path.dirname(path.resolve(file)), path.resolve(this.root))) found.push(...this.sequencesIn(folder));
    return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private sequencesIn(folder: string): SequenceSource[] {
    let sequences = this.folders.get(folder);
    if (sequences) return sequences;
    sequences = [];
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter((name) => name.toLowerCase().endsWith('.sora')).sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      const file = path.join(folder, name);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (!looksLikeSequence(text)) continue;
      const storyboard = parseStoryboard(text);
      if (storyboard.sequence) sequences.push({ path: toCorePath(file), storyboard });
    }
    this.folders.set(folder, sequences);
    return sequences;
  }
}

/** The folder, then its parents up to `root` when it lies inside `root`; else the folder alone. */
function foldersUp(folder: string, root: string): string[] {
  const relative = path.relative(root, folder);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [folder];
  const folders = [folder];
  let current = folder;
  while (current !== root) {
    const parent = path.dirname(current);
    if (parent === current) break;
    folders.push(parent);
    current = parent;
  }
  return folders;
}
