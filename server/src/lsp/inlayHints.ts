import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { formatSpan, formatTimecode } from '../core/text';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';

// Absolute timecodes: each beat's span after its header, each `say` marker's moment after the marker.

export function inlayHints(state: DocumentState, range: Range): InlayHint[] {
  const { storyboard, lines } = state.analysis;
  const hints: InlayHint[] = [];
  const inside = (line: number) => line >= range.start.line && line <= range.end.line;
  for (const beat of storyboard.beats) {
    const line = beat.headerRange.start.line;
    if (inside(line)) {
      hints.push({
        position: { line, character: lines.lineText(line).length },
        label: formatSpan(beat.start, beat.end),
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: `Beat ${beat.index} plays from ${formatTimecode(beat.start)} to ${formatTimecode(beat.end)} of the clip.`,
      });
    }
    for (const say of beat.says) {
      if (!say.marker || !inside(say.marker.range.end.line)) continue;
      hints.push({
        position: say.marker.range.end,
        label: `at ${formatTimecode(beat.start + say.marker.seconds)}`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
      });
    }
  }
  return hints;
}

export const inlayHintsFeature: Feature = {
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register: (server) => server.connection.languages.inlayHint.on(server.onDocument('inlayHint', (state, params) => inlayHints(state, params.range), [])),
};
