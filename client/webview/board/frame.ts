// One frame of a take's video for its card, drawn here from the local video with <video> and a
// canvas: no network, nothing native. The frame comes back as a small JPEG data: URL the page can
// keep across a reload, or, where the canvas may not read the video, the video itself, paused there.
import { frameTime } from '../../src/board/model';

export const frameWidth = 320;
/** A video that neither loads nor fails (a stalled read) gives up after this. */
const loadTimeoutMs = 15_000;

export type Frame = { kind: 'image'; src: string; time: number } | { kind: 'video'; element: HTMLVideoElement; time: number };

function once(target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('the video did not load in time')), loadTimeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      target.removeEventListener(event, done);
      target.removeEventListener('error', failed);
      if (error) reject(error);
      else resolve();
    };
    const done = () => finish();
    const failed = () => finish(new Error(target.error?.message || 'the video cannot be decoded'));
    target.addEventListener(event, done);
    target.addEventListener('error', failed);
  });
}

/** Seeks a muted off-screen video to the middle and draws that frame. Rejects when the video cannot be read. */
export async function captureFrame(src: string): Promise<Frame> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // The webview's resources come from another origin; asking for CORS keeps the canvas readable.
  video.crossOrigin = 'anonymous';
  const loaded = once(video, 'loadeddata');
  video.src = src;
  await loaded;
  const time = frameTime(video.duration);
  const seeked = once(video, 'seeked');
  video.currentTime = time;
  await seeked;
  await framePresented(video);
  const canvas = document.createElement('canvas');
  const ratio = video.videoWidth && video.videoHeight ? video.videoHeight / video.videoWidth : 9 / 16;
  canvas.width = frameWidth;
  canvas.height = Math.max(1, Math.round(frameWidth * ratio));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('there is no canvas here');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  try {
    const image = canvas.toDataURL('image/jpeg', 0.8);
    video.removeAttribute('src');
    video.load();
    return { kind: 'image', src: image, time };
  } catch {
    // A canvas the video's origin taints cannot be read: show the video, paused at that frame.
    video.className = 'still';
    return { kind: 'video', element: video, time };
  }
}

/** `seeked` can fire before the frame at the new time is decoded: wait until one is presented. */
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
