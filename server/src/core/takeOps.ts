import { bestTake, nextTakeId, takeFileName, takeIdPattern, type ShotScores, type Take, type TakeLog, type TakeProvenance, type TakeScores } from './takes';
import { overridableFields, scoreCriteria, scoreCriterionLabels, type ScoreCriterion } from './vocabulary';
import { isName } from './model';

// Pure operations on a take log: append a take, score it, note it, merge a change made on disk
// with the scoring panel's unsaved edits, and branch a variant off a take one change at a time.
// No I/O: the extension host and the CLI read and write (atomically) around these.
// Nothing here needs the parser or a storyboard's AST (the extension host bundles this file); what
// does (the override choices of a take's scene) lives in ./branching and is served by the server.

/** The workflow's limit: branch 2–3 variants off a take, so a fourth is refused. */
export const maxBranchesPerTake = 3;

// ---- append, score, notes ----------------------------------------------------------------

export interface NewTake {
  variant: string;
  parent?: string;
  change?: string;
  settings: Take['settings'];
  prompt: string;
  /** The target it was generated with, and what it cost (Log Take records the compiled estimate). */
  model?: string;
  cost?: Take['cost'];
  /** The video's extension without the dot; `mp4` by default. */
  extension?: string;
  /** An explicit id (a file already named `scene09_take05.mp4`); must be free. Default: the next id. */
  id?: string;
  /** When the take was made; default: now. */
  createdAt?: Date | string;
  notes?: string;
}

/** The folder beside the storyboard that holds the videos, as the log records it. */
export const takesFolder = 'takes';

/** Appends a take with the next id and a clean file name (`takes/scene09_take03.mp4`). Returns a new log. */
export function appendTake(log: TakeLog, sceneId: string, input: NewTake): { log: TakeLog; take: Take } {
  const id = input.id ?? nextTakeId(log);
  if (!takeIdPattern.test(id)) throw new Error(`"${id}" is not a take id (take01, take02, …).`);
  if (log.takes.some((take) => take.id === id)) throw new Error(`The take log already has ${id}.`);
  if (!/^[A-Za-z0-9_-]+$/.test(sceneId)) throw new Error(`The scene id "${sceneId}" cannot name a file.`);
  const extension = (input.extension ?? 'mp4').replace(/^\./, '').toLowerCase() || 'mp4';
  const createdAt = input.createdAt instanceof Date ? input.createdAt.toISOString() : input.createdAt ?? new Date().toISOString();
  const take: Take = {
    id,
    file: `${takesFolder}/${takeFileName(sceneId, id, extension)}`,
    createdAt,
    variant: input.variant || 'main',
    ...(input.parent ? { parent: input.parent } : {}),
    ...(input.change?.trim() ? { change: input.change.trim() } : {}),
    settings: { ...input.settings },
    ...(input.model ? { model: input.model } : {}),
    ...(input.cost ? { cost: { ...input.cost } } : {}),
    prompt: input.prompt,
    ...(input.notes ? { notes: input.notes } : {}),
  };
  return { log: { ...log, takes: [...log.takes, take] }, take };
}

function updateTake(log: TakeLog, takeId: string, update: (take: Take) => Take): TakeLog {
  if (!log.takes.some((take) => take.id === takeId)) throw new Error(`There is no ${takeId} in the take log.`);
  return { ...log, takes: log.takes.map((take) => (take.id === takeId ? update(take) : take)) };
}

/** Sets one criterion's score (an integer 1–5), or clears it with undefined. Returns a new log. */
export function setScore(log: TakeLog, takeId: string, criterion: ScoreCriterion, value: number | undefined): TakeLog {
  if (!(scoreCriteria as readonly string[]).includes(criterion)) throw new Error(`"${criterion}" is not one of the five criteria.`);
  if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 5)) throw new Error('A score is a whole number from 1 to 5.');
  return updateTake(log, takeId, (take) => {
    const scores: TakeScores = { ...(take.scores ?? {}) };
    if (value === undefined) delete scores[criterion];
    else scores[criterion] = value;
    const next: Take = { ...take, scores };
    if (Object.keys(scores).length === 0) delete next.scores;
    return next;
  });
}

