import type { Coupling, DurationSpec, ModelProfile } from './types';

// Questions every reader of a profile asks (is this length, aspect or resolution one the model
// makes; which couplings does a choice break; how are the values written in the request), answered
// once so rules, compiler, planner and hovers agree. Pure functions of the profile.

/** Lengths are compared to the millisecond: a storyboard's `4.5s` is 4.5, not 4.499999. */
const EPSILON = 1e-3;

/** Every length one generation makes, ascending; a range is expanded by its step. */
export function durationsOf(profileOrSpec: ModelProfile | DurationSpec): number[] {
  const spec = 'kind' in profileOrSpec ? profileOrSpec : profileOrSpec.durations;
  if (spec.kind === 'set') return [...spec.values].sort((a, b) => a - b);
  if (!(spec.step > 0) || spec.max < spec.min) return [];
  const count = Math.floor((spec.max - spec.min) / spec.step + EPSILON) + 1;
  return Array.from({ length: count }, (_, i) => roundMs(spec.min + i * spec.step));
}

export function allowsDuration(profile: ModelProfile, seconds: number): boolean {
  const spec = profile.durations;
  if (!Number.isFinite(seconds)) return false;
  if (spec.kind === 'set') return spec.values.some((value) => Math.abs(value - seconds) < EPSILON);
  if (seconds < spec.min - EPSILON || seconds > spec.max + EPSILON) return false;
  const steps = (seconds - spec.min) / spec.step;
  return Math.abs(steps - Math.round(steps)) < EPSILON / spec.step;
}

/** The longest length one generation makes. */
export function longestDuration(profile: ModelProfile): number {
  const spec = profile.durations;
  return spec.kind === 'set' ? Math.max(...spec.values) : spec.max;
}

/** The allowed length closest to `seconds`; on a tie the longer one (a clip can be trimmed, not stretched). */
export function nearestDuration(profile: ModelProfile, seconds: number): number | undefined {
  let best: number | undefined;
  for (const value of durationsOf(profile)) {
    if (best === undefined || Math.abs(value - seconds) <= Math.abs(best - seconds) + EPSILON) best = value;
  }
  return best;
}

/** `16:9` as profiles spell it: no spaces, `x` or `/` read as `:`. */
export function normalizeAspect(aspect: string): string {
  return aspect.trim().replace(/\s+/g, '').replace(/[x/]/i, ':');
}

/** `1080p` as profiles spell it: lower case, `4K` → `4k`, a bare `1080` → `1080p`. */
export function normalizeResolution(resolution: string): string {
  const spelled = resolution.trim().toLowerCase().replace(/\s+/g, '');
  return /^\d+$/.test(spelled) ? `${spelled}p` : spelled;
}

export function allowsAspect(profile: ModelProfile, aspect: string): boolean {
  return profile.aspects.includes(normalizeAspect(aspect));
}

export function allowsResolution(profile: ModelProfile, resolution: string): boolean {
  return profile.resolutions.includes(normalizeResolution(resolution));
}

/** What a storyboard asks of one generation; an absent field is not checked. */
export interface GenerationChoice {
  duration?: number;
  aspect?: string;
  resolution?: string;
  /** How many reference images the generation uses. */
  references?: number;
  audio?: boolean;
  firstFrame?: boolean;
  lastFrame?: boolean;
}

export type CouplingField = 'duration' | 'aspect' | 'resolution' | 'references';

export interface CouplingViolation {
  coupling: Coupling;
  /** The part of the choice that breaks the coupling. */
  field: CouplingField;
  /** What the choice has there (`0` references where an image is needed). */
  value: number | string;
  /** What the coupling accepts there (`['any']` for references). */
  allowed: readonly (number | string)[];
}

function couplingApplies(coupling: Coupling, choice: GenerationChoice): boolean {
  const when = coupling.when;
  if (when.resolution !== undefined && (choice.resolution === undefined || normalizeResolution(choice.resolution) !== when.resolution)) return false;
  if (when.aspect !== undefined && (choice.aspect === undefined || normalizeAspect(choice.aspect) !== when.aspect)) return false;
  if (when.references === 'any' && !((choice.references ?? 0) > 0)) return false;
  if (when.audio && !choice.audio) return false;
  if (when.firstFrame && !choice.firstFrame) return false;
  if (when.lastFrame && !choice.lastFrame) return false;
  return true;
}

/** The couplings a choice breaks, one entry per broken field, in the profile's order. */
export function couplingViolations(profile: ModelProfile, choice: GenerationChoice): CouplingViolation[] {
  const violations: CouplingViolation[] = [];
  for (const coupling of profile.couplings) {
    if (!couplingApplies(coupling, choice)) continue;
    const { durations, aspects, resolutions, references } = coupling.requires;
    if (durations && choice.duration !== undefined && !durations.some((value) => Math.abs(value - choice.duration!) < EPSILON)) {
      violations.push({ coupling, field: 'duration', value: choice.duration, allowed: durations });
    }
    if (aspects && choice.aspect !== undefined && !aspects.includes(normalizeAspect(choice.aspect))) {
      violations.push({ coupling, field: 'aspect', value: choice.aspect, allowed: aspects });
    }
    if (resolutions && choice.resolution !== undefined && !resolutions.includes(normalizeResolution(choice.resolution))) {
      violations.push({ coupling, field: 'resolution', value: choice.resolution, allowed: resolutions });
    }
    if (references === 'any' && choice.references !== undefined && choice.references < 1) {
      violations.push({ coupling, field: 'references', value: choice.references, allowed: ['any'] });
    }
  }
  return violations;
}

/** The lengths a generation with these other choices can have: the profile's, narrowed by its couplings. */
export function durationsFor(profile: ModelProfile, choice: Omit<GenerationChoice, 'duration'>): number[] {
  return durationsOf(profile).filter((duration) => couplingViolations(profile, { ...choice, duration }).every((v) => v.field !== 'duration'));
}

/**
 * The duration, aspect and resolution fields of a request, named and spelled as the vendor's API
 * takes them. Fields the API does not have (`''` in the profile) are left out; a dotted name stays
 * one key (`video.duration`), for the caller to nest.
 */
export function requestFields(profile: ModelProfile, choice: { duration?: number; aspect?: string; resolution?: string }): Record<string, string | number> {
  const p = profile.parameters;
  const fields: Record<string, string | number> = {};
  const aspect = choice.aspect === undefined ? undefined : normalizeAspect(choice.aspect);
  const resolution = choice.resolution === undefined ? undefined : normalizeResolution(choice.resolution);
  if (choice.duration !== undefined && p.duration) fields[p.duration] = spellDuration(profile, choice.duration);
  if (aspect !== undefined && p.aspect) {
    const both = resolution === undefined ? undefined : p.values?.aspect?.[`${aspect} ${resolution}`];
    fields[p.aspect] = both ?? p.values?.aspect?.[aspect] ?? aspect;
  }
  if (resolution !== undefined && p.resolution) fields[p.resolution] = p.values?.resolution?.[resolution] ?? resolution;
  return fields;
}

function spellDuration(profile: ModelProfile, seconds: number): string | number {
  const { durationAs, framesPerSecond } = profile.parameters;
  const amount = framesPerSecond ? Math.round(seconds * framesPerSecond) + 1 : roundMs(seconds);
  if (durationAs === 'string') return String(amount);
  if (durationAs === 'seconds-suffix') return `${amount}s`;
  return amount;
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
