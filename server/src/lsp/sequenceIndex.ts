import type { AnalyzeOptions } from '../core/analyze';
import { parseStoryboard } from '../core/parse';
import { looksLikeSequence, sceneEntries, type SequenceListing, type SequenceSource } from '../core/sequence';
import { pathKey } from '../context';

// Which sequence lists which scene, across the workspace. Every `.sora` file whose first section is
// `sequence` is kept here parsed; a scene's analysis asks for the sequence that lists it. The server
// feeds it the start-up scan, editor changes and watched-file events, and re-checks the scenes a
// change touches (the scenes listed before it and after it).

interface Entry {
  /** The file's core path. */
  file: string;
  source: SequenceSource;
  /** The listed scenes' path keys, in film order. */
  sceneKeys: string[];
}

export { looksLikeSequence };

export class SequenceIndex {
  private readonly entries = new Map<string, Entry>();

  /** Forgets everything and takes these files and their texts (start-up, a workspace folder added or removed). */
  scan(files: Iterable<readonly [file: string, text: string | undefined]>): void {
    this.entries.clear();
    for (const [file, text] of files) this.update(file, text);
  }

  /**
   * A file was created or changed (`text` is its new content; undefined when it cannot be read).
   * Returns the scene files whose inheritance may have changed: those the sequence lists now and
   * those it listed before.
   */
  update(file: string, text: string | undefined): string[] {
    const key = pathKey(file);
    const before = this.entries.get(key);
    if (text === undefined || !looksLikeSequence(text)) {
      this.entries.delete(key);
      return before ? this.scenePaths(before) : [];
    }
    const storyboard = parseStoryboard(text);
    if (!storyboard.sequence) {
      this.entries.delete(key);
      return before ? this.scenePaths(before) : [];
    }
    const source: SequenceSource = { path: file, storyboard };
    const entry: Entry = { file, source, sceneKeys: sceneEntries(source).map(({ path }) => pathKey(path)) };
    this.entries.set(key, entry);
    return unique([...(before ? this.scenePaths(before) : []), ...this.scenePaths(entry)]);
  }

  /** A file was deleted: returns the scenes it listed. */
  remove(file: string): string[] {
    const key = pathKey(file);
    const before = this.entries.get(key);
    this.entries.delete(key);
    return before ? this.scenePaths(before) : [];
  }

  isSequence(file: string): boolean {
    return this.entries.has(pathKey(file));
  }

  get(file: string): SequenceSource | undefined {
    return this.entries.get(pathKey(file))?.source;
  }

  /** The sequence that lists the scene; of two, the one whose path sorts first (the other reports the duplicate). */
  sequenceFor(scene: string): SequenceSource | undefined {
    const key = pathKey(scene);
    return this.sorted().find((entry) => entry.sceneKeys.includes(key))?.source;
  }

  /** The scene files a sequence lists, in film order (as paths the server can open). */
  scenesOf(sequenceFile: string): string[] {
    const entry = this.entries.get(pathKey(sequenceFile));
    return entry ? this.scenePaths(entry) : [];
  }

  /** The sequence files that list this scene. */
  sequencesListing(scene: string): string[] {
    const key = pathKey(scene);
    return this.sorted().filter((entry) => entry.sceneKeys.includes(key)).map((entry) => entry.file);
  }

  /** Every sequence file. */
  files(): string[] {
    return this.sorted().map((entry) => entry.file);
  }

  listings(): SequenceListing[] {
    return this.sorted().map((entry) => ({ path: entry.source.path, scenes: sceneEntries(entry.source).map(({ path }) => path) }));
  }

  /** What analysing this file needs from the index: its sequence (a scene) or the others (a sequence). */
  optionsFor(file: string): Pick<AnalyzeOptions, 'sequence' | 'otherSequences'> {
    if (this.isSequence(file)) {
      const key = pathKey(file);
      return { otherSequences: this.listings().filter((listing) => pathKey(listing.path) !== key) };
    }
    const sequence = this.sequenceFor(file);
    return sequence ? { sequence } : {};
  }

  private scenePaths(entry: Entry): string[] {
    return sceneEntries(entry.source).map(({ path }) => path);
  }

  private sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
  }
}

function unique(files: string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = pathKey(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
