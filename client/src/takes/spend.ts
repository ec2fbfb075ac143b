// How Score Takes words the scene's spend (the model and cost a take records come from the
// server's compile, server/src/lsp/takes.ts). Pure, so the scoring page's bundle, the extension
// host and Node tests share it.

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
