import type { ModelProfile } from './types';

const genai = 'googleapis/python-genai@6680718';
const cookbook = 'google-gemini/cookbook@f1e7e3d quickstarts/Get_started_Veo.ipynb';

/** Google Veo 3.1 on the Gemini API: 4, 6 or 8 s with native audio, first and last frame, three asset references. */
export const veo31: ModelProfile = {
  id: 'veo-3.1',
  label: 'Veo 3.1',
  vendor: 'Google',
  apiModel: 'veo-3.1-generate-preview',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: `${genai} google/genai/models.py _GenerateVideosConfig_to_mldev (REST names: parameters.durationSeconds, aspectRatio, resolution, negativePrompt; instances[0].image, lastFrame, referenceImages; generate_audio is Vertex-only)`,
      url: 'https://github.com/googleapis/python-genai',
      confidence: 'official',
    },
    { title: `${genai} google/genai/types.py GenerateVideosConfig (16:9 and 9:16; 720p and 1080p; last_frame; reference_images)`, url: 'https://github.com/googleapis/python-genai', confidence: 'official' },
    { title: `${cookbook} (4, 6 or 8 s; extend by 7 s to 148 s at 720p; up to 3 references, landscape and 720p only)`, url: 'https://github.com/google-gemini/cookbook', confidence: 'official' },
    { title: 'Vertex Veo 3.1 model page (reference image to video only 8 s and 16:9; 24 fps)', url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/veo/3-1-generate', confidence: 'official' },
    { title: 'ai.google.dev/gemini-api/docs/video (8-second 720p, 1080p or 4k; speech as a quoted line with a verb)', url: 'https://ai.google.dev/gemini-api/docs/video', confidence: 'official' },
    { title: 'ai.google.dev/gemini-api/docs/pricing, as transcribed 2026-09-20 in api-evangelist/gemini@3a1090a plans/gemini-plans-pricing.yml', url: 'https://ai.google.dev/gemini-api/docs/pricing', confidence: 'unverified' },
    { title: 'runwayml/sdk-python@c604e0e src/runwayml/types/text_to_video_create_params.py (Runway\'s Veo 3.1 route: promptText up to 1000 UTF-16 units)', url: 'https://github.com/runwayml/sdk-python', confidence: 'unverified' },
  ],
  durations: { kind: 'set', values: [4, 6, 8] },
  durationsConfidence: 'official',
  defaultDuration: 8,
  extend: { stepSeconds: [7], maxTotalSeconds: 148, resolutions: ['720p'], operation: 'models/veo-3.1-generate-preview:predictLongRunning with instances[0].video (a Veo video under 141 s)' },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p', '1080p', '4k'],
  couplings: [
    {
      description: 'reference images need an 8 s, 16:9, 720p clip',
      when: { references: 'any' },
      requires: { durations: [8], aspects: ['16:9'], resolutions: ['720p'] },
      confidence: 'official',
    },
    { description: '1080p may need an 8 s clip (widely repeated, not in Google\'s docs)', when: { resolution: '1080p' }, requires: { durations: [8] }, confidence: 'unverified' },
    { description: '4k may need an 8 s clip (widely repeated, not in Google\'s docs)', when: { resolution: '4k' }, requires: { durations: [8] }, confidence: 'unverified' },
  ],
  audio: { dialogue: true, effects: true, music: true, speech: 'inline-quote', confidence: 'official' },
  images: { firstFrame: true, lastFrame: true, maxReferences: 3, confidence: 'official' },
  negativePrompt: { kind: 'parameter', name: 'negativePrompt' },
  promptLimit: { max: 1000, unit: 'utf16', hard: false, confidence: 'unverified' },
  iterate: { operation: 'regenerate', via: 'a new predictLongRunning request with the one change and the same seed' },
  price: {
    usdPerSecond: { '720p': 0.4, '1080p': 0.4, '4k': 0.6, default: 0.4 },
    confidence: 'unverified',
    source: 'ai.google.dev/gemini-api/docs/pricing ("$0.40 (720p and 1080p)", "$0.60 (4k)", with audio), read through a verbatim transcript (api-evangelist/gemini@3a1090a), not the live page',
  },
  format: 'veo',
  parameters: {
    duration: 'durationSeconds',
    durationAs: 'number',
    aspect: 'aspectRatio',
    resolution: 'resolution',
    firstFrame: 'image',
    lastFrame: 'lastFrame',
    references: 'referenceImages',
  },
  notes:
    'Veo 3.1 makes 4, 6 or 8 s clips with native dialogue and sound at 720p–4k, 16:9 or 9:16, and extends a 720p clip by 7 s at a time. With reference images it makes only 8 s 16:9 720p clips and takes no first or last frame; Google publishes no prompt limit (1000 UTF-16 units is Runway\'s route).',
  spotCheck: { makes: { duration: 6, aspect: '9:16', resolution: '4k' }, refuses: { duration: 5, aspect: '1:1', resolution: '480p' } },
};
