// Pure logic for the preview's targets: which model a compilation was made for, the generations
// drawn as groups over the timeline's beats, the request body "Copy request" puts on the clipboard,
// and what "Copy iteration" is called on each model. No vscode or DOM imports: shared by the
// extension host and the webview page, and unit-tested in Node.
import type { CompileResponse, TargetChoice } from '../../../server/src/protocol';
import type { Cost, Generation, Iteration, TargetInfo } from '../../../server/src/core/targetOutput';
import { formatRate, formatSecondsProse, formatUsd } from './model';

export type { CompileResponse, Cost, Generation, Iteration, TargetChoice, TargetInfo };

/** The model id a response was compiled for, or null when neither the file nor the request named one. */
export function targetId(response: CompileResponse): string | null {
  return response.model?.id ?? response.summary.model ?? response.settings.model ?? null;
}

/** The name to show for a response's target: its label when known, else the id as typed. */
export function targetLabel(response: CompileResponse, models: readonly TargetChoice[] = []): string {
  const id = targetId(response);
  if (response.model?.known !== false && response.model?.label) return response.model.label;
  return models.find((m) => m.id === id)?.label ?? id ?? 'no model';
}

/** The banner over a compilation for another model: `Compiled for Kling 3.0 (file says veo-3.1)`. */
export function comparisonHeading(picked: CompileResponse, own: CompileResponse, models: readonly TargetChoice[] = []): string {
  const ownId = targetId(own);
  return `Compiled for ${targetLabel(picked, models)} (${ownId ? `file says ${ownId}` : 'the file sets no model'})`;
}

export interface GenerationGroup {
  index: number;
  /** `Gen 2 · 4 s · from last frame`. */
  label: string;
  /** The bracket's left edge and width, as a percentage of the timeline strip. */
  left: number;
  width: number;
  beats: number[];
  startFrom: Generation['startFrom'];
  /** Seconds asked of the model beyond the beats it covers (a padded last clip). */
  padding: number;
}

const startFromText: Record<string, string> = { previous: 'from last frame', extend: 'extends the last clip' };

export function generationLabel(generation: Generation): string {
  const parts = [`Gen ${generation.index}`, formatSecondsProse(generation.seconds)];
  if (generation.startFrom) parts.push(startFromText[generation.startFrom] ?? generation.startFrom);
  return parts.join(' · ');
}

/** Each generation as a bracket over the beats it makes, on a strip `span` seconds long. */
export function generationGroups(generations: readonly Generation[] | undefined, span: number): GenerationGroup[] {
  if (!generations?.length || !(span > 0)) return [];
  const pct = (seconds: number) => (Math.min(Math.max(seconds, 0), span) / span) * 100;
  return generations.map((generation) => ({
    index: generation.index,
    label: generationLabel(generation),
    left: pct(generation.start),
    width: Math.max(0, pct(generation.end) - pct(generation.start)),
    beats: [...generation.beats],
    startFrom: generation.startFrom,
    padding: Math.max(0, Math.round((generation.seconds - (generation.end - generation.start)) * 100) / 100),
  }));
}

/** `beats 1–2`, `beat 3`. */
export function beatsText(beats: readonly number[]): string {
  if (!beats.length) return 'no beats';
  if (beats.length === 1) return `beat ${beats[0]}`;
  const contiguous = beats.every((beat, i) => i === 0 || beat === beats[i - 1] + 1);
  return contiguous ? `beats ${beats[0]}–${beats[beats.length - 1]}` : `beats ${beats.join(', ')}`;
}

/**
 * What "Copy request" copies: the request body of each generation as the vendor's API names its
 * fields, with the prompt. One generation is one object; several are an array, in order.
 */
export function requestBody(generation: Generation): Record<string, unknown> {
  return { prompt: generation.prompt, ...generation.parameters };
}

export function requestText(response: CompileResponse): string | null {
  const generations = response.generations;
  if (!generations?.length) return null;
  const bodies = generations.map(requestBody);
  return JSON.stringify(bodies.length === 1 ? bodies[0] : bodies, null, 2);
}

/** `≈ $4.80 · $0.40/s · prices as of 2026-12-01`; null when the target has no price. */
export function costText(cost: Cost | null | undefined): string | null {
  if (!cost) return null;
  const parts = [`≈ ${formatUsd(cost.usd)}`, `${formatRate(cost.perSecond)}/s`];
  parts.push(cost.source === 'override' ? 'your price override' : `prices as of ${cost.asOf}`);
  if (cost.confidence && cost.confidence !== 'official') parts.push(cost.confidence === 'unverified' ? 'unverified price' : `${cost.confidence} price`);
  return parts.join(' · ');
}

/** The text "Copy iteration" copies: the target's instruction, else the Sora remix of an older server. */
export function iterationText(response: CompileResponse): string | null {
  return response.iterate?.instruction ?? response.remix ?? null;
}
