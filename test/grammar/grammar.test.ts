import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { sectionFields, sectionKeywords } from '../../server/out/core/vocabulary';
import { exampleFiles, fixturesDir, repoRoot } from '../helpers/paths';

// The grammar is tested the way VS Code runs it: vscode-textmate on the Oniguruma WebAssembly build.
// Snapshots pin the whole tokenization of the shared examples; the targeted tests say what matters.

const grammarPath = path.join(repoRoot, 'syntaxes/sora.tmLanguage.json');
const snapshotDir = path.join(repoRoot, 'test/grammar/snapshots');
const PLAIN = '-';

interface Token {
  text: string;
  scopes: string[];
}

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm); // a second call returns the first load's promise
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.sora' ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.sora');
  if (!grammar) throw new Error(`no grammar for source.sora in ${grammarPath}`);
  return grammar;
}

function tokenizeLines(grammar: textmate.IGrammar, text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }))
      .filter((token) => token.text.length > 0);
  });
}

/** The scope a theme colours the token by: its innermost one, or PLAIN when only the root applies. */
function innermostScope(token: Token): string {
  const scopes = token.scopes.filter((scope) => scope !== 'source.sora');
  return scopes.at(-1) ?? PLAIN;
}

/**
 * Each source line, then one line per token: its text (JSON-quoted, so spaces show) and its scope.
 * Plain blanks between tokens are left out: no theme colours them, and they would double the file.
 */
function snapshotOf(grammar: textmate.IGrammar, text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  tokenizeLines(grammar, text).forEach((tokens, index) => {
    out.push(`> ${lines[index]}`);
    for (const token of tokens) {
      const scope = innermostScope(token);
      if (scope === PLAIN && token.text.trim() === '') continue;
      out.push(`  ${JSON.stringify(token.text)} ${scope}`);
    }
  });
  return out.join('\n') + '\n';
}

function readJson(relativePath: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relativePath), 'utf8'));
}

