import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { adoptVariant } from '../core/adopt';
import { adoptVariantRequest, type AdoptVariantParams, type AdoptVariantResponse } from '../protocol';
import type { Workspace } from './workspace';

// `sora/adoptVariant`: the text "Adopt this take's change" proposes; the client shows it as a diff
// and applies it only when the writer confirms (and the document has not changed meanwhile).
export function registerAdoptVariant(connection: Connection, workspace: Workspace): void {
  connection.onRequest<AdoptVariantResponse, unknown>(adoptVariantRequest, (params: AdoptVariantParams): AdoptVariantResponse => {
    const state = workspace.stateOfAny(params.uri);
    if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${params.uri}.`);
    const adoption = adoptVariant(state.analysis.storyboard, state.text, params.variant);
    if (!adoption.ok) return { ok: false, uri: state.uri, message: adoption.message };
    return { ok: true, uri: state.uri, version: state.version, text: adoption.text, changes: adoption.changes };
  });
}
