import type { Storyboard, Text } from './ast';
import { readSettings } from './model';
import { sceneEntries, type SequenceSource } from './sequence';
import { bestTake, takeTotal, type Take, type TakeLog } from './takes';

// A sequence as a film: its scenes in order with where each falls on the film's clock and its best
// take. The hover on a `scenes:` entry, the shot list, the timeline and the rough cut all read this.

export interface FilmSceneInput {
  /** The scene as checked: merged with the sequence when it is one of its scenes. */
  storyboard: Storyboard;
  takeLog?: TakeLog;
}

export interface FilmScene {
  /** 0-based place in the film. */
  index: number;
  entry: Text;
  path: string;
  /** Undefined when the file is missing or unreadable. */
  storyboard?: Storyboard;
  title?: string;
  /** The scene's length in seconds: its duration setting, else its beats' total; 0 when unknown. */
  seconds: number;
  start: number;
  end: number;
  best?: { take: Take; total: number };
  takeCount: number;
}

export interface Film {
  title?: string;
  scenes: FilmScene[];
  seconds: number;
}

/** `scenes(path)` gives each listed scene's analysis, or undefined when it cannot be read. */
export function filmOf(sequence: SequenceSource, scenes: (path: string) => FilmSceneInput | undefined): Film {
  let clock = 0;
  const list = sceneEntries(sequence).map(({ entry, path }, index): FilmScene => {
    const input = scenes(path);
    const seconds = input ? sceneSeconds(input.storyboard) : 0;
    const best = input?.takeLog ? bestTake(input.takeLog) : undefined;
    const scene: FilmScene = {
      index,
      entry,
      path,
      storyboard: input?.storyboard,
      title: input?.storyboard.scene?.title?.text,
      seconds,
      start: clock,
      end: clock + seconds,
      best: best ? { take: best, total: takeTotal(best) ?? 0 } : undefined,
      takeCount: input?.takeLog?.takes.length ?? 0,
    };
    clock += seconds;
    return scene;
  });
  return { title: sequence.storyboard.sequence?.title?.text, scenes: list, seconds: clock };
}

export function sceneSeconds(storyboard: Storyboard): number {
  const duration = readSettings(storyboard).duration?.seconds;
  if (duration !== undefined) return duration;
  const beats = storyboard.beats;
  return beats.length ? beats[beats.length - 1].end : 0;
}

/** One scene on its own as a film of one scene. */
export function filmOfScene(path: string, input: FilmSceneInput): Film {
  const seconds = sceneSeconds(input.storyboard);
  const best = input.takeLog ? bestTake(input.takeLog) : undefined;
  const name = path.replace(/\\/g, '/').split('/').pop() ?? path;
  const zero = { line: 0, character: 0 };
  return {
    title: input.storyboard.scene?.title?.text,
    seconds,
    scenes: [
      {
        index: 0,
        entry: { text: name, range: { start: zero, end: zero } },
        path,
        storyboard: input.storyboard,
        title: input.storyboard.scene?.title?.text,
        seconds,
        start: 0,
        end: seconds,
        best: best ? { take: best, total: takeTotal(best) ?? 0 } : undefined,
        takeCount: input.takeLog?.takes.length ?? 0,
      },
    ],
  };
}
