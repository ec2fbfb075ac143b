import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { rules } from '../../../server/out/core/rules';
import { cases } from './cases';
import { checkFixes, clean, describeAll, diagnostics, expectNone, expectOne } from './harness';

describe('rules: one trigger and near misses per code', () => {
  it('the clean storyboard yields no diagnostic at all', () => {
    assert.deepEqual(describeAll(diagnostics(clean)), '');
  });

  it('every code in the table has a case, and every case a code in the table', () => {
    const codes = rules.map((rule) => rule.code);
    assert.deepEqual([...new Set(cases.map((c) => c.code))].sort(), [...codes].sort());
  });

  for (const c of cases) {
    describe(c.code, () => {
      it(`fires on ${c.name}`, () => {
        expectOne(c.text, c.code, c.severity, c.range, c.options);
      });
      for (const near of c.near) {
        it(`stays silent on ${near.name}`, () => {
          expectNone(near.text, c.code, near.options);
        });
      }
    });
  }
});

describe('rules: quick fixes', () => {
  for (const c of cases) {
    const fixes = diagnostics(c.text, c.options).filter((d) => d.code === c.code).flatMap((d) => d.fixes);
    if (!fixes.length) continue;
    it(`${c.code}: each of its ${fixes.length} fix${fixes.length === 1 ? '' : 'es'} removes it and adds no error`, () => {
      assert.equal(checkFixes(c.text, c.code, c.options), fixes.length);
    });
  }

  it('every fix that is offered has a title and at most one preferred fix per diagnostic', () => {
    for (const c of cases) {
      for (const d of diagnostics(c.text, c.options)) {
        for (const fix of d.fixes) assert.ok(fix.title.trim(), `${d.code}: fix without a title`);
        assert.ok(d.fixes.filter((fix) => fix.preferred).length <= 1, `${d.code}: more than one preferred fix`);
      }
    }
  });
});

describe('rules: the table', () => {
  it('holds each code once', () => {
    const codes = rules.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('has all 41 codes of the language design, placeholder, then the targets design\'s codes and negative-discouraged', () => {
    const design = [
      'syntax', 'unknown-field', 'duplicate-field', 'duplicate-name', 'scene-missing', 'settings-missing', 'aspect', 'resolution',
      'duration-unstable', 'duration-draft', 'timeline', 'logline-missing', 'logline-sentences', 'beat-count', 'beat-fields',
      'camera-missing', 'camera-unknown', 'style-missing', 'style-words', 'audio-plan', 'audio-voices', 'dialogue-marker',
      'dialogue-timing', 'dialogue-length', 'character-unknown', 'anchor-count', 'identity-drift', 'subjects-many', 'lighting-drift',
      'lighting-flicker', 'physics-risk', 'variant-changes', 'variant-empty', 'variant-count', 'variant-base', 'variant-target',
      'cameo-consent', 'cameo-lines', 'reference-video', 'reference-format', 'reference-missing', 'placeholder',
      'model-unknown', 'model-retired', 'clip-length', 'prompt-length', 'audio-unsupported', 'reference-count',
      // Not in the targets design's table: `avoid:` reported where the vendor advises against negatives (docs/targets.md).
      'negative-discouraged',
    ];
    // The sequences design (shared/design/sequences.md) adds five codes after the language's.
    const sequences = ['sequence-scene-missing', 'sequence-duplicate', 'continuity-anchors', 'continuity-style', 'continuity-settings'];
    assert.deepEqual(rules.map((rule) => rule.code), [...design, ...sequences]);
  });

  for (const rule of rules) {
    it(`${rule.code} has a summary and an explanation`, () => {
      assert.ok(rule.summary.trim().length > 10);
      assert.ok(rule.explanation.trim().length > 80, `${rule.code}: the explanation says the limit and why`);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity));
    });
  }
});
