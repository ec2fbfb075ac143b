import assert from 'node:assert/strict';
import { analyze } from '../../server/out/core/analyze';
import { compile } from '../../server/out/core/compile';
import { storyboardTemplate, validateSceneId, normalizeSceneId, storyboardFileName, cleanTitle, templateModels, templateAspects, templateSummary } from '../../server/out/core/template';

describe('New Storyboard template', () => {
  for (const aspect of ['16:9', '9:16'] as const) {
    for (const title of ['The Last Train', '', 'A "quoted" title\nwith a newline']) {
      it(`passes the checker but for the logline to fill in (${aspect}, title ${JSON.stringify(title)})`, () => {
        const text = storyboardTemplate({ sceneId: '09', aspect, title });
        const { diagnostics, storyboard } = analyze(text, { documentPath: '/work/scenes/scene09.sora' });
        assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.severity} line ${d.range.start.line + 1}`), ['placeholder warning line 3']);
        assert.match(text.split('\n')[2], /^logline: <.+>$/);
        assert.equal(storyboard.syntaxErrors.length, 0);
        const compiled = compile(storyboard);
        assert.equal(compiled.settings.aspect, aspect);
        assert.equal(compiled.beats.length, 3);
        assert.equal(compiled.error, null);
      });
    }
  }

  // Every current target in the table, every aspect offered for it: a new model is covered by adding
  // its profile, with no list here to update.
  for (const profile of templateModels()) {
    for (const aspect of templateAspects(profile.id)) {
      it(`for ${profile.id} (${aspect}): the model line, numbers it makes in one generation, only the placeholder flagged`, () => {
        const text = storyboardTemplate({ sceneId: '09', aspect, title: 'Night Train', model: profile.id });
        const { diagnostics, storyboard } = analyze(text, { documentPath: '/work/scenes/scene09.sora' });
        assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.severity} line ${d.range.start.line + 1}: ${d.message}`).filter((d) => !d.startsWith('placeholder ')), []);
        assert.deepEqual(diagnostics.map((d) => d.code), ['placeholder']);
        assert.match(text, new RegExp(`^  model: ${profile.id.replace(/\./g, '\\.')}$`, 'm'));
        const compiled = compile(storyboard);
        assert.equal(compiled.error, null);
        assert.equal(compiled.beats.length, 3);
        assert.ok(profile.aspects.includes(aspect), `${aspect} is not one ${profile.id} makes`);
        if (!(profile.audio.dialogue && profile.audio.effects)) assert.doesNotMatch(text, /^ {2}(say|sound)\b/m, 'a silent model gets no dialogue or sound');
      });
    }
  }

  it('offers only the aspects a model makes, and says what the clip will be', () => {
    for (const profile of templateModels()) for (const aspect of templateAspects(profile.id)) assert.ok(profile.aspects.includes(aspect), `${profile.id} ${aspect}`);
    assert.deepEqual(templateAspects(undefined), ['16:9', '9:16']);
    assert.match(templateSummary(undefined), /^12 s in one generation · 1080p · with audio$/);
    assert.ok(templateModels().every((profile) => profile.status.kind === 'active'), 'retired targets are not offered');
  });

  it('passes for a lettered scene id in its own file', () => {
    const text = storyboardTemplate({ sceneId: '12B', aspect: '16:9', title: 'Rooftop' });
    assert.match(text, /^scene 12b "Rooftop"$/m);
    assert.deepEqual(analyze(text, { documentPath: 'scenes/scene12b.sora' }).diagnostics.map((d) => d.code), ['placeholder']);
  });

  it('validates and normalises scene ids', () => {
    for (const good of ['09', '12b', '7', '120', ' 3a ']) assert.equal(validateSceneId(good), undefined, good);
    for (const bad of ['', 'abc', '09-1', '1234', '12bc', 'scene09', '../x']) assert.ok(validateSceneId(bad), bad);
    assert.equal(normalizeSceneId('9'), '09');
    assert.equal(normalizeSceneId('12B'), '12b');
    assert.equal(storyboardFileName('9'), 'scene09.sora');
    assert.equal(storyboardFileName('12b'), 'scene12b.sora');
  });

  it('keeps the title on one line without double quotes', () => {
    assert.equal(cleanTitle('  A "quoted"\r\ntitle '), "A 'quoted' title");
    assert.equal(cleanTitle(undefined), '');
  });
});
