import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { rules } from '../../server/out/core/rules';

// What the packaged extension shows a new writer (the Details page README, commands, settings) and
// how it edits: checked on the manifest and the files it names.

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const read = (relative: string) => fs.readFileSync(path.join(repoRoot, relative), 'utf8');

describe('the packaged extension', () => {
  it('ships docs/marketplace.md as its README, with links made absolute from `repository`', () => {
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    assert.match(manifest.scripts.package, /node scripts\/package\.mjs/);
    assert.doesNotMatch(manifest.scripts.package, /--allow-missing-repository|--no-rewrite-relative-links/);
    const script = read('scripts/package.mjs');
    assert.match(script, /'--readme-path', 'docs\/marketplace\.md'/);
    assert.match(script, /'--baseImagesUrl', `\$\{repo\}\/raw\/HEAD\/docs`/);
    assert.doesNotMatch(read('.vscodeignore'), /^!README\.md$/m, 'the developer README is not shipped');
  });

  it('the Details README is for writers: no developer set-up, and every image it shows is in the repository', () => {
    const readme = read('docs/marketplace.md');
    assert.doesNotMatch(readme, /npm (install|test|start)|npx sora/);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'screenshots');
    for (const image of images) {
      assert.ok(!/^[a-z]+:/.test(image), `${image}: relative, so vsce points it at the repository's raw file`);
      assert.ok(fs.existsSync(path.join(repoRoot, 'docs', image)), `${image} exists under docs/`);
    }
    for (const section of ['## The workflow', '## Commands', '## Settings']) assert.ok(readme.includes(section), section);
  });

  it('its Commands and Settings tables are generated from package.json and up to date', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/generate-readme-tables.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const readme = read('docs/marketplace.md');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), key);
    assert.ok(readme.includes('Sora: New Storyboard'));
  });

  it('the repository README still starts with the developer set-up', () => {
    const head = read('README.md').split('\n').slice(0, 12).join('\n');
    for (const command of ['npm install', 'npm test', 'npm start']) assert.ok(head.includes(command), command);
  });

  it('Enter in a storyboard is a new line unless a suggestion changes the text; no word suggestions, no contributed snippets', () => {
    assert.deepEqual(manifest.contributes.configurationDefaults['[sora]'], { 'editor.acceptSuggestionOnEnter': 'smart', 'editor.wordBasedSuggestions': 'off' });
    assert.equal(manifest.contributes.snippets, undefined, 'VS Code would offer contributed snippets inside values too');
  });

  it('sora.rules knows every rule code', () => {
    assert.deepEqual([...manifest.contributes.configuration.properties['sora.rules'].propertyNames.enum].sort(), rules.map((r) => r.code).sort());
  });
});
