import { sora2 } from './sora-2';
import type { ModelProfile } from './types';

/** Every target the checker and compiler know, in the order `sora models` lists them. Adding a model is one file and one line here. */
export const modelProfiles: readonly ModelProfile[] = [sora2];

const byId = new Map(modelProfiles.map((profile) => [profile.id, profile]));

export function profileFor(id: string | undefined): ModelProfile | undefined {
  return id === undefined ? undefined : byId.get(id.trim().toLowerCase());
}

export type * from './types';
