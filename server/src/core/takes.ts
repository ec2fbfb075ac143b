import * as z from 'zod';
import { scoreCriteria, type ScoreCriterion } from './vocabulary';

// The take log `NAME.takes.json`: every draft generated from a storyboard, its parameters and its
// scores. This module validates and serialises; reading and the atomic write live with the caller
// (the server or the CLI), because the core does no I/O.

const score = z.number().int().min(1).max(5);

export const takeIdPattern = /^take\d{2,}$/;

export const scoresSchema = z
  .object(Object.fromEntries(scoreCriteria.map((criterion) => [criterion, score.optional()])) as Record<
    ScoreCriterion,
    z.ZodOptional<typeof score>
  >)
  .strict();

export const takeSettingsSchema = z
  .object({
    aspect: z.string().optional(),
    resolution: z.string().optional(),
    duration: z.number().positive().optional(),
    audio: z.array(z.string()).optional(),
    model: z.string().optional(),
  })
  .passthrough();

/** What a take cost when it was logged: the estimate from the target's price (or an override). */
export const takeCostSchema = z
  .object({
    usd: z.number().min(0),
    perSecond: z.number().min(0).optional(),
    /** When the price was read (the profile's `asOf`). */
    asOf: z.string().optional(),
    source: z.enum(['profile', 'override', 'actual']).optional(),
  })
  .passthrough();

export type TakeCost = z.infer<typeof takeCostSchema>;

/** Scores for one shot (`"3": { identityStability: 2 }`): what broke where, beside the take's overall scores. */
export const shotScoresSchema = z.record(z.string().regex(/^[1-9]\d*$/, 'a shot number such as "3"'), scoresSchema);

/** The take's C2PA manifest as read when it was logged (see server/src/provenance). */
export const provenanceSchema = z
  .object({
    status: z.enum(['signed', 'invalid', 'absent', 'unreadable']),
    signer: z.string().optional(),
    issuer: z.string().optional(),
    claimGenerator: z.string().optional(),
    errors: z.array(z.string()).optional(),
    format: z.string().optional(),
    checkedAt: z.string(),
  })
  .passthrough();

export const takeSchema = z
  .object({
    id: z.string().regex(takeIdPattern, 'a take id is `take` and a number, such as `take02`'),
    file: z.string().min(1),
    createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO date such as 2026-11-25T10:00:00Z'),
    variant: z.string().min(1),
    parent: z.string().optional(),
    change: z.string().optional(),
    settings: takeSettingsSchema,
    /** The target the take was generated with (a `sora models` id). */
    model: z.string().min(1).optional(),
    cost: takeCostSchema.optional(),
    prompt: z.string(),
    scores: scoresSchema.optional(),
    shotScores: shotScoresSchema.optional(),
    provenance: provenanceSchema.optional(),
    notes: z.string().optional(),
  })
  .passthrough();

export const takeLogSchema = z
  .object({
    version: z.literal(1),
    storyboard: z.string().min(1),
    takes: z.array(takeSchema),
  })
  .passthrough()
  .superRefine((log, context) => {
    const seen = new Set<string>();
    log.takes.forEach((take, index) => {
      if (seen.has(take.id)) {
        context.addIssue({ code: 'custom', path: ['takes', index, 'id'], message: `take id "${take.id}" is used twice` });
      }
      seen.add(take.id);
    });
  });

export type TakeLog = z.infer<typeof takeLogSchema>;
export type Take = z.infer<typeof takeSchema>;
export type TakeScores = z.infer<typeof scoresSchema>;
export type ShotScores = z.infer<typeof shotScoresSchema>;
export type TakeProvenance = z.infer<typeof provenanceSchema>;

export interface TakeLogProblem {
  /** Where in the JSON, by take: `take02.scores.audioSync`; empty for the whole file. */
  path: string;
  message: string;
}

export type TakeLogParse = { ok: true; log: TakeLog } | { ok: false; problems: TakeLogProblem[] };

