import type { ModelProfile } from './types';

const openaiPython = 'openai/openai-python@e43b422';

/** OpenAI Sora 2 Pro: retired with the Videos API on 2026-09-24; kept so old storyboards and take logs still read. */
export const sora2Pro: ModelProfile = {
  id: 'sora-2-pro',
  label: 'Sora 2 Pro',
  vendor: 'OpenAI',
  apiModel: 'sora-2-pro',
  openWeights: false,
  status: {
    kind: 'retired',
    since: '2026-09-24',
    source: `${openaiPython} src/openai/resources/videos.py: "The Sora API is scheduled to permanently shut down on September 24, 2026."; developers.openai.com/api/docs/guides/video-generation banner names sora-2-pro; developers.openai.com/de-DE/api/docs/models/sora-2: no replacement API`,
    successors: ['veo-3.1', 'kling-3.0', 'luma-ray-3.2'],
  },
  asOf: '2026-12-01',
  sources: [
    { title: 'openai/openai-python@a5beef4 src/openai/types/video_model.py (sora-2-pro), video_size.py', url: 'https://github.com/openai/openai-python', confidence: 'official' },
    { title: 'openai/skills@892f001 skills/.curated/sora/SKILL.md ("sora-2-pro is required for 1920x1080 and 1080x1920"), references/video-api.md (16 s, 20 s, extensions)', url: 'https://github.com/openai/skills', confidence: 'official' },
    { title: 'openai/openai-cookbook@1398f49 examples/sora/sora2_prompting_guide.ipynb (prompt layout, dialogue block, Pro sizes)', url: 'https://github.com/openai/openai-cookbook', confidence: 'official' },
    { title: 'developers.openai.com/de-DE/api/docs/models/sora-2 (price at 720p, shutdown)', url: 'https://developers.openai.com/de-DE/api/docs/models/sora-2', confidence: 'official' },
  ],
  durations: { kind: 'set', values: [4, 8, 12, 16, 20] },
  durationsConfidence: 'official',
  defaultDuration: 4,
  extend: { stepSeconds: [4, 8, 12, 16, 20], maxTotalSeconds: 120, operation: 'POST /v1/videos/extensions' },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p', '1080p'],
  couplings: [],
  audio: { dialogue: true, effects: true, music: true, speech: 'dialogue-block', confidence: 'official' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 1, confidence: 'official' },
  negativePrompt: { kind: 'prose' },
  promptLimit: { max: 32000, unit: 'characters', hard: true, confidence: 'official' },
  iterate: { operation: 'remix', via: 'POST /v1/videos/edits (Remix in the app)' },
  price: {
    usdPerSecond: { '720p': 0.3, default: 0.3 },
    confidence: 'official',
    source: 'developers.openai.com/de-DE/api/docs/models/sora-2 ($0.30/s at 720p; OpenAI published no 1080p price, so the default is the 720p rate)',
  },
  format: 'sora-cookbook',
  parameters: {
    duration: 'seconds',
    durationAs: 'string',
    aspect: 'size',
    firstFrame: 'input_reference',
    values: { aspect: { '16:9 720p': '1280x720', '9:16 720p': '720x1280', '16:9 1080p': '1920x1080', '9:16 1080p': '1080x1920' } },
  },
  notes: 'Sora 2 Pro made 4–20 s clips with synchronized audio at 720p and 1080p (1024x1792 too). OpenAI shut the Videos API down on 2026-09-24.',
  spotCheck: { makes: { duration: 20, aspect: '16:9', resolution: '1080p' }, refuses: { duration: 6, aspect: '4:3', resolution: '4k' } },
};
