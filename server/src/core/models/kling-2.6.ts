import type { ModelProfile } from './types';

const vercelKling = 'vercel/ai packages/klingai/src';

/** Kuaishou Kling 2.6: 5 or 10 s clips, the first Kling with native audio (pro mode only). */
export const kling26: ModelProfile = {
  id: 'kling-2.6',
  label: 'Kling 2.6',
  vendor: 'Kuaishou',
  apiModel: 'kling-v2-6',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: `${vercelKling}/klingai-video-model-options.ts@0d67d0f (sound: "Only V2.6 and subsequent versions … requires mode: 'pro'"; image_tail needs pro; negative_prompt ≤ 2500)`,
      url: 'https://github.com/vercel/ai/tree/main/packages/klingai',
      confidence: 'sdk',
    },
    { title: `${vercelKling}/klingai-video-model.ts@052b6d5 ('kling-v2.6-t2v' → model_name kling-v2-6; duration as a string; aspect_ratio; image, image_tail)`, url: 'https://github.com/vercel/ai/tree/main/packages/klingai', confidence: 'sdk' },
    { title: 'docs.comfy.org KlingTextToVideoWithAudio (duration 5 or 10; 16:9, 9:16, 1:1; prompt ≤ 2500)', url: 'https://docs.comfy.org/built-in-nodes/KlingTextToVideoWithAudio', confidence: 'sdk' },
    { title: 'docs.krea.ai/api-reference/video/kling-26.md (reseller prices)', url: 'https://docs.krea.ai/api-reference/video/kling-26.md', confidence: 'unverified' },
  ],
  durations: { kind: 'set', values: [5, 10] },
  durationsConfidence: 'sdk',
  defaultDuration: 5,
  aspects: ['16:9', '9:16', '1:1'],
  aspectsConfidence: 'sdk',
  resolutions: ['720p', '1080p'],
  // std/pro as ~720p/1080p is how resellers describe the modes; the SDK exposes only the mode.
  resolutionsConfidence: 'unverified',
  couplings: [
    { description: 'native audio needs pro mode (1080p)', when: { audio: true }, requires: { resolutions: ['1080p'] }, confidence: 'sdk' },
    { description: 'an end frame needs pro mode (1080p)', when: { lastFrame: true }, requires: { resolutions: ['1080p'] }, confidence: 'sdk' },
  ],
  audio: { dialogue: true, effects: true, music: true, speech: 'inline-quote', parameter: 'sound', confidence: 'sdk' },
  images: { firstFrame: true, lastFrame: true, maxReferences: 2, confidence: 'sdk' },
  negativePrompt: { kind: 'parameter', name: 'negative_prompt', maxLength: 2500 },
  promptLimit: { max: 2500, unit: 'characters', hard: true, confidence: 'sdk' },
  iterate: { operation: 'regenerate', via: 'a new text2video or image2video task with the one change (Kling takes no seed)' },
  price: {
    usdPerSecond: { default: 0.0735 },
    audioUsdPerSecond: 0.0735,
    confidence: 'unverified',
    source: 'docs.krea.ai/api-reference/video/kling-26.md ($0.0735/s, $0.147/s with audio); no official rate card was readable',
  },
  format: 'paragraph',
  parameters: {
    duration: 'duration',
    durationAs: 'string',
    aspect: 'aspect_ratio',
    resolution: 'mode',
    firstFrame: 'image',
    lastFrame: 'image_tail',
    values: { resolution: { '720p': 'std', '1080p': 'pro' } },
  },
  notes: 'Kling 2.6 makes 5 or 10 s clips in 16:9, 9:16 or 1:1, with Chinese and English speech when sound is on. Sound and the end frame need pro mode; Kling 3.0 is its successor for multi-shot scenes.',
  spotCheck: { makes: { duration: 10, aspect: '1:1', resolution: '720p' }, refuses: { duration: 7, aspect: '21:9', resolution: '480p' } },
};
