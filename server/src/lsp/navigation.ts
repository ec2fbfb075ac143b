import {
  DocumentHighlightKind,
  ResponseError,
  ErrorCodes,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { isName, sameName } from '../core/model';
import { occurrenceAt } from './locate';
import type { Feature } from './handlers';
import { sequenceDefinition, sequenceReferences, sequenceRename } from './sequenceFeatures';
import type { DocumentState } from './workspace';

// Go to definition, find references, rename and highlight for characters and variants. Names live in
// one file, so all of this is per document.

export function definition(state: DocumentState, position: Position): Location[] | null {
  const found = occurrenceAt(state.analysis, position);
  if (!found) return null;
  const declarations = found.all.filter((o) => o.declaration);
  if (!declarations.length) return null;
  return declarations.map((o) => ({ uri: state.uri, range: o.range }));
}

export function references(state: DocumentState, position: Position, includeDeclaration: boolean): Location[] | null {
  const found = occurrenceAt(state.analysis, position);
  if (!found) return null;
  return found.all.filter((o) => includeDeclaration || !o.declaration).map((o) => ({ uri: state.uri, range: o.range }));
}

export function highlights(state: DocumentState, position: Position): DocumentHighlight[] | null {
  const found = occurrenceAt(state.analysis, position);
  if (!found) return null;
  return found.all.map((o) => ({ range: o.range, kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function prepareRename(state: DocumentState, position: Position): { range: Range; placeholder: string } | null {
  const found = occurrenceAt(state.analysis, position);
  if (!found) return null;
  return { range: found.at.range, placeholder: found.at.name };
}


export function rename(state: DocumentState, position: Position, newName: string): WorkspaceEdit | null {
  const found = occurrenceAt(state.analysis, position);
  if (!found) return null;
  if (!isName(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" is not a name: a name starts with a letter (of any script) and holds letters, marks, digits, _ and -.`);
  }
  if (newName === 'main' && found.at.kind === 'variant') {
    throw new ResponseError(ErrorCodes.InvalidParams, '"main" is the storyboard itself; a variant needs another name.');
  }
  const { names } = state.analysis;
  const taken = found.at.kind === 'character' ? names.characters.has(newName) : names.variants.has(newName) || names.takes.has(newName);
  if (taken && !sameName(newName, found.at.name)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `There is already a ${found.at.kind} "${newName}".`);
  }
  return { changes: { [state.uri]: found.all.map((o) => ({ range: o.range, newText: newName })) } };
}

/** Definition, references and rename reach across a sequence and its scenes for a character of the sequence's cast. */
export const navigationFeature: Feature = {
  capabilities: () => ({ definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true }, documentHighlightProvider: true }),
  register: (server) => {
    const { connection, workspace } = server;
    connection.onDefinition(server.onDocument('definition', async (state, params) => (await sequenceDefinition(workspace, state, params.position)) ?? definition(state, params.position), null));
    connection.onReferences(
      server.onDocument(
        'references',
        async (state, params) =>
          (await sequenceReferences(workspace, state, params.position, params.context.includeDeclaration)) ?? references(state, params.position, params.context.includeDeclaration),
        null,
      ),
    );
    connection.onDocumentHighlight(server.onDocument('documentHighlight', (state, params) => highlights(state, params.position), null));
    connection.onPrepareRename(server.onDocument('prepareRename', (state, params) => prepareRename(state, params.position), null));
    connection.onRenameRequest(server.onDocument('rename', async (state, params) => (await sequenceRename(workspace, state, params.position, params.newName)) ?? rename(state, params.position, params.newName), null));
  },
};
