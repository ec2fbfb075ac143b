import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { analyze } from '../../../server/out/core/analyze';
import { ignoredCodes } from '../../../server/out/core/ignore';
import { readExample } from '../../helpers/paths';

// `// sora-ignore CODE[, CODE]` above a line switches those codes off on that line, and only there.

const problems = readExample('problems');
const codesOn = (text: string, line: number) => analyze(text).diagnostics.filter((d) => d.range.start.line + 1 === line).map((d) => d.code);
const above = (text: string, needle: string, comment: string) => text.replace(needle, `${comment}\n${needle}`);

describe('sora-ignore comments', () => {
  const apology = '  action: wearing a blue apron, bows under neon light';

  it('the problems example has identity-drift and lighting-drift on the apology line', () => {
    assert.deepEqual(codesOn(problems, 25), ['identity-drift', 'lighting-drift']);
  });

  it('switches off the code it names on the next line, and nothing else', () => {
    const text = above(problems, apology, '  // sora-ignore identity-drift');
    assert.deepEqual(codesOn(text, 26), ['lighting-drift']);
    const all = (t: string) => analyze(t).diagnostics.filter((d) => d.code !== 'identity-drift').length;
    assert.equal(all(text), all(problems), 'every other diagnostic is still there');
  });

  it('takes several codes, comma- or space-separated, in any case', () => {
    assert.deepEqual(codesOn(above(problems, apology, '  // sora-ignore identity-drift, lighting-drift'), 26), []);
    assert.deepEqual(codesOn(above(problems, apology, '// SORA-IGNORE Lighting-Drift identity-drift'), 26), []);
  });

  it('stacks: several ignore comments above one line', () => {
    assert.deepEqual(codesOn(above(problems, apology, '  // sora-ignore identity-drift\n  // sora-ignore lighting-drift'), 27), []);
  });

  it('reaches the next line only: a blank line or a field in between ends it', () => {
    assert.deepEqual(codesOn(above(problems, apology, '  // sora-ignore identity-drift\n'), 27), ['identity-drift', 'lighting-drift']);
    const onBeatHeader = problems.replace('beat 8s Apology', '// sora-ignore identity-drift\nbeat 8s Apology');
    assert.deepEqual(codesOn(onBeatHeader, 26), ['identity-drift', 'lighting-drift']);
  });

  it('a plain comment, an unknown code or a bare sora-ignore switches nothing off', () => {
    for (const comment of ['  // identity-drift is fine here', '  // sora-ignore identity-drfit', '  // sora-ignore']) {
      assert.deepEqual(codesOn(above(problems, apology, comment), 26), ['identity-drift', 'lighting-drift'], comment);
    }
  });

  it('an ignore comment is itself no syntax error', () => {
    const text = above(problems, apology, '  // sora-ignore identity-drift');
    assert.deepEqual(codesOn(text, 25), []);
  });

  it('reads the codes of a comment line', () => {
    assert.deepEqual(ignoredCodes('  // sora-ignore identity-drift, lighting-drift'), ['identity-drift', 'lighting-drift']);
    assert.deepEqual(ignoredCodes('// sora-ignore'), []);
    assert.deepEqual(ignoredCodes('action: // sora-ignore identity-drift'), []);
    assert.deepEqual(ignoredCodes('// sora-ignored identity-drift'), []);
  });
});
