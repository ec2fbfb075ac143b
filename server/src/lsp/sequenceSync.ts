import type { DiagnosticsPublisher } from './diagnostics';
import { pathKey } from '../context';
import { looksLikeSequence } from './sequenceIndex';
import type { Workspace } from './workspace';

// Keeps the sequence index current and re-checks what a change touches: a sequence's scenes when it
// changes (they inherit from it), the sequences listing a scene when the scene appears or goes
// (`sequence-scene-missing`), and every sequence when one changes (`sequence-duplicate`).

/** The pause after the last keystroke in a sequence before its scenes are re-checked. */
export const sequenceChangeDelay = 150;

export class SequenceSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = new Map<string, string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly publisher: DiagnosticsPublisher,
  ) {}

  /** Reads every sequence of the workspace again (start-up, workspace folders changed), in the scan's slices. */
  async scan(): Promise<void> {
    const files: [string, string | undefined][] = [];
    for await (const file of this.workspace.storyboardFiles()) files.push([file, await this.workspace.currentText(file)]);
    this.workspace.sequences.scan(files);
    this.workspace.invalidateAll();
  }

  /** A `.sora` file was created or changed on disk (or a sequence's editor closed): read it as it is now. */
  async changed(file: string): Promise<void> {
    const index = this.workspace.sequences;
    const wasSequence = index.isSequence(file);
    const text = await this.workspace.currentText(file);
    if (!wasSequence && (text === undefined || !looksLikeSequence(text))) {
      // A scene: the sequences listing it may now find it (or a file of that name appeared).
      await this.recheck(index.sequencesListing(file));
      return;
    }
    const scenes = index.update(file, text);
    this.workspace.invalidateAll();
    await this.recheck([...scenes, ...index.files()], file);
  }

  /** An open sequence was edited: update at once, re-check its scenes after a pause. */
  edited(file: string, text: string): void {
    const index = this.workspace.sequences;
    if (!index.isSequence(file) && !looksLikeSequence(text)) return;
    const scenes = index.update(file, text);
    this.workspace.invalidateAll();
    for (const scene of [...scenes, ...index.files()]) if (pathKey(scene) !== pathKey(file)) this.pending.set(pathKey(scene), scene);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const files = [...this.pending.values()];
      this.pending.clear();
      void this.recheck(files);
    }, sequenceChangeDelay);
  }

  /** A `.sora` file was deleted. */
  deleted(file: string): Promise<void> {
    const index = this.workspace.sequences;
    const listing = index.sequencesListing(file);
    const scenes = index.remove(file);
    if (scenes.length) this.workspace.invalidateAll();
    return this.recheck([...scenes, ...listing, ...(scenes.length ? index.files() : [])], file);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private async recheck(files: readonly string[], except?: string): Promise<void> {
    const done = new Set<string>(except ? [pathKey(except)] : []);
    for (const file of files) {
      const key = pathKey(file);
      if (done.has(key)) continue;
      done.add(key);
      if ((await this.workspace.currentText(file)) === undefined) continue;
      await this.publisher.file(file);
    }
  }
}
