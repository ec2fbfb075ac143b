import { resolveRelativePath } from './files';
import type { Film, FilmScene } from './film';
import { fieldOf } from './model';
import { formatTimecode } from './text';

// A film (or one scene) for the tools around the writer: a shot list for the crew (CSV and a
// printable page), an OpenTimelineIO timeline of the best takes for an editor, and an ffmpeg concat
// list for a rough cut. Pure text out; the CLI writes it.

export interface Shot {
  scene: number;
  sceneName: string;
  shot: number;
  start: number;
  end: number;
  camera: string;
  subject: string;
  action: string;
  dialogue: string;
  bestTake: string;
}

/** Every beat of every scene, on the film's clock. */
export function shotsOf(film: Film): Shot[] {
  return film.scenes.flatMap((scene) =>
    (scene.storyboard?.beats ?? []).map((beat) => ({
      scene: scene.index + 1,
      sceneName: scene.title ?? scene.entry.text,
      shot: beat.index,
      start: scene.start + beat.start,
      end: scene.start + beat.end,
      camera: fieldOf(beat, 'camera')?.value.text ?? '',
      subject: fieldOf(beat, 'subject')?.value.text ?? '',
      action: fieldOf(beat, 'action')?.value.text ?? '',
      dialogue: beat.says.map((say) => `${say.speaker.text}: "${say.line.text}"`).join(' '),
      bestTake: scene.best ? `${scene.best.take.id} (${scene.best.total}/25)` : '',
    })),
  );
}

const shotColumns = ['scene', 'title', 'shot', 'start', 'end', 'camera', 'subject', 'action', 'dialogue', 'best take'] as const;

function shotCells(shot: Shot): string[] {
  return [String(shot.scene), shot.sceneName, String(shot.shot), formatTimecode(shot.start), formatTimecode(shot.end), shot.camera, shot.subject, shot.action, shot.dialogue, shot.bestTake];
}

/** RFC 4180 CSV; a cell a spreadsheet would run as a formula starts with `'`. */
export function shotListCsv(film: Film): string {
  const rows = [shotColumns.map(String), ...shotsOf(film).map(shotCells)];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A page to print: the film's title and runtime, then one table row per shot. No script, every string escaped. */
export function shotListHtml(film: Film): string {
  const title = film.title ?? film.scenes[0]?.title ?? 'Shot list';
  const head = shotColumns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const rows = shotsOf(film)
    .map((shot) => `<tr>${shotCells(shot).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}: shot list</title>`,
    '<style>',
    'body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em; color: #111; }',
    'table { border-collapse: collapse; width: 100%; }',
    'th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }',
    'th { background: #eee; }',
    'tr { break-inside: avoid; }',
    '@page { size: landscape; margin: 1.5cm; }',
    '</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(`${film.scenes.length} scene${film.scenes.length === 1 ? '' : 's'}, ${formatTimecode(film.seconds)} in all`)}</p>`,
    `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The frame rate of the timeline: the clips' own rate is unknown here, and 24 is the film default. */
export const otioRate = 24;

/** The best take's video as an absolute path (take files are relative to their scene). */
export function bestTakeFile(scene: FilmScene): string | undefined {
  return scene.best ? resolveRelativePath(scene.path, scene.best.take.file) : undefined;
}

/** `file:///…` for an absolute path with forward slashes (a drive letter gets the third slash too). */
export function fileUrl(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const withRoot = normalized.startsWith('/') ? normalized : `/${normalized}`;
  return `file://${withRoot.split('/').map(encodeURIComponent).join('/').replace(/^\/([A-Za-z])%3A/, '/$1:')}`;
}

function rationalTime(seconds: number) {
  return { OTIO_SCHEMA: 'RationalTime.1', rate: otioRate, value: Math.round(seconds * otioRate) };
}

function timeRange(start: number, duration: number) {
  return { OTIO_SCHEMA: 'TimeRange.1', start_time: rationalTime(start), duration: rationalTime(duration) };
}

/**
 * An OpenTimelineIO timeline (Timeline.1 → Stack.1 → one video Track.1) of each scene's best take in
 * film order; a scene without a scored take is a Gap.1 of its length, so later cuts keep their time.
 */
export function otioTimeline(film: Film): object {
  const children = film.scenes.map((scene) => {
    const name = `${scene.index + 1}. ${scene.title ?? scene.entry.text}`;
    const metadata = { sora: { scene: scene.entry.text, take: scene.best?.take.id ?? null, score: scene.best?.total ?? null } };
    const file = bestTakeFile(scene);
    const seconds = scene.best?.take.settings.duration ?? scene.seconds;
    if (!scene.best || !file) {
      return { OTIO_SCHEMA: 'Gap.1', name, metadata, source_range: timeRange(0, scene.seconds), effects: [], markers: [], enabled: true };
    }
    return {
      OTIO_SCHEMA: 'Clip.2',
      name,
      metadata,
      source_range: timeRange(0, seconds),
      effects: [],
      markers: [],
      enabled: true,
      media_references: {
        DEFAULT_MEDIA: { OTIO_SCHEMA: 'ExternalReference.1', name: scene.best.take.file, metadata: {}, available_range: timeRange(0, seconds), target_url: fileUrl(file) },
      },
      active_media_reference_key: 'DEFAULT_MEDIA',
    };
  });
  return {
    OTIO_SCHEMA: 'Timeline.1',
    name: film.title ?? film.scenes[0]?.title ?? 'Sora storyboard',
    metadata: {},
    global_start_time: null,
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      name: 'tracks',
      metadata: {},
      source_range: null,
      effects: [],
      markers: [],
      enabled: true,
      children: [{ OTIO_SCHEMA: 'Track.1', name: 'V1', kind: 'Video', metadata: {}, source_range: null, effects: [], markers: [], enabled: true, children }],
    },
  };
}

/**
 * An ffmpeg concat list (`ffconcat version 1.0`) of the best takes in film order. A scene without a
 * take, or whose video is missing, is a comment: the list says what the rough cut leaves out.
 */
export function ffconcatList(film: Film, exists: (path: string) => boolean): { text: string; clips: string[]; skipped: string[] } {
  const lines = ['ffconcat version 1.0', `# ${film.title ?? 'Rough cut'}: best takes in film order`];
  const clips: string[] = [];
  const skipped: string[] = [];
  for (const scene of film.scenes) {
    const label = `scene ${scene.index + 1} (${scene.entry.text})`;
    const file = bestTakeFile(scene);
    if (!scene.best || !file) {
      lines.push(`# ${label}: no scored take, left out`);
      skipped.push(`${label}: no scored take`);
    } else if (!exists(file)) {
      lines.push(`# ${label}: ${scene.best.take.id}'s video ${scene.best.take.file} is missing, left out`);
      skipped.push(`${label}: ${scene.best.take.file} is missing`);
    } else {
      lines.push(`file '${file.replace(/'/g, "'\\''")}'`);
      clips.push(file);
    }
  }
  return { text: `${lines.join('\n')}\n`, clips, skipped };
}
