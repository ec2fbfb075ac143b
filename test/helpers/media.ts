import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

// Videos and signed files the take-review tests make for themselves, with ffmpeg (a Debian package
// in CI) and the C2PA library's own signer (test/helpers/c2pa-sign.mjs). Nothing is downloaded.

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60000 });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); the take-review tests need ffmpeg installed.`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

export type VideoContainer = 'webm' | 'mp4' | 'fragmented-mp4';

/**
 * One solid colour per segment (`['red', 'green', 'blue']`, `seconds` each), so a frame's colour
 * tells which second it came from. WebM (VP8) is what Debian's chromium decodes without the
 * proprietary codecs; MP4 (H.264) is what Sora delivers; a fragmented MP4 keeps its sample offsets
 * relative to each fragment, so it still plays after a C2PA box is inserted before it.
 */
export function makeColourVideo(file: string, colours: string[], seconds: number, container: VideoContainer = 'webm'): string {
  const inputs = colours.flatMap((colour) => ['-f', 'lavfi', '-i', `color=c=${colour}:s=160x120:r=10:d=${seconds}`]);
  const concat = `${colours.map((_, i) => `[${i}:v]`).join('')}concat=n=${colours.length}:v=1:a=0[v]`;
  const codec =
    container === 'webm'
      ? ['-c:v', 'libvpx', '-b:v', '200k', '-g', '10', '-auto-alt-ref', '0']
      : ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', ...(container === 'fragmented-mp4' ? ['-movflags', 'frag_keyframe+empty_moov+default_base_moof'] : [])];
  run('ffmpeg', ['-loglevel', 'error', '-y', ...inputs, '-filter_complex', concat, '-map', '[v]', ...codec, file]);
  return file;
}

/** A one-frame PNG of a colour. */
export function makeColourPng(file: string, colour: string): string {
  run('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${colour}:s=32x32:d=1`, '-frames:v', '1', file]);
  return file;
}

/** Signs a copy of `input` with a C2PA manifest made by the library itself (a test CA and leaf certificate). */
export function signC2pa(input: string, output: string, signer = 'Sora Storyboard Test Signer'): string {
  run(process.execPath, [path.join(repoRoot, 'test/helpers/c2pa-sign.mjs'), input, output, signer]);
  return output;
}

/** Re-muxes without metadata, as a re-upload or an editor would: the C2PA box does not survive. */
export function stripByRemux(input: string, output: string): string {
  run('ffmpeg', ['-loglevel', 'error', '-y', '-i', input, '-map_metadata', '-1', '-c', 'copy', output]);
  return output;
}

const c2paUuid = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex');

/** The same bytes without the top-level C2PA `uuid` box: the manifest removed and nothing else touched. */
export function removeC2paBox(input: string, output: string): string {
  const data = fs.readFileSync(input);
  const kept: Buffer[] = [];
  let removed = 0;
  for (let offset = 0; offset < data.length; ) {
    const size = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = size === 0 ? data.length : offset + size;
    if (type === 'uuid' && data.subarray(offset + 8, offset + 24).equals(c2paUuid)) removed++;
    else kept.push(data.subarray(offset, end));
    offset = end;
  }
  if (removed !== 1) throw new Error(`${input}: expected one C2PA box, found ${removed}`);
  fs.writeFileSync(output, Buffer.concat(kept));
  return output;
}
