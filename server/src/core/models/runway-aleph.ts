import type { ModelProfile } from './types';

/** Runway Aleph 2: video-to-video editing with an instruction; the output keeps the input's length. */
export const runwayAleph: ModelProfile = {
  id: 'runway-aleph',
  label: 'Runway Aleph 2',
  vendor: 'Runway',
  apiModel: 'aleph2',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: 'runwayml/sdk-python@c604e0e src/runwayml/types/video_to_video_create_params.py (aleph2: videoUri; keyframes "Up to 5"; targetAspectRatio 16:9, 4:3, 3:2, 1:1, 2:3, 3:4, 9:16, 21:9; no duration or audio field)',
      url: 'https://github.com/runwayml/sdk-python',
      confidence: 'official',
    },
    { title: 'runwayml/sdk-python commit 07e3079 "feat(api): Aleph2" (2026-06-02; gen4_aleph replaced)', url: 'https://github.com/runwayml/sdk-python/commit/07e3079c56aae47f76ad0c373dd8de5c6dd6247d', confidence: 'official' },
    { title: 'docs.comfy.org RunwayAleph2VideoToVideoNode (input 2–30 s at ≤ 30 fps; output resolution matches the input; prompt 1–1000 characters)', url: 'https://docs.comfy.org/built-in-nodes/RunwayAleph2VideoToVideoNode', confidence: 'sdk' },
    { title: 'inference.sh/apps/runway/aleph-2 (28 credits/s)', url: 'https://inference.sh/apps/runway/aleph-2', confidence: 'unverified' },
  ],
  durations: { kind: 'range', min: 2, max: 30, step: 1 },
  durationsConfidence: 'sdk',
  aspects: ['16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '21:9'],
  aspectsConfidence: 'official',
  resolutions: ['720p', '1080p'],
  // "Matches the input video": the list is what a take is usually made at, not a limit Runway states.
  resolutionsConfidence: 'unverified',
  couplings: [],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'official' },
  images: { firstFrame: false, lastFrame: false, maxReferences: 5, confidence: 'official' },
  negativePrompt: { kind: 'discouraged', advice: 'Runway\'s guide: "Use positive phrasing and avoid negative prompts" — say what the edit should show.' },
  promptLimit: { max: 1000, unit: 'utf16', hard: true, confidence: 'sdk' },
  iterate: { operation: 'edit', via: 'POST /v1/video_to_video with model aleph2: the take and a one-change instruction' },
  price: { usdPerSecond: { default: 0.28 }, confidence: 'unverified', source: 'inference.sh/apps/runway/aleph-2 (28 credits/s at $0.01 a credit); no official rate card was readable' },
  format: 'runway',
  parameters: {
    duration: '',
    durationAs: 'number',
    aspect: 'targetAspectRatio',
    references: 'keyframes',
  },
  notes:
    'Runway Aleph 2 edits a 2–30 s video with an instruction (restyle, relight, add, remove, outpaint to another ratio); the output keeps the input\'s length and resolution. It is silent and is the way to change one thing of a Runway take.',
  spotCheck: { makes: { duration: 30, aspect: '3:2', resolution: '1080p' }, refuses: { duration: 31, aspect: '5:4', resolution: '4k' } },
};