/** Sets one criterion's score for one shot (1-based), or clears it with undefined. Returns a new log. */
export function setShotScore(log: TakeLog, takeId: string, shot: number, criterion: ScoreCriterion, value: number | undefined): TakeLog {
  if (!(scoreCriteria as readonly string[]).includes(criterion)) throw new Error(`"${criterion}" is not one of the five criteria.`);
  if (!(Number.isInteger(shot) && shot >= 1)) throw new Error('A shot is numbered from 1.');
  if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 5)) throw new Error('A score is a whole number from 1 to 5.');
  return updateTake(log, takeId, (take) => {
    const shots: ShotScores = Object.fromEntries(Object.entries(take.shotScores ?? {}).map(([key, scores]) => [key, { ...scores }]));
    const scores: TakeScores = shots[String(shot)] ?? {};
    if (value === undefined) delete scores[criterion];
    else scores[criterion] = value;
    if (Object.keys(scores).length) shots[String(shot)] = scores;
    else delete shots[String(shot)];
    const next: Take = { ...take, shotScores: shots };
    if (Object.keys(shots).length === 0) delete next.shotScores;
    return next;
  });
}

/** The settings a take records, from what the storyboard compiles to (the CLI's compile and the server's answer alike). */
export function takeSettingsFrom(settings: { aspect: string | null; resolution: string | null; duration: number | null; audio: readonly string[]; model: string | null }): Take['settings'] {
  return {
    ...(settings.aspect ? { aspect: settings.aspect } : {}),
    ...(settings.resolution ? { resolution: settings.resolution } : {}),
    ...(settings.duration !== null ? { duration: settings.duration } : {}),
    ...(settings.audio.length ? { audio: [...settings.audio] } : {}),
    ...(settings.model ? { model: settings.model } : {}),
  };
}

/** Sets a take's notes; empty notes remove the field. Returns a new log. */
export function setNotes(log: TakeLog, takeId: string, notes: string): TakeLog {
  return updateTake(log, takeId, (take) => {
    const next: Take = { ...take };
    if (notes === '') delete next.notes;
    else next.notes = notes;
    return next;
  });
}

// ---- three-way merge -----------------------------------------------------------------------

export interface MergeResult {
  log: TakeLog;
  /** Fields both sides changed differently (the panel's value was kept), as `take02.notes`. */
  conflicts: string[];
}

type FieldMap = Map<string, unknown>;

/** A take flattened to comparable fields: each score is its own field (`scores.audioSync`). */
function fieldsOf(take: Take): FieldMap {
  const map: FieldMap = new Map();
  for (const [key, value] of Object.entries(take)) {
    if (key === 'scores') continue;
    map.set(key, value);
  }
  for (const criterion of scoreCriteria) map.set(`scores.${criterion}`, take.scores?.[criterion]);
  return map;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function takeFromFields(fields: FieldMap): Take {
  const take: Record<string, unknown> = {};
  const scores: Record<string, number> = {};
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (key.startsWith('scores.')) scores[key.slice(7)] = value as number;
    else take[key] = value;
  }
  // Keep the documented key order (id … prompt, scores, notes) for stable diffs.
  const ordered: Record<string, unknown> = {};
  for (const key of ['id', 'file', 'createdAt', 'variant', 'parent', 'change', 'settings', 'model', 'cost', 'prompt']) if (key in take) ordered[key] = take[key];
  for (const key of Object.keys(take)) if (!(key in ordered) && key !== 'notes') ordered[key] = take[key];
  if (Object.keys(scores).length) ordered.scores = Object.fromEntries(scoreCriteria.filter((c) => c in scores).map((c) => [c, scores[c]]));
  if ('notes' in take) ordered.notes = take.notes;
  return ordered as Take;
}

/**
 * Merges the log on disk (`theirs`) with the panel's log (`mine`), both descended from `base` (the
 * log the panel last loaded or saved). By take id and field: a field the panel changed keeps the
 * panel's value; every other field comes from disk. Takes added on disk are kept; a take deleted on
 * disk stays deleted unless the panel changed it (nothing typed is lost). Takes only the panel has
 * are appended.
 */