describe('TextMate grammar (syntaxes/sora.tmLanguage.json)', () => {
  let grammar: textmate.IGrammar;

  before(async () => {
    grammar = await loadGrammar();
  });

  /** The innermost scope of each token of one line, as `text → scope` pairs. */
  function tokensOf(line: string): [string, string][] {
    return tokenizeLines(grammar, line)[0].map((token) => [token.text, innermostScope(token)]);
  }

  /** The innermost scope of the token of `line` that is `text`, give or take the blanks around it. */
  function scopeOf(line: string, text: string): string {
    const found = tokensOf(line).find(([tokenText]) => tokenText === text || tokenText.trim() === text);
    assert.ok(found, `no token ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(tokensOf(line))}`);
    return found[1];
  }

  describe('snapshots of the shared examples', () => {
    const examples = { lighthouse: exampleFiles.lighthouse, rooftop: exampleFiles.rooftop, problems: exampleFiles.problems, names: path.join(fixturesDir, 'names/scene21.sora') };
    for (const [name, file] of Object.entries(examples)) {
      it(`tokenizes ${path.basename(path.dirname(file))}/${path.basename(file)} as its snapshot`, () => {
        const actual = snapshotOf(grammar, fs.readFileSync(file, 'utf8'));
        const snapshotFile = path.join(snapshotDir, `${name}.snap`);
        if (process.env.UPDATE_SNAPSHOTS === '1') {
          fs.mkdirSync(snapshotDir, { recursive: true });
          fs.writeFileSync(snapshotFile, actual);
        }
        assert.ok(fs.existsSync(snapshotFile), `missing ${snapshotFile}: run with UPDATE_SNAPSHOTS=1 and review it`);
        assert.equal(actual, fs.readFileSync(snapshotFile, 'utf8'), 'tokens changed: review, then UPDATE_SNAPSHOTS=1');
      });
    }
  });

  describe('lines', () => {
    it('reads `//` as a comment only when it starts the line', () => {
      assert.deepEqual(tokensOf('// The Last Light'), [
        ['//', 'punctuation.definition.comment.sora'],
        [' The Last Light', 'comment.line.double-slash.sora'],
      ]);
      assert.equal(scopeOf('   // indented', ' indented'), 'comment.line.double-slash.sora');
      for (const line of ['  action: walks in // slowly', 'beat 4s Intro // part one', 'logline: A // B.']) {
        assert.ok(tokensOf(line).every(([, scope]) => !scope.startsWith('comment')), line);
      }
    });

    it('reads keywords and field names in any case', () => {
      assert.equal(scopeOf('SETTINGS', 'SETTINGS'), 'keyword.control.section.sora');
      assert.equal(scopeOf('Beat 4S The climb', 'Beat'), 'keyword.control.section.sora');
      assert.equal(scopeOf('Beat 4S The climb', '4S'), 'constant.numeric.duration.sora');
      assert.equal(scopeOf('  Aspect: 16:9', 'Aspect'), 'support.type.property-name.sora');
      assert.equal(scopeOf('VARIANT loud FROM main', 'FROM'), 'keyword.other.from.sora');
      assert.equal(scopeOf('  SAY Mara "Hi"', 'SAY'), 'keyword.other.say.sora');
      for (const keyword of sectionKeywords) {
        const line = keyword === 'logline' || keyword === 'reference' ? `${keyword.toUpperCase()}: x` : keyword.toUpperCase();
        assert.equal(scopeOf(line, keyword.toUpperCase()), 'keyword.control.section.sora', line);
      }
    });

    it('knows every field of every section, and marks others as unknown', () => {
      const fields = new Set(Object.values(sectionFields).flat());
      for (const field of fields) assert.equal(scopeOf(`  ${field}: x`, field), 'support.type.property-name.sora', field);
      assert.equal(scopeOf('  colour: red', 'colour'), 'variable.other.property.sora');
      assert.equal(scopeOf('  colour: red', ':'), 'punctuation.separator.key-value.sora');
    });

    it('reads a say line: keyword, speaker, marker and the quoted line', () => {
      assert.deepEqual(tokensOf('  say Mara @1s "Not tonight."'), [
        ['  ', PLAIN],
        ['say', 'keyword.other.say.sora'],
        [' ', PLAIN],
        ['Mara', 'entity.name.type.character.sora'],
        [' ', PLAIN],
        ['@1s', 'constant.numeric.marker.sora'],
        [' ', PLAIN],
        ['"', 'punctuation.definition.string.begin.sora'],
        ['Not tonight.', 'string.quoted.double.sora'],
        ['"', 'punctuation.definition.string.end.sora'],
      ]);
      assert.equal(scopeOf('  say Chef "No marker"', 'No marker'), 'string.quoted.double.sora');
      assert.equal(scopeOf('  say Chef "unclosed', 'unclosed'), 'string.quoted.double.sora');
    });

    it('reads a marker only when it is `@` and a duration', () => {
      assert.equal(scopeOf('  say Mara @1.5s "Go."', '@1.5s'), 'constant.numeric.marker.sora');
      assert.equal(scopeOf('  say Mara @soon "Go."', '@soon'), PLAIN);
    });

    it('reads durations in a beat header and in settings, and only there', () => {
      assert.equal(scopeOf('beat 1.5s', '1.5s'), 'constant.numeric.duration.sora');
      assert.equal(scopeOf('  duration: 12s', '12s'), 'constant.numeric.duration.sora');
      assert.equal(scopeOf('  duration: 12', '12'), 'constant.numeric.duration.sora');
      assert.equal(scopeOf('  action: waits 4s', 'waits 4s'), PLAIN);
    });

    it('reads a beat title after its duration, colons and all', () => {
      assert.equal(scopeOf('beat 4s The climb', 'The climb'), 'entity.name.section.beat-title.sora');
      assert.equal(scopeOf('beat 4s Dawn: the end', 'Dawn: the end'), 'entity.name.section.beat-title.sora');
    });

    it('reads the scene header, the character header and the variant header', () => {
      assert.equal(scopeOf('scene 12b "Rooftop"', '12b'), 'entity.name.section.scene-id.sora');
      assert.equal(scopeOf('scene 12b "Rooftop"', 'Rooftop'), 'string.quoted.double.sora');
      assert.equal(scopeOf('character Mara', 'Mara'), 'entity.name.type.character.sora');
      assert.equal(scopeOf('variant warmer from take02', 'warmer'), 'entity.name.section.variant.sora');
      assert.equal(scopeOf('variant warmer from take02', 'take02'), 'variable.other.variant-base.sora');
      assert.equal(scopeOf('variant tighter from main', 'main'), 'constant.language.main.sora');
    });

    it('reads names in any script: Latin, Cyrillic, Greek, CJK, Devanagari', () => {
      for (const name of ['Émile', 'Шеф', 'Ζωή', '小林', 'सीता', 'E\u0301mile']) {
        assert.equal(scopeOf(`character ${name}`, name), 'entity.name.type.character.sora', name);
        assert.equal(scopeOf(`  say ${name} @1s "Hi."`, name), 'entity.name.type.character.sora', name);
        assert.equal(scopeOf(`  character ${name} anchors: red scarf`, name), 'entity.name.type.character.sora', name);
        assert.equal(scopeOf(`  character ${name} anchors: red scarf`, 'anchors'), 'support.type.property-name.sora', name);
        assert.equal(scopeOf(`variant ${name} from main`, name), 'entity.name.section.variant.sora', name);
        assert.equal(scopeOf(`variant warmer from ${name}`, name), 'variable.other.variant-base.sora', name);
      }
    });

    it('reads the sequence header and its scenes, one path per entry', () => {
      assert.equal(scopeOf('sequence "The Last Light"', 'sequence'), 'keyword.control.section.sora');
      assert.equal(scopeOf('sequence "The Last Light"', 'The Last Light'), 'string.quoted.double.sora');
      const scenes = '  scenes: scene08.sora, night/scene 09.sora';
      assert.equal(scopeOf(scenes, 'scenes'), 'support.type.property-name.sora');
      assert.equal(scopeOf(scenes, 'scene08.sora'), 'string.unquoted.path.sora');
      assert.equal(scopeOf(scenes, ','), 'punctuation.separator.comma.sora');
      assert.equal(scopeOf(scenes, 'night/scene 09.sora'), 'string.unquoted.path.sora');
    });

    it('reads override lines in a variant: target, field, value', () => {
      const beat = '  beat 2 camera: close-up, slow push in';
      assert.equal(scopeOf(beat, 'beat'), 'keyword.control.section.sora');
      assert.equal(scopeOf(beat, '2'), 'constant.numeric.integer.beat-number.sora');
      assert.equal(scopeOf(beat, 'camera'), 'support.type.property-name.sora');
      assert.equal(scopeOf(beat, 'close-up'), 'support.constant.shot-size.sora');
      assert.equal(scopeOf(beat, 'slow push in'), 'support.constant.camera-movement.sora');
      assert.equal(scopeOf('  style lighting: warm glow', 'style'), 'keyword.control.section.sora');
      assert.equal(scopeOf('  style lighting: warm glow', 'lighting'), 'support.type.property-name.sora');
      assert.equal(scopeOf('  settings duration: 10s', '10s'), 'constant.numeric.duration.sora');
      assert.equal(scopeOf('  character Mara anchors: red scarf', 'Mara'), 'entity.name.type.character.sora');
      assert.equal(scopeOf('  character Mara anchors: red scarf', 'anchors'), 'support.type.property-name.sora');
    });

    it('reads settings values and consent as constants', () => {
      assert.equal(scopeOf('  aspect: 9:16', '9:16'), 'constant.numeric.aspect.sora');
      assert.equal(scopeOf('  resolution: 720p', '720p'), 'constant.numeric.resolution.sora');
      assert.equal(scopeOf('  model: sora-2-pro', 'sora-2-pro'), 'constant.language.model.sora');
      assert.equal(scopeOf('  audio: voice, music', 'music'), 'constant.language.audio.sora');
      assert.equal(scopeOf('  audio: voice, music', ','), 'punctuation.separator.comma.sora');
      const consent = '  consent: approved 2026-10-02, lines approved';
      assert.equal(scopeOf(consent, 'approved'), 'constant.language.consent.sora');
      assert.equal(scopeOf(consent, '2026-10-02'), 'constant.numeric.date.sora');
      assert.equal(scopeOf(consent, 'lines approved'), 'constant.language.consent.lines-approved.sora');
      assert.equal(scopeOf('  consent: revoked', 'revoked'), 'constant.language.consent.sora');
      assert.equal(scopeOf('  consent: pending', 'pending'), 'constant.language.consent.sora');
      assert.equal(scopeOf('  cameo: @ana.rivera', '@ana.rivera'), 'entity.name.tag.cameo.sora');
    });

    it('keeps a value vocabulary to its own field', () => {
      assert.equal(scopeOf('  action: frames it 16:9, static', 'frames it 16:9, static'), PLAIN);
      assert.equal(scopeOf('  look: sora-2 style', 'sora-2 style'), PLAIN);
    });

    it('leaves a line that is no statement plain', () => {
      assert.ok(tokensOf('  just some words').every(([, scope]) => scope === PLAIN));
    });
  });
});

