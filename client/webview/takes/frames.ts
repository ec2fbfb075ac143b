// Frames per shot: for a take whose video is present, a frame at each beat's start, middle and end
// (from the storyboard's timing, scaled when the video is longer or shorter), captured here from
// the local video with <video> and a canvas: no network, nothing native. The host keeps what was
// captured (framesCaptured), so a panel reopened shows the strip at once.
import { scoreCriteria, scoreCriterionLabels, type BeatView, type ScoreCriterion, type TakeRowView } from '../../src/takes/model';
import { formatSeconds } from '../../../server/src/core/text';
import { button, el } from '../shared/dom';

export const frameWidth = 96;
/** Where in a beat the three frames are taken: just inside its start, its middle, just inside its end. */
const positions = ['start', 'middle', 'end'] as const;

/** Seconds into the video for each beat's start, middle and end. `videoDuration` scales the storyboard's timeline onto the file. */
export function beatSampleTimes(beats: readonly BeatView[], videoDuration: number): number[][] {
  const storyboardLength = beats.length ? Math.max(...beats.map((b) => b.end)) : 0;
  const scale = storyboardLength > 0 && Number.isFinite(videoDuration) && videoDuration > 0 ? videoDuration / storyboardLength : 1;
  return beats.map((beat) => {
    const length = Math.max(0, beat.end - beat.start);
    // A beat's end is the next beat's start: the last frame is taken a little before it.
    const inset = Math.min(0.25, length / 10);
    return [beat.start + inset, (beat.start + beat.end) / 2, beat.end - inset].map((t) => round3(Math.max(0, t * scale)));
  });
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function frameKey(take: TakeRowView, times: readonly number[][]): string {
  return `${take.id}|${take.videoKey ?? ''}|${times.map((beat) => beat.join(',')).join(';')}`;
}

function once(target: EventTarget, event: string, failure = 'error'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      target.removeEventListener(event, done);
      target.removeEventListener(failure, fail);
      resolve();
    };
    const fail = () => {
      target.removeEventListener(event, done);
      target.removeEventListener(failure, fail);
      reject(new Error('the video could not be read'));
    };
    target.addEventListener(event, done);
    target.addEventListener(failure, fail);
  });
}

/** Loads a video off-screen for capturing; its duration is known when this resolves. */
export async function loadVideo(uri: string): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // The webview's resources come from another origin; asking for CORS keeps the canvas readable.
  video.crossOrigin = 'anonymous';
  const loaded = once(video, 'loadeddata');
  video.src = uri;
  await loaded;
  return video;
}

/** The frame at each time, as small JPEG data: URLs, in order. */
export async function captureFrames(video: HTMLVideoElement, times: readonly number[]): Promise<string[]> {
  const canvas = document.createElement('canvas');
  const ratio = video.videoWidth && video.videoHeight ? video.videoHeight / video.videoWidth : 9 / 16;
  canvas.width = frameWidth;
  canvas.height = Math.max(1, Math.round(frameWidth * ratio));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas here');
  const frames: string[] = [];
  for (const time of times) {
    const seeked = once(video, 'seeked');
    video.currentTime = Math.min(time, Math.max(0, video.duration - 0.001));
    await seeked;
    await framePresented(video);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    frames.push(canvas.toDataURL('image/jpeg', 0.8));
  }
  return frames;
}

/**
 * `seeked` can fire before the frame at the new time is decoded, so the canvas would copy the one
 * before (seen under load): wait until the video presents a frame, or a short while where it can't say.
 */
function framePresented(video: HTMLVideoElement): Promise<void> {
  const withCallback = video as HTMLVideoElement & { requestVideoFrameCallback?: (callback: () => void) => number };
  if (typeof withCallback.requestVideoFrameCallback !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 250);
    withCallback.requestVideoFrameCallback!(() => {
      clearTimeout(fallback);
      resolve();
    });
  });
}

