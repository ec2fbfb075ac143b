// Custom requests between the client and the language server. The client never parses a
// storyboard itself: it asks the server, which runs the one core.
import type { OverrideChoice } from './core/branching';
import type { Compilation } from './core/compile';
import type { Lineage } from './core/lineage';
import type { OverrideSpec, TypicalFix } from './core/takeOps';
import type { Take } from './core/takes';
import type { ScoreCriterion } from './core/vocabulary';

export const compileRequest = 'sora/compile';

export interface CompileParams {
  /** The storyboard's document URI. */
  uri: string;
  /** A variant name; omitted or "main" for the storyboard as written. */
  variant?: string;
  /**
   * A model id to compile for instead of the file's own `settings model:` (the preview's model
   * picker). Omitted: the file's. The answer's `model` says which target was used (`known: false`
   * for an id no profile has).
   */
  model?: string;
}

export interface CompileResponse extends Compilation {
  uri: string;
  /** The document version compiled, so the preview can drop stale answers. */
  version: number | null;
  /** Names of the variants in the file, for the preview's picker. */
  variants: { name: string; base: string; line: number }[];
  /** The base's prompt for a variant (for the diff), or null for main. */
  basePrompt: string | null;
  /** For a scene of a sequence: the sequence file whose settings, style and cast it inherits. */
  inheritedFrom?: string | null;
  /** Spans of the prompt (UTF-16 offsets) written in the sequence rather than in this scene. */
  inheritedSpans?: { start: number; end: number }[];
  /** Clip duration and whether it is over the stable limit, for the status bar and the timeline. */
  summary: CompileSummary;
  /** The targets the picker offers (every profile in the table, current ones first), and the file's own model id (always sent; optional for older clients' fixtures). */
  targets?: TargetChoice[];
  fileModel?: string | null;
}

/** What the status bar shows: `12 s · 3 beats · 16:9 · veo-3.1 · ≈ $4.80`. */
export interface CompileSummary {
  duration: number | null;
  beats: number;
  aspect: string | null;
  overLimit: boolean;
  errors: number;
  warnings: number;
  /** The model compiled for (the file's `model`, or the one asked for), or null when none is set. */
  model: string | null;
  /** The estimated USD of every generation, or null when the target has no price (or no duration). */
  cost: number | null;
  /**
   * What must not go to a model unseen: every error (an unconsented cameo, a video reference, …) and
   * every placeholder still to fill in. Copy Prompt and Log Take ask before going ahead with any.
   */
  review: ReviewProblem[];
}

export interface ReviewProblem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Plain text, as the Problems panel shows it. */
  message: string;
  /** 0-based. */
  line: number;
}

export const storyboardInfoRequest = 'sora/storyboardInfo';

export interface StoryboardInfoParams {
  /** The storyboard's document URI (open, or read from disk). */
  uri: string;
  /** A take in the storyboard's take log to branch from: adds `branch` to the response. */
  takeId?: string;
}

export interface StoryboardInfoResponse {
  uri: string;
  /** The document version read; null for a file read from disk. */
  version: number | null;
  /** The `scene ID` header's id (names the take files), or null when there is none. */
  sceneId: string | null;
  /** The named variants, with their override lines as written (`beat 2 camera: close-up, static`). */
  variants: { name: string; base: string; line: number; overrides: string[] }[];
  /** The beats as written: index (1-based), title, header line. */
  beats: { index: number; title: string | null; line: number }[];
  /** Whether the take log beside the storyboard is absent, valid or invalid (as the server read it for this answer). */
  takeLog: 'absent' | 'ok' | 'invalid';
  /** Only when `takeId` was asked for. */
  branch?: StoryboardBranchInfo;
}

/** What "Branch Variant from Take" needs about one take, from the storyboard and the take log on disk. */
export interface StoryboardBranchInfo {
  takeId: string;
  /** Whether the take is in the log. */
  found: boolean;
  /** The variant the take was generated from (`main` when unknown). */
  variant: string;
  /** The branches already made from the take (variants based on it, takes logged with it as parent). */
  branches: string[];
  /** Why another branch is refused (the take has the maximum), or null when it is allowed. */
  refusal: string | null;
  /** Every override target of the take's scene, with its current value. */
  choices: OverrideChoice[];
  /** The variant names already in the storyboard (a new one must differ). */
  existingNames: string[];
}

/** One target the preview's model picker offers. */
export interface TargetChoice {
  id: string;
  label: string;
  status: 'active' | 'retired';
}

/**
 * What "Copy iteration" is called for a take's variant, in the preview, the CodeLens and the command:
 * the operation that makes the one change on the target. Sora keeps its "remix instruction".
 */
