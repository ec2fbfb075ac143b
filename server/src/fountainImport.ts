import { Fountain } from 'fountain-js';
import { fountainScenes, storyboardFromFountain, type FountainScript, type FountainToken } from './core/fountain';
import { parseStoryboard } from './core/parse';
import { joinPath } from './context';

// A Fountain screenplay turned into storyboards, with no file access: `sora import` (on disk) and
// the editor's "Sora: Import Fountain Scene" (through the host port) plan the same files and each
// writes them its own way, never overwriting.

export class ExchangeError extends Error {}

/** Fountain text → its scenes. Text that is no screenplay (binary, no scene heading) is refused with a reason. */
export function readFountain(text: string, name: string): FountainScript {
  if (text.includes('\u0000')) throw new ExchangeError(`${name} is not a text file (it holds NUL bytes); export the screenplay as Fountain (.fountain) text.`);
  if (!text.trim()) throw new ExchangeError(`${name} is empty: there is no scene to import.`);
  let tokens: FountainToken[];
  try {
    tokens = new Fountain().parse(text, true).tokens as FountainToken[];
  } catch (error) {
    throw new ExchangeError(`${name} could not be read as Fountain: ${(error as Error).message}`);
  }
  const script = fountainScenes(tokens);
  if (!script.scenes.length) {
    throw new ExchangeError(
      `${name} has no scene heading, so there is no scene to import. A Fountain scene starts with a line such as "INT. LIGHTHOUSE - NIGHT" (or ".LIGHTHOUSE" to force one), with a blank line before and after it.`,
    );
  }
  return script;
}

export interface PlannedFile {
  file: string;
  text: string;
}

/** The storyboards for one scene (1-based) or every scene of a screenplay, as files in `outDir`. */
export function planFountainImport(text: string, name: string, outDir: string, scene?: number): PlannedFile[] {
  const script = readFountain(text, name);
  if (scene !== undefined && (scene < 1 || scene > script.scenes.length || !Number.isInteger(scene))) {
    throw new ExchangeError(`${name} has ${script.scenes.length} scene${script.scenes.length === 1 ? '' : 's'}; --scene takes 1 to ${script.scenes.length}.`);
  }
  const chosen = scene === undefined ? script.scenes : [script.scenes[scene - 1]];
  const planned = chosen.map((each) => {
    const storyboard = storyboardFromFountain(each, { source: name });
    const parsed = parseStoryboard(storyboard);
    // A scaffold that does not parse would be a bug here, not the writer's problem: refuse it.
    if (parsed.syntaxErrors.length) throw new ExchangeError(`scene ${each.number} of ${name} could not be turned into a storyboard: ${parsed.syntaxErrors[0].message}`);
    const id = parsed.scene?.id?.text ?? String(each.number).padStart(2, '0');
    return { file: joinPath(outDir, `scene${id}.sora`), text: storyboard };
  });
  const names = new Set(planned.map((p) => p.file));
  if (names.size !== planned.length) throw new ExchangeError(`two scenes of ${name} have the same scene number; import them one at a time with --scene N and --out DIR.`);
  return planned;
}

/** The refusal when files the import would write are there already. */
export function notOverwriting(taken: readonly string[]): ExchangeError {
  return new ExchangeError(`not overwriting ${taken.join(', ')}: move ${taken.length === 1 ? 'it' : 'them'} away or import with --out DIR.`);
}