/** Validates the text of a take log. Never throws. */
export function parseTakeLog(text: string): TakeLogParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const result = takeLogSchema.safeParse(json);
  if (result.success) return { ok: true, log: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: takePath(json, issue.path), message: describeIssue(issue) })),
  };
}

/**
 * Where a problem is, as the writer knows the takes: `take01.scores.audioSync` rather than
 * `takes[0].scores.audioSync`; a take without a usable id is `take #1` (counted from 1).
 */
function takePath(json: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'takes' || typeof path[1] !== 'number') return formatJsonPath(path);
  const takes = (json as { takes?: unknown }).takes;
  const entry = Array.isArray(takes) ? (takes[path[1]] as { id?: unknown } | undefined) : undefined;
  const id = entry && typeof entry === 'object' ? entry.id : undefined;
  const unique = typeof id === 'string' && takeIdPattern.test(id) && (takes as { id?: unknown }[]).filter((t) => t && typeof t === 'object' && t.id === id).length === 1;
  const name = unique ? id : `take #${path[1] + 1}`;
  const rest = formatJsonPath(path.slice(2));
  return rest ? `${name}${rest.startsWith('[') ? '' : '.'}${rest}` : name;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const inScores = issue.path.includes('scores') || issue.path.includes('shotScores');
  if (issue.code === 'invalid_type') {
    // zod reports a non-integer under .int() as an invalid type `int`.
    if (inScores && issue.expected === 'int') return 'a score is a whole number from 1 to 5';
    return `expected ${issue.expected}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return inScores ? 'a score is a whole number from 1 to 5' : issue.message;
  }
  return issue.message;
}

export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** A one-line message for a take log that failed to load, naming the file. */
export function describeTakeLogProblems(fileName: string, problems: TakeLogProblem[]): string {
  const listed = problems
    .slice(0, 3)
    .map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message))
    .join('; ');
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `${fileName} could not be read: ${listed}${more}. It will not be overwritten until it is fixed.`;
}

export function serializeTakeLog(log: TakeLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function emptyTakeLog(storyboardFileName: string): TakeLog {
  return { version: 1, storyboard: storyboardFileName, takes: [] };
}

/** Total of the scores given so far; undefined when none is given. */
export function takeTotal(take: Take): number | undefined {
  const values = scoreCriteria.map((criterion) => take.scores?.[criterion]).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((sum, value) => sum + value, 0) : undefined;
}

/** The best take: highest total, ties to the later take (the writer's latest iteration). */
export function bestTake(log: TakeLog): Take | undefined {
  let best: Take | undefined;
  let bestTotal = -1;
  for (const take of log.takes) {
    const total = takeTotal(take);
    if (total !== undefined && total >= bestTotal) {
      best = take;
      bestTotal = total;
    }
  }
  return best;
}

/** `take03` after `take02`: one more than the highest id in the log. */
export function nextTakeId(log: TakeLog): string {
  const highest = log.takes.reduce((max, take) => Math.max(max, Number(take.id.slice(4)) || 0), 0);
  return `take${String(highest + 1).padStart(2, '0')}`;
}

/** `scene09_take03.mp4` */
export function takeFileName(sceneId: string, takeId: string, extension = 'mp4'): string {
  return `scene${sceneId}_${takeId}.${extension}`;
}

/** The take log beside a storyboard: `scene09.sora` → `scene09.takes.json`. */
export function takeLogPathFor(storyboardPath: string): string {
  return storyboardPath.replace(/\.sora$/i, '') + '.takes.json';
}

/** What the logged takes cost in all: the sum of the costs recorded, and how many takes have none. */
export function sceneSpend(log: TakeLog): { usd: number; priced: number; unpriced: number } {
  let cents = 0;
  let priced = 0;
  for (const take of log.takes) {
    if (take.cost) {
      cents += Math.round(take.cost.usd * 100);
      priced++;
    }
  }
  return { usd: cents / 100, priced, unpriced: log.takes.length - priced };
}
