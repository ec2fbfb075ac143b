import type { ModelProfile } from './types';

/** Pika 2.5 (through fal.ai, Pika's API partner): 5 or 10 s, 480p–1080p, silent. */
export const pika25: ModelProfile = {
  id: 'pika-2.5',
  label: 'Pika 2.5',
  vendor: 'Pika',
  apiModel: 'fal-ai/pika/v2.5/text-to-video',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    { title: 'fal.ai/models/fal-ai/pika/v2.5/text-to-video/llms.txt (duration 5 or 10; resolution 480p, 720p, 1080p, default 720p; negative_prompt; seed; no aspect field)', url: 'https://fal.ai/models/fal-ai/pika/v2.5/text-to-video/llms.txt', confidence: 'unverified' },
    { title: 'fal.ai/models/fal-ai/pika/v2.2/text-to-video/llms.txt (aspect_ratio 16:9, 9:16, 1:1, 4:5, 5:4, 3:2, 2:3; $0.20 for 5 s at 720p, $0.45 at 1080p)', url: 'https://fal.ai/models/fal-ai/pika/v2.2/text-to-video/llms.txt', confidence: 'unverified' },
    { title: 'comfyanonymous/ComfyUI@fde4345 comfy_api_nodes/apis/pika_api.py (Pika 2.2 API bodies: duration default 5, negativePrompt, seed, no audio, no prompt limit)', url: 'https://github.com/comfyanonymous/ComfyUI', confidence: 'sdk' },
  ],
  durations: { kind: 'set', values: [5, 10] },
  durationsConfidence: 'unverified',
  defaultDuration: 5,
  // Pika 2.2's aspect list: fal's 2.5 text-to-video shows no aspect field at all.
  aspects: ['16:9', '9:16', '1:1', '4:5', '5:4', '3:2', '2:3'],
  aspectsConfidence: 'unverified',
  resolutions: ['480p', '720p', '1080p'],
  resolutionsConfidence: 'unverified',
  couplings: [],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'unverified' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 1, confidence: 'unverified' },
  negativePrompt: { kind: 'parameter', name: 'negative_prompt' },
  // No published limit: 2000 characters is a guard (MiniMax's and Wan 2.5's documented limit), not Pika's.
  promptLimit: { max: 2000, unit: 'characters', hard: false, confidence: 'unverified' },
  iterate: { operation: 'regenerate', via: 'a new text-to-video request with the one change and the same seed' },
  price: {
    usdPerSecond: { '480p': 0.04, '720p': 0.04, '1080p': 0.09, default: 0.04 },
    confidence: 'unverified',
    source: 'fal.ai Pika 2.2 text-to-video ($0.20 / 5 s at 720p, $0.45 / 5 s at 1080p); fal lists no per-second price for 2.5',
  },
  format: 'paragraph',
  parameters: {
    duration: 'duration',
    durationAs: 'number',
    aspect: 'aspect_ratio',
    resolution: 'resolution',
    firstFrame: 'image_url',
  },
  notes: 'Pika 2.5 makes silent 5 or 10 s clips at 480p–1080p with a negative prompt and seed. Its limits come from fal.ai\'s pages, not from Pika, so the checker is lenient with them.',
  spotCheck: { makes: { duration: 5, aspect: '4:5', resolution: '480p' }, refuses: { duration: 8, aspect: '21:9', resolution: '4k' } },
};
