import type { Range, Storyboard } from '../core/ast';
import { compile } from '../core/compile';
import { baseKind } from '../core/model';
import { modelProfiles } from '../core/models';
import { compileRequest, type CompileParams, type CompileResponse } from '../protocol';
import { plainMessage } from './convert';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';
import { stableClipSeconds } from '../core/workflow';

// `sora/compile`: the prompt, the remix instruction, the source map, the variants for the picker, the
// base's prompt for the diff, and a summary for the status bar; for a target (the file's model, or
// the one the preview's picker asks for) its generations, cost and iteration, and the targets to pick from.

/** The ranges of everything the merged scene inherited (by identity: the compiler keeps the objects). */
function inheritedRanges(storyboard: Storyboard): Set<Range> {
  const ranges = new Set<Range>();
  const sections = [storyboard.settings, storyboard.style, ...storyboard.characters];
  for (const section of sections) {
    if (!section) continue;
    for (const field of section.fields) {
      if (!section.origin && !field.origin) continue;
      ranges.add(field.value.range);
      ranges.add(field.range);
    }
    if (section.origin && section.kind === 'character') {
      if (section.name) ranges.add(section.name.range);
      for (const anchor of section.anchors) ranges.add(anchor.range);
    }
  }
  return ranges;
}

export function compileDocument(state: DocumentState, params: CompileParams): CompileResponse {
  const { names, settings, diagnostics } = state.analysis;
  // A scene of a sequence compiles as the merged scene: the sequence's style and cast reach the prompt.
  const storyboard = state.analysis.merged ?? state.analysis.storyboard;
  const variant = params.variant && params.variant !== 'main' ? params.variant : undefined;
  const model = typeof params.model === 'string' && params.model.trim() ? params.model.trim() : undefined;
  const options = { takeLog: state.takeLog, model, prices: state.config.prices };
  const compiled = compile(storyboard, { ...options, variant });
  const inherited = inheritedRanges(storyboard);
  // Spans written in the sequence point into another file: they leave this document's source map
  // and are listed apart, so the preview can say which parts come from the sequence.
  const compilation = { ...compiled, sourceMap: compiled.sourceMap.filter((entry) => !inherited.has(entry.source)) };
  const inheritedSpans = compiled.sourceMap.filter((entry) => inherited.has(entry.source)).map(({ start, end }) => ({ start, end }));
  let basePrompt: string | null = null;
  if (variant && !compilation.error) {
    const section = names.variants.get(variant);
    const base = section?.base?.text ?? 'main';
    switch (baseKind(base, names)) {
      case 'main':
        basePrompt = compile(storyboard, options).prompt;
        break;
      case 'variant':
        basePrompt = compile(storyboard, { ...options, variant: base }).prompt;
        break;
      case 'take':
        basePrompt = state.takeLog?.takes.find((take) => take.id === base)?.prompt ?? null;
        break;
      default:
        basePrompt = null;
    }
  }
  const duration = settings.duration?.seconds ?? null;
  return {
    ...compilation,
    uri: state.uri,
    version: state.version,
    variants: storyboard.variants
      .filter((v) => v.name)
      .map((v) => ({ name: v.name!.text, base: v.base?.text ?? 'main', line: v.headerRange.start.line })),
    basePrompt,
    inheritedFrom: storyboard.inheritsFrom ?? null,
    inheritedSpans,
    summary: {
      duration,
      beats: storyboard.beats.length,
      aspect: settings.aspect?.text ?? null,
      overLimit: duration !== null && duration > stableClipSeconds,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      model: compilation.model?.id ?? null,
      cost: compilation.cost?.usd ?? null,
      review: diagnostics
        .filter((d) => d.severity === 'error' || d.code === 'placeholder')
        .map((d) => ({ code: d.code, severity: d.severity, message: plainMessage(d.message), line: d.range.start.line })),
    },
    targets: [...modelProfiles]
      .sort((a, b) => Number(a.status.kind === 'retired') - Number(b.status.kind === 'retired'))
      .map((profile) => ({ id: profile.id, label: profile.label, status: profile.status.kind })),
    fileModel: settings.model?.text.trim() || null,
  };
}

/** `sora/compile`: the preview's and the commands' compiled prompt. */
export const compileFeature: Feature = {
  register: (server) => server.connection.onRequest(compileRequest, server.onStoryboard('compile', (state, params: CompileParams) => compileDocument(state, params), 'Could not compile')),
};
