import assert from 'node:assert/strict';
import type * as AstModule from '../../server/out/core/ast';
import { exampleFiles, readExample } from '../helpers/paths';
import { parseStoryboard, splitList } from '../../server/out/core/parse';
import { analyze } from '../../server/out/core/analyze';

type Range = AstModule.Range;
type Storyboard = AstModule.Storyboard;

function r(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The source text a single-line range covers. */
function slice(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(range.start.line, range.end.line, 'expected a single-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

function noErrors(storyboard: Storyboard): void {
  assert.deepEqual(storyboard.syntaxErrors, [], JSON.stringify(storyboard.syntaxErrors));
}

function only<T>(items: T[]): T {
  assert.equal(items.length, 1, `expected exactly one item, got ${items.length}`);
  return items[0];
}

describe('parser: constructs', () => {
  describe('scene header', () => {
    it('reads a numeric id and a quoted title, with exact ranges', () => {
      const s = parseStoryboard('scene 09 "The Last Light"');
      noErrors(s);
      assert.ok(s.scene);
      assert.equal(s.scene.kind, 'scene');
      assert.deepEqual(s.scene.id, { text: '09', range: r(0, 6, 0, 8) });
      assert.deepEqual(s.scene.title, { text: 'The Last Light', range: r(0, 10, 0, 24) });
      assert.deepEqual(s.scene.keyword, { text: 'scene', range: r(0, 0, 0, 5) });
      assert.deepEqual(s.scene.headerRange, r(0, 0, 0, 25));
      assert.deepEqual(s.scene.range, r(0, 0, 0, 25));
    });

    it('reads an id with a letter such as 12b, without a title', () => {
      const s = parseStoryboard('scene 12b');
      noErrors(s);
      assert.deepEqual(s.scene?.id, { text: '12b', range: r(0, 6, 0, 9) });
      assert.equal(s.scene?.title, undefined);
    });

    it('reads a title that holds a colon and keywords', () => {
      const text = 'scene 3 "Beat: the scene from style"';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.equal(s.scene?.title?.text, 'Beat: the scene from style');
      assert.equal(slice(text, s.scene!.title!.range), 'Beat: the scene from style');
    });

    it('accepts an empty title', () => {
      const s = parseStoryboard('scene 09 ""');
      noErrors(s);
      assert.deepEqual(s.scene?.title, { text: '', range: r(0, 10, 0, 10) });
    });
  });

  describe('sequence', () => {
    const film = [
      'sequence "The Last Light"',
      '  scenes: scene08.sora, night/scene09.sora',
      '  scenes: scene10.sora',
      '',
      'settings',
      '  aspect: 16:9',
      '',
      'style',
      '  palette: teal and amber',
      '',
      'character Mara',
      '  anchors: silver braid, yellow raincoat, weathered hands',
    ].join('\n');

    it('reads the title and every scenes: line in film order, with exact ranges', () => {
      const s = parseStoryboard(film);
      noErrors(s);
      assert.ok(s.sequence);
      assert.equal(s.sequence.kind, 'sequence');
      assert.deepEqual(s.sequence.title, { text: 'The Last Light', range: r(0, 10, 0, 24) });
      assert.deepEqual(s.sequence.headerRange, r(0, 0, 0, 25));
      assert.deepEqual(s.sequence.range, r(0, 0, 2, 22));
      assert.deepEqual(s.sequence.scenes, [
        { text: 'scene08.sora', range: r(1, 10, 1, 22) },
        { text: 'night/scene09.sora', range: r(1, 24, 1, 42) },
        { text: 'scene10.sora', range: r(2, 10, 2, 22) },
      ]);
      assert.equal(s.scene, undefined);
      assert.equal(s.settings?.fields[0].value.text, '16:9');
      assert.equal(s.style?.fields[0].value.text, 'teal and amber');
      assert.equal(only(s.characters).anchors.length, 3);
    });

    it('reads `scenes` as a field, not as the scene keyword', () => {
      const s = parseStoryboard(film);
      assert.deepEqual(s.sequence?.fields.map((f) => f.key), ['scenes', 'scenes']);
    });

    it('rejects beats, say lines, variants, a scene header and a logline in a sequence file, one error a line', () => {
      const s = parseStoryboard([film, 'scene 09 "No"', 'logline: No.', 'beat 4s No', '  say Mara "No."', 'variant v from main'].join('\n'));
      assert.deepEqual(s.syntaxErrors.map((e) => e.range.start.line), [12, 13, 14, 15, 16]);
      assert.ok(s.syntaxErrors.every((e) => /sequence/.test(e.message)), JSON.stringify(s.syntaxErrors));
      assert.equal(s.beats.length, 0);
      assert.equal(s.variants.length, 0);
      assert.equal(s.scene, undefined);
    });

    it('is a sequence only as the first section: later, the header is an error and the file stays a scene', () => {
      const s = parseStoryboard('scene 09 "x"\nsequence "Late"\n  scenes: a.sora');
      assert.equal(s.sequence, undefined);
      assert.equal(s.syntaxErrors[0].range.start.line, 1);
      assert.match(s.syntaxErrors[0].message, /first section/);
    });

    it('reports an unterminated title and keeps its text', () => {
      const s = parseStoryboard('sequence "Open');
      assert.equal(s.sequence?.title?.text, 'Open');
      assert.match(only(s.syntaxErrors).message, /closing quote/);
    });
  });

  describe('logline and reference', () => {
    it('reads a logline as one trimmed value', () => {
      const text = 'logline:   An old keeper relights the lamp.   ';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.deepEqual(s.logline?.value, { text: 'An old keeper relights the lamp.', range: r(0, 11, 0, 43) });
      assert.deepEqual(s.logline?.headerRange, r(0, 0, 0, 43));
      assert.equal(s.sections[0].kind, 'logline');
    });

    it('an empty logline has no value and no error', () => {
      const s = parseStoryboard('logline:');
      noErrors(s);
      assert.equal(s.logline?.value, undefined);
    });

    it('reads references, several allowed, with the path range', () => {
      const text = 'reference: refs/lighthouse.png\nreference: refs/b c.jpg';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.equal(s.references.length, 2);
      assert.deepEqual(s.references[0].path, { text: 'refs/lighthouse.png', range: r(0, 11, 0, 30) });
      assert.deepEqual(s.references[1].path, { text: 'refs/b c.jpg', range: r(1, 11, 1, 23) });
    });
  });

  describe('settings and style', () => {
    const text = ['settings', '  aspect: 16:9', '  resolution: 1080p', '  duration: 12s', '  audio: voice, ambience', '  model: sora-2', '', 'style', '  palette: teal and amber', '  lighting: stormy dusk, consistent lighting', '  look: 35mm, grainy'].join('\n');

    it('reads each field with key, name, value and line ranges', () => {
      const s = parseStoryboard(text);
      noErrors(s);
      assert.ok(s.settings && s.style);
      assert.deepEqual(
        s.settings.fields.map((f) => [f.key, f.value.text]),
        [['aspect', '16:9'], ['resolution', '1080p'], ['duration', '12s'], ['audio', 'voice, ambience'], ['model', 'sora-2']],
      );
      const aspect = s.settings.fields[0];
      assert.deepEqual(aspect.name, { text: 'aspect', range: r(1, 2, 1, 8) });
      assert.deepEqual(aspect.value, { text: '16:9', range: r(1, 10, 1, 14) });
      assert.deepEqual(aspect.range, r(1, 2, 1, 14));
      assert.deepEqual(s.settings.headerRange, r(0, 0, 0, 8));
      assert.deepEqual(s.settings.range, r(0, 0, 5, 15));
      assert.deepEqual(s.style.range, r(7, 0, 10, 20));
      assert.deepEqual(s.style.fields[1].value, { text: 'stormy dusk, consistent lighting', range: r(9, 12, 9, 44) });
    });

    it('the value of a field may hold colons and keywords', () => {
      const s = parseStoryboard('beat 4s\n  action: beat the scene: say from style');
      noErrors(s);
      assert.equal(s.beats[0].fields[0].value.text, 'beat the scene: say from style');
    });

    it('a field without a value has an empty value at the end of its line', () => {
      const s = parseStoryboard('settings\n  aspect:');
      noErrors(s);
      assert.deepEqual(s.settings?.fields[0].value, { text: '', range: r(1, 9, 1, 9) });
    });

    it('a repeated settings section adds its fields to the first', () => {
      const s = parseStoryboard('settings\n  aspect: 16:9\nsettings\n  aspect: 9:16');
      noErrors(s);
      assert.equal(s.settings?.fields.length, 2);
    });
  });

  describe('character', () => {
    it('reads name, anchors with ranges, and cameo', () => {
      const text = 'character Ana\n  cameo: @ana.rivera\n  anchors: short black bob, red scarf,  silver hoop earrings';
      const s = parseStoryboard(text);
      noErrors(s);
      const ana = only(s.characters);
      assert.deepEqual(ana.name, { text: 'Ana', range: r(0, 10, 0, 13) });
      assert.deepEqual(ana.cameo, { text: '@ana.rivera', range: r(1, 9, 1, 20) });
      assert.deepEqual(ana.anchors, [
        { text: 'short black bob', range: r(2, 11, 2, 26) },
        { text: 'red scarf', range: r(2, 28, 2, 37) },
        { text: 'silver hoop earrings', range: r(2, 40, 2, 60) },
      ]);
      for (const anchor of ana.anchors) assert.equal(slice(text, anchor.range), anchor.text);
      assert.deepEqual(ana.range, r(0, 0, 2, 60));
    });

    it('the last anchors field wins; a character without anchors has none', () => {
      const s = parseStoryboard('character A\n  anchors: a, b\n  anchors: c\ncharacter B');
      assert.deepEqual(s.characters[0].anchors.map((a) => a.text), ['c']);
      assert.deepEqual(s.characters[1].anchors, []);
    });

    const consents: [string, string, string | undefined, boolean][] = [
      ['approved 2026-10-02, lines approved', 'approved', '2026-10-02', true],
      ['approved 2026-10-02', 'approved', '2026-10-02', false],
      ['Approved 2026-10-02, Lines Approved', 'approved', '2026-10-02', true],
      ['pending', 'pending', undefined, false],
      ['revoked 2026-01-05', 'revoked', '2026-01-05', false],
      ['revoked', 'revoked', undefined, false],
      ['approved', 'invalid', undefined, false],
      ['maybe later', 'invalid', undefined, false],
      ['approved yesterday', 'invalid', undefined, false],
    ];
    for (const [value, status, date, lines] of consents) {
      it(`consent "${value}" is ${status}`, () => {
        const text = `character Ana\n  consent: ${value}`;
        const s = parseStoryboard(text);
        noErrors(s);
        const consent = s.characters[0].consent;
        assert.ok(consent);
        assert.equal(consent.status, status);
        assert.equal(consent.linesApproved, lines);
        assert.equal(consent.date?.text, date);
        if (consent.date) assert.equal(slice(text, consent.date.range), date);
        assert.deepEqual(consent.value, { text: value, range: r(1, 11, 1, 11 + value.length) });
      });
    }
  });

  describe('beat', () => {
    it('reads a whole-second duration and a title, with ranges', () => {
      const s = parseStoryboard('beat 4s The climb');
      noErrors(s);
      const beat = only(s.beats);
      assert.equal(beat.index, 1);
      assert.deepEqual(beat.duration, { seconds: 4, range: r(0, 5, 0, 7) });
      assert.deepEqual(beat.title, { text: 'The climb', range: r(0, 8, 0, 17) });
      assert.deepEqual(beat.headerRange, r(0, 0, 0, 17));
    });

    it('reads a fractional duration', () => {
      const s = parseStoryboard('beat 1.5s Flash');
      noErrors(s);
      assert.deepEqual(s.beats[0].duration, { seconds: 1.5, range: r(0, 5, 0, 9) });
    });

    it('a beat without a title', () => {
      const s = parseStoryboard('beat 4s');
      noErrors(s);
      assert.equal(s.beats[0].title, undefined);
    });

    const titles = [
      'Act 1: the fall',
      'The scene from the style of beat',
      'Say "goodbye" // not a comment',
      'She says: "wait" @ 3s, 12b & more!',
      '2 minutes',
      '@dawn',
    ];
    for (const title of titles) {
      it(`keeps the free title ${JSON.stringify(title)} verbatim`, () => {
        const text = `beat 3s ${title}\n  subject: Mara`;
        const s = parseStoryboard(text);
        noErrors(s);
        assert.deepEqual(s.beats[0].title, { text: title, range: r(0, 8, 0, 8 + title.length) });
        assert.equal(s.beats[0].fields[0].key, 'subject');
      });
    }

    it('reads fields and the beat range runs to its last line', () => {
      const text = 'beat 4s The lamp\n  subject: Mara\n  action: strikes a match\n\n  camera: close-up, static\n\nbeat 2s Next';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.deepEqual(s.beats[0].fields.map((f) => f.key), ['subject', 'action', 'camera']);
      assert.deepEqual(s.beats[0].range, r(0, 0, 4, 26));
      assert.equal(s.beats[1].index, 2);
    });

    it('reads say lines with and without markers, exact ranges, quotes excluded', () => {
      const text = 'beat 4s\n  say Mara @1s "Not tonight."\n  say Mara "Again?"\n  say Theo @1.5s "Wait: no // yes"';
      const s = parseStoryboard(text);
      noErrors(s);
      const [a, b, c] = s.beats[0].says;
      assert.deepEqual(a.speaker, { text: 'Mara', range: r(1, 6, 1, 10) });
      assert.deepEqual(a.marker, { seconds: 1, range: r(1, 11, 1, 14) });
      assert.deepEqual(a.line, { text: 'Not tonight.', range: r(1, 16, 1, 28) });
      assert.deepEqual(a.range, r(1, 2, 1, 29));
      assert.equal(b.marker, undefined);
      assert.deepEqual(b.line, { text: 'Again?', range: r(2, 12, 2, 18) });
      assert.deepEqual(c.marker, { seconds: 1.5, range: r(3, 11, 3, 16) });
      assert.equal(c.line.text, 'Wait: no // yes');
      assert.equal(slice(text, c.line.range), 'Wait: no // yes');
      assert.deepEqual(s.beats[0].range, r(0, 0, 3, 34));
    });
  });

  describe('variant', () => {
    const text = [
      'variant warmer from take02',
      '  beat 2 camera: close-up, static',
      '  style lighting: warm tungsten glow',
      '  settings duration: 10s',
      '  character Mara anchors: grey braid, red coat',
    ].join('\n');

    it('reads name and base with ranges', () => {
      const s = parseStoryboard(text);
      noErrors(s);
      const v = only(s.variants);
      assert.deepEqual(v.name, { text: 'warmer', range: r(0, 8, 0, 14) });
      assert.deepEqual(v.base, { text: 'take02', range: r(0, 20, 0, 26) });
      assert.deepEqual(v.headerRange, r(0, 0, 0, 26));
      assert.deepEqual(v.range, r(0, 0, 4, 46));
    });

    it('reads each override kind with exact ranges', () => {
      const [beat, style, settings, character] = parseStoryboard(text).variants[0].overrides;
      assert.deepEqual(beat, {
        target: 'beat',
        beat: { number: 2, range: r(1, 7, 1, 8) },
        character: undefined,
        field: { text: 'camera', range: r(1, 9, 1, 15) },
        value: { text: 'close-up, static', range: r(1, 17, 1, 33) },
        range: r(1, 2, 1, 33),
      });
      assert.equal(style.target, 'style');
      assert.deepEqual(style.field, { text: 'lighting', range: r(2, 8, 2, 16) });
      assert.deepEqual(style.value, { text: 'warm tungsten glow', range: r(2, 18, 2, 36) });
      assert.equal(style.beat, undefined);
      assert.equal(settings.target, 'settings');
      assert.deepEqual(settings.field, { text: 'duration', range: r(3, 11, 3, 19) });
      assert.deepEqual(settings.value, { text: '10s', range: r(3, 21, 3, 24) });
      assert.equal(character.target, 'character');
      assert.deepEqual(character.character, { text: 'Mara', range: r(4, 12, 4, 16) });
      assert.deepEqual(character.field, { text: 'anchors', range: r(4, 17, 4, 24) });
      assert.deepEqual(character.value, { text: 'grey braid, red coat', range: r(4, 26, 4, 46) });
    });

    it('an override with an empty value is kept with an empty value', () => {
      const s = parseStoryboard('variant a from main\n  beat 1 camera:');
      noErrors(s);
      assert.equal(s.variants[0].overrides[0].value.text, '');
    });

    it('a variant may branch from main or another variant', () => {
      const s = parseStoryboard('variant a from main\nvariant b from a');
      noErrors(s);
      assert.deepEqual(s.variants.map((v) => [v.name?.text, v.base?.text]), [['a', 'main'], ['b', 'a']]);
    });
  });

  describe('comments', () => {
    it('whole-line comments are comments, `//` inside a value is text', () => {
      const text = '// top\n  // indented\nbeat 4s\n  action: looks up // at the sky\n\t// tabbed';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.deepEqual(s.comments, [
        { text: '// top', range: r(0, 0, 0, 6) },
        { text: '// indented', range: r(1, 2, 1, 13) },
        { text: '// tabbed', range: r(4, 1, 4, 10) },
      ]);
      assert.equal(s.beats[0].fields[0].value.text, 'looks up // at the sky');
    });

    it('a comment does not end a section', () => {
      const s = parseStoryboard('beat 4s\n  // note\n  subject: Mara');
      noErrors(s);
      assert.equal(s.beats[0].fields[0].key, 'subject');
    });
  });

  describe('line endings, case and blanks', () => {
    const lf = readExample('lighthouse');

    it('CRLF gives the same tree as LF', () => {
      assert.deepEqual(parseStoryboard(lf.replace(/\n/g, '\r\n')), parseStoryboard(lf));
    });

    it('CR-only and mixed line endings give the same tree as LF', () => {
      assert.deepEqual(parseStoryboard(lf.replace(/\n/g, '\r')), parseStoryboard(lf));
      let i = 0;
      const mixed = lf.replace(/\n/g, () => ['\n', '\r', '\r\n'][i++ % 3]);
      assert.deepEqual(parseStoryboard(mixed), parseStoryboard(lf));
    });

    it('ranges on CRLF lines stop before the carriage return', () => {
      const s = parseStoryboard('beat 4s Title\r\n  subject: Mara\r\n');
      noErrors(s);
      assert.deepEqual(s.beats[0].title?.range, r(0, 8, 0, 13));
      assert.deepEqual(s.beats[0].fields[0].value, { text: 'Mara', range: r(1, 11, 1, 15) });
      assert.equal(s.lineCount, 3);
    });

    it('keywords and field keys are case-insensitive', () => {
      const text = 'SCENE 09\nLogLine: x\nSETTINGS\n  Aspect: 16:9\nStyle\n  LOOK: 35mm\nCharacter Mara\n  ANCHORS: a, b, c\nBEAT 4S T\n  Subject: Mara\n  SAY Mara @1S "x"\nVariant w FROM main\n  BEAT 1 CAMERA: wide\n  STYLE look: x\n  Settings Duration: 4s\n  CHARACTER Mara Anchors: d';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.equal(s.scene?.id?.text, '09');
      assert.equal(s.logline?.value?.text, 'x');
      assert.equal(s.settings?.fields[0].key, 'aspect');
      assert.equal(s.settings?.fields[0].name.text, 'Aspect');
      assert.equal(s.style?.fields[0].key, 'look');
      assert.deepEqual(s.characters[0].anchors.map((a) => a.text), ['a', 'b', 'c']);
      assert.equal(s.beats[0].duration?.seconds, 4);
      assert.equal(s.beats[0].fields[0].key, 'subject');
      assert.equal(s.beats[0].says[0].marker?.seconds, 1);
      assert.equal(s.beats[0].keyword.text, 'BEAT');
      assert.deepEqual(s.variants[0].overrides.map((o) => o.target), ['beat', 'style', 'settings', 'character']);
    });

    it('names keep their case', () => {
      const s = parseStoryboard('character Mara\ncharacter mara\nvariant Warm from main\nvariant warm from Warm');
      noErrors(s);
      assert.deepEqual(s.characters.map((c) => c.name?.text), ['Mara', 'mara']);
      assert.deepEqual(s.variants.map((v) => v.base?.text), ['main', 'Warm']);
    });

    it('names are case-sensitive for the checker too: `mara` is not `Mara`', () => {
      const text = 'character Mara\n  anchors: a, b, c\nbeat 4s\n  subject: Mara\n  say mara @1s "Hi"\ncharacter MARA';
      const codes = analyze(text).diagnostics.map((d) => [d.code, d.range.start.line]);
      assert.deepEqual(codes.filter(([code]) => code === 'character-unknown'), [['character-unknown', 4]]);
      assert.ok(!codes.some(([code]) => code === 'duplicate-name'), 'Mara and MARA are two names');
    });

    it('blank lines and tabs are insignificant', () => {
      const text = '\n\n\tbeat\t4s\tThe climb\t\n\n\t\tsubject:\tMara\t\n   \n';
      const s = parseStoryboard(text);
      noErrors(s);
      assert.deepEqual(s.beats[0].title, { text: 'The climb', range: r(2, 9, 2, 18) });
      assert.deepEqual(s.beats[0].fields[0].value, { text: 'Mara', range: r(4, 11, 4, 15) });
      assert.deepEqual(s.beats[0].headerRange, r(2, 1, 2, 18));
      assert.equal(s.lineCount, 7);
    });

    it('an empty document parses to an empty tree', () => {
      const s = parseStoryboard('');
      noErrors(s);
      assert.equal(s.sections.length, 0);
      assert.equal(s.lineCount, 1);
    });
  });

  describe('the shared examples', () => {
    for (const name of ['lighthouse', 'rooftop', 'problems'] as const) {
      it(`${name} parses without syntax errors`, () => {
        noErrors(parseStoryboard(readExample(name)));
      });
    }

    it('lighthouse has every section in order', () => {
      const s = parseStoryboard(readExample('lighthouse'));
      assert.deepEqual(
        s.sections.map((x) => x.kind),
        ['scene', 'logline', 'settings', 'style', 'character', 'reference', 'beat', 'beat', 'beat', 'variant'],
      );
      assert.equal(s.comments.length, 1);
      assert.equal(s.lineCount, readExample('lighthouse').split('\n').length);
      assert.ok(exampleFiles.lighthouse.endsWith('scene09.sora'));
    });
  });
});

describe('parser: recovery', () => {
  /** Asserts exactly one syntax error on `line` whose message matches, and returns the tree. */
  function oneError(text: string, line: number, message: RegExp): Storyboard {
    const s = parseStoryboard(text);
    assert.equal(s.syntaxErrors.length, 1, JSON.stringify(s.syntaxErrors));
    assert.equal(s.syntaxErrors[0].range.start.line, line);
    assert.equal(s.syntaxErrors[0].range.end.line, line);
    assert.match(s.syntaxErrors[0].message, message);
    return s;
  }

  const after = '\nbeat 2s After\n  subject: Mara';
  function stillParses(s: Storyboard): void {
    const last = s.beats[s.beats.length - 1];
    assert.equal(last.title?.text, 'After');
    assert.equal(last.fields[0].value.text, 'Mara');
  }

  it('a beat header without a duration', () => {
    const s = oneError('beat x The climb' + after, 0, /`beat DURATION \[TITLE\]`/);
    assert.deepEqual(s.syntaxErrors[0].range, r(0, 0, 0, 16));
    assert.match(s.syntaxErrors[0].message, /found `beat x The climb`/);
    assert.equal(s.beats.length, 1);
    stillParses(s);
  });

  it('a beat header with a malformed duration (4 s, 4sec, 4.s)', () => {
    for (const bad of ['beat 4 s T', 'beat 4sec T', 'beat 4.s T', 'beat -4s']) {
      const s = oneError(bad + after, 0, /beat DURATION/);
      stillParses(s);
    }
  });

  it('a say line without a quote', () => {
    const s = oneError('beat 4s\n  say Mara @1s Not tonight' + after, 1, /`say NAME \[@MARKER\] "LINE"`/);
    assert.deepEqual(s.syntaxErrors[0].range, r(1, 2, 1, 26));
    assert.equal(s.beats[0].says.length, 0);
    stillParses(s);
  });

  it('a say line with a bad marker points at the marker', () => {
    const s = oneError('beat 4s\n  say Mara @soon "Hi"' + after, 1, /A marker is `@` and a duration such as `@1s`; found `@soon`/);
    assert.deepEqual(s.syntaxErrors[0].range, r(1, 11, 1, 16));
    stillParses(s);
  });

  it('a say line whose quote is not closed keeps the line', () => {
    const s = oneError('beat 4s\n  say Mara @1s "Not tonight' + after, 1, /closing quote/);
    assert.deepEqual(s.syntaxErrors[0].range, r(1, 15, 1, 27));
    assert.deepEqual(s.beats[0].says[0].line, { text: 'Not tonight', range: r(1, 16, 1, 27) });
    stillParses(s);
  });

  it('a say line outside a beat', () => {
    const s = oneError('character Mara\n  say Mara "Hi"' + after, 1, /belongs inside a beat/);
    stillParses(s);
  });

  it('a say line without a speaker, and extra text after the quote', () => {
    oneError('beat 4s\n  say "Hi"', 1, /say NAME/);
    oneError('beat 4s\n  say Mara "Hi" loudly', 1, /say NAME/);
  });

  for (const [line, shape] of [
    ['beat 2 camera: wide', /belongs inside a `variant`.*`beat DURATION \[TITLE\]`/],
    ['style lighting: warm', /belongs inside a `variant`.*`style` alone on its line/],
    ['settings duration: 10s', /belongs inside a `variant`.*`settings` alone on its line/],
    ['character Mara anchors: a, b', /belongs inside a `variant`.*`character NAME`/],
  ] as const) {
    it(`an override outside a variant: ${line}`, () => {
      const s = oneError(`beat 4s First\n  ${line}${after}`, 1, shape);
      assert.deepEqual(s.syntaxErrors[0].range, r(1, 2, 1, 2 + line.length));
      assert.equal(s.beats[0].fields.length, 0);
      stillParses(s);
    });
  }

  it('a field outside any section', () => {
    const s = oneError('// header\nsubject: Mara\nscene 01' + after, 1, /`subject:` stands outside any section/);
    assert.deepEqual(s.syntaxErrors[0].range, r(1, 0, 1, 13));
    assert.equal(s.scene?.id?.text, '01');
    stillParses(s);
  });

  it('stray text', () => {
    const s = oneError('beat 4s\n  just some words here' + after, 1, /Expected a section keyword .* a `FIELD: VALUE` line or a `say` line; found `just some words here`/);
    assert.deepEqual(s.syntaxErrors[0].range, r(1, 2, 1, 22));
    stillParses(s);
  });

  it('a colon without a field name', () => {
    const s = oneError('beat 4s\n  : wide' + after, 1, /A field needs a name before the colon/);
    stillParses(s);
  });

  it('an unterminated scene title', () => {
    const s = oneError('scene 09 "The Last Light' + after, 0, /The scene title needs a closing quote/);
    assert.deepEqual(s.syntaxErrors[0].range, r(0, 0, 0, 24));
    assert.equal(s.scene?.title?.text, 'The Last Light');
    stillParses(s);
  });

  it('a second scene header', () => {
    const s = oneError('scene 09 "A"\nlogline: x\nscene 10 "B"' + after, 2, /one scene.*second `scene` header is ignored/);
    assert.equal(s.scene?.id?.text, '09');
    assert.deepEqual(s.syntaxErrors[0].range, r(2, 0, 2, 12));
    stillParses(s);
  });

  it('a second scene header whose title is also unterminated is still one error on its line', () => {
    // Both problems are on the same line; the design allows one `syntax` error per bad line.
    const s = oneError('scene 09 "A"\nscene 10 "B' + after, 1, /one scene|closing quote/);
    assert.equal(s.scene?.id?.text, '09');
    stillParses(s);
  });

  it('scene with text after the title, character with two names, variant without from', () => {
    oneError('scene 09 "A" extra', 0, /`scene ID "TITLE"`/);
    oneError('character Mara Jane', 0, /`character NAME`/);
    oneError('variant warmer take02', 0, /`variant NAME from BASE`/);
    oneError('variant from main', 0, /`variant NAME from BASE`/);
    oneError('settings extra words', 0, /`settings` alone on its line/);
  });

  it('each bad line costs one error and no more', () => {
    const text = ['beat x', 'hello there', 'say', 'beat 4s Good', '  subject: Mara', '  ???', '  say Mara @x "a"', '  action: runs'].join('\n');
    const s = parseStoryboard(text);
    assert.deepEqual(s.syntaxErrors.map((e) => e.range.start.line), [0, 1, 2, 5, 6]);
    assert.deepEqual(s.beats[0].fields.map((f) => f.key), ['subject', 'action']);
  });

  it('a bad line inside a section does not end it', () => {
    const s = parseStoryboard('character Mara\n  ???\n  anchors: a, b, c');
    assert.equal(s.syntaxErrors.length, 1);
    assert.equal(s.characters[0].anchors.length, 3);
  });

  it('every recovery message says what was expected', () => {
    for (const line of ['beat', 'scene "x" 1', 'variant', 'character', 'say 1 "x"', 'from main', '@1s', '"quoted"', '12']) {
      const s = parseStoryboard(line);
      assert.equal(s.syntaxErrors.length, 1, line);
      assert.match(s.syntaxErrors[0].message, /should be|Expected|needs|belongs/, line);
    }
  });
});

describe('splitList', () => {
  it('splits and trims with exact ranges, dropping empty items', () => {
    const value = { text: 'a,, b ,c,', range: r(3, 10, 3, 19) };
    assert.deepEqual(splitList(value), [
      { text: 'a', range: r(3, 10, 3, 11) },
      { text: 'b', range: r(3, 14, 3, 15) },
      { text: 'c', range: r(3, 17, 3, 18) },
    ]);
  });

  it('a value without commas is one item; an empty value none', () => {
    assert.deepEqual(splitList({ text: 'voice', range: r(0, 9, 0, 14) }), [{ text: 'voice', range: r(0, 9, 0, 14) }]);
    assert.deepEqual(splitList({ text: '', range: r(0, 9, 0, 9) }), []);
  });

  it('list items of a parsed audio field point at their source text', () => {
    const text = 'settings\n\taudio:   voice ,ambience,  music ';
    const s = parseStoryboard(text);
    const items = splitList(s.settings!.fields[0].value);
    assert.deepEqual(items.map((i) => i.text), ['voice', 'ambience', 'music']);
    for (const item of items) assert.equal(slice(text, item.range), item.text);
    assert.deepEqual(items[0].range, r(1, 10, 1, 15));
  });
});

describe('timing', () => {
  it('beats start where the previous one ends', () => {
    const s = parseStoryboard('beat 4s\nbeat 1.5s\nbeat 2.5s\nbeat 4s');
    assert.deepEqual(s.beats.map((b) => [b.start, b.end]), [[0, 4], [4, 5.5], [5.5, 8], [8, 12]]);
  });

  it('the shared examples: lighthouse 0-4-8-12, rooftop 0-5-10-15, problems 0-3-11', () => {
    const spans = (name: 'lighthouse' | 'rooftop' | 'problems') => parseStoryboard(readExample(name)).beats.map((b) => [b.start, b.end]);
    assert.deepEqual(spans('lighthouse'), [[0, 4], [4, 8], [8, 12]]);
    assert.deepEqual(spans('rooftop'), [[0, 5], [5, 10], [10, 15]]);
    assert.deepEqual(spans('problems'), [[0, 3], [3, 11]]);
  });

  it('a bad beat header does not count toward the timeline', () => {
    const s = parseStoryboard('beat 4s\nbeat x\nbeat 2s');
    assert.deepEqual(s.beats.map((b) => [b.index, b.start, b.end]), [[1, 0, 4], [2, 4, 6]]);
  });
});
