import { characterUnknownRule } from './character-unknown';
import { duplicateNameRule } from './duplicate-name';
import { syntaxRule } from './syntax';
import { timelineRule } from './timeline';
import type { Rule } from './types';
import { variantBaseRule } from './variant-base';
import { variantTargetRule } from './variant-target';

/** Every rule of the checker. The server, the CLI and `sora explain` all read this table. */
export const rules: readonly Rule[] = [
  syntaxRule,
  duplicateNameRule,
  characterUnknownRule,
  timelineRule,
  variantBaseRule,
  variantTargetRule,
];

const byCode = new Map(rules.map((rule) => [rule.code, rule]));

export function ruleFor(code: string): Rule | undefined {
  return byCode.get(code);
}

export type { Rule, RuleContext, Problem } from './types';
