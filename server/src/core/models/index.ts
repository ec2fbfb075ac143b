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

export function profileFor(id: string | undefined): ModelProfile | undefined {
  return id === undefined ? undefined : byId.get(id.trim().toLowerCase());
}

export type * from './types';
