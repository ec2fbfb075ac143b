import type { Diagnostic } from './diagnostics';
import type { LineIndex } from './text';

// `// sora-ignore CODE[, CODE]` on the line above switches those codes off for the next line: the
// writer has seen the judgement and disagrees. Several ignore comments may stand above one line.
// Applied once, in analyze, so the editor and the CLI honour the same comments.

const ignoreComment = /^\s*\/\/\s*sora-ignore\b(.*)$/i;
const commentLine = /^\s*\/\//;

/** The codes an ignore comment names (`identity-drift, lighting-drift`), lower-cased; none if the line is not one. */
export function ignoredCodes(line: string): string[] {
  const match = ignoreComment.exec(line);
  if (!match) return [];
  return match[1]
    .split(/[\s,]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}

/** The diagnostics without those an ignore comment above their first line switches off. */
export function withoutIgnored(diagnostics: Diagnostic[], lines: LineIndex): Diagnostic[] {
  if (!/sora-ignore/i.test(lines.text)) return diagnostics;
  const byLine = new Map<number, Set<string>>();
  const codesFor = (line: number): Set<string> => {
    let codes = byLine.get(line);
    if (codes) return codes;
    codes = new Set<string>();
    // The comments directly above the line, up to the first line that is not a comment.
    for (let above = line - 1; above >= 0; above--) {
      const text = lines.lineText(above);
      if (!commentLine.test(text)) break;
      for (const code of ignoredCodes(text)) codes.add(code);
    }
    byLine.set(line, codes);
    return codes;
  };
  return diagnostics.filter((d) => !codesFor(d.range.start.line).has(d.code));
}