export function mergeTakeLogs(base: TakeLog, mine: TakeLog, theirs: TakeLog): MergeResult {
  const conflicts: string[] = [];
  const baseById = new Map(base.takes.map((take) => [take.id, take]));
  const mineById = new Map(mine.takes.map((take) => [take.id, take]));
  const theirIds = new Set(theirs.takes.map((take) => take.id));
  const takes: Take[] = [];
  for (const their of theirs.takes) {
    const my = mineById.get(their.id);
    const original = baseById.get(their.id);
    if (!my) {
      takes.push(their);
      continue;
    }
    const baseFields = original ? fieldsOf(original) : new Map<string, unknown>();
    const myFields = fieldsOf(my);
    const theirFields = fieldsOf(their);
    const merged: FieldMap = new Map(theirFields);
    for (const key of new Set([...myFields.keys(), ...baseFields.keys()])) {
      const mineValue = myFields.get(key);
      if (sameValue(mineValue, baseFields.get(key))) continue; // the panel did not change it
      const theirValue = theirFields.get(key);
      if (!sameValue(theirValue, baseFields.get(key)) && !sameValue(theirValue, mineValue)) conflicts.push(`${their.id}.${key}`);
      merged.set(key, mineValue);
    }
    takes.push(takeFromFields(merged));
  }
  for (const my of mine.takes) {
    if (theirIds.has(my.id)) continue;
    const original = baseById.get(my.id);
    // Deleted on disk: keep it only when the panel changed something in it.
    if (original && sameValue(original, my)) continue;
    takes.push(my);
  }
  const topLevel: Record<string, unknown> = { ...theirs };
  for (const [key, value] of Object.entries(mine)) {
    if (key === 'takes') continue;
    if (!sameValue(value, (base as Record<string, unknown>)[key])) topLevel[key] = value;
  }
  return { log: { ...(topLevel as TakeLog), takes }, conflicts };
}

// ---- files on disk -------------------------------------------------------------------------

const takeFilePattern = /^scene([A-Za-z0-9_-]+?)_(take\d{2,})\.([A-Za-z0-9]+)$/;

/** `scene09_take05.mp4` → { sceneId: "09", takeId: "take05", extension: "mp4" }; undefined for any other name. */
export function parseTakeFileName(fileName: string): { sceneId: string; takeId: string; extension: string } | undefined {
  const match = takeFilePattern.exec(fileName);
  return match ? { sceneId: match[1], takeId: match[2], extension: match[3].toLowerCase() } : undefined;
}

const videoExtensions = new Set(['mp4', 'mov', 'webm', 'm4v']);

/**
 * Video files in the takes folder named for this scene (`scene09_take05.mp4`) that no take in the
 * log points at: offered for logging. `fileNames` are plain names inside `takes/`.
 */
