import type { ModelProfile } from './types';

const vercelKling = 'vercel/ai packages/klingai/src';

/** Kuaishou Kling 3.0: 3–15 s, up to six shots in one generation, native audio in pro mode. */
export const kling30: ModelProfile = {
  id: 'kling-3.0',
  label: 'Kling 3.0',
  vendor: 'Kuaishou',
  apiModel: 'kling-v3',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: `${vercelKling}/klingai-video-model-options.ts@0d67d0f (multi_prompt: up to 6 shots, prompt ≤ 512 chars, durations summing to the total; negative_prompt ≤ 2500; sound needs mode pro; image_tail needs pro for most models; element_list ≤ 3)`,
      url: 'https://github.com/vercel/ai/tree/main/packages/klingai',
      confidence: 'sdk',
    },
    { title: `${vercelKling}/klingai-video-model.ts@052b6d5 (model_name kling-v3; duration sent as a string; aspect_ratio; image, image_tail; no resolution, seed or fps)`, url: 'https://github.com/vercel/ai/tree/main/packages/klingai', confidence: 'sdk' },
    { title: 'docs.comfy.org KlingVideoNode (3–15 s; 720p std, 1080p pro; 16:9, 9:16, 1:1; prompt ≤ 2500) and KlingOmniProEditVideoNode (edit a 3–10 s video)', url: 'https://docs.comfy.org/built-in-nodes/KlingVideoNode', confidence: 'sdk' },
    { title: 'blog.fal.ai/kling-3-0-prompting-guide (think in shots, label speakers)', url: 'https://blog.fal.ai/kling-3-0-prompting-guide', confidence: 'unverified' },
    { title: 'docs.krea.ai/api-reference/video/kling-30.md (reseller prices)', url: 'https://docs.krea.ai/api-reference/video/kling-30.md', confidence: 'unverified' },
  ],
  durations: { kind: 'range', min: 3, max: 15, step: 1 },
  durationsConfidence: 'sdk',
  defaultDuration: 5,
  aspects: ['16:9', '9:16', '1:1'],
  aspectsConfidence: 'sdk',
  resolutions: ['720p', '1080p'],
  resolutionsConfidence: 'sdk',
  couplings: [
    // The SDK says sound needs pro; a reseller prices std with audio, so this is not settled.
    { description: 'native audio needs pro mode (1080p)', when: { audio: true }, requires: { resolutions: ['1080p'] }, confidence: 'unverified' },
    { description: 'an end frame needs pro mode (1080p)', when: { lastFrame: true }, requires: { resolutions: ['1080p'] }, confidence: 'sdk' },
  ],
  audio: { dialogue: true, effects: true, music: true, speech: 'shot-labelled', parameter: 'sound', confidence: 'sdk' },
  images: { firstFrame: true, lastFrame: true, maxReferences: 3, confidence: 'sdk' },
  negativePrompt: { kind: 'parameter', name: 'negative_prompt', maxLength: 2500 },
  promptLimit: { max: 2500, unit: 'characters', hard: true, confidence: 'sdk' },
  multiShot: { maxShots: 6, maxShotPrompt: 512, parameter: 'multi_prompt' },
  iterate: { operation: 'edit', via: 'Kling 3.0 Omni video edit (kling-v3-omni; a 3–10 s input video and an instruction)' },
  price: {
    usdPerSecond: { '720p': 0.1764, '1080p': 0.2352, default: 0.2352 },
    audioUsdPerSecond: 0.1176,
    confidence: 'unverified',
    source: 'docs.krea.ai/api-reference/video/kling-30.md ($0.1764/s std, $0.2352/s pro, $0.3528/s pro with audio); another site claims $0.084/$0.112 — no official rate card was readable',
  },
  format: 'kling-shots',
  parameters: {
    duration: 'duration',
    durationAs: 'string',
    aspect: 'aspect_ratio',
    resolution: 'mode',
    firstFrame: 'image',
    lastFrame: 'image_tail',
    references: 'element_list',
    values: { resolution: { '720p': 'std', '1080p': 'pro' } },
  },
  notes:
    'Kling 3.0 makes 3–15 s clips, as up to six shots of ≤ 512 characters each whose lengths sum to the clip, with native multilingual speech. Resolution is the mode (std 720p, pro 1080p); audio and the end frame want pro; in image-to-video the aspect follows the image.',
  spotCheck: { makes: { duration: 13, aspect: '1:1', resolution: '1080p' }, refuses: { duration: 16, aspect: '4:3', resolution: '4k' } },
};