export function iterationTitle(operation: string | null | undefined): string {
  if (!operation) return 'Copy iteration';
  if (operation === 'remix') return 'Copy remix instruction';
  return `Copy iteration (${operation})`;
}

// ---- the sequence board ------------------------------------------------------------------

export const sequenceBoardRequest = 'sora/sequenceBoard';

export interface SequenceBoardParams {
  /** A sequence file, or a scene of one (the board shows its sequence). */
  uri: string;
}

export interface BoardCard {
  /** The `scenes:` entry as written: what a reorder sends back. */
  entry: string;
  /** The scene file's URI; null when the file is missing. */
  uri: string | null;
  title: string | null;
  logline: string | null;
  /** Length in seconds, and the span on the film's clock. */
  seconds: number;
  start: number;
  end: number;
  model: string | null;
  takeCount: number;
  best: BoardBestTake | null;
  /** What the scene's logged takes cost (`sceneSpend` of its take log); null when it has no take. */
  spend: BoardSpend | null;
  errors: number;
  warnings: number;
}

export interface BoardBestTake {
  id: string;
  total: number;
  /** The video as the take log names it. */
  file: string;
  /**
   * Where the video is, as a URI, when the path stays inside the workspace; the client checks that
   * the file is there and turns it into a webview URI. Null when it leads outside.
   */
  video: string | null;
  /** `outside`: the path leads out of the workspace (absolute, `..` above it), so it is never probed. */
  videoProblem: 'outside' | null;
}

/** Spend as `sora takes` words it: the sum of the recorded costs, the takes with one, the takes without. */
export interface BoardSpend {
  usd: number;
  priced: number;
  unpriced: number;
}

export interface SequenceBoard {
  uri: string;
  title: string | null;
  /** The film's runtime: the scenes' lengths added up. */
  seconds: number;
  /** The film's spend: every scene's spend added up. */
  spend: BoardSpend;
  cards: BoardCard[];
}

export const reorderScenesRequest = 'sora/reorderScenes';

export interface ReorderScenesParams {
  uri: string;
  /** Every `scenes:` entry once, in the new order. */
  order: string[];
}

// ---- Fountain import ---------------------------------------------------------------------

export const fountainScenesRequest = 'sora/fountainScenes';
export const importFountainRequest = 'sora/importFountain';

export interface FountainScenesParams {
  /** A `.fountain` screenplay on disk. */
  uri: string;
}

export interface FountainScenesResponse {
  title: string | null;
  scenes: { number: number; heading: string }[];
}

export interface ImportFountainParams {
  uri: string;
  /** 1-based; every scene when absent. */
  scene?: number;
}

export interface ImportFountainResponse {
  /** The storyboards written beside the screenplay. */
  written: string[];
}

export const adoptVariantRequest = 'sora/adoptVariant';

export interface AdoptVariantParams {
  uri: string;
  variant: string;
}

/** The storyboard's text with the variant's change written into its main sections, or why not. */
export type AdoptVariantResponse =
  | { ok: true; uri: string; version: number | null; text: string; changes: string[] }
  | { ok: false; uri: string; message: string };

// ---- the browser host: the server in a web worker asks its client for files ---------------------
// The client answers these with `workspace.fs` (client/src/hostFiles.ts). Text travels as strings,
// bytes as base64; the client applies the same refusals as the Node host (not a regular file, over
// the limit) so both hosts give the same messages.

export const hostReadTextRequest = 'sora/host/readText';
export const hostReadBytesRequest = 'sora/host/readBytes';
export const hostStatRequest = 'sora/host/stat';
export const hostListRequest = 'sora/host/list';
export const hostWriteRequest = 'sora/host/write';
export const hostMoveRequest = 'sora/host/move';

export interface HostReadParams {
  uri: string;
  limit: number;
}

export type HostReadTextResponse = import('./host').HostRead;

export type HostReadBytesResponse = { status: 'ok'; base64: string } | { status: 'absent' } | { status: 'refused'; message: string };

export interface HostUriParams {
  uri: string;
}

export type HostStatResponse = import('./host').HostStat | null;

export type HostListResponse = import('./host').HostEntry[];

export interface HostWriteParams {
  uri: string;
  text: string;
}

/** A move that never replaces a file at `to`, creating its folder (a take's video into takes/). */
export interface HostMoveParams {
  from: string;
  to: string;
}

export type HostMoveResponse = import('./host').HostMove;

// ---- take logs: the server owns them ---------------------------------------------------------
// The server reads, caches and writes every take log (server/src/takeStore.ts); the client sends
// intents (log this take, set this score, these notes) and renders the answers. Each write is
// applied under the log's lock to the log as it is then, so nothing is merged on the client.

