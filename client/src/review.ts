// What must not go to Sora unseen: a storyboard with errors (an unconsented cameo, a video
// reference, …) or placeholders still to fill in. Copy Prompt and Log Take ask the same question
// before going ahead, and going ahead is always the writer's explicit choice.
import * as vscode from 'vscode';
import type { ReviewProblem } from '../../server/src/protocol';

const shown = 3;

/** The problems in a few lines: `line 16: Ivo is a cameo … (cameo-consent)`. */
export function describeReview(review: readonly ReviewProblem[]): string {
  const lines = review.slice(0, shown).map((p) => `line ${p.line + 1}: ${p.message} (${p.code})`);
  if (review.length > shown) lines.push(`…and ${review.length - shown} more in the Problems panel.`);
  return lines.join('\n');
}

/** A one-line headline: "scene05.sora has 1 error and 2 placeholders to fill in." */
export function reviewHeadline(name: string, review: readonly ReviewProblem[]): string {
  const errors = review.filter((p) => p.severity === 'error').length;
  const placeholders = review.filter((p) => p.code === 'placeholder').length;
  const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', placeholders ? `${placeholders} placeholder${placeholders === 1 ? '' : 's'} to fill in` : ''].filter(Boolean);
  return `${name} has ${parts.join(' and ')}.`;
}

/**
 * Asks before a prompt with problems leaves the editor; true to go ahead. No problems: true at
 * once. `goAhead` is the button ("Copy anyway", "Log anyway"); anything else cancels.
 */
export async function confirmDespiteReview(name: string, review: readonly ReviewProblem[], what: string, goAhead: string): Promise<boolean> {
  if (!review.length) return true;
  const choice = await vscode.window.showWarningMessage(
    `${reviewHeadline(name, review)} ${what}`,
    { modal: true, detail: describeReview(review) },
    goAhead,
  );
  return choice === goAhead;
}
