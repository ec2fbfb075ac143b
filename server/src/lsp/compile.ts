import { compile, type Compilation } from '../core/compile';
import type { Cost, TargetInfo } from '../core/targetOutput';
import { baseKind } from '../core/model';
import type { CompileParams, CompileResponse } from '../protocol';
import type { DocumentState } from './workspace';

// `sora/compile`: the prompt, the remix instruction, the source map, the variants for the picker, the
// base's prompt for the diff, and a summary for the status bar.

export const stableLimit = 20;

export function compileDocument(state: DocumentState, params: CompileParams): CompileResponse {
  const { storyboard, names, settings, diagnostics } = state.analysis;
  const variant = params.variant && params.variant !== 'main' ? params.variant : undefined;
  const compilation = compile(storyboard, { variant, takeLog: state.takeLog });
  let basePrompt: string | null = null;
  if (variant && !compilation.error) {
    const section = names.variants.get(variant);
    const base = section?.base?.text ?? 'main';
    switch (baseKind(base, names)) {
      case 'main':
        basePrompt = compile(storyboard, { takeLog: state.takeLog }).prompt;
        break;
      case 'variant':
        basePrompt = compile(storyboard, { variant: base, takeLog: state.takeLog }).prompt;
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
    summary: {
      duration,
      beats: storyboard.beats.length,
      aspect: settings.aspect?.text ?? null,
      overLimit: duration !== null && duration > stableLimit,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      model: summaryModel(compilation, params),
      cost: summaryCost(compilation),
    },
  };
}

// The summary reads the target from the compilation when the core sets it (compiling for a target
// adds `model` and `cost`), so it names the model actually compiled for, not just the line in the file.
type Targeted = { model?: TargetInfo | null; cost?: Cost | null };

function summaryModel(compilation: Compilation & Targeted, params: CompileParams): string | null {
  return compilation.model?.id ?? params.model ?? compilation.settings.model ?? null;
}

function summaryCost(compilation: Compilation & Targeted): number | null {
  return typeof compilation.cost?.usd === 'number' ? compilation.cost.usd : null;
}
