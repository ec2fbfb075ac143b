import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { corpusNames, formatReport, scoreCorpus, scoreFile, wordRules } from '../accuracy/accuracy';

// The corpus is the contract: every planted problem is found, every clean storyboard stays clean,
// and none of them trips a rule that does not judge words (they are valid, complete storyboards).
// A change to the word lists that trades a false alarm for a miss fails here, visibly.

describe('accuracy: the word rules on the corpus of realistic storyboards', () => {
  const report = scoreCorpus();
  const where = (name: string, line: number, code: string, message = '') => `${name}.sora:${line} ${code}${message ? `: ${message}` : ''}`;

  it('has at least 60 storyboards, clean ones and ones with a planted problem for every word rule', () => {
    assert.ok(corpusNames().length >= 60, `${corpusNames().length} storyboards`);
    assert.ok(report.cleanFiles >= 20, `${report.cleanFiles} clean storyboards`);
    for (const code of wordRules) {
      const planted = report.files.filter((file) => file.expected.some((e) => e.code === code)).length;
      assert.ok(planted >= 5, `${code}: ${planted} planted storyboards`);
    }
  });

  it('keeps every clean storyboard clean', () => {
    const alarms = report.files.filter((file) => !file.expected.length).flatMap((file) => file.found.map((f) => where(file.name, f.line, f.code, f.message)));
    assert.deepEqual(alarms, []);
  });

  it('finds every planted problem', () => {
    const missed = report.files.flatMap((file) => file.missed.map((m) => where(file.name, m.line, m.code)));
    assert.deepEqual(missed, []);
  });

  it('raises nothing a reader did not expect in a planted storyboard', () => {
    const alarms = report.files.filter((file) => file.expected.length).flatMap((file) => file.falseAlarms.map((f) => where(file.name, f.line, f.code, f.message)));
    assert.deepEqual(alarms, []);
  });

  it('trips no other rule: the corpus is valid, complete storyboards', () => {
    const others = report.files.flatMap((file) => file.others.map((f) => where(file.name, f.line, f.code, f.message)));
    assert.deepEqual(others, []);
  });

  it('scores a miss and a false alarm, and prints them', () => {
    const text = 'scene 01\nstyle\n  look: 35mm, grainy, warm, soft\n';
    const result = scoreFile('probe', text, [{ code: 'lighting-drift', line: 2 }]);
    assert.deepEqual(result.missed, [{ code: 'lighting-drift', line: 2 }]);
    assert.deepEqual(result.falseAlarms.map((f) => [f.code, f.line]), [['style-words', 3]]);
    const printed = formatReport({ ...report, files: [result] });
    assert.match(printed, /Missed:\n {2}probe\.sora:2 lighting-drift/);
    assert.match(printed, /False alarms:\n {2}probe\.sora:3 warning style-words/);
    assert.match(printed, /identity-drift\s+\d+/);
  });
});
