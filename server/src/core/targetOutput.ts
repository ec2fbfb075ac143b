import type { IterateOperation } from './models/types';

// What compiling for a target adds to a compilation (the CLI's JSON contract in docs/targets.md and
// the `sora/compile` answer): the generations a storyboard is split into, what it costs, and, for a
// variant of a take, the one operation that makes the change on this model.

export interface Generation {
  /** 1-based. */
  index: number;
  /** The storyboard beats (1-based) this generation makes. */
  beats: number[];
  /** Seconds, within the storyboard's timeline. */
  start: number;
  end: number;
  /** The length requested from the model (a length it makes; may exceed end - start when padded). */
  seconds: number;
  prompt: string;
  /** The request body fields as the vendor's API names them. */
  parameters: Record<string, unknown>;
  /** `previous`: starts from the previous generation's last frame; `extend`: an extension of it. */
  startFrom: 'previous' | 'extend' | null;
}

export interface Cost {
  usd: number;
  perSecond: number;
  asOf: string;
  /** Whether the price is the vendor's own or a reseller's/unverified figure. */
  confidence: string;
  /** Where the price comes from: the profile, or a `.sorarc.json` / VS Code override. */
  source: 'profile' | 'override';
}

export interface Iteration {
  operation: IterateOperation;
  instruction: string;
  parameters: Record<string, unknown>;
}

export interface TargetInfo {
  id: string;
  label: string;
  status: 'active' | 'retired';
  /** False when the `model` names no profile (the seed workflow's numbers and layout were used); true for a profile, current or retired. */
  known: boolean;
}