describe('language configuration (language-configuration.json)', () => {
  interface RegExpSource {
    pattern: string;
    flags?: string;
  }
  interface LanguageConfiguration {
    comments: { lineComment: string };
    wordPattern: RegExpSource;
    onEnterRules: { beforeText: RegExpSource; action: { indent: string } }[];
  }
  const config = readJson('language-configuration.json') as LanguageConfiguration;

  it('parses and comments with `//`', () => {
    assert.equal(config.comments.lineComment, '//');
  });

  it('keeps names, durations, markers and aspects whole as words', () => {
    const wordPattern = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags ?? ''}g`);
    const text = 'variant b from take02: sora-2, close-up @1s for 1.5s at 16:9 in 1080p';
    assert.deepEqual(text.match(wordPattern), [
      'variant', 'b', 'from', 'take02', 'sora-2', 'close-up', '@1s', 'for', '1.5s', 'at', '16:9', 'in', '1080p',
    ]);
  });

  it('indents after a section header, not after a field or an override', () => {
    const indentsAfter = (line: string) =>
      config.onEnterRules.some(
        (rule) => rule.action.indent === 'indent' && new RegExp(rule.beforeText.pattern, rule.beforeText.flags).test(line),
      );
    for (const header of ['settings', 'Style', 'character Mara', 'beat 4s The climb', 'beat 1.5s', 'variant warmer from take02']) {
      assert.ok(indentsAfter(header), header);
    }
    for (const other of ['scene 09 "X"', 'logline: x', '  anchors: a, b', '  beat 2 camera: wide', '  style lighting: x', '  character Mara anchors: x']) {
      assert.ok(!indentsAfter(other), other);
    }
  });
});