export function unloggedTakeFiles(log: TakeLog, sceneId: string, fileNames: readonly string[]): { file: string; takeId: string; extension: string; idFree: boolean }[] {
  const logged = new Set(log.takes.map((take) => normalizeRelative(take.file)));
  const ids = new Set(log.takes.map((take) => take.id));
  return fileNames
    .map((name) => ({ name, parsed: parseTakeFileName(name) }))
    .filter(({ parsed }) => parsed && parsed.sceneId === sceneId && videoExtensions.has(parsed.extension))
    .filter(({ name }) => !logged.has(`${takesFolder}/${name}`))
    .map(({ name, parsed }) => ({ file: `${takesFolder}/${name}`, takeId: parsed!.takeId, extension: parsed!.extension, idFree: !ids.has(parsed!.takeId) }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Ids of the takes whose video is missing. `exists` gets the path as logged (relative to the storyboard). */
export function missingTakeFiles(log: TakeLog, exists: (relativeFile: string) => boolean): string[] {
  return log.takes.filter((take) => !exists(take.file)).map((take) => take.id);
}

function normalizeRelative(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

// ---- branching -----------------------------------------------------------------------------

export interface VariantRef {
  name: string;
  base: string;
}

/**
 * The branches from a take: the variants in the storyboard that branch from it, plus the takes
 * logged with it as parent (one per variant they were generated from; takes of `main` each count
 * as a branch of their own change). Regenerating the same variant is not a new branch.
 */
export function branchesFrom(takeId: string, variants: readonly VariantRef[], log: TakeLog | undefined): string[] {
  const branches = new Set<string>();
  for (const variant of variants) if (variant.base === takeId) branches.add(`variant:${variant.name}`);
  for (const take of log?.takes ?? []) {
    if (take.parent !== takeId) continue;
    branches.add(take.variant === 'main' ? `main:${take.change ?? take.id}` : `variant:${take.variant}`);
  }
  return [...branches];
}

export function countBranches(takeId: string, variants: readonly VariantRef[], log: TakeLog | undefined): number {
  return branchesFrom(takeId, variants, log).length;
}

/** Why another branch from this take is refused, or undefined when it is allowed. */
export function branchRefusal(takeId: string, variants: readonly VariantRef[], log: TakeLog | undefined): string | undefined {
  const count = countBranches(takeId, variants, log);
  if (count < maxBranchesPerTake) return undefined;
  return `${takeId} already has ${count} branches. Branch 2–3 small variants off a take, score them, then branch again from the best of those.`;
}

export type OverrideSpec =
  | { target: 'beat'; beat: number; field: string }
  | { target: 'style'; field: string }
  | { target: 'settings'; field: string }
  | { target: 'character'; character: string; field: 'anchors' };

/** The override line's left side: `beat 2 camera`, `style lighting`, `character Mara anchors`. */
export function overrideLabel(spec: OverrideSpec): string {
  switch (spec.target) {
    case 'beat':
      return `beat ${spec.beat} ${spec.field}`;
    case 'style':
    case 'settings':
      return `${spec.target} ${spec.field}`;
    case 'character':
      return `character ${spec.character} anchors`;
  }
}

/** A variant name for the change, unique among `existing`: `lighting`, `camera-b2`, `mara-anchors`, then `-2`, `-3`. */
export function suggestVariantName(spec: OverrideSpec, existing: Iterable<string>): string {
  const taken = new Set(existing);
  let stem: string;
  if (spec.target === 'beat') stem = `${spec.field}-b${spec.beat}`;
  else if (spec.target === 'character') stem = `${spec.character}-anchors`.toLowerCase();
  else stem = spec.field;
  stem = stem.replace(/[^\p{L}\p{M}\p{N}_-]/gu, '-').replace(/^\P{L}+/u, '') || 'variant';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

export interface BranchInput {
  takeId: string;
  spec: OverrideSpec;
  value: string;
  /** The new variant's name; default: a suggestion unique among `existingNames`. */
  name?: string;
  existingNames: readonly string[];
}

export interface Branch {
  name: string;
  /** The override line without indentation: `beat 2 camera: medium close-up, static`. */
  change: string;
  /** `variant NAME from takeNN` and its one override line, LF line ends, no trailing newline. */
  text: string;
}

/** The text of a new variant: `variant NAME from takeNN` plus exactly one override line. */
export function branchVariantText(input: BranchInput): Branch {
  if (!takeIdPattern.test(input.takeId)) throw new Error(`"${input.takeId}" is not a take id.`);
  const value = input.value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (!value) throw new Error('The new value is empty: a variant changes one thing to something.');
  const allowed: readonly string[] = overridableFields[input.spec.target];
  if (!allowed.includes(input.spec.field.toLowerCase())) throw new Error(`A ${input.spec.target} override can change ${allowed.join(', ')}.`);
  const name = input.name?.trim() || suggestVariantName(input.spec, input.existingNames);
  if (!isName(name)) throw new Error(`"${name}" is not a name: start with a letter (of any script); letters, marks, digits, _ and - only.`);
  if (input.existingNames.includes(name)) throw new Error(`There is already a variant "${name}".`);
  const change = `${overrideLabel(input.spec)}: ${value}`;
  return { name, change, text: `variant ${name} from ${input.takeId}\n  ${change}` };
}

/**
 * What to insert at the end of a storyboard to append a block, separated by one blank line and in
 * the file's own line ends. `insert` goes at the very end of `text`.
 */
export function appendBlock(text: string, block: string): { insert: string; text: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = block.replace(/\r?\n/g, eol);
  let prefix = '';
  if (text.length > 0) {
    if (!text.endsWith('\n')) prefix = eol + eol;
    else if (!/(\r?\n)[ \t]*\r?\n$/.test(text)) prefix = eol;
  }
  const insert = `${prefix}${body}${eol}`;
  return { insert, text: text + insert };
}

// ---- provenance ----------------------------------------------------------------------------

/** Why a take's content credentials deserve a warning, or undefined when it was signed and validates (or was never read). */
export function provenanceProblem(provenance: TakeProvenance | undefined): string | undefined {
  if (!provenance) return undefined;
  switch (provenance.status) {
    case 'signed':
      return undefined;
    case 'invalid':
      return `its content credentials (C2PA) do not validate (${(provenance.errors ?? []).join('; ') || 'no detail'}): the file was changed after it was signed.`;
    case 'absent':
      return 'no content credentials (C2PA) in the file: its metadata was stripped or it was re-encoded.';
    case 'unreadable':
      return `no content credentials could be read (${(provenance.errors ?? []).join('; ') || 'unknown format'}).`;
  }
}

// ---- the typical fix -------------------------------------------------------------------------

export const typicalFixes: Record<ScoreCriterion, string> = {
  identityStability: 'Repeat 3–4 anchors in every shot the character appears in, and stabilize one subject first.',
  physicsRealism: 'Put the action in slow motion and cut down the collisions and impacts.',
  audioSync: 'One voice, a short line, and a timing marker (say NAME @1s "…").',
  temporalConsistency: 'Keep the lighting consistent ("consistent lighting" in style) and the camera steady (static).',
  promptAdherence: 'Simplify or shorten the prompt: fewer details per shot, one action per beat.',
};

export interface TypicalFix {
  takeId: string;
  criterion: ScoreCriterion;
  label: string;
  score: number;
  fix: string;
  /** The shot (1-based) the writer scored lowest on this criterion, when shots were scored: the fix goes there first. */
  shot?: number;
}

/**
 * For the best take, its weakest scored criterion (ties go to the one the workflow names first)
 * and the workflow's typical fix. Undefined when no take is scored, or the best is all fives.
 */
export function typicalFixForBest(log: TakeLog): TypicalFix | undefined {
  const best = bestTake(log);
  if (!best) return undefined;
  return typicalFixFor(best);
}

export function typicalFixFor(take: Take): TypicalFix | undefined {
  let weakest: ScoreCriterion | undefined;
  let weakestScore = 6;
  let weakestShot: number | undefined;
  // A shot's score counts like the take's own: "identity broke in shot 3" is the weakest thing.
  const consider = (criterion: ScoreCriterion, value: number | undefined, shot: number | undefined) => {
    if (value === undefined || value >= weakestScore) return;
    weakest = criterion;
    weakestScore = value;
    weakestShot = shot;
  };
  for (const criterion of scoreCriteria) consider(criterion, take.scores?.[criterion], undefined);
  const shots = Object.entries(take.shotScores ?? {}).map(([key, scores]) => ({ shot: Number(key), scores })).sort((a, b) => a.shot - b.shot);
  for (const criterion of scoreCriteria) for (const { shot, scores } of shots) consider(criterion, scores[criterion], shot);
  if (weakest && weakestShot === undefined) weakestShot = lowestShotFor(shots, weakest, weakestScore);
  if (!weakest || weakestScore >= 5) return undefined;
  return {
    takeId: take.id,
    criterion: weakest,
    label: scoreCriterionLabels[weakest],
    score: weakestScore,
    fix: typicalFixes[weakest],
    ...(weakestShot !== undefined ? { shot: weakestShot } : {}),
  };
}

/** The first shot scored at most `ceiling` on the criterion: where the take's weakest score shows. */
function lowestShotFor(shots: { shot: number; scores: TakeScores }[], criterion: ScoreCriterion, ceiling: number): number | undefined {
  let found: { shot: number; value: number } | undefined;
  for (const { shot, scores } of shots) {
    const value = scores[criterion];
    if (value !== undefined && value <= ceiling && (!found || value < found.value)) found = { shot, value };
  }
  return found?.shot;
}
