import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import { analyze } from '../core/analyze';
import { applySafeFixes, minimalEdit } from '../core/fixes';
import { nodeFileAccess, toCorePath } from '../node/files';
import { clampRange, rangesIntersect, toLspDiagnostic } from './convert';
import { pathToUri } from './paths';
import type { DocumentState } from './workspace';
import { LineIndex } from '../core/text';

// Quick fixes come straight from the rule table's fixes (recomputed from the cached analysis, so the
// client's diagnostics need carry nothing); "Fix all safe problems" applies safe fixes pass after pass
// like `sora check --fix`.

export const fixAllKind = `${CodeActionKind.SourceFixAll}.sora`;

export const codeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind];

export function codeActions(state: DocumentState, params: CodeActionParams): CodeAction[] {
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
          (d) => d.code === diagnostic.code && d.message === diagnostic.message && rangesIntersect(d.range, range),
        ) ?? lsp;
      for (const fix of diagnostic.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [linked],
          isPreferred: fix.preferred ?? false,
          edit: {
            changes: {
              [state.uri]: fix.edits.map((edit) => ({ range: clampRange(edit.range, lines), newText: edit.newText })),
              // A fix may also edit the scene's sequence (a style moved into it).
              ...Object.fromEntries((fix.otherFiles ?? []).map((other) => [pathToUri(other.path), other.edits])),
            },
          },
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

/** One edit that applies every safe fix, pass after pass, as `sora check --fix` does. */
export function fixAllEdit(state: DocumentState): TextEdit | undefined {
  const options = {
    documentPath: state.path ? toCorePath(state.path) : undefined,
    takeLog: state.takeLog,
    files: state.path ? nodeFileAccess : undefined,
    config: state.config,
  };
  const fixed = applySafeFixes(state.text, (text) => analyze(text, options).diagnostics, { first: state.analysis.diagnostics });
  return textEdit(state.text, fixed.text);
}

/** The smallest single edit from one text to another, in LSP positions of the first. */
export function textEdit(before: string, after: string): TextEdit | undefined {
  const change = minimalEdit(before, after);
  if (!change) return undefined;
  const lines = new LineIndex(before);
  return { range: { start: lines.positionAt(change.start), end: lines.positionAt(change.end) }, newText: change.newText };
}
