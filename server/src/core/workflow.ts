// The seed workflow's figures (docs/language.md), which apply with no model set and which the rules,
// the status bar and the preview's timeline all measure against. One constant per figure, so a
// change reaches every message and every view.

/** A video model holds one scene together for about this long; past it, identity and lighting drift. */
export const stableClipSeconds = 20;
