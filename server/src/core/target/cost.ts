import type { ModelProfile } from '../models/types';
import type { Cost } from '../targetOutput';

// What a storyboard costs on a target: seconds asked of the model × USD per second at the
// resolution, plus the audio surcharge where the vendor prices audio apart. Prices change, so a
// `.sorarc.json` or the `sora.prices` setting may override them per model and resolution
// (`{"veo-3.1": {"1080p": 0.4, "audio": 0.1}}`; `default` covers resolutions not listed).

/** Per model id: USD per second by resolution, `default`, and `audio` for the audio surcharge. */
export type PriceOverrides = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface Rate {
  perSecond: number;
  /** The audio surcharge included in `perSecond`, when audio is on and priced apart. */
  audio: number;
  source: Cost['source'];
}

export function rateFor(profile: ModelProfile, resolution: string | undefined, audioOn: boolean, overrides: PriceOverrides = {}): Rate | undefined {
  const key = resolution?.trim().toLowerCase();
  const override = overrides[profile.id];
  const fromOverride = pick(override, key);
  const base = fromOverride ?? pick(profile.price.usdPerSecond, key);
  if (base === undefined) return undefined;
  const audioRate = audioOn ? (override?.audio ?? profile.price.audioUsdPerSecond ?? 0) : 0;
  const overridden = fromOverride !== undefined || (audioOn && override?.audio !== undefined);
  return { perSecond: roundUsd(base + audioRate, 4), audio: audioRate, source: overridden ? 'override' : 'profile' };
}

function pick(prices: Readonly<Record<string, number>> | undefined, resolution: string | undefined): number | undefined {
  if (!prices) return undefined;
  if (resolution && prices[resolution] !== undefined) return prices[resolution];
  return prices.default;
}

/** USD for `seconds` at `rate`, to the cent. */
export function usdFor(seconds: number, rate: Rate): number {
  return roundUsd(seconds * rate.perSecond, 2);
}

export function costOf(profile: ModelProfile, seconds: readonly number[], rate: Rate): Cost {
  const total = seconds.reduce((sum, s) => sum + s * rate.perSecond, 0);
  return { usd: roundUsd(total, 2), perSecond: rate.perSecond, asOf: profile.asOf, confidence: profile.price.confidence, source: rate.source };
}

function roundUsd(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor + Number.EPSILON) / factor;
}

/** `$4.80`. */
export function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}
