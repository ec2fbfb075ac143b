import { hailuo02 } from './hailuo-02';
import { kling26 } from './kling-2.6';
import { kling30 } from './kling-3.0';
import { ltx2 } from './ltx-2';
import { lumaRay32 } from './luma-ray-3.2';
import { pika25 } from './pika-2.5';
import { runwayAleph } from './runway-aleph';
import { runwayGen45 } from './runway-gen-4.5';
import { seedance15Pro } from './seedance-1.5-pro';
import { sora2 } from './sora-2';
import { sora2Pro } from './sora-2-pro';
import type { ModelProfile } from './types';
import { veo31 } from './veo-3.1';
import { veo31Fast } from './veo-3.1-fast';
import { wan22 } from './wan-2.2';

/**
 * Every target the checker and compiler know, in the order `sora models` lists them: current hosted
 * models by vendor, then the open-weights models that run locally, then the retired ones. Adding a
 * model is one file and one line here.
 */
export const modelProfiles: readonly ModelProfile[] = [
  veo31,
  veo31Fast,
  kling30,
  kling26,
  runwayGen45,
  runwayAleph,
  lumaRay32,
  seedance15Pro,
  hailuo02,
  pika25,
  wan22,
  ltx2,
  sora2,
  sora2Pro,
];

const byId = new Map(modelProfiles.map((profile) => [profile.id, profile]));

/** The profile a `model:` value names, in the shipped table or in `profiles` (tests and callers may pass their own). */
export function profileFor(id: string | undefined, profiles: readonly ModelProfile[] = modelProfiles): ModelProfile | undefined {
  if (id === undefined) return undefined;
  const key = id.trim().toLowerCase();
  if (profiles === modelProfiles) return byId.get(key);
  return profiles.find((profile) => profile.id === key);
}

/** The ids closest to a misspelt one (edit distance), nearest first: for `model-unknown` and `sora compile --model`. */
export function nearestModelIds(id: string, profiles: readonly ModelProfile[] = modelProfiles, count = 3): string[] {
  const wanted = id.trim().toLowerCase();
  return profiles
    .map((profile, order) => ({ id: profile.id, order, distance: editDistance(wanted, profile.id), active: profile.status.kind === 'active' }))
    .sort((a, b) => a.distance - b.distance || Number(b.active) - Number(a.active) || a.order - b.order)
    .slice(0, count)
    .map((entry) => entry.id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export type * from './types';
