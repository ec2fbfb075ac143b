import assert from 'node:assert/strict';
import { analyze } from '../../server/out/core/analyze';
import { compile } from '../../server/out/core/compile';
import { storyboardTemplate, validateSceneId, normalizeSceneId, storyboardFileName, cleanTitle } from '../../client/out/newStoryboard';

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
