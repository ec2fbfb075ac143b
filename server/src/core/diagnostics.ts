import type { Range } from './ast';

export type Severity = 'error' | 'warning' | 'info';

/** A text edit in LSP form: replace `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same edit as a snippet (tab stops where the writer types next), for editors that apply
   * snippet edits; `newText` is what everything else applies. Edits whose text has `<…>`
   * placeholders need none: the editor turns those into tab stops itself.
   */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes change nothing a writer would need to review; `sora check --fix` applies only these. */
  safe: boolean;
  /** The one clearly right fix, offered first by the editor. */
  preferred?: boolean;
  /** Edits to other files that belong to the same fix (a style moved from a scene into its sequence). */
  otherFiles?: { path: string; edits: TextEdit[] }[];
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export function compareRanges(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => compareRanges(a.range, b.range) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
}
