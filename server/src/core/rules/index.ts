import { anchorCountRule } from './anchor-count';
import { aspectRule } from './aspect';
import { audioPlanRule } from './audio-plan';
import { audioVoicesRule } from './audio-voices';
import { beatCountRule } from './beat-count';
import { beatFieldsRule } from './beat-fields';
import { cameoConsentRule } from './cameo-consent';
import { cameoLinesRule } from './cameo-lines';
import { cameraMissingRule } from './camera-missing';
import { cameraUnknownRule } from './camera-unknown';
import { characterUnknownRule } from './character-unknown';
import { dialogueLengthRule } from './dialogue-length';
import { dialogueMarkerRule } from './dialogue-marker';
import { dialogueTimingRule } from './dialogue-timing';
import { duplicateFieldRule } from './duplicate-field';
import { duplicateNameRule } from './duplicate-name';
import { durationDraftRule } from './duration-draft';
import { durationUnstableRule } from './duration-unstable';
import { identityDriftRule } from './identity-drift';
import { lightingDriftRule } from './lighting-drift';
import { lightingFlickerRule } from './lighting-flicker';
import { loglineMissingRule } from './logline-missing';
import { loglineSentencesRule } from './logline-sentences';
import { physicsRiskRule } from './physics-risk';
import { placeholderRule } from './placeholder';
import { referenceFormatRule } from './reference-format';
import { referenceMissingRule } from './reference-missing';
import { referenceVideoRule } from './reference-video';
import { resolutionRule } from './resolution';
import { sceneMissingRule } from './scene-missing';
import { settingsMissingRule } from './settings-missing';
import { styleMissingRule } from './style-missing';
import { styleWordsRule } from './style-words';
import { subjectsManyRule } from './subjects-many';
import { syntaxRule } from './syntax';
import { modelUnknownRule } from './model-unknown';
import { modelRetiredRule } from './model-retired';
import { clipLengthRule } from './clip-length';
import { promptLengthRule } from './prompt-length';
import { audioUnsupportedRule } from './audio-unsupported';
import { referenceCountRule } from './reference-count';
import { negativeDiscouragedRule } from './negative-discouraged';
import { timelineRule } from './timeline';
import type { Rule } from './types';
import { unknownFieldRule } from './unknown-field';
import { variantBaseRule } from './variant-base';
import { variantChangesRule } from './variant-changes';
import { variantCountRule } from './variant-count';
import { variantEmptyRule } from './variant-empty';
import { variantTargetRule } from './variant-target';
import { continuityAnchorsRule } from './continuity-anchors';
import { continuitySettingsRule } from './continuity-settings';
import { continuityStyleRule } from './continuity-style';
import { sequenceDuplicateRule } from './sequence-duplicate';
import { sequenceSceneMissingRule } from './sequence-scene-missing';

/** Every rule of the checker, in the design's order (the targets design's codes last). The server, the CLI and `sora explain` all read this table. */
export const rules: readonly Rule[] = [
  syntaxRule,
  unknownFieldRule,
  duplicateFieldRule,
  duplicateNameRule,
  sceneMissingRule,
  settingsMissingRule,
  aspectRule,
  resolutionRule,
  durationUnstableRule,
  durationDraftRule,
  timelineRule,
  loglineMissingRule,
  loglineSentencesRule,
  beatCountRule,
  beatFieldsRule,
  cameraMissingRule,
  cameraUnknownRule,
  styleMissingRule,
  styleWordsRule,
  audioPlanRule,
  audioVoicesRule,
  dialogueMarkerRule,
  dialogueTimingRule,
  dialogueLengthRule,
  characterUnknownRule,
  anchorCountRule,
  identityDriftRule,
  subjectsManyRule,
  lightingDriftRule,
  lightingFlickerRule,
  physicsRiskRule,
  variantChangesRule,
  variantEmptyRule,
  variantCountRule,
  variantBaseRule,
  variantTargetRule,
  cameoConsentRule,
  cameoLinesRule,
  referenceVideoRule,
  referenceFormatRule,
  referenceMissingRule,
  placeholderRule,
  modelUnknownRule,
  modelRetiredRule,
  clipLengthRule,
  promptLengthRule,
  audioUnsupportedRule,
  referenceCountRule,
  negativeDiscouragedRule,
  // Sequences (issue 16): the list in a sequence file, then a scene against what it inherits.
  sequenceSceneMissingRule,
  sequenceDuplicateRule,
  continuityAnchorsRule,
  continuityStyleRule,
  continuitySettingsRule,
];

const byCode = new Map(rules.map((rule) => [rule.code, rule]));

export function ruleFor(code: string): Rule | undefined {
  return byCode.get(code);
}

export type { Rule, RuleContext, Problem } from './types';
