import type { ModelProfile } from './types';

const ltx = 'Lightricks/LTX-2@400fd31';

/** Lightricks LTX-2 (open weights, runs locally): video with synchronized audio from one flowing paragraph. */
export const ltx2: ModelProfile = {
  id: 'ltx-2',
  label: 'LTX-2 (local)',
  vendor: 'Lightricks',
  apiModel: 'Lightricks/LTX-2.5',
  openWeights: true,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: `${ltx} README.md ("Prompting for LTX-2": one flowing paragraph, start with the action, "Keep within 200 words"; speech narrated inline, "saying, 'I think it's so good.'"; Retake, keyframe interpolation)`,
      url: 'https://github.com/Lightricks/LTX-2',
      confidence: 'official',
    },
    { title: `${ltx} packages/ltx-pipelines/src/ltx_pipelines/utils/constants.py (num_frames = 121, frame_rate = 24.0) and docs/pipelines.md (frames 8k+1, sizes multiples of 32)`, url: 'https://github.com/Lightricks/LTX-2', confidence: 'official' },
    { title: `${ltx} packages/ltx-pipelines/src/ltx_pipelines/utils/args.py (--num-frames, --frame-rate, --width, --height, --image, --negative-prompt, --seed; Retake --start-time/--end-time)`, url: 'https://github.com/Lightricks/LTX-2', confidence: 'official' },
    { title: `${ltx} LICENSE.md (LTX-2.x Community License: paid licence for commercial use above $10M annual revenue)`, url: 'https://github.com/Lightricks/LTX-2', confidence: 'official' },
    { title: 'docs.comfy.org comfy-router ltx-2-5-fast (hosted: 2–20 s; up to 4K; generate_audio)', url: 'https://docs.comfy.org/es/development/comfy-router/models/ltx/ltx-2-5-fast/code', confidence: 'sdk' },
    { title: 'docs.oxen.ai ltx-2-3-fast-text-to-video (hosted: over 10 s needs 25 fps and 1080p)', url: 'https://docs.oxen.ai/inference-api/reference/models/ltx-2-3-fast-text-to-video.md', confidence: 'unverified' },
  ],
  // Locally any whole second at 24 fps is 24n+1 = 8k+1 frames; 20 s is the hosted API's cap, kept as the stable ceiling.
  durations: { kind: 'range', min: 2, max: 20, step: 1 },
  durationsConfidence: 'sdk',
  defaultDuration: 5,
  // Locally any size in multiples of 32; these are the ratios writers ask for (the hosted API takes 16:9 and 9:16).
  aspects: ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'],
  aspectsConfidence: 'official',
  resolutions: ['480p', '720p', '1080p', '4k'],
  resolutionsConfidence: 'sdk',
  couplings: [
    { description: 'on the hosted API, clips over 10 s need 1080p (and 25 fps)', when: { resolution: '720p' }, requires: { durations: [2, 3, 4, 5, 6, 7, 8, 9, 10] }, confidence: 'unverified' },
  ],
  audio: { dialogue: true, effects: true, music: true, speech: 'inline-quote', confidence: 'official' },
  // Image conditioning and keyframe interpolation are official; how many keyframes one run takes is not stated.
  images: { firstFrame: true, lastFrame: true, maxReferences: 2, confidence: 'unverified' },
  negativePrompt: { kind: 'parameter', name: '--negative-prompt' },
  promptLimit: { max: 200, unit: 'words', hard: false, confidence: 'official' },
  iterate: { operation: 'edit', via: 'RetakePipeline: regenerate the take (or a --start-time/--end-time span of it) with the changed prompt' },
  price: {
    usdPerSecond: { default: 0 },
    confidence: 'official',
    source: 'open weights run on your own hardware (LTX-2.x Community License, LICENSE.md); the hosted API\'s price was not readable',
  },
  format: 'ltx',
  parameters: {
    duration: '--num-frames',
    durationAs: 'number',
    framesPerSecond: 24,
    aspect: '--width/--height',
    firstFrame: '--image',
  },
  notes:
    'LTX-2 runs locally and makes video with synchronized speech, effects and music from one flowing present-tense paragraph of at most ~200 words. Frames come in 8k+1 (121 at 24 fps is 5 s) and sizes in multiples of 32; Retake regenerates a span of a take.',
  spotCheck: { makes: { duration: 20, aspect: '1:1', resolution: '4k' }, refuses: { duration: 21, aspect: '5:4', resolution: '360p' } },
};
