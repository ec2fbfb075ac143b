// What takes cost: the model and estimated cost Log Take records on a take, and how Score Takes
// words the scene's spend. Pure (type imports only), so the scoring page's bundle, the extension
// host and Node tests share it.
import type { Take } from '../../../server/src/core/takes';
import { targetId, type CompileResponse } from '../preview/targets';

/** What the scene's takes cost together: the sum of the takes logged with a cost. */
export interface SpendView {
  usd: number;
  /** Takes with a cost, and takes without one (logged before costs were recorded, or an unknown model). */
  priced: number;
  unpriced: number;
}

/** `Spend ≈ $9.60 on 3 takes` (` (1 take without a cost)`). */
export function spendText(spend: SpendView): string {
  const takes = (n: number) => `${n} take${n === 1 ? '' : 's'}`;
  return `Spend ≈ ${usdText(spend.usd)} on ${takes(spend.priced)}${spend.unpriced ? ` (${takes(spend.unpriced)} without a cost)` : ''}`;
}

export function usdText(usd: number): string {
  return usd !== 0 && Math.abs(usd) < 0.01 ? `$${usd.toFixed(3)}` : `$${usd.toFixed(2)}`;
}

/** What a take records about its target: the model it was made with and its estimated cost. */
export interface TakeTarget {
  model?: string;
  cost?: NonNullable<Take['cost']>;
}

/** The target fields of a take, from the compilation it is logged with. */
export function takeTarget(compiled: CompileResponse): TakeTarget {
  const model = targetId(compiled) ?? undefined;
  const cost = compiled.cost;
  const priced = cost && Number.isFinite(cost.usd) && cost.usd >= 0 ? { usd: cost.usd, perSecond: cost.perSecond, asOf: cost.asOf, source: cost.source } : undefined;
  return { ...(model ? { model } : {}), ...(priced ? { cost: priced } : {}) };
}
