// Custom requests between the client and the language server. The client never parses a
// storyboard itself: it asks the server, which runs the one core.
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
