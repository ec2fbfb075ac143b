// `npm run package`: the .vsix, with docs/marketplace.md as its README (the Details page a writer
// sees: what it does, the workflow, commands and settings), not the repository's developer README.
// vsce makes the README's relative links absolute from package.json `repository`: pages link to
// GitHub's view of docs/, images to their raw files, so the screenshots load on the Details page
// (VS Code allows only https and data: images there).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `https://github.com/OWNER/REPO` from package.json `repository` (a string or { url }). */
export function repositoryUrl(repository) {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) throw new Error('package.json has no `repository`: the README\'s links and screenshots need it.');
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
}

const repo = repositoryUrl(manifest.repository);
const args = [
  'package',
  '--no-dependencies',
  '--readme-path', 'docs/marketplace.md',
  '--baseContentUrl', `${repo}/blob/HEAD/docs`,
  '--baseImagesUrl', `${repo}/raw/HEAD/docs`,
  '--out', 'sora-storyboard.vsix',
];
const result = spawnSync(process.execPath, [new URL('../node_modules/@vscode/vsce/vsce', import.meta.url).pathname, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
