// What takes cost: the model and estimated cost Log Take records on a take, what Score Takes reads
// back, and the scene's spend. Pure (type imports only), so the scoring page's bundle, the extension
// host and Node tests share it.
import type { Take, TakeLog } from '../../../server/src/core/takes';
import { targetId, type TargetedResponse } from '../preview/targets';

/** What the scene's takes cost together: the sum of the takes logged with a cost. */
export interface SpendView {
  usd: number;
  /** Takes with a cost, and takes without one (logged before costs were recorded, or an unknown model). */
  priced: number;
  unpriced: number;
}

/** A take's recorded model: its own `model`, else the one in its settings. Hand-edited logs may hold anything. */
export function takeModelOf(take: { model?: unknown; settings?: { model?: unknown } }): string | null {
  if (typeof take.model === 'string' && take.model) return take.model;
  return typeof take.settings?.model === 'string' && take.settings.model ? take.settings.model : null;
}

/** A take's recorded cost in USD, or null when absent or not a finite, non-negative number. */
export function takeCostOf(take: object): number | null {
  const cost = (take as { cost?: unknown }).cost as { usd?: unknown } | undefined;
  const usd = cost && typeof cost === 'object' ? cost.usd : undefined;
  return typeof usd === 'number' && Number.isFinite(usd) && usd >= 0 ? usd : null;
}

export function sceneSpend(rows: readonly { cost: number | null }[]): SpendView | null {
  const priced = rows.filter((row) => row.cost !== null);
  if (!priced.length) return null;
  const usd = Math.round(priced.reduce((sum, row) => sum + row.cost!, 0) * 1000) / 1000;
  return { usd, priced: priced.length, unpriced: rows.length - priced.length };
}

/** `≈ $9.60 on 3 takes` (`, 1 take without a cost`). */
export function spendText(spend: SpendView): string {
  const takes = (n: number) => `${n} take${n === 1 ? '' : 's'}`;
  return `Spend ≈ ${usdText(spend.usd)} on ${takes(spend.priced)}${spend.unpriced ? ` (${takes(spend.unpriced)} without a cost)` : ''}`;
}

export function usdText(usd: number): string {
  return usd !== 0 && Math.abs(usd) < 0.01 ? `$${usd.toFixed(3)}` : `$${usd.toFixed(2)}`;
}

/** What a take records about its target: the model it was made with and what it cost (estimated). */
export interface TakeTarget {
  model?: string;
  cost?: { usd: number; perSecond: number };
}

/** The target fields of a take, from the compilation it was logged with. */
export function takeTarget(compiled: TargetedResponse): TakeTarget {
  const model = targetId(compiled) ?? undefined;
  const cost = compiled.cost && Number.isFinite(compiled.cost.usd) && Number.isFinite(compiled.cost.perSecond) ? { usd: compiled.cost.usd, perSecond: compiled.cost.perSecond } : undefined;
  return { ...(model ? { model } : {}), ...(cost ? { cost } : {}) };
}

/** The take with its model and cost, in the log in its place (the log's schema passes extra fields through). */
export function withTarget(log: TakeLog, take: Take, compiled: TargetedResponse): { log: TakeLog; take: Take } {
  const target = takeTarget(compiled);
  if (!target.model && !target.cost) return { log, take };
  const recorded: Take = { ...take, ...target };
  return { log: { ...log, takes: log.takes.map((t) => (t === take ? recorded : t)) }, take: recorded };
}
