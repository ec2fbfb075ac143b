import type { ModelProfile } from './types';

/** MiniMax Hailuo-02: 6 or 10 s at 768p, 6 s only at 1080p; silent; camera moves as bracket commands. */
export const hailuo02: ModelProfile = {
  id: 'hailuo-02',
  label: 'Hailuo 02',
  vendor: 'MiniMax',
  apiModel: 'MiniMax-Hailuo-02',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: 'platform.minimax.io/docs/api-reference/video-generation-t2v (duration "Default is 6 … MiniMax-Hailuo-02: 768P → 6 or 10; 1080P → 6"; prompt "up to 2000 characters"; first_frame_image; prompt_optimizer; [Pan left]-style camera commands)',
      url: 'https://platform.minimax.io/docs/api-reference/video-generation-t2v',
      confidence: 'official',
    },
    { title: 'docs.comfy.org MinimaxHailuoVideoNode (duration 6 or 10; 768P = 1366×768, 1080P = 1920×1080; 1080P limits Hailuo-02 to 6 s)', url: 'https://docs.comfy.org/built-in-nodes/MinimaxHailuoVideoNode', confidence: 'sdk' },
    { title: 'wavespeed.ai/docs/docs-api/minimax-hailuo-02-standard ($0.23 for 6 s at 768p)', url: 'https://wavespeed.ai/docs/docs-api/minimax-hailuo-02-standard', confidence: 'unverified' },
  ],
  durations: { kind: 'set', values: [6, 10] },
  durationsConfidence: 'official',
  defaultDuration: 6,
  // Text-to-video is 1366×768 or 1920×1080; image-to-video follows the image.
  aspects: ['16:9'],
  aspectsConfidence: 'sdk',
  resolutions: ['768p', '1080p'],
  resolutionsConfidence: 'official',
  couplings: [{ description: '1080p needs a 6 s clip', when: { resolution: '1080p' }, requires: { durations: [6] }, confidence: 'official' }],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'official' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 1, confidence: 'official' },
  negativePrompt: { kind: 'discouraged', advice: 'The Hailuo API takes no negative prompt: describe what should be in the shot instead.' },
  promptLimit: { max: 2000, unit: 'characters', hard: true, confidence: 'official' },
  iterate: { operation: 'regenerate', via: 'a new video_generation task with the one change' },
  price: { usdPerSecond: { default: 0.0383 }, confidence: 'unverified', source: 'wavespeed.ai ($0.23 for 6 s at 768p; 10 s costs more per second); MiniMax\'s own price was not readable' },
  format: 'paragraph',
  parameters: {
    duration: 'duration',
    durationAs: 'number',
    aspect: '',
    resolution: 'resolution',
    firstFrame: 'first_frame_image',
    values: { resolution: { '768p': '768P', '1080p': '1080P' } },
  },
  notes:
    'Hailuo 02 makes silent 6 or 10 s clips at 768p, or 6 s at 1080p, landscape from text and the image\'s shape from a first frame. Camera moves can be written as bracket commands ([Pan left], [Push in]); the prompt optimizer rewrites prompts unless turned off.',
  spotCheck: { makes: { duration: 10, aspect: '16:9', resolution: '768p' }, refuses: { duration: 8, aspect: '9:16', resolution: '720p' } },
};
