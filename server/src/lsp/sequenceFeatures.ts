import { ErrorCodes, MarkupKind, ResponseError, type Hover, type Location, type Position, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { Range } from '../core/ast';
import { baseName } from '../core/files';
import { filmOf } from '../core/film';
import { sceneEntries, type SequenceSource } from '../core/sequence';
import { pathKey } from '../context';
import { formatSeconds, formatSpan } from '../core/text';
import { contains, occurrenceAt, occurrences, type Occurrence } from './locate';
import type { DocumentState, Workspace } from './workspace';

// Editor features that cross files: a character of a sequence is one character in the sequence and
// in every scene it lists, so definition, references and rename reach all of them; a `scenes:` entry
// hovers with its place in the film.

const namePattern = /^\p{L}[\p{L}\p{N}_-]*$/u;

interface Found {
  uri: string;
  range: Range;
  declaration: boolean;
}

/** The scene as its rules see it: with the sequence's cast, whose own declarations lie in the sequence. */
function mergedView(analysis: Analysis): Analysis {
  return analysis.merged ? { ...analysis, storyboard: analysis.merged } : analysis;
}

/** Occurrences of a character written in this file (not the inherited declarations, which are the sequence's). */
function ownOccurrences(state: DocumentState, name: string): Found[] {
  const view = mergedView(state.analysis);
  const inherited = new Set<Range>(view.storyboard.characters.filter((c) => c.origin && c.name).map((c) => c.name!.range));
  return occurrences(view)
    .filter((o: Occurrence) => o.kind === 'character' && o.name === name && !inherited.has(o.range))
    .map((o) => ({ uri: state.uri, range: o.range, declaration: o.declaration }));
}

/** The sequence whose cast holds this character, seen from a scene of it or from the sequence itself. */
function sequenceFileFor(state: DocumentState, name: string): string | undefined {
  const { storyboard, sequence } = state.analysis;
  if (storyboard.sequence && state.path) return storyboard.characters.some((c) => c.name?.text === name) ? state.path : undefined;
  if (sequence && sequence.storyboard.characters.some((c) => c.name?.text === name)) return sequence.path;
  return undefined;
}

/** Every place the character is written across its sequence and the sequence's scenes; undefined when it is no sequence's. */
async function castOccurrences(workspace: Workspace, state: DocumentState, position: Position): Promise<{ name: string; found: Found[]; states: DocumentState[] } | undefined> {
  const at = occurrenceAt(mergedView(state.analysis), position);
  if (!at || at.at.kind !== 'character') return undefined;
  const name = at.at.name;
  const sequenceFile = sequenceFileFor(state, name);
  if (!sequenceFile) return undefined;
  const files = [sequenceFile, ...workspace.sequences.scenesOf(sequenceFile)];
  const seen = new Set<string>();
  const states: DocumentState[] = [];
  for (const file of files) {
    const key = pathKey(file);
    if (seen.has(key)) continue;
    seen.add(key);
    const other = state.path && pathKey(state.path) === key ? state : await workspace.stateOfFile(file);
    if (other) states.push(other);
  }
  return { name, states, found: states.flatMap((other) => ownOccurrences(other, name)) };
}

export async function sequenceDefinition(workspace: Workspace, state: DocumentState, position: Position): Promise<Location[] | null> {
  const cast = await castOccurrences(workspace, state, position);
  if (!cast) return null;
  return cast.found.filter((f) => f.declaration).map(({ uri, range }) => ({ uri, range }));
}

export async function sequenceReferences(workspace: Workspace, state: DocumentState, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
  const cast = await castOccurrences(workspace, state, position);
  if (!cast) return null;
  return cast.found.filter((f) => includeDeclaration || !f.declaration).map(({ uri, range }) => ({ uri, range }));
}

/** One WorkspaceEdit renaming the character in the sequence and every scene that names it. */
export async function sequenceRename(workspace: Workspace, state: DocumentState, position: Position, newName: string): Promise<WorkspaceEdit | null> {
  const cast = await castOccurrences(workspace, state, position);
  if (!cast) return null;
  if (!namePattern.test(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" is not a name: a name starts with a letter and holds letters, digits, _ and -.`);
  }
  if (newName !== cast.name) {
    const clash = cast.states.find((other) => other.analysis.names.characters.has(newName));
    if (clash) throw new ResponseError(ErrorCodes.InvalidParams, `There is already a character "${newName}" in ${baseName(clash.path ?? clash.uri)}.`);
  }
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const { uri, range } of cast.found) (changes[uri] ??= []).push({ range, newText: newName });
  return { changes };
}

/** On a `scenes:` entry: the scene's place in the film, its span on the film's clock and its best take. */
export async function sequenceHover(workspace: Workspace, state: DocumentState, position: Position, base: Hover | null): Promise<Hover | null> {
  const { storyboard } = state.analysis;
  const sequenceSection = storyboard.sequence;
  if (!sequenceSection || !state.path) return base;
  const entry = sequenceSection.scenes.find((scene) => contains(scene.range, position));
  if (!entry) return base;
  const source = { path: state.path, storyboard };
  const scenes = await sceneStates(workspace, source);
  const film = filmOf(source, (file) => {
    const scene = scenes.get(file);
    if (!scene) return undefined;
    return { storyboard: scene.analysis.merged ?? scene.analysis.storyboard, takeLog: scene.takeLog };
  });
  const scene = film.scenes.find((s) => s.entry === entry);
  if (!scene) return base;
  const lines = [`**Scene ${scene.index + 1} of ${film.scenes.length}**: \`${entry.text}\`${scene.title ? ` "${scene.title}"` : ''}`];
  if (!scene.storyboard) {
    lines.push('', 'There is no such file yet: the film has a hole here.');
  } else {
    lines.push('', `${formatSpan(scene.start, scene.end)} of the film (${formatSeconds(scene.seconds)} of ${formatSeconds(film.seconds)})`);
    lines.push('', scene.best ? `Best take: ${scene.best.take.id}, ${scene.best.total}/25, of ${scene.takeCount}` : scene.takeCount ? `${scene.takeCount} takes, none scored yet` : 'No takes logged yet');
  }
  const markdown = lines.join('\n');
  const value = base && typeof base.contents === 'object' && 'value' in base.contents ? `${markdown}\n\n---\n\n${base.contents.value}` : markdown;
  return { contents: { kind: MarkupKind.Markdown, value }, range: entry.range };
}

/** The analysed scenes a sequence lists, by the path its entry names (missing scenes left out). */
export async function sceneStates(workspace: Workspace, sequence: SequenceSource): Promise<Map<string, DocumentState>> {
  const states = new Map<string, DocumentState>();
  await Promise.all(
    sceneEntries(sequence).map(async ({ path }) => {
      const state = await workspace.stateOfFile(path);
      if (state) states.set(path, state);
    }),
  );
  return states;
}