export const takesViewRequest = 'sora/takes/view';
export const takesRecordRequest = 'sora/takes/record';
export const takesScoreRequest = 'sora/takes/score';
export const takesNotesRequest = 'sora/takes/notes';
/** Server → client: a storyboard's take log changed (written by the server, or seen changed on disk). */
export const takesChangedNotification = 'sora/takes/changed';

export interface TakesParams {
  /** The storyboard's document URI. */
  uri: string;
}

/** Where a take's video is: present (its URI and a key that changes with the file), missing, or outside the workspace (never probed). */
export type TakeVideoView = { status: 'present'; uri: string; key: string } | { status: 'missing' } | { status: 'outside'; reason: string };

export interface TakeEntryView {
  take: Take;
  total: number | null;
  video: TakeVideoView;
  /** How many variants and takes already branch from this take (2–3 allowed). */
  branches: number;
  /** Its weakest scored criterion and the workflow's typical fix, or null. */
  fix: TypicalFix | null;
}

/** Everything the takes panel and the take commands show about a storyboard's take log. */
export interface TakesView {
  uri: string;
  /** The take log's URI (absent or not): "Open file" opens it. */
  logUri: string;
  /** `invalid`: `problem` says why; the log is not overwritten until it is fixed. */
  status: 'absent' | 'ok' | 'invalid';
  problem: string | null;
  /** The storyboard's `scene ID` (names the take files), or null. */
  sceneId: string | null;
  takes: TakeEntryView[];
  best: string | null;
  /** The id and file the next take gets (an .mp4), or null without a scene id. */
  next: { id: string; file: string } | null;
  lineage: Lineage;
  /** The scene's spend; null when no take has a cost. */
  spend: { usd: number; priced: number; unpriced: number } | null;
  /** The best take's typical fix, or null. */
  fix: TypicalFix | null;
  /** Files in takes/ named for this scene but not logged; `idFree` when their id is not taken. */
  unlogged: { file: string; takeId: string; idFree: boolean }[];
  maxBranches: number;
}

export interface TakesRecordParams {
  uri: string;
  variant: string;
  parent?: string;
  change?: string;
  /** A downloaded video (its URI) to move into takes/, a file already in takes/ (relative: `takes/scene09_take04.mp4`), or none yet. */
  video: { kind: 'move'; source: string } | { kind: 'existing'; file: string } | { kind: 'none' };
}

export type TakesRecordResponse =
  | { ok: true; take: Take; videoFile: string | null; warning: string | null; view: TakesView }
  | { ok: false; kind: 'invalid-log' | 'conflict' | 'io' | 'usage' | 'restricted'; message: string; logUri: string };

export interface TakeScoreChange {
  criterion: ScoreCriterion;
  /** A shot's own score (1-based); the take's when absent. */
  shot?: number;
  /** 1–5, or null to clear it. */
  value: number | null;
}

export interface TakesScoreParams {
  uri: string;
  takeId: string;
  scores: TakeScoreChange[];
}

export interface TakesNotesParams {
  uri: string;
  takeId: string;
  notes: string;
}

/** A write's answer: the view after it, or why nothing was written (with the view as it is). */
export type TakesEditResponse = { ok: true; view: TakesView } | { ok: false; message: string; view: TakesView };

export const takesBranchRequest = 'sora/takes/branch';

/** Branch Variant from Take: the variant's text for one change off a take (a suggested name when none is given). */
export interface TakesBranchParams {
  uri: string;
  takeId: string;
  spec: OverrideSpec;
  value: string;
  name?: string;
}

export type TakesBranchResponse =
  | {
      ok: true;
      name: string;
      /** The override line: `style lighting: moonlight through the rain`. */
      change: string;
      /** `variant NAME from takeNN` and its one override line. */
      text: string;
      /** What to insert at the very end of the document (version `version`) to append the block after one blank line. */
      insert: string;
      version: number | null;
    }
  | { ok: false; message: string };

export interface TakesChangedParams {
  /** The storyboard whose take log changed. */
  uri: string;
}

// ---- the rough cut: the best takes joined with ffmpeg (the Node server only) ---------------------

export const assembleRoughCutRequest = 'sora/assembleRoughCut';

export interface AssembleRoughCutParams {
  /** A sequence file, or a scene one lists. */
  uri: string;
  /** Where the cut goes (a file URI the writer chose); never overwritten. */
  output: string;
}

export type AssembleRoughCutResponse =
  | { ok: true; output: string; clips: string[]; skipped: string[]; command: string[] }
  | { ok: false; message: string };
