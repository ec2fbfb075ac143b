import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { analyze } from '../../server/out/core/analyze';
import { applyEdits } from '../../server/out/core/text';
import { formatStoryboard } from '../../server/out/lsp/format';

// The server with a client we did not write: Debian's Neovim, headless, driven by a Lua script
// (test/lsp/neovim-client.lua). Diagnostics, hover, completion, a code lens command, a quick fix
// applied, rename and formatting, on lines where emoji and CJK make UTF-16 columns differ from bytes.
// CI needs the `neovim` package (.ci/run installs it).

const storyboard = [
  '// Harbour, scene 05 🎣',
  'scene 05 "Harbour 🎣"',
  'logline: A fisherman mends his net as the fog lifts.',
  '',
  'settings',
  '  aspect: 16:9',
  '  resolution: 1080p',
  '  duration: 12s',
  '  audio: voice, ambience',
  '  model: sora-2',
  '',
  'style',
  '  palette: grey and ochre',
  '  lighting: misty morning, consistent lighting',
  '  look: 35mm, soft',
  '',
  'character 小林',
  '  anchors: grey beard, orange oilskin coat, knitted cap',
  '',
  'beat 4s The net 🎣',
  '  subject: 🎣 小林',
  '  action: 🎣 his 網 smashes a glass and it shatters',
  '  setting: wooden pier, fog over the water',
  '  emotion: patient',
  '  camera: medium, static',
  '  sound: gulls and lapping water',
  '',
  'beat 4s The knot',
  '     subject: 小林',
  '\taction:   ties a knot with quick fingers',
  '  setting: close on the net, wet rope',
  '  emotion: focused',
  '  camera: close-up, static',
  '  say 小林 @1s "🎣 好了。"',
  '',
  'beat 4s The harbour',
  '  subject: the harbour',
  '  action: fog thins over the moored boats',
  '  setting: harbour mouth, calm water',
  '  emotion: quiet',
  '  camera: wide, slow push in',
  '  sound: a distant bell',
  '',
  'variant closer from main',
  '  beat 3 camera: close-up, static',
  '',
].join('\n');

function utf16Position(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function nvimVersion(): string | undefined {
  try {
    return execFileSync('nvim', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

describe('LSP: Neovim as the client', function () {
  this.timeout(90000);
  let work: string;

  before(function () {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-nvim-'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('checks, hovers, completes, fixes, renames and formats through a real Neovim, in UTF-16', async () => {
    const version = nvimVersion();
    assert.ok(version, 'nvim is not installed: install Debian\'s neovim package (.ci/run does)');
    const file = path.join(work, 'scene05.sora');
    fs.writeFileSync(file, storyboard);

    const physics = analyze(storyboard).diagnostics.find((d) => d.code === 'physics-risk');
    assert.ok(physics, 'the storyboard has a physics-risk problem to fix');
    const fixTitle = physics.fixes[0].title;
    const job = {
      file,
      root: work,
      output: path.join(work, 'out.json'),
      cmd: [process.execPath, path.join(repoRoot, 'server/out/server.js'), '--stdio'],
      hover: utf16Position(storyboard, 'character 小林', 11),
      completion: { line: 3, character: 0 },
      fix: { code: 'physics-risk', title: fixTitle, diagnostic: { range: physics.range, code: physics.code, message: physics.message, severity: 2, source: 'sora' } },
      rename: { position: utf16Position(storyboard, 'subject: 🎣 小林', 'subject: 🎣 '.length + 1), newName: 'Шеф' },
    };
    fs.writeFileSync(path.join(work, 'job.json'), JSON.stringify(job));
    const script = path.join(repoRoot, 'test/lsp/neovim-client.lua');
    await new Promise<void>((resolve, reject) => {
      const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${script}`], {
        env: { ...process.env, SORA_NVIM_JOB: path.join(work, 'job.json') },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      nvim.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => {
        nvim.kill();
        reject(new Error(`nvim did not finish: ${stderr}`));
      }, 80000);
      nvim.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const out = JSON.parse(fs.readFileSync(job.output, 'utf8'));
    assert.equal(out.error, undefined, `the Lua client failed after ${out.steps.join(', ')}: ${out.error}`);
    console.log(`      ${version}: ${out.steps.join(', ')}`);
    assert.equal(out.offset_encoding, 'utf-16');

    // Diagnostics land on the right bytes: the physics problem starts after an emoji and CJK.
    const lines = storyboard.split('\n');
    const expected = analyze(storyboard).diagnostics;
    assert.equal(out.diagnostics.length, expected.length);
    const seen = out.diagnostics.find((d: { code: string }) => d.code === 'physics-risk');
    assert.ok(seen, JSON.stringify(out.diagnostics));
    const line = lines[physics.range.start.line];
    assert.equal(seen.lnum, physics.range.start.line);
    assert.equal(seen.col, Buffer.byteLength(line.slice(0, physics.range.start.character)), 'byte column of a UTF-16 position');

    // Hover: Markdown (Neovim shows it), about the character.
    assert.equal(out.hover.kind, 'markdown');
    assert.match(out.hover.value, /Character 小林/);

    // Completion: Neovim 0.7 says it has no snippet support, so no snippet and no VS Code command.
    assert.ok(out.completion.length > 3);
    for (const item of out.completion) {
      assert.notEqual(item.insertTextFormat, 2, item.label);
      assert.equal(item.command, undefined, item.label);
    }

    // Code lenses run on the server's own commands.
    assert.ok(out.lenses.length > 0);
    for (const lens of out.lenses) assert.ok(out.server_commands.commands.includes(lens.command.command), lens.command.command);
    assert.match(out.executed, /Shot 3 \(0:08–0:12\), close-up, static/);

    // The quick fix, the rename and the formatting give exactly the text the core computes.
    const fixed = applyEdits(storyboard, physics.fixes[0].edits);
    assert.equal(out.after_fix, fixed.replace(/\n$/, ''));
    const renamed = fixed.split('小林').join('Шеф');
    assert.equal(out.after_rename, renamed.replace(/\n$/, ''));
    assert.equal(out.after_format, formatStoryboard(renamed).replace(/\n$/, ''));
  });
});