export interface FrameStripOptions {
  /** Captured frames by key (from the host's cache and this page's captures). */
  cache: Record<string, string[]>;
  /** A strip was captured: the page keeps it and tells the host. */
  onCaptured: (key: string, frames: string[]) => void;
  /** A frame was clicked: seek the take's player there. */
  onSeek: (take: TakeRowView, time: number) => void;
  /** A score given to one shot (null clears it); the strip offers it only when this is set. */
  onShotScore?: (take: TakeRowView, shot: number, criterion: ScoreCriterion, value: number | null) => void;
}

const pending = new Map<string, Promise<{ key: string; frames: string[] } | { error: string }>>();

/** Captures a take's frames unless cached; the same capture is shared by every view asking for it. */
export function framesFor(take: TakeRowView, beats: readonly BeatView[], options: FrameStripOptions): Promise<{ key: string; times: number[][]; frames: string[] } | { error: string }> {
  if (!take.videoUri) return Promise.resolve({ error: 'no video' });
  const uri = take.videoUri;
  const cachedKey = Object.keys(options.cache).find((key) => key.startsWith(`${take.id}|${take.videoKey ?? ''}|`) && options.cache[key].length === beats.length * positions.length);
  if (cachedKey) {
    const times = cachedKey.split('|')[2].split(';').map((beat) => beat.split(',').map(Number));
    return Promise.resolve({ key: cachedKey, times, frames: options.cache[cachedKey] });
  }
  const pendingKey = `${take.id}|${take.videoKey ?? ''}|${uri}`;
  let capture = pending.get(pendingKey);
  if (!capture) {
    capture = (async () => {
      try {
        const video = await loadVideo(uri);
        const times = beatSampleTimes(beats, video.duration);
        const key = frameKey(take, times);
        const frames = await captureFrames(video, times.flat());
        video.removeAttribute('src');
        video.load();
        options.onCaptured(key, frames);
        return { key, frames };
      } catch (error) {
        return { error: (error as Error).name === 'SecurityError' ? 'this view may not read the video’s pixels' : (error as Error).message };
      } finally {
        pending.delete(pendingKey);
      }
    })();
    pending.set(pendingKey, capture);
  }
  return capture.then((result) => ('error' in result ? result : { ...result, times: result.key.split('|')[2].split(';').map((beat) => beat.split(',').map(Number)) }));
}

/** One frame as a button: a click seeks the take's player to it. */
export function frameButton(take: TakeRowView, beat: BeatView, position: string, time: number, src: string | null, onSeek: (take: TakeRowView, time: number) => void): HTMLElement {
  const label = `${take.id}, shot ${beat.index} ${position} (${formatSeconds(time)})`;
  const b = el('button', { type: 'button', class: `frame ${position}`, title: `${label}: play from here`, 'aria-label': label, 'data-time': String(time), 'data-beat': String(beat.index) });
  if (src) {
    const image = el('img', { alt: '', width: String(frameWidth) });
    image.src = src;
    b.append(image);
  } else {
    b.append(el('span', { class: 'frame-placeholder' }, '…'));
  }
  b.append(el('span', { class: 'frame-time' }, formatSeconds(time)));
  b.addEventListener('click', () => onSeek(take, time));
  return b;
}

/** The beat's number, title, shot text and dialogue. */
export function beatLabel(beat: BeatView): HTMLElement {
  const box = el('div', { class: 'beat-label' });
  box.append(el('div', { class: 'beat-title' }, `Shot ${beat.index}${beat.title ? `: ${beat.title}` : ''} (${formatSeconds(beat.start)}–${formatSeconds(beat.end)})`));
  if (beat.text) box.append(el('p', { class: 'beat-text' }, beat.text));
  for (const line of beat.dialogue) box.append(el('p', { class: 'beat-dialogue' }, `${line.speaker} (${formatSeconds(line.at)}): “${line.line}”`));
  return box;
}

