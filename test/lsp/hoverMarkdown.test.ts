import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { Harness, positionOf } from './harness';

// The writer's text goes into hover Markdown as text: rendered the way the most permissive renderer
// would (HTML on, bare URLs linked), a hover holds no link, image or HTML element the storyboard wrote,
// and shows the text as typed.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(markdown: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

const hostile = '![t](https://evil.example/t.png) [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> https://evil.example/bare *b* `c` \\[d]';

const text = [
  `scene 01 "${hostile}"`,
  'logline: A test of hovers.',
  '',
  'settings',
  `  aspect: 16:9 ${hostile}`,
  '',
  'character Mara',
  `  cameo: @mara ${hostile}`,
  '  anchors: red hat, green coat, round glasses',
  '',
  `beat 4s ${hostile}`,
  '  subject: Mara',
  '  camera: wide, static',
  '',
  'variant bold from main',
  `  style lighting: ${hostile}`,
  '',
].join('\n');

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('LSP: hover Markdown holds user text as text', function () {
  this.timeout(30000);
  let server: Harness;
  let uri: string;

  before(async () => {
    server = await Harness.start({ examples: false, files: { 'hostile/scene01.sora': text } });
    uri = await server.open('hostile/scene01.sora');
    await server.diagnostics(uri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  for (const [where, needle, delta] of [
    ['the scene title', 'scene 01', 1],
    ['a settings value', '  aspect', 3],
    ['a cameo', 'character Mara', 11],
    ['a beat title', 'beat 4s', 1],
    ['a variant override', 'variant bold', 1],
  ] as const) {
    it(`escapes ${where}`, async () => {
      const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, 0, delta) });
      assert.ok(hover, `a hover on ${where}`);
      const markdown = (hover.contents as MarkupContent).value;
      const html = renderer.render(markdown);
      assert.doesNotMatch(html, /<a[\s>]/, `no link in ${html}`);
      assert.doesNotMatch(html, /<img[\s>]/, `no image in ${html}`);
      assert.ok(decode(html).includes(hostile), `the text as typed, in ${decode(html)}`);
    });
  }
});
