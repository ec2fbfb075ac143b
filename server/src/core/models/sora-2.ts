import type { ModelProfile } from './types';

const openaiPython = 'openai/openai-python@e43b422';

/** OpenAI Sora 2: retired with the Videos API on 2026-09-24; kept so old storyboards and take logs still read. */
export const sora2: ModelProfile = {
  id: 'sora-2',
  label: 'Sora 2',
  vendor: 'OpenAI',
  apiModel: 'sora-2',
  openWeights: false,
  status: {
    kind: 'retired',
    since: '2026-09-24',
    source: `${openaiPython} src/openai/resources/videos.py: "The Sora API is scheduled to permanently shut down on September 24, 2026."; developers.openai.com/de-DE/api/docs/models/sora-2: no replacement API`,
    successors: ['veo-3.1', 'kling-3.0', 'runway-gen-4.5'],
  },
  asOf: '2026-12-01',
  sources: [
    { title: `${openaiPython} src/openai/types/video_create_params.py, video_seconds.py, video_size.py (sizes re-read at a5beef4: 720x1280, 1280x720, 1024x1792, 1792x1024)`, url: 'https://github.com/openai/openai-python', confidence: 'official' },
    { title: 'openai/skills@892f001 skills/.curated/sora/references/video-api.md (16 s and 20 s, extensions, edits)', url: 'https://github.com/openai/skills', confidence: 'official' },
    { title: 'openai/openai-cookbook@1398f49 examples/sora/sora2_prompting_guide.ipynb (prompt layout, dialogue block)', url: 'https://github.com/openai/openai-cookbook', confidence: 'official' },
    { title: 'developers.openai.com/de-DE/api/docs/models/sora-2 (price, shutdown)', url: 'https://developers.openai.com/de-DE/api/docs/models/sora-2', confidence: 'official' },
  ],
  durations: { kind: 'set', values: [4, 8, 12, 16, 20] },
  durationsConfidence: 'official',
  defaultDuration: 4,
  extend: { stepSeconds: [4, 8, 12, 16, 20], maxTotalSeconds: 120, operation: 'POST /v1/videos/extensions' },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p'],
  couplings: [],
  audio: { dialogue: true, effects: true, music: true, speech: 'dialogue-block', confidence: 'official' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 1, confidence: 'official' },
  negativePrompt: { kind: 'prose' },
  promptLimit: { max: 32000, unit: 'characters', hard: true, confidence: 'official' },
  iterate: { operation: 'remix', via: 'POST /v1/videos/edits (Remix in the app)' },
  price: { usdPerSecond: { '720p': 0.1, default: 0.1 }, confidence: 'official', source: 'developers.openai.com/de-DE/api/docs/models/sora-2' },
  format: 'sora-cookbook',
  parameters: {
    duration: 'seconds',
    durationAs: 'string',
    aspect: 'size',
    firstFrame: 'input_reference',
    values: { aspect: { '16:9': '1280x720', '9:16': '720x1280' } },
    aspectValues: { '16:9': '1280x720', '9:16': '720x1280' },
  },
  notes: 'Sora 2 made 4–20 s clips with synchronized audio at 720p. OpenAI shut the Videos API down on 2026-09-24.',
  spotCheck: { makes: { duration: 12, aspect: '9:16', resolution: '720p' }, refuses: { duration: 10, aspect: '1:1', resolution: '1080p' } },
};
