import * as path from 'node:path';
import { LSPErrorCodes, ResponseError, type Connection, type TextEdit } from 'vscode-languageserver';
import { filmOf } from '../core/film';
import { readSettings } from '../core/model';
import { folderOf, resolveInside } from '../core/files';
import { sceneSpend, type Take } from '../core/takes';
import { reorderScenesRequest, sequenceBoardRequest, type BoardBestTake, type BoardSpend, type ReorderScenesParams, type SequenceBoard, type SequenceBoardParams } from '../protocol';
import { pathToUri, uriToPath } from './paths';
import type { DocumentState, Workspace } from './workspace';

// The sequence board's data (the film's scenes as cards) and its one edit: a new order of the
// scenes, written back as a single `scenes:` line.

function sequenceState(workspace: Workspace, uri: string): DocumentState {
  const state = workspace.stateOfAny(uri);
  if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${uri}.`);
  if (state.analysis.storyboard.sequence) return state;
  const sequence = state.analysis.sequence;
  if (sequence) {
    const file = path.resolve(sequence.path);
    const own = workspace.stateOfAny(workspace.openUriFor(file) ?? pathToUri(file));
    if (own) return own;
  }
  throw new ResponseError(LSPErrorCodes.RequestFailed, 'This file is no sequence and no sequence lists it: a board shows the scenes of a `sequence` file.');
}

export function sequenceBoard(workspace: Workspace, params: SequenceBoardParams): SequenceBoard {
  const state = sequenceState(workspace, params.uri);
  const file = state.path ?? uriToPath(state.uri) ?? '';
  const states = new Map<string, DocumentState>();
  const film = filmOf({ path: file.replace(/\\/g, '/'), storyboard: state.analysis.storyboard }, (scenePath) => {
    const scene = workspace.stateOfAny(workspace.openUriFor(scenePath) ?? pathToUri(scenePath));
    if (!scene) return undefined;
    states.set(scenePath, scene);
    return { storyboard: scene.analysis.merged ?? scene.analysis.storyboard, takeLog: scene.takeLog };
  });
  const cards = film.scenes.map((scene) => {
    const own = states.get(scene.path);
    const storyboard = scene.storyboard;
    return {
      entry: scene.entry.text,
      uri: own ? own.uri : null,
      title: scene.title ?? null,
      logline: storyboard?.logline?.value?.text ?? null,
      seconds: scene.seconds,
      start: scene.start,
      end: scene.end,
      model: storyboard ? readSettings(storyboard).model?.text ?? null : null,
      takeCount: scene.takeCount,
      best: scene.best ? bestTakeCard(scene.path, own?.root, scene.best.take, scene.best.total) : null,
      spend: own?.takeLog?.takes.length ? sceneSpend(own.takeLog) : null,
      errors: own?.analysis.diagnostics.filter((d) => d.severity === 'error').length ?? 0,
      warnings: own?.analysis.diagnostics.filter((d) => d.severity === 'warning').length ?? 0,
    };
  });
  return { uri: state.uri, title: film.title ?? null, seconds: film.seconds, spend: filmSpend(cards.map((card) => card.spend)), cards };
}

/**
 * The best take and where its video would be. A path leading out of the workspace is refused by its
 * text alone, so nothing outside is ever asked about; whether the file is there the client asks its
 * own file system (the webview loads it from there), so this stays free of file access.
 */
function bestTakeCard(scenePath: string, root: string | undefined, take: Take, total: number): BoardBestTake {
  const inside = resolveInside(root ?? folderOf(scenePath), scenePath, take.file);
  const shown = { id: take.id, total, file: take.file };
  if (!inside.ok) return { ...shown, video: null, videoProblem: 'outside' };
  return { ...shown, video: pathToUri(inside.path), videoProblem: null };
}

/** The scenes' spends added up in cents, as `sceneSpend` adds up takes. */
function filmSpend(spends: (BoardSpend | null)[]): BoardSpend {
  let cents = 0;
  let priced = 0;
  let unpriced = 0;
  for (const spend of spends) {
    if (!spend) continue;
    cents += Math.round(spend.usd * 100);
    priced += spend.priced;
    unpriced += spend.unpriced;
  }
  return { usd: cents / 100, priced, unpriced };
}

/** The edit that writes the scenes in `order` as one `scenes:` line where the first one was, removing the others. */
export function reorderScenes(workspace: Workspace, params: ReorderScenesParams): TextEdit[] {
  const state = workspace.stateOfAny(params.uri);
  const section = state?.analysis.storyboard.sequence;
  if (!state || !section) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Reordering needs a sequence file.');
  const current = section.scenes.map((scene) => scene.text);
  const sorted = (list: string[]) => [...list].sort().join('\n');
  if (sorted(current) !== sorted(params.order)) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, 'The board is out of date: the sequence lists other scenes now. Reopen the board.');
  }
  const fields = section.fields.filter((field) => field.key === 'scenes');
  const { lines } = state.analysis;
  const edits: TextEdit[] = [{ range: fields[0].value.range, newText: params.order.join(', ') }];
  for (const field of fields.slice(1)) {
    const line = field.range.start.line;
    edits.push({ range: { start: { line: line - 1, character: lines.lineText(line - 1).length }, end: { line, character: lines.lineText(line).length } }, newText: '' });
  }
  return edits;
}

export function registerSequenceBoard(connection: Connection, workspace: Workspace): void {
  connection.onRequest(sequenceBoardRequest, (params: SequenceBoardParams) => sequenceBoard(workspace, params));
  connection.onRequest(reorderScenesRequest, (params: ReorderScenesParams) => reorderScenes(workspace, params));
}
