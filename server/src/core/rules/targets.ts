import type { Severity } from '../diagnostics';
import type { Confidence, ModelProfile } from '../models/types';
import { citation } from '../target/target';

// What the rules that read a target's profile share: how sure a fact is decides how loudly it is
// reported, and every message says which model, which figure and where the figure comes from.

/** A fact marked unverified is reported as a hint (info), whatever the rule's usual severity. */
export function severityFor(confidence: Confidence, usual: Severity): Severity {
  return confidence === 'unverified' ? 'info' : usual;
}

/** ` (per SOURCE, as of DATE)`, with "unverified" when the fact is. */
export function cite(profile: ModelProfile, confidence: Confidence): string {
  return ` (${citation(profile, confidence)})`;
}

/** `16:9 or 9:16`, `720p, 1080p or 4k`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function sizesConfidence(profile: ModelProfile): Confidence {
  return profile.sizesConfidence ?? profile.durationsConfidence;
}
