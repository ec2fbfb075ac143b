// Custom requests between the client and the language server. The client never parses a
// storyboard itself: it asks the server, which runs the one core.
import type { OverrideChoice } from './core/branching';
import type { Compilation } from './core/compile';

export const compileRequest = 'sora/compile';

export interface CompileParams {
  /** The storyboard's document URI. */
  uri: string;
  /** A variant name; omitted or "main" for the storyboard as written. */
  variant?: string;
}

export interface CompileResponse extends Compilation {
  uri: string;
  /** The document version compiled, so the preview can drop stale answers. */
  version: number | null;
  /** Names of the variants in the file, for the preview's picker. */
  variants: { name: string; base: string; line: number }[];
  /** The base's prompt for a variant (for the diff), or null for main. */
  basePrompt: string | null;
  /** Clip duration and whether it is over the stable limit, for the status bar and the timeline. */
  summary: { duration: number | null; beats: number; aspect: string | null; overLimit: boolean; errors: number; warnings: number };
}

export const analysisRequest = 'sora/analysis';

export interface AnalysisParams {
  uri: string;
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

export const adoptVariantRequest = 'sora/adoptVariant';

export interface AdoptVariantParams {
  uri: string;
  variant: string;
}

/** The storyboard's text with the variant's change written into its main sections, or why not. */
export type AdoptVariantResponse =
  | { ok: true; uri: string; version: number | null; text: string; changes: string[] }
  | { ok: false; uri: string; message: string };
