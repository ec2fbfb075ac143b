import type { Text } from '../ast';
import { modelProfiles, nearestModelIds, profileFor } from '../models';
import type { Confidence, DurationSpec, ModelProfile, Source } from '../models/types';
import type { TargetInfo } from '../targetOutput';

// The target a storyboard is checked and compiled for: the profile its `settings model:` names (or
// the one a caller asks for instead). Rules read `limits`, which is set only for a current model: a
// storyboard with no model line, an unknown one or a retired one is checked with the seed
// workflow's own numbers, as before targets existed (a retired model's storyboards and take logs are
// history; `model-retired` says where to go instead).

export interface Target {
  /** The `model:` value as written, when the file has one. */
  written?: Text;
  /** The id asked for: the written value, or the caller's override. */
  id?: string;
  /** The profile the id names, retired or not. */
  profile?: ModelProfile;
  /** The profile whose limits apply: a current model only. */
  limits?: ModelProfile;
  /** The table the id was looked up in (the shipped one unless a caller passes its own). */
  profiles: readonly ModelProfile[];
}

export function resolveTarget(written: Text | undefined, override?: string, profiles: readonly ModelProfile[] = modelProfiles): Target {
  const id = (override ?? written?.text)?.trim() || undefined;
  const profile = profileFor(id, profiles);
  return { written, id, profile, limits: profile?.status.kind === 'active' ? profile : undefined, profiles };
}

export function targetInfo(target: Target): TargetInfo | null {
  if (!target.id) return null;
  const profile = target.profile;
  if (!profile) return { id: target.id, label: target.id, status: 'active', known: false };
  return { id: profile.id, label: profile.label, status: profile.status.kind, known: true };
}

export { nearestModelIds };

// ---- durations ---------------------------------------------------------------------------

const epsilon = 1e-6;

export function durationAllowed(spec: DurationSpec, seconds: number): boolean {
  if (spec.kind === 'set') return spec.values.some((value) => Math.abs(value - seconds) < epsilon);
  if (seconds < spec.min - epsilon || seconds > spec.max + epsilon) return false;
  const steps = (seconds - spec.min) / spec.step;
  return Math.abs(steps - Math.round(steps)) < epsilon;
}

export function longestDuration(spec: DurationSpec): number {
  return spec.kind === 'set' ? Math.max(...spec.values) : spec.max;
}

export function shortestDuration(spec: DurationSpec): number {
  return spec.kind === 'set' ? Math.min(...spec.values) : spec.min;
}

/** The shortest allowed length at or above `seconds`, if any. */
export function nextAllowed(spec: DurationSpec, seconds: number): number | undefined {
  if (spec.kind === 'set') {
    const above = spec.values.filter((value) => value >= seconds - epsilon);
    return above.length ? Math.min(...above) : undefined;
  }
  if (seconds > spec.max + epsilon) return undefined;
  if (seconds <= spec.min) return spec.min;
  const up = spec.min + Math.ceil((seconds - spec.min) / spec.step - epsilon) * spec.step;
  return up <= spec.max + epsilon ? round(up) : undefined;
}

/** The allowed length nearest to `seconds` (the shorter one on a tie). */
export function nearestAllowed(spec: DurationSpec, seconds: number): number {
  const values = spec.kind === 'set' ? [...spec.values] : allowedInRange(spec);
  return values.reduce((best, value) => (Math.abs(value - seconds) < Math.abs(best - seconds) - epsilon ? value : best), values[0]);
}

function allowedInRange(spec: Extract<DurationSpec, { kind: 'range' }>): number[] {
  const values: number[] = [];
  for (let value = spec.min; value <= spec.max + epsilon; value += spec.step) values.push(round(value));
  return values;
}

/** `4, 6 or 8 s`, `3–15 s`. */
export function describeDurations(spec: DurationSpec): string {
  if (spec.kind === 'set') {
    const values = [...spec.values].sort((a, b) => a - b).map(String);
    return `${values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0]} s`;
  }
  return `${spec.min}–${spec.max} s${spec.step !== 1 ? ` in ${spec.step} s steps` : ''}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// ---- where a fact comes from -------------------------------------------------------------

/** The profile's source for a fact of this confidence: the first source as sure as the fact, else the first. */
export function sourceFor(profile: ModelProfile, confidence: Confidence): Source | undefined {
  return profile.sources.find((source) => source.confidence === confidence) ?? profile.sources[0];
}

/**
 * `per openai/openai-python@e43b422 src/openai/resources/videos.py, as of 2026-12-01`: the source's
 * name without its notes, so a message stays one readable line. An unverified fact names no single
 * source (none confirms it): the message says so and points to the profile's list.
 */
export function citation(profile: ModelProfile, confidence: Confidence): string {
  if (confidence === 'unverified') return `unverified as of ${profile.asOf}; \`sora models ${profile.id}\` lists the sources read`;
  const source = sourceFor(profile, confidence);
  const where = source ? `per ${shortTitle(source.title)}` : 'per its profile';
  return `${where}, as of ${profile.asOf}`;
}

/** A source's name without the parenthesised notes that follow it. */
function shortTitle(title: string): string {
  const notes = title.indexOf(' (');
  return notes > 0 ? title.slice(0, notes) : title;
}

export function isUnverified(confidence: Confidence): boolean {
  return confidence === 'unverified';
}
