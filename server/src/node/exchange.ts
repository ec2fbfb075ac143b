import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { filmOf, filmOfScene, type Film, type FilmSceneInput } from '../core/film';
import { ffconcatList, otioTimeline, shotListCsv, shotListHtml } from '../core/exports';
import { fountainFromStoryboards } from '../core/fountain';
import { ExchangeError, notOverwriting, planFountainImport, readFountain } from '../fountainImport';
import { parseStoryboard } from '../core/parse';
import { sceneEntries } from '../core/sequence';
import type { StoryboardContext, StoryboardContexts } from '../context';
import { toCorePath, writeFileAtomic } from './files';
import { readTextFileSafely, storyboardFileLimit } from './readFile';

// `sora import` and `sora export`: Fountain screenplays in, and a scene or a whole sequence out as
// Fountain, a shot list, an OpenTimelineIO timeline or an ffmpeg concat list (and a rough cut).
// Every failure is a message and an exit code; nothing is written unless everything can be.

export { ExchangeError, readFountain };

export interface ImportResult {
  written: string[];
}

/** Imports one scene (1-based) or every scene of a screenplay into `outDir`, refusing to overwrite anything. */
export function importFountain(scriptFile: string, options: { scene?: number; outDir?: string }): ImportResult {
  let text: string;
  try {
    text = fs.readFileSync(scriptFile, 'utf8');
  } catch (error) {
    throw new ExchangeError(`cannot read ${scriptFile}: ${(error as Error).message}`);
  }
  const outDir = options.outDir ?? path.dirname(scriptFile);
  // The same plan as the editor's import (fountainImport.ts), in native paths.
  const planned = planFountainImport(text, path.basename(scriptFile), outDir.replace(/\\/g, '/'), options.scene).map((p) => ({ ...p, file: path.join(p.file) }));
  const taken = planned.filter((p) => fs.existsSync(p.file)).map((p) => p.file);
  if (taken.length) throw notOverwriting(taken);
  fs.mkdirSync(outDir, { recursive: true });
  for (const { file, text: storyboard } of planned) writeFileAtomic(file, storyboard);
  return { written: planned.map((p) => p.file) };
}

export type ExportFormat = 'fountain' | 'shotlist' | 'otio' | 'ffconcat';

/**
 * The scene or sequence at `file` as a film: each scene merged with what it inherits, with its take
 * log, from the same storyboard contexts as `sora check` (a sequence's scenes inherit from it).
 */
export async function loadFilm(file: string, contexts: StoryboardContexts): Promise<{ film: Film; scenes: FilmSceneInput[] }> {
  const text = readText(file);
  const storyboard = parseStoryboard(text);
  const corePath = toCorePath(file);
  if (storyboard.sequence) {
    const source = { path: corePath, storyboard };
    const loaded = new Map<string, FilmSceneInput>();
    for (const { path: scenePath } of sceneEntries(source)) {
      const read = readTextFileSafely(scenePath, storyboardFileLimit);
      if (read.status === 'ok') loaded.set(scenePath, await filmInput(contexts, scenePath, read.text, { sequence: source }));
    }
    const inputs: FilmSceneInput[] = [];
    const film = filmOf(source, (scenePath) => {
      const input = loaded.get(scenePath);
      if (input) inputs.push(input);
      return input;
    });
    return { film, scenes: inputs };
  }
  const input = await filmInput(contexts, corePath, text);
  return { film: filmOfScene(corePath, input), scenes: [input] };
}

/** A scene as the film shows it: merged with its sequence (the one given, or the one its context finds). */
async function filmInput(contexts: StoryboardContexts, scenePath: string, text: string, sequence?: StoryboardContext['sequence']): Promise<FilmSceneInput> {
  const context = await contexts.contextFor(scenePath);
  const analysis = analyze(text, await contexts.analysisOptions(sequence ? { ...context, sequence } : context, text));
  return { storyboard: analysis.merged ?? analysis.storyboard, takeLog: context.takeLog };
}

export function exportFilm(film: Film, format: ExportFormat, html: boolean): string {
  switch (format) {
    case 'fountain':
      return fountainFromStoryboards(
        film.title,
        film.scenes.filter((scene) => scene.storyboard).map((scene) => ({ storyboard: scene.storyboard!, name: scene.entry.text.replace(/\.sora$/i, '') })),
      );
    case 'shotlist':
      return html ? shotListHtml(film) : shotListCsv(film);
    case 'otio':
      return `${JSON.stringify(otioTimeline(film), null, 2)}\n`;
    case 'ffconcat':
      return ffconcatList(film, (p) => fs.existsSync(p)).text;
  }
}

export interface RoughCut {
  output: string;
  clips: string[];
  skipped: string[];
  command: string[];
}

/** Joins the best takes with the ffmpeg on the PATH (stream copy: takes of one model share a codec). */
export function assembleRoughCut(film: Film, output: string, ffmpeg = 'ffmpeg'): RoughCut {
  const list = ffconcatList(film, (p) => fs.existsSync(p));
  if (!list.clips.length) throw new ExchangeError(`no scene has a scored take whose video exists, so there is nothing to assemble (${list.skipped.join('; ')}).`);
  if (fs.existsSync(output)) throw new ExchangeError(`not overwriting ${output}: choose another file for the rough cut.`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-roughcut-'));
  const listFile = path.join(folder, 'list.ffconcat');
  try {
    fs.writeFileSync(listFile, list.text);
    const args = ['-hide_banner', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', listFile, '-c', 'copy', output];
    const run = spawnSync(ffmpeg, args, { encoding: 'utf8' });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ExchangeError('ffmpeg is not on the PATH: install it (https://ffmpeg.org/download.html) to assemble a rough cut, or use --format ffconcat and your own editor.');
    }
    if (run.status !== 0) {
      fs.rmSync(output, { force: true });
      throw new ExchangeError(`ffmpeg could not join the takes (exit ${run.status ?? run.signal}): ${(run.stderr || run.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
    }
    return { output, clips: list.clips, skipped: list.skipped, command: [ffmpeg, ...args] };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ExchangeError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
