import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/out/core/analyze';
import { compile } from '../../server/out/core/compile';
import { lex } from '../../server/out/core/lexer';
import { branchVariantText, suggestVariantName } from '../../server/out/core/takeOps';
import { fixturesDir } from '../helpers/paths';

// Writers name characters in their own script: names are letters of any script with their marks,
// compared in NFC (one accented letter or a letter and a combining accent are the same name).

export const scripts = { latin: 'Émile', cyrillic: 'Шеф', greek: 'Ζωή', cjk: '小林', devanagari: 'सीता' };
const fixture = () => fs.readFileSync(path.join(fixturesDir, 'names/scene21.sora'), 'utf8');
const codes = (text: string) => analyze(text, { documentPath: '/work/names/scene21.sora' }).diagnostics.map((d) => `${d.code}: ${d.message}`);

describe('names in any script', () => {
  it('lexes a name in each script (and beyond the BMP) as one Name token', () => {
    for (const name of [...Object.values(scripts), '𠀀林', 'Ana-María_2', 'E\u0301mile']) {
      const tokens = lex(`character ${name}\n`).tokens.map((t) => [t.tokenType.name, t.image]);
      assert.deepEqual(tokens[1], ['Name', name], name);
    }
  });

  it('checks a storyboard with Latin, Cyrillic, Greek, CJK and Devanagari names clean', () => {
    assert.deepEqual(codes(fixture()), []);
  });

  it('compiles each character with its anchors in its shot, and a variant named in Cyrillic', () => {
    const { storyboard } = analyze(fixture());
    const { prompt, error } = compile(storyboard);
    assert.equal(error, null);
    for (const name of Object.values(scripts)) assert.match(prompt, new RegExp(`${name} \\(`), name);
    assert.match(prompt, /Émile \(0:01\): "Bonjour\."/);
    const variant = compile(storyboard, { variant: 'тёплый' });
    assert.equal(variant.error, null);
    assert.match(variant.prompt, /Шеф \(red scarf, brown coat, silver ring\)/);
  });

  it('compares names in NFC: a decomposed Émile is the declared Émile', () => {
    const decomposed = 'E\u0301mile';
    const text = fixture().replace('  say Émile @1s "Bonjour."', `  say ${decomposed} @1s "Bonjour."`).replace('  subject: Émile', `  subject: ${decomposed}`);
    assert.notEqual(text, fixture());
    assert.deepEqual(codes(text), []);
    assert.match(compile(analyze(text).storyboard).prompt, new RegExp(`${decomposed} \\(white apron`));
  });

  it('still reports an undeclared name in another script, with a suggestion', () => {
    const text = fixture().replace('  say Émile @1s "Bonjour."', '  say Шефф @1s "Bonjour."');
    const found = codes(text).filter((line) => line.startsWith('character-unknown'));
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /Did you mean "Шеф"\?/);
  });

  it('branches a take into a variant named in any script, and suggests names from any script', () => {
    const branch = branchVariantText({ takeId: 'take01', spec: { target: 'style', field: 'lighting' }, value: 'warm glow', name: 'тёплый', existingNames: [] });
    assert.equal(branch.text, 'variant тёплый from take01\n  style lighting: warm glow');
    assert.equal(suggestVariantName({ target: 'character', character: 'Шеф', field: 'anchors' }, []), 'шеф-anchors');
    assert.throws(() => branchVariantText({ takeId: 'take01', spec: { target: 'style', field: 'lighting' }, value: 'x', name: '1abc', existingNames: [] }), /is not a name/);
  });
});
