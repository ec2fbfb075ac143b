import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { minChangeDelay } from '../../server/out/lsp/diagnostics';
import { Harness } from '../lsp/harness';
import { generateStoryboard } from './generate';

// The language server's timings, measured through the protocol (JSON-RPC over stdio to a real server
// process), on the lighthouse scene and on a generated 1,000-beat storyboard. For reading, not for
// asserting: no test depends on these numbers.

interface Timing {
  median: number;
  p95: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] };
}

async function sample(repeats: number, run: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(5, repeats); i++) await run(-1 - i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

function row(label: string, timing: Timing, note = ''): string {
  return `  ${label.padEnd(34)} ${timing.median.toFixed(2).padStart(9)} ms ${timing.p95.toFixed(2).padStart(9)} ms${note ? `  ${note}` : ''}`;
}

async function benchDocument(server: Harness, name: string, relative: string, text: string, repeats: number): Promise<void> {
  const uri = await server.open(relative, text);
  await server.diagnostics(uri, { version: 1, timeout: 60000 });
  const lines = text.split('\n');
  const beatLine = lines.findIndex((line) => line.startsWith('beat '));
  const actionLine = lines.findIndex((line) => line.trimStart().startsWith('action:'));
  const cameraLine = lines.findIndex((line) => line.trimStart().startsWith('camera:'));
  let current = text;
  const change = await sample(repeats, async (i) => {
    // Type one character into the first action (alternating add / remove), then wait for its diagnostics.
    const lineText = current.split('\n')[actionLine];
    const adding = Math.abs(i) % 2 === 0;
    const character = lineText.length;
    const range = adding
      ? { start: { line: actionLine, character }, end: { line: actionLine, character } }
      : { start: { line: actionLine, character: character - 1 }, end: { line: actionLine, character } };
    const linesNow = current.split('\n');
    linesNow[actionLine] = adding ? `${lineText}x` : lineText.slice(0, -1);
    current = linesNow.join('\n');
    const version = await server.change(uri, [{ range, text: adding ? 'x' : '' }], current);
    await server.diagnostics(uri, { version, timeout: 60000 });
  });
  const hover = await sample(repeats * 4, () => server.request('textDocument/hover', { textDocument: { uri }, position: { line: beatLine, character: 2 } }));
  const completion = await sample(repeats * 4, () =>
    server.request('textDocument/completion', { textDocument: { uri }, position: { line: cameraLine, character: lines[cameraLine].indexOf(':') + 2 } }),
  );
  const codeAction = await sample(repeats * 4, () =>
    server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: beatLine, character: 0 }, end: { line: beatLine + 6, character: 0 } },
      context: { diagnostics: [] },
    }),
  );
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  console.log(`${name} (${lines.length} lines, ${kb} KB)${' '.repeat(Math.max(1, 28 - name.length))}     median        p95`);
  console.log(row('didChange → publishDiagnostics', change, "(includes the typing pause: 25–150 ms, by the last analysis time)"));
  // The pause adapts (at least minChangeDelay): what is left above the shortest one is the server's work and the protocol.
  console.log(row(`  … above the shortest pause (${minChangeDelay} ms)`, { median: Math.max(0, change.median - minChangeDelay), p95: Math.max(0, change.p95 - minChangeDelay) }));
  console.log(row('hover (beat header)', hover));
  console.log(row('completion (camera value)', completion));
  console.log(row('codeAction (a beat)', codeAction));
  await server.close(uri);
}

export async function benchLanguageServer(): Promise<void> {
  const server = await Harness.start();
  try {
    console.log('Language server through the protocol (stdio JSON-RPC, real server process)');
    await benchDocument(server, 'lighthouse scene09.sora', 'lighthouse/scene09.sora', fs.readFileSync(server.file('lighthouse/scene09.sora'), 'utf8'), 30);
    await benchDocument(server, 'generated, 1,000 beats', 'bench/beats1000.sora', generateStoryboard(1000), 20);
    console.log('');
  } finally {
    await server.stop();
  }
}

/** The name bench.ts looks for. */
export const run = benchLanguageServer;

if (require.main === module) {
  benchLanguageServer().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
