import type { ModelProfile } from './types';

const vercelBytedance = 'vercel/ai packages/bytedance';

/** ByteDance Seedance 1.5 Pro (BytePlus ModelArk): 4–12 s with native audio, first and last frame. */
export const seedance15Pro: ModelProfile = {
  id: 'seedance-1.5-pro',
  label: 'Seedance 1.5 Pro',
  vendor: 'ByteDance',
  apiModel: 'seedance-1-5-pro-251215',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: `${vercelBytedance} content/providers/01-ai-sdk-providers/85-bytedance.mdx (Seedance 1.5 Pro: "Duration: 4-12s. Resolution: 480p, 720p, 1080p"; aspects 16:9, 4:3, 1:1, 3:4, 9:16, 21:9; 24 fps; generateAudio; lastFrameImage)`,
      url: 'https://github.com/vercel/ai/tree/main/packages/bytedance',
      confidence: 'sdk',
    },
    { title: `${vercelBytedance}/src/bytedance-video-model.ts@02ec605 (body: ratio, duration as a number, resolution, generate_audio; content items with role first_frame / last_frame / reference_image)`, url: 'https://github.com/vercel/ai/tree/main/packages/bytedance', confidence: 'sdk' },
    { title: 'runwayml/sdk-python@c604e0e image_to_video_create_params.py (Runway\'s Seedance 2 route: prompt up to 3500 characters)', url: 'https://github.com/runwayml/sdk-python', confidence: 'unverified' },
    { title: 'runware.ai/docs/models/bytedance-seedance-1-5-pro (reseller prices per 5 s)', url: 'https://runware.ai/docs/models/bytedance-seedance-1-5-pro', confidence: 'unverified' },
  ],
  durations: { kind: 'range', min: 4, max: 12, step: 1 },
  durationsConfidence: 'sdk',
  defaultDuration: 5,
  aspects: ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'],
  aspectsConfidence: 'sdk',
  resolutions: ['480p', '720p', '1080p'],
  resolutionsConfidence: 'sdk',
  couplings: [],
  // Dialogue, effects and ambience per the SDK table and Vercel's gateway page; music is not mentioned.
  audio: { dialogue: true, effects: true, music: false, speech: 'inline-quote', parameter: 'generate_audio', confidence: 'sdk' },
  images: { firstFrame: true, lastFrame: true, maxReferences: 2, confidence: 'sdk' },
  negativePrompt: { kind: 'discouraged', advice: 'ModelArk takes no negative prompt for Seedance: describe what should be in the shot instead.' },
  promptLimit: { max: 3500, unit: 'characters', hard: false, confidence: 'unverified' },
  iterate: { operation: 'regenerate', via: 'a new content generation task with the one change (return_last_frame chains clips)' },
  price: {
    usdPerSecond: { '480p': 0.012, '720p': 0.026, default: 0.026 },
    audioUsdPerSecond: 0.026,
    confidence: 'unverified',
    source: 'runware.ai ($0.06 / 5 s at 480p, $0.13 / 5 s at 720p, double with audio; no 1080p figure, so the default is the 720p rate); ModelArk\'s own prices were not readable',
  },
  format: 'paragraph',
  parameters: {
    duration: 'duration',
    durationAs: 'number',
    aspect: 'ratio',
    resolution: 'resolution',
    firstFrame: 'content[role=first_frame]',
    lastFrame: 'content[role=last_frame]',
  },
  notes:
    'Seedance 1.5 Pro makes 4–12 s clips at 480p–1080p with synchronized multilingual dialogue and sound; quoted lines are a strong hint but the spoken words can drift. ModelArk publishes no prompt limit that could be read (3500 characters is Runway\'s Seedance route).',
  spotCheck: { makes: { duration: 12, aspect: '21:9', resolution: '480p' }, refuses: { duration: 3, aspect: '2:3', resolution: '4k' } },
};
