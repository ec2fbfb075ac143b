import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core/diagnostics';
import type { LineIndex } from '../core/text';

// Core values to LSP values.

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(diagnostic: Diagnostic, lines: LineIndex): LspDiagnostic {
  return {
    range: clampRange(diagnostic.range, lines),
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: 'sora',
    message: plainMessage(diagnostic.message),
    data: { fixes: diagnostic.fixes.length },
  };
}

/**
 * A rule message as the Problems panel shows it: plain text, so `code` spans (markdown for hovers
 * and `sora explain`) read as "code" instead of with literal backticks.
 */
export function plainMessage(message: string): string {
  return message.replace(/"`([^`\n]+)`"|`([^`\n]+)`/g, (_, quoted: string | undefined, code: string | undefined) => `"${quoted ?? code}"`);
}

/** Keeps a range inside the document, whatever a rule computed. */
export function clampRange(range: Range, lines: LineIndex): Range {
  const start = lines.positionAt(lines.offsetAt(range.start));
  const end = lines.positionAt(lines.offsetAt(range.end));
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return { start, end: start };
  return { start, end };
}

/** Whether two ranges touch or overlap (an empty range touching another counts). */
export function rangesIntersect(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function wholeRange(lines: LineIndex): Range {
  return { start: { line: 0, character: 0 }, end: lines.positionAt(lines.text.length) };
}
