import type { ModelProfile } from '../../../server/out/core/models/types';
import { modelProfiles } from '../../../server/out/core/models';

// Test profiles: shaped after the facts in ../shared/reference/video-models.md but owned by the
// tests, so the rules, the planner and the compiler are tested apart from the shipped data files
// (which have their own per-profile tests). Ids match the real ones so messages read naturally.

const source = (title: string, confidence: ModelProfile['durationsConfidence'] = 'official') => ({ title, confidence });

const sora2 = modelProfiles.find((profile) => profile.id === 'sora-2') as ModelProfile;

export const veo: ModelProfile = {
  id: 'veo-3.1',
  label: 'Veo 3.1',
  vendor: 'Google',
  apiModel: 'veo-3.1-generate-preview',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [source('googleapis/python-genai@6680718 google/genai/types.py'), source('api-evangelist/gemini@3a1090a plans/gemini-plans-pricing.yml', 'unverified')],
  durations: { kind: 'set', values: [4, 6, 8] },
  durationsConfidence: 'official',
  defaultDuration: 8,
  extend: { stepSeconds: [7], maxTotalSeconds: 148, resolutions: ['720p'], operation: 'generate_videos(video=…)' },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p', '1080p', '4k'],
  couplings: [{ description: 'reference-image mode is 16:9 only', when: { references: 'any' }, requires: { aspects: ['16:9'], durations: [8] }, confidence: 'official' }],
  audio: { dialogue: true, effects: true, music: true, speech: 'inline-quote', parameter: 'generate_audio', confidence: 'official' },
  images: { firstFrame: true, lastFrame: true, maxReferences: 3, confidence: 'official' },
  negativePrompt: { kind: 'parameter', name: 'negative_prompt' },
  promptLimit: { max: 1000, unit: 'utf16', hard: true, confidence: 'unverified' },
  iterate: { operation: 'regenerate', via: 'generate_videos' },
  price: { usdPerSecond: { '720p': 0.4, '1080p': 0.4, '4k': 0.6 }, confidence: 'unverified', source: 'ai.google.dev/gemini-api/docs/pricing' },
  format: 'veo',
  parameters: { duration: 'duration_seconds', durationAs: 'number', aspect: 'aspect_ratio', resolution: 'resolution', firstFrame: 'image', lastFrame: 'last_frame', references: 'reference_images' },
  notes: 'Test profile after Veo 3.1.',
};

export const kling: ModelProfile = {
  ...veo,
  id: 'kling-3.0',
  label: 'Kling 3.0',
  vendor: 'Kuaishou',
  apiModel: 'kling-v3',
  sources: [source('vercel/ai@ed857f5 packages/klingai/src/klingai-video-model-options.ts', 'sdk')],
  durations: { kind: 'range', min: 3, max: 15, step: 1 },
  durationsConfidence: 'sdk',
  extend: undefined,
  aspects: ['16:9', '9:16', '1:1'],
  resolutions: ['720p', '1080p'],
  couplings: [],
  audio: { dialogue: true, effects: true, music: true, speech: 'shot-labelled', parameter: 'sound', parameterValues: { on: 'on', off: 'off' }, confidence: 'sdk' },
  images: { firstFrame: true, lastFrame: true, maxReferences: 3, confidence: 'sdk' },
  promptLimit: { max: 2500, unit: 'characters', hard: true, confidence: 'sdk' },
  multiShot: { maxShots: 6, maxShotPrompt: 512, parameter: 'multi_prompt', fixed: { multi_shot: true, shot_type: 'customize' } },
  iterate: { operation: 'regenerate', via: '/v1/videos/text2video' },
  price: { usdPerSecond: { '720p': 0.1764, '1080p': 0.2352 }, audioUsdPerSecond: 0.0882, confidence: 'unverified', source: 'docs.krea.ai' },
  format: 'kling-shots',
  parameters: { duration: 'duration', durationAs: 'string', aspect: 'aspect_ratio', model: 'model_name', firstFrame: 'image', lastFrame: 'image_tail' },
};

export const runway: ModelProfile = {
  ...veo,
  id: 'runway-gen-4.5',
  label: 'Runway Gen-4.5',
  vendor: 'Runway',
  apiModel: 'gen4.5',
  sources: [source('runwayml/sdk-python@c604e0e src/runwayml/types/text_to_video_create_params.py')],
  durations: { kind: 'range', min: 2, max: 10, step: 1 },
  extend: undefined,
  couplings: [],
  resolutions: ['720p'],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'official' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 0, confidence: 'official' },
  negativePrompt: { kind: 'discouraged', advice: 'Runway’s guide says "Use positive phrasing and avoid negative prompts".' },
  promptLimit: { max: 1000, unit: 'utf16', hard: true, confidence: 'official' },
  iterate: { operation: 'edit', via: 'Aleph video-to-video' },
  price: { usdPerSecond: { default: 0.12 }, confidence: 'unverified', source: 'opten.space' },
  format: 'runway',
  parameters: { duration: 'duration', durationAs: 'number', aspect: 'ratio', prompt: 'promptText', firstFrame: 'promptImage', video: 'videoUri', aspectValues: { '16:9': '1280:720', '9:16': '720:1280' } },
};

export const ltx: ModelProfile = {
  ...veo,
  id: 'ltx-2',
  label: 'LTX-2',
  vendor: 'Lightricks',
  apiModel: 'ltx-2-pro',
  openWeights: true,
  sources: [source('Lightricks/LTX-2@400fd31 README.md')],
  durations: { kind: 'set', values: [2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20] },
  durationsConfidence: 'sdk',
  extend: undefined,
  couplings: [],
  promptLimit: { max: 200, unit: 'words', hard: false, confidence: 'official' },
  iterate: { operation: 'regenerate', via: 'RetakePipeline' },
  format: 'ltx',
  parameters: { duration: 'duration', durationAs: 'number', aspect: 'aspect_ratio', resolution: 'resolution' },
};

export const luma: ModelProfile = {
  ...runway,
  id: 'luma-ray-3.2',
  label: 'Luma Ray 3.2',
  vendor: 'Luma',
  apiModel: 'ray-3.2',
  durations: { kind: 'set', values: [5, 10] },
  durationsConfidence: 'unverified',
  aspects: ['21:9', '16:9', '1:1', '9:16'],
  resolutions: ['540p', '720p', '1080p'],
  images: { firstFrame: true, lastFrame: true, maxReferences: 0, confidence: 'official' },
  negativePrompt: { kind: 'prose' },
  promptLimit: { max: 6000, unit: 'tokens', hard: true, confidence: 'sdk' },
  price: { usdPerSecond: {}, confidence: 'unverified', source: 'none' },
  format: 'paragraph',
  parameters: { duration: 'duration', durationAs: 'seconds-suffix', aspect: 'aspect_ratio', resolution: 'resolution' },
};

/** A Sora-cookbook target that is still current (none ships now), for the cookbook layout's dialogue block. */
export const soraLike: ModelProfile = { ...sora2, id: 'sora-like', label: 'Sora-like', status: { kind: 'active' }, resolutions: ['720p', '1080p'] };

export const testProfiles: readonly ModelProfile[] = [sora2, veo, kling, runway, ltx, luma, soraLike];

export const withProfiles = { profiles: testProfiles };
