import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import type { AnalyzeOptions } from '../../../server/out/core/analyze';
import { resolveConfig } from '../../../server/out/core/config';
import type { Diagnostic } from '../../../server/out/core/diagnostics';
import type { FileAccess } from '../../../server/out/core/files';
import { parseStoryboard } from '../../../server/out/core/parse';
import { rules, type Rule } from '../../../server/out/core/rules';
import { clean, edit, type CaseSetup, type RuleCase } from '../../../server/out/core/rules/cases';
import { repoRoot } from '../../helpers/paths';
import { applyFix, checkFixes, describeAll, diagnostics, expectNone, expectOne, rangeOf } from './harness';

// Walks the rule table: every rule's own cases (beside the rule, `Rule.cases`) are checked here, so
// a new rule needs its file and its line in the table, nothing else.

/** Files that exist, as the core sees them: a folder lists the names directly in it. */
function filesOf(paths: readonly string[]): FileAccess {
  return {
    exists: (file) => paths.includes(file),
    list: (folder) => paths.filter((file) => path.posix.dirname(file) === folder).map((file) => path.posix.basename(file)),
  };
}

function optionsFor(setup: CaseSetup = {}): AnalyzeOptions {
  return {
    documentPath: setup.documentPath,
    files: setup.files ? filesOf(setup.files) : undefined,
    takeLog: setup.takeLog,
    config: setup.wordsPerSecond === undefined ? undefined : resolveConfig({ wordsPerSecond: setup.wordsPerSecond }),
    sequence: setup.sequence ? { path: setup.sequence.path, storyboard: parseStoryboard(setup.sequence.text) } : undefined,
    otherSequences: setup.otherSequences,
  };
}

function triggered(rule: Rule, c: RuleCase): Diagnostic {
  return expectOne(c.trigger, rule.code, c.severity ?? rule.severity, rangeOf(c.trigger, c.underlines, (c.occurrence ?? 1) - 1), optionsFor(c.setup));
}

describe('rules: each rule\'s cases', () => {
  it('the clean storyboard yields no diagnostic at all', () => {
    assert.deepEqual(describeAll(diagnostics(clean)), '');
  });

  for (const rule of rules) {
    describe(rule.code, () => {
      it('has at least one case', () => assert.ok(rule.cases.length > 0));
      for (const c of rule.cases) {
        it(`fires on ${c.name}`, () => {
          triggered(rule, c);
        });
        for (const near of c.nearMisses) {
          it(`stays silent on ${near.name}`, () => expectNone(near.text, rule.code, optionsFor(near.setup)));
        }
        it(c.fixed ? `${c.name}: the preferred fix makes the stated change and removes it` : `${c.name}: offers no fix`, () => {
          const diagnostic = triggered(rule, c);
          if (!c.fixed) {
            assert.deepEqual(diagnostic.fixes.map((fix) => fix.title), [], 'a fix is offered: the case states what it changes (`fixed`)');
            return;
          }
          const preferred = Math.max(0, diagnostic.fixes.findIndex((fix) => fix.preferred));
          assert.ok(diagnostic.fixes.length > 0, 'the case states a fix, but none is offered');
          assert.equal(applyFix(c.trigger, diagnostic, preferred), edit(c.trigger, ...c.fixed));
          // Every fix (the preferred one and the others) removes or moves on the diagnostic and adds no error.
          assert.equal(checkFixes(c.trigger, rule.code, optionsFor(c.setup)), diagnostic.fixes.length);
        });
      }
    });
  }

  it('every fix that is offered has a title and at most one preferred fix per diagnostic', () => {
    for (const rule of rules) {
      for (const c of rule.cases) {
        for (const d of diagnostics(c.trigger, optionsFor(c.setup))) {
          for (const fix of d.fixes) assert.ok(fix.title.trim(), `${d.code}: fix without a title`);
          assert.ok(d.fixes.filter((fix) => fix.preferred).length <= 1, `${d.code}: more than one preferred fix`);
        }
      }
    }
  });
});

describe('rules: the table', () => {
  it('holds each code once', () => {
    const codes = rules.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('registers every rule module of the rules folder', () => {
    // The sources name the modules (a compiled file left from a deleted source is not one).
    const folder = path.dirname(require.resolve('../../../server/out/core/rules'));
    const defined = fs
      .readdirSync(path.join(repoRoot, 'server/src/core/rules'))
      .filter((name) => name.endsWith('.ts'))
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every module of the folder, by name.
      .flatMap((name) => Object.values(require(path.join(folder, name.replace(/\.ts$/, '.js'))) as Record<string, unknown>))
      .filter((value): value is Rule => typeof value === 'object' && value !== null && 'code' in value && 'check' in value);
    const unregistered = [...new Set(defined)].filter((rule) => !rules.includes(rule)).map((rule) => rule.code);
    assert.deepEqual(unregistered, [], 'a rule module whose rule is not in rules/index.ts');
  });

  for (const rule of rules) {
    it(`${rule.code} has a summary and an explanation`, () => {
      assert.ok(rule.summary.trim().length > 10);
      assert.ok(rule.explanation.trim().length > 80, `${rule.code}: the explanation says the limit and why`);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity));
      assert.match(rule.code, /^[a-z]+(-[a-z]+)*$/);
    });
  }
});
