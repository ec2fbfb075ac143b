import type { ModelProfile } from '../models/types';
import { durationAllowed, longestDuration, nextAllowed } from './target';

// The generations plan: which beats each clip makes. A model makes clips of certain lengths only, so
// a storyboard is cut at beat boundaries (never inside a beat: a beat is one continuous action) into
// the fewest clips the model can make. An exact fit is preferred to any padded one; padding (asking
// for a longer clip and trimming it) is used only when no exact fit exists, and the plan says so.
// Each later clip starts from the previous one's last frame where the model takes a first frame, or
// extends it where the model extends by exactly that much.

export interface PlanBeat {
  index: number;
  start: number;
  end: number;
}

export interface PlannedClip {
  /** 1-based indexes of the beats it makes. */
  beats: number[];
  start: number;
  end: number;
  /** The length asked of the model: end - start, or the next length it makes when padded. */
  seconds: number;
  padded: boolean;
  startFrom: 'previous' | 'extend' | null;
}

export interface Plan {
  clips: PlannedClip[];
  /** False when no cut at beat boundaries gives lengths the model makes (a beat is too long, or too short alone). */
  fits: boolean;
  /** Whether some clip is longer than its beats (asked at the next length the model makes). */
  padded: boolean;
}

interface Choice {
  clips: number;
  padding: number;
  next: number;
  seconds: number;
  padded: boolean;
  startFrom: PlannedClip['startFrom'];
}

/**
 * Plans the generations for `beats` (in order, contiguous) on `profile`. `resolution` matters where
 * extensions are made at some resolutions only. Beats with no length ride along with a neighbour.
 */
export function planGenerations(beats: readonly PlanBeat[], profile: ModelProfile, resolution?: string): Plan {
  if (beats.length === 0) return { clips: [], fits: true, padded: false };
  const exact = solve(beats, profile, resolution, false);
  if (exact) return { clips: exact, fits: true, padded: false };
  const padded = solve(beats, profile, resolution, true);
  if (padded) return { clips: padded, fits: true, padded: padded.some((clip) => clip.padded) };
  return { clips: fallback(beats, profile), fits: false, padded: false };
}

/** Fewest clips (then least padding; then longer earlier clips), by dynamic programming from the last beat. */
function solve(beats: readonly PlanBeat[], profile: ModelProfile, resolution: string | undefined, allowPadding: boolean): PlannedClip[] | undefined {
  const n = beats.length;
  const best: (Choice | undefined)[] = new Array(n + 1);
  best[n] = { clips: 0, padding: 0, next: n, seconds: 0, padded: false, startFrom: null };
  const maxShots = profile.multiShot?.maxShots ?? Infinity;
  // No clip is longer than the longest length or extension the model makes: stop looking there.
  const maxLength = Math.max(longestDuration(profile.durations), ...(profile.extend?.stepSeconds ?? []));
  for (let i = n - 1; i >= 0; i--) {
    let chosen: Choice | undefined;
    for (let j = i + 1; j <= n && j - i <= maxShots; j++) {
      const length = round(beats[j - 1].end - beats[i].start);
      if (length > maxLength + 1e-6) break;
      const rest = best[j];
      if (!rest) continue;
      const fit = fitClip(profile, length, i === 0, beats[j - 1].end, resolution, allowPadding);
      if (!fit) continue;
      const candidate: Choice = { clips: rest.clips + 1, padding: rest.padding + (fit.seconds - length), next: j, ...fit };
      // On a tie in clips and padding the later candidate wins: the earlier clip stays the longer one.
      if (!chosen || candidate.clips < chosen.clips || (candidate.clips === chosen.clips && candidate.padding <= chosen.padding + 1e-6)) chosen = candidate;
    }
    best[i] = chosen;
  }
  if (!best[0]) return undefined;
  const clips: PlannedClip[] = [];
  for (let i = 0; i < n; ) {
    const choice = best[i] as Choice;
    clips.push({
      beats: beats.slice(i, choice.next).map((beat) => beat.index),
      start: beats[i].start,
      end: beats[choice.next - 1].end,
      seconds: choice.seconds,
      padded: choice.padded,
      startFrom: choice.startFrom,
    });
    i = choice.next;
  }
  return clips;
}

function fitClip(
  profile: ModelProfile,
  length: number,
  first: boolean,
  endsAt: number,
  resolution: string | undefined,
  allowPadding: boolean,
): { seconds: number; padded: boolean; startFrom: PlannedClip['startFrom'] } | undefined {
  if (length <= 0) return undefined;
  const continuation: PlannedClip['startFrom'] = first ? null : profile.images.firstFrame ? 'previous' : null;
  if (durationAllowed(profile.durations, length)) return { seconds: length, padded: false, startFrom: continuation };
  const extend = profile.extend;
  const canExtend =
    !first &&
    extend !== undefined &&
    endsAt <= extend.maxTotalSeconds + 1e-6 &&
    (!extend.resolutions || !resolution || extend.resolutions.includes(resolution.toLowerCase()));
  if (canExtend && extend.stepSeconds.some((step) => Math.abs(step - length) < 1e-6)) return { seconds: length, padded: false, startFrom: 'extend' };
  if (!allowPadding) return undefined;
  const up = nextAllowed(profile.durations, length);
  return up === undefined ? undefined : { seconds: up, padded: true, startFrom: continuation };
}

/** When nothing fits: one clip per beat at the nearest length the model makes, so there is still a plan to show. */
function fallback(beats: readonly PlanBeat[], profile: ModelProfile): PlannedClip[] {
  const longest = longestDuration(profile.durations);
  return beats.map((beat, i) => {
    const length = round(beat.end - beat.start);
    const seconds = nextAllowed(profile.durations, length) ?? longest;
    return {
      beats: [beat.index],
      start: beat.start,
      end: beat.end,
      seconds,
      padded: seconds > length,
      startFrom: i > 0 && profile.images.firstFrame ? 'previous' : null,
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** `8 s + 4 s`, with padded clips as `5 s (4 s padded)`. */
export function describePlan(plan: Plan): string {
  return plan.clips.map((clip) => `${clip.seconds} s${clip.padded ? ` (${round(clip.end - clip.start)} s of beats, padded)` : ''}`).join(' + ');
}

/** `beats 1–2`, `beat 3`. */
export function describeBeats(beats: readonly number[]): string {
  if (beats.length === 1) return `beat ${beats[0]}`;
  return `beats ${beats[0]}–${beats[beats.length - 1]}`;
}
