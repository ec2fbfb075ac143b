import assert from 'node:assert/strict';
import type * as CompileModule from '../../server/out/core/compile';
import type * as TakesModule from '../../server/out/core/takes';
import { readExample } from '../helpers/paths';
import { compile } from '../../server/out/core/compile';
import { parseStoryboard } from '../../server/out/core/parse';
import { parseTakeLog } from '../../server/out/core/takes';

type Compilation = CompileModule.Compilation;
type Range = Compilation['sourceMap'][number]['source'];

function takeLog(): TakesModule.TakeLog {
  const parsed = parseTakeLog(readExample('lighthouseTakes'));
  assert.ok(parsed.ok);
  return parsed.log;
}

function compileText(text: string, options: CompileModule.CompileOptions = {}): Compilation {
  return compile(parseStoryboard(text), options);
}

function sourceText(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lines[line]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

function shotBlock(result: Compilation, index: number): string {
  const beat = result.beats[index - 1];
  return result.prompt.slice(beat.output.start, beat.output.end);
}

const examples = ['lighthouse', 'rooftop', 'problems'] as const;

describe('compile: the shared examples', () => {
  it('lighthouse: style line first, then the scene, then one block per shot', () => {
    const result = compileText(readExample('lighthouse'));
    assert.equal(result.error, null);
    assert.equal(result.variant, null);
    assert.equal(result.remix, null);
    const paragraphs = result.prompt.split('\n\n');
    assert.equal(paragraphs.length, 5);
    assert.equal(paragraphs[0], '35mm, grainy. Palette: teal and amber. Lighting: stormy dusk, consistent lighting.');
    assert.equal(
      paragraphs[1],
      'An old lighthouse keeper relights the lamp as a storm rolls in. Mara: silver braid, yellow raincoat, weathered hands, green eyes.',
    );
    assert.match(paragraphs[2], /^Shot 1 \(0:00–0:04\), wide, static: Mara \(silver braid, yellow raincoat, weathered hands, green eyes\) climbs the spiral stairs/);
    assert.match(paragraphs[3], /^Shot 2 \(0:04–0:08\), close-up, static: /);
    assert.match(paragraphs[4], /^Shot 3 \(0:08–0:12\), wide, slow push in: the lighthouse beam sweeps across the dark sea\./);
    assert.ok(paragraphs[3].includes('Mara (0:05): "Not tonight."'), paragraphs[3]);
    assert.ok(paragraphs[2].includes('wind howling through the tower'));
    assert.ok(paragraphs[2].includes('narrow stone stairwell, rain on the windows'));
    assert.ok(paragraphs[2].includes('determined'));
  });

  it('lighthouse: settings travel beside the prompt, not in it', () => {
    const result = compileText(readExample('lighthouse'));
    assert.deepEqual(result.settings, { aspect: '16:9', resolution: '1080p', duration: 12, audio: ['voice', 'ambience'], model: 'sora-2' });
    for (const word of ['16:9', '1080p', 'sora-2']) assert.ok(!result.prompt.includes(word), word);
  });

  it('rooftop: both characters introduced, anchors in every shot they are the subject of', () => {
    const result = compileText(readExample('rooftop'));
    const paragraphs = result.prompt.split('\n\n');
    assert.equal(paragraphs[0], 'Handheld, intimate. Palette: indigo and sodium orange. Lighting: blue hour, city glow, consistent lighting.');
    assert.ok(paragraphs[1].startsWith('Two friends watch the city lights while one admits she is leaving.'));
    assert.ok(paragraphs[1].includes('Ana: short black bob, red scarf, silver hoop earrings.'));
    assert.ok(paragraphs[1].includes('Theo: curly hair, denim jacket, round glasses.'));
    assert.ok(shotBlock(result, 1).startsWith('Shot 1 (0:00–0:05), medium, static: Ana (short black bob, red scarf, silver hoop earrings)'));
    assert.ok(shotBlock(result, 2).startsWith('Shot 2 (0:05–0:10), medium close-up, slow dolly in: Theo (curly hair, denim jacket, round glasses)'));
    assert.ok(shotBlock(result, 3).includes('Ana (0:11): "I got the job in Lisbon."'));
    assert.ok(!shotBlock(result, 2).includes('red scarf'), 'Ana is not in shot 2');
    assert.deepEqual(result.settings, { aspect: '9:16', resolution: '1080p', duration: 15, audio: ['voice', 'ambience'], model: 'sora-2' });
  });

  it('problems: dialogue without a marker starts with its beat; an undeclared speaker still speaks', () => {
    const result = compileText(readExample('problems'));
    assert.ok(result.prompt.startsWith('Glossy, whimsical, dreamy, retro. Palette: pastel.'), result.prompt.split('\n')[0]);
    assert.ok(shotBlock(result, 2).startsWith('Shot 2 (0:03–0:11), close-up, static: Chef (white toque, red apron)'));
    assert.ok(shotBlock(result, 2).includes('Chef (0:03): "I am so sorry about everything that happened in this kitchen tonight, truly."'));
    assert.ok(shotBlock(result, 2).includes('Waiter (0:05): "Again?"'));
    assert.deepEqual(result.settings, { aspect: '4:3', resolution: '1080p', duration: 25, audio: [], model: null });
  });

  for (const name of examples) {
    it(`${name}: every anchor of a character is repeated in every shot it is the subject of`, () => {
      const storyboard = parseStoryboard(readExample(name));
      const result = compile(storyboard);
      for (const beat of storyboard.beats) {
        const subject = beat.fields.find((f) => f.key === 'subject')?.value.text ?? '';
        const block = shotBlock(result, beat.index);
        for (const character of storyboard.characters) {
          if (!new RegExp(`\\b${character.name!.text}\\b`).test(subject)) continue;
          const anchors = character.anchors.map((a) => a.text);
          assert.ok(block.includes(`${character.name!.text} (${anchors.join(', ')})`), `${name} shot ${beat.index}: ${block}`);
        }
      }
    });

    it(`${name}: shot headers carry absolute timecodes`, () => {
      const storyboard = parseStoryboard(readExample(name));
      const result = compile(storyboard);
      const tc = (s: number) => `0:${String(s).padStart(2, '0')}`;
      for (const beat of storyboard.beats) {
        assert.ok(shotBlock(result, beat.index).startsWith(`Shot ${beat.index} (${tc(beat.start)}–${tc(beat.end)})`));
        assert.deepEqual(
          [result.beats[beat.index - 1].start, result.beats[beat.index - 1].end],
          [beat.start, beat.end],
        );
      }
    });

    it(`${name}: beats' output offsets cover the Shot blocks exactly`, () => {
      const result = compileText(readExample(name));
      const shots = result.prompt.split('\n\n').filter((p) => p.startsWith('Shot '));
      assert.equal(shots.length, result.beats.length);
      result.beats.forEach((beat, i) => {
        assert.equal(beat.index, i + 1);
        assert.equal(result.prompt.slice(beat.output.start, beat.output.end), shots[i]);
        if (i > 0) assert.equal(result.prompt.slice(result.beats[i - 1].output.end, beat.output.start), '\n\n');
      });
      assert.equal(result.beats[result.beats.length - 1].output.end, result.prompt.length);
    });

    it(`${name}: compiling is deterministic, and so is parsing`, () => {
      const text = readExample(name);
      assert.deepEqual(parseStoryboard(text), parseStoryboard(text));
      const a = compile(parseStoryboard(text));
      const b = compile(parseStoryboard(text));
      assert.deepEqual(a, b);
      assert.equal(a.prompt, b.prompt);
      const storyboard = parseStoryboard(text);
      assert.deepEqual(compile(storyboard), compile(storyboard), 'compile does not mutate the tree');
    });

    it(`${name}: every source map entry's output equals the source text at its range`, () => {
      const text = readExample(name);
      const storyboard = parseStoryboard(text);
      const variants = [undefined, ...storyboard.variants.map((v) => v.name!.text)];
      for (const variant of variants) {
        const result = compile(storyboard, { variant, takeLog: name === 'lighthouse' ? takeLog() : undefined });
        assert.ok(result.sourceMap.length > 0);
        let previousEnd = 0;
        const mismatches: string[] = [];
        for (const entry of result.sourceMap) {
          assert.ok(entry.start >= previousEnd && entry.end >= entry.start && entry.end <= result.prompt.length);
          previousEnd = entry.end;
          const output = result.prompt.slice(entry.start, entry.end);
          const source = sourceText(text, entry.source);
          if (output !== source) mismatches.push(`${variant ?? 'main'} @${entry.start}: output ${JSON.stringify(output)} vs source ${JSON.stringify(source)}`);
        }
        assert.deepEqual(mismatches, []);
      }
    });
  }

  it('the source map still holds on CRLF text', () => {
    const text = readExample('rooftop').replace(/\n/g, '\r\n');
    const result = compileText(text);
    assert.equal(result.prompt, compileText(readExample('rooftop')).prompt);
    for (const entry of result.sourceMap) {
      assert.equal(result.prompt.slice(entry.start, entry.end).toLowerCase(), sourceText(text, entry.source).toLowerCase());
    }
  });
});

describe('compile: variants', () => {
  it('rooftop tighter changes only shot 2\'s camera', () => {
    const text = readExample('rooftop');
    const main = compileText(text);
    const tighter = compileText(text, { variant: 'tighter' });
    assert.equal(tighter.error, null);
    assert.equal(tighter.variant, 'tighter');
    assert.equal(tighter.remix, null);
    assert.equal(
      tighter.prompt,
      main.prompt.replace('Shot 2 (0:05–0:10), medium close-up, slow dolly in:', 'Shot 2 (0:05–0:10), close-up, static:'),
    );
    assert.notEqual(tighter.prompt, main.prompt);
    assert.deepEqual(tighter.beats.map((b) => b.camera), ['medium, static', 'close-up, static', 'close-up, static']);
    assert.deepEqual(tighter.settings, main.settings);
  });

  it('rooftop dusk changes only the lighting', () => {
    const text = readExample('rooftop');
    const main = compileText(text);
    const dusk = compileText(text, { variant: 'dusk' });
    assert.equal(dusk.error, null);
    assert.equal(dusk.remix, null);
    assert.equal(
      dusk.prompt,
      main.prompt.replace('Lighting: blue hour, city glow, consistent lighting.', 'Lighting: late sunset, warm rim light, consistent lighting.'),
    );
  });

  it('"main" as the variant compiles the storyboard as written', () => {
    const text = readExample('rooftop');
    const main = compileText(text, { variant: 'main' });
    assert.equal(main.variant, null);
    assert.equal(main.error, null);
    assert.equal(main.prompt, compileText(text).prompt);
  });

  it('lighthouse warmer from take02, with the take log: a remix instruction', () => {
    const text = readExample('lighthouse');
    const main = compileText(text);
    const warmer = compileText(text, { variant: 'warmer', takeLog: takeLog() });
    assert.equal(warmer.error, null);
    assert.equal(warmer.variant, 'warmer');
    assert.equal(warmer.remixOf, 'take02');
    assert.equal(
      warmer.prompt,
      main.prompt.replace('Lighting: stormy dusk, consistent lighting.', 'Lighting: warm tungsten glow, consistent lighting.'),
    );
    assert.ok(warmer.remix);
    assert.match(warmer.remix, /lighting/i);
    assert.ok(warmer.remix.includes('warm tungsten glow, consistent lighting'));
    assert.match(warmer.remix, /Keep everything else the same/);
    assert.ok(warmer.remix.includes('silver braid, yellow raincoat, weathered hands, green eyes'), 'keeps the identity');
    assert.ok(!warmer.remix.includes('stormy dusk'));
  });

  it('a beat change from a take names the shot and its span', () => {
    const text = `${readExample('lighthouse')}\nvariant tight from take02\n  beat 2 camera: extreme close-up, static\n`;
    const result = compileText(text, { variant: 'tight', takeLog: takeLog() });
    assert.equal(result.error, null);
    assert.ok(result.remix);
    assert.ok(result.remix.startsWith('In shot 2 (0:04–0:08) make the camera extreme close-up, static.'), result.remix);
    assert.match(result.remix, /Keep everything else the same/);
    assert.match(result.remix, /the other shots/);
  });

  it('lighthouse warmer without the take log is an error, not a guess', () => {
    const text = readExample('lighthouse');
    const warmer = compileText(text, { variant: 'warmer' });
    assert.ok(warmer.error);
    assert.match(warmer.error, /take02/);
    assert.equal(warmer.variant, null);
    assert.equal(warmer.remix, null);
    assert.equal(warmer.prompt, compileText(text).prompt, 'falls back to main');
  });

  it('an unknown variant is an error', () => {
    const result = compileText(readExample('rooftop'), { variant: 'nope' });
    assert.match(result.error ?? '', /no variant "nope"/);
  });

  const chainBase = [
    'style',
    '  lighting: day',
    '  look: 35mm',
    'character Mara',
    '  anchors: a1, a2, a3',
    'beat 4s One',
    '  subject: Mara',
    '  camera: wide, static',
    'beat 4s Two',
    '  subject: Mara',
    '  camera: medium, static',
  ].join('\n');

  it('a variant from a variant applies both changes, root first', () => {
    const text = `${chainBase}\nvariant a from main\n  style lighting: night\nvariant b from a\n  beat 2 camera: close-up, static\nvariant c from b\n  character Mara anchors: b1, b2, b3\n`;
    const b = compileText(text, { variant: 'b' });
    assert.equal(b.error, null);
    assert.ok(b.prompt.includes('Lighting: night.'));
    assert.ok(b.prompt.includes('Shot 2 (0:04–0:08), close-up, static'));
    assert.ok(b.prompt.includes('Shot 1 (0:00–0:04), wide, static'));
    const c = compileText(text, { variant: 'c' });
    assert.ok(c.prompt.includes('Lighting: night.'));
    assert.ok(c.prompt.includes('Shot 2 (0:04–0:08), close-up, static: Mara (b1, b2, b3)'));
    assert.ok(!c.prompt.includes('a1'));
    const a = compileText(text, { variant: 'a' });
    assert.ok(a.prompt.includes('Shot 2 (0:04–0:08), medium, static'));
  });

  it('a later override in a chain wins over an earlier one', () => {
    const text = `${chainBase}\nvariant a from main\n  style lighting: night\nvariant b from a\n  style lighting: dawn\n`;
    const b = compileText(text, { variant: 'b' });
    assert.ok(b.prompt.includes('Lighting: dawn.'));
    assert.ok(!b.prompt.includes('night'));
  });

  it('a cycle a → b → a is an error, not a hang', () => {
    const text = `${chainBase}\nvariant a from b\n  style lighting: night\nvariant b from a\n  style lighting: dawn\n`;
    for (const variant of ['a', 'b']) {
      const result = compileText(text, { variant });
      assert.ok(result.error, variant);
      assert.match(result.error, /branches from itself/);
      assert.equal(result.variant, null);
    }
  });

  it('a variant from itself is an error', () => {
    const result = compileText(`${chainBase}\nvariant a from a\n  style lighting: night\n`, { variant: 'a' });
    assert.match(result.error ?? '', /itself/);
  });

  it('a variant of a take of a variant composes (the take stands for its variant)', () => {
    const log = takeLog();
    log.takes.push({ ...log.takes[1], id: 'take03', variant: 'warmer', parent: 'take02' });
    const text = `${readExample('lighthouse')}\nvariant tight from take03\n  beat 2 camera: extreme close-up, static\n`;
    const result = compileText(text, { variant: 'tight', takeLog: log });
    assert.equal(result.error, null);
    assert.ok(result.prompt.includes('Lighting: warm tungsten glow'));
    assert.ok(result.prompt.includes('Shot 2 (0:04–0:08), extreme close-up, static'));
    assert.equal(result.remixOf, 'take03');
    assert.ok(result.remix && !result.remix.includes('tungsten'), 'the remix names only its own change');
  });
});

describe('compile: details', () => {
  it('dialogue timecodes are absolute, with tenths when needed', () => {
    const result = compileText('character Mara\n  anchors: a, b, c\nbeat 4s\n  subject: Mara\nbeat 4s\n  subject: Mara\n  say Mara @1.5s "Now."\n  say Mara "Then."');
    const block = shotBlock(result, 2);
    assert.ok(block.includes('Mara (0:05.5): "Now."'), block);
    assert.ok(block.includes('Mara (0:04): "Then."'), block);
    assert.deepEqual(result.beats[1].dialogue, [
      { speaker: 'Mara', at: 5.5, line: 'Now.' },
      { speaker: 'Mara', at: 4, line: 'Then.' },
    ]);
  });

  it('two characters in one subject each get their anchors', () => {
    const result = compileText('character Ana\n  anchors: red scarf\ncharacter Theo\n  anchors: round glasses\nbeat 4s\n  subject: Theo and Ana\n  action: talk');
    assert.ok(shotBlock(result, 1).includes('Theo (round glasses) and Ana (red scarf) talk.'), shotBlock(result, 1));
  });

  it('a name inside a longer word is not a mention', () => {
    const result = compileText('character Ana\n  anchors: red scarf\nbeat 4s\n  subject: Anatole\n  action: waits');
    assert.ok(!shotBlock(result, 1).includes('red scarf'));
  });

  it('an empty storyboard compiles to an empty prompt', () => {
    const result = compileText('');
    assert.equal(result.prompt, '');
    assert.deepEqual(result.beats, []);
    assert.deepEqual(result.settings, { aspect: null, resolution: null, duration: null, audio: [], model: null });
  });

  it('beats carry title, subject and camera (null when absent)', () => {
    const result = compileText('beat 4s\n  action: runs');
    assert.deepEqual(
      result.beats.map(({ index, start, end, title, subject, camera }) => ({ index, start, end, title, subject, camera })),
      [{ index: 1, start: 0, end: 4, title: null, subject: null, camera: null }],
    );
  });
});
