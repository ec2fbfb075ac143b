import { CodeActionKind, type CodeAction, type CodeActionParams, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { analyze } from '../core/analyze';
import type { Fix } from '../core/diagnostics';
import { applySafeFixes, minimalEdit } from '../core/fixes';
import { placeholderSnippet } from '../core/snippets';
import { clampRange, rangesIntersect, toLspDiagnostic } from './convert';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';
import { LineIndex } from '../core/text';

// Quick fixes come straight from the rule table's fixes (recomputed from the cached analysis, so the
// client's diagnostics need carry nothing); "Fix all safe problems" applies safe fixes pass after pass
// like `sora check --fix`.

export const fixAllKind = `${CodeActionKind.SourceFixAll}.sora`;

export const codeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind];

export interface CodeActionOptions {
  /** The client applies snippet edits in a workspace edit (LSP 3.18 `snippetEditSupport`). */
  snippetEdits?: boolean;
  /** The URI of another file a fix edits (a scene's sequence). */
  uriOf: (path: string) => string;
}

export function codeActions(state: DocumentState, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  const { lines } = state.analysis;
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of state.analysis.diagnostics) {
      if (!diagnostic.fixes.length) continue;
      const range = clampRange(diagnostic.range, lines);
      if (!rangesIntersect(range, params.range)) continue;
      const lsp = toLspDiagnostic(diagnostic, lines);
      const linked =
        params.context.diagnostics.find(
          (d) => d.code === lsp.code && d.message === lsp.message && rangesIntersect(d.range, range),
        ) ?? lsp;
      for (const fix of diagnostic.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [linked],
          isPreferred: fix.preferred ?? false,
          edit: fixEdit(state, fix, options),
        });
      }
    }
  }
  const fixAllRequested = only?.some((kind) => kind === CodeActionKind.SourceFixAll || kind === fixAllKind || kind === CodeActionKind.Source);
  if (fixAllRequested || (!only && state.analysis.diagnostics.some((d) => d.fixes.some((f) => f.safe)))) {
    const edit = fixAllEdit(state);
    if (edit) {
      actions.push({
        title: 'Fix all safe problems in file',
        kind: fixAllKind,
        edit: { changes: { [state.uri]: [edit] } },
      });
    }
  }
  return actions;
}

/**
 * A fix as a workspace edit: snippet edits (the cursor lands on the first placeholder, Tab goes to
 * the next) when the client takes them and the fix has any, else plain text edits.
 */
function fixEdit(state: DocumentState, fix: Fix, options: CodeActionOptions): WorkspaceEdit {
  const { lines } = state.analysis;
  const plain = fix.edits.map((edit): TextEdit => ({ range: clampRange(edit.range, lines), newText: edit.newText }));
  // A fix may also edit the scene's sequence (a style moved into it): plain edits in both files.
  const others = Object.fromEntries((fix.otherFiles ?? []).map((other) => [options.uriOf(other.path), other.edits]));
  if (!options.snippetEdits || fix.otherFiles?.length) return { changes: { [state.uri]: plain, ...others } };
  let stop = 1;
  let snippets = 0;
  const edits = fix.edits.map((edit, i): TextEdit | SnippetTextEdit => {
    const found = edit.snippet !== undefined ? { snippet: edit.snippet, stops: 1 } : placeholderSnippet(edit.newText, stop);
    if (!found) return plain[i];
    stop += found.stops;
    snippets++;
    return { range: plain[i].range, snippet: { kind: 'snippet', value: found.snippet } };
  });
  if (!snippets) return { changes: { [state.uri]: plain } };
  return { documentChanges: [{ textDocument: { uri: state.uri, version: state.version }, edits }] };
}

/** One edit that applies every safe fix, pass after pass, as `sora check --fix` does. */
export function fixAllEdit(state: DocumentState): TextEdit | undefined {
  // Each pass is checked as the document was (its context and file answers): a safe fix changes no reference.
  const fixed = applySafeFixes(state.text, (text) => analyze(text, state.options).diagnostics, { first: state.analysis.diagnostics });
  return textEdit(state.text, fixed.text);
}

/** The smallest single edit from one text to another, in LSP positions of the first. */
export function textEdit(before: string, after: string): TextEdit | undefined {
  const change = minimalEdit(before, after);
  if (!change) return undefined;
  const lines = new LineIndex(before);
  return { range: { start: lines.positionAt(change.start), end: lines.positionAt(change.end) }, newText: change.newText };
}

export const codeActionFeature: Feature = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds, resolveProvider: false } }),
  register: (server) =>
    server.connection.onCodeAction(server.onDocument('codeAction', (state, params) => codeActions(state, params, { snippetEdits: server.snippetEdits(), uriOf: (path) => server.workspace.uriOf(path) }), [])),
};
