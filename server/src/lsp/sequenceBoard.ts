import { LSPErrorCodes, ResponseError, type TextEdit } from 'vscode-languageserver';
import { filmOf } from '../core/film';
import { readSettings } from '../core/model';
import { resolveRelativePath } from '../core/files';
import { reorderScenesRequest, sequenceBoardRequest, type ReorderScenesParams, type SequenceBoard, type SequenceBoardParams } from '../protocol';
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

export async function sequenceBoard(workspace: Workspace, params: SequenceBoardParams): Promise<SequenceBoard> {
  const state = await sequenceState(workspace, params.uri);
  const source = { path: state.path ?? workspace.pathOf(state.uri) ?? '', storyboard: state.analysis.storyboard };
  const states = await sceneStates(workspace, source);
  const film = filmOf(source, (scenePath) => {
    const scene = states.get(scenePath);
    return scene ? { storyboard: scene.analysis.merged ?? scene.analysis.storyboard, takeLog: scene.takeLog } : undefined;
  });
  return {
    uri: state.uri,
    title: film.title ?? null,
    seconds: film.seconds,
    cards: film.scenes.map((scene) => {
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
        best: scene.best ? { id: scene.best.take.id, total: scene.best.total, video: workspace.uriOf(resolveRelativePath(scene.path, scene.best.take.file)) } : null,
        errors: own?.analysis.diagnostics.filter((d) => d.severity === 'error').length ?? 0,
        warnings: own?.analysis.diagnostics.filter((d) => d.severity === 'warning').length ?? 0,
      };
    }),
  };
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
