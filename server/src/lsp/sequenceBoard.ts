import { LSPErrorCodes, ResponseError, type TextEdit } from 'vscode-languageserver';
import { filmOf, type Film } from '../core/film';
import { readSettings } from '../core/model';
import { folderOf, resolveInside } from '../core/files';
import { sceneSpend, type Take } from '../core/takes';
import { reorderScenesRequest, sequenceBoardRequest, type BoardBestTake, type BoardSpend, type ReorderScenesParams, type SequenceBoard, type SequenceBoardParams } from '../protocol';
import type { Feature } from './handlers';
import { sceneStates } from './sequenceFeatures';
import type { DocumentState, Workspace } from './workspace';

// The sequence board's data (the film's scenes as cards) and its one edit: a new order of the
// scenes, written back as a single `scenes:` line.

async function sequenceState(workspace: Workspace, uri: string): Promise<DocumentState> {
  const state = await workspace.stateOfAny(uri);
  if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${uri}.`);
  if (state.analysis.storyboard.sequence) return state;
  const sequence = state.analysis.sequence;
  if (sequence) {
    const own = await workspace.stateOfFile(sequence.path);
    if (own) return own;
  }
  throw new ResponseError(LSPErrorCodes.RequestFailed, 'This file is no sequence and no sequence lists it: a board shows the scenes of a `sequence` file.');
}

/**
 * The film of the sequence at `uri` (or of the sequence that lists the scene at `uri`), each scene as
 * the writer sees it now (open editors' text), merged with what it inherits, with its take log.
 */
export async function workspaceFilm(workspace: Workspace, uri: string): Promise<{ state: DocumentState; film: Film; states: Map<string, DocumentState> }> {
  const state = await sequenceState(workspace, uri);
  const source = { path: state.path ?? workspace.pathOf(state.uri) ?? '', storyboard: state.analysis.storyboard };
  const states = await sceneStates(workspace, source);
  const film = filmOf(source, (scenePath) => {
    const scene = states.get(scenePath);
    return scene ? { storyboard: scene.analysis.merged ?? scene.analysis.storyboard, takeLog: scene.takeLog } : undefined;
  });
  return { state, film, states };
}

export async function sequenceBoard(workspace: Workspace, params: SequenceBoardParams): Promise<SequenceBoard> {
  const { state, film, states } = await workspaceFilm(workspace, params.uri);
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
      best: scene.best ? bestTakeCard(workspace, scene.path, own?.root, scene.best.take, scene.best.total) : null,
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
function bestTakeCard(workspace: Workspace, scenePath: string, root: string | undefined, take: Take, total: number): BoardBestTake {
  const inside = resolveInside(root ?? folderOf(scenePath), scenePath, take.file);
  const shown = { id: take.id, total, file: take.file };
  if (!inside.ok) return { ...shown, video: null, videoProblem: 'outside' };
  return { ...shown, video: workspace.uriOf(inside.path), videoProblem: null };
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
export async function reorderScenes(workspace: Workspace, params: ReorderScenesParams): Promise<TextEdit[]> {
  const state = await workspace.stateOfAny(params.uri);
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

export const sequenceBoardFeature: Feature = {
  register: (server) => {
    server.connection.onRequest(sequenceBoardRequest, server.guarded('sequenceBoard', (params: SequenceBoardParams) => sequenceBoard(server.workspace, params), 'Could not show the board'));
    server.connection.onRequest(reorderScenesRequest, server.guarded('reorderScenes', (params: ReorderScenesParams) => reorderScenes(server.workspace, params), 'Could not reorder the scenes'));
  },
};