/** The frames of one take for one beat; placeholders until captured. */
export function beatFrames(take: TakeRowView, beat: BeatView, beatIndex: number, captured: { times: number[][]; frames: string[] } | null, onSeek: FrameStripOptions['onSeek']): HTMLElement {
  const cell = el('div', { class: 'beat-frames', 'data-take': take.id });
  const times = captured?.times[beatIndex] ?? beatSampleTimes([beat], beat.end)[0];
  positions.forEach((position, i) => cell.append(frameButton(take, beat, position, times[i], captured ? captured.frames[beatIndex * positions.length + i] ?? null : null, onSeek)));
  return cell;
}

/** The whole strip for one take: one row per beat, its text beside its three frames. */
export function renderFrameStrip(target: HTMLElement, take: TakeRowView, beats: readonly BeatView[], options: FrameStripOptions): void {
  const heading = el('h2', {}, `Frames per shot — ${take.id}`);
  if (!beats.length) {
    target.replaceChildren(heading, el('p', { class: 'empty' }, 'The storyboard has no beats to compare the video with (or it does not compile).'));
    return;
  }
  if (!take.videoUri) {
    target.replaceChildren(heading, el('p', { class: 'empty' }, `No frames: the video of ${take.id} is missing.`));
    return;
  }
  const status = el('p', { class: 'frames-status', role: 'status' }, 'Capturing frames…');
  const list = el('div', { class: 'frame-strip', 'data-take': take.id });
  const draw = (captured: { times: number[][]; frames: string[] } | null) =>
    list.replaceChildren(
      ...beats.map((beat, i) => {
        const label = beatLabel(beat);
        if (options.onShotScore) label.append(shotScoring(take, beat.index, options.onShotScore));
        return el('div', { class: 'beat-row', 'data-beat': String(beat.index) }, label, beatFrames(take, beat, i, captured, options.onSeek));
      }),
    );
  draw(null);
  target.replaceChildren(heading, status, list);
  void framesFor(take, beats, options).then((result) => {
    if (!list.isConnected) return;
    if ('error' in result) {
      status.textContent = `Frames could not be captured: ${result.error}.`;
      return;
    }
    status.textContent = '';
    status.hidden = true;
    // Only the frames change: the beat text and a half-made shot score stay as they are.
    beats.forEach((beat, i) => list.querySelector(`.beat-row[data-beat="${beat.index}"] .beat-frames`)?.replaceWith(beatFrames(take, beat, i, result, options.onSeek)));
  });
}

/** "Identity broke in shot 3": the shot's own scores, and a criterion and 1–5 to score it. */
export function shotScoring(take: TakeRowView, shot: number, onShotScore: NonNullable<FrameStripOptions['onShotScore']>): HTMLElement {
  const scores = take.shotScores[String(shot)] ?? {};
  const given = scoreCriteria.filter((c) => scores[c] !== undefined).map((c) => `${scoreCriterionLabels[c]} ${scores[c]}`);
  const box = el('div', { class: 'shot-scoring', 'data-shot': String(shot) });
  box.append(el('span', { class: 'shot-scores' }, given.length ? `Shot ${shot}: ${given.join(' · ')}` : `Shot ${shot}: not scored on its own`));
  const criterion = el('select', { 'aria-label': `Criterion to score for shot ${shot} of ${take.id}`, class: 'shot-criterion' });
  for (const c of scoreCriteria) criterion.append(el('option', { value: c }, scoreCriterionLabels[c]));
  box.append(criterion);
  for (let n = 1; n <= 5; n++) box.append(button(String(n), { class: 'shot-score', 'data-value': String(n), 'aria-label': `Score shot ${shot} ${n} of 5` }, () => onShotScore(take, shot, criterion.value as ScoreCriterion, n)));
  box.append(button('Clear', { class: 'shot-clear link', 'aria-label': `Clear the chosen criterion for shot ${shot}` }, () => onShotScore(take, shot, criterion.value as ScoreCriterion, null)));
  return box;
}
