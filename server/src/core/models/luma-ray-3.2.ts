import type { ModelProfile } from './types';

const luma = 'lumalabs/luma-agents-python@38837df src/luma_agents/types';

/** Luma Ray 3.2 (Luma Agents API): 5 or 10 s, up to 1080p, wide aspect set, silent; edits with video_edit. */
export const lumaRay32: ModelProfile = {
  id: 'luma-ray-3.2',
  label: 'Luma Ray 3.2',
  vendor: 'Luma AI',
  apiModel: 'ray-3.2',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    { title: `${luma}/video_duration.py ("5s" | "10s"), video_resolution.py (540p, 720p, 1080p), model.py (ray-3.2)`, url: 'https://github.com/lumalabs/luma-agents-python', confidence: 'official' },
    {
      title: `${luma}/generation_create_params.py (aspect_ratio; type video, video_edit, video_reframe; "the server validates the final model-specific set"), video_options_param.py (start_frame/end_frame, extension by generation_id; loop not with 10s; keyframes support 10 s unlike start/end frames)`,
      url: 'https://github.com/lumalabs/luma-agents-python',
      confidence: 'official',
    },
    { title: 'lumalabs.ai/luma-api (V2V at up to 20 seconds; up to 16 keyframes)', url: 'https://lumalabs.ai/luma-api', confidence: 'official' },
    { title: 'docs.gmicloud.ai luma-ray-3-2-generate and replicate.com/luma/ray-3.2 (aspects 9:16, 3:4, 1:1, 4:3, 16:9, 21:9; prompt 1–6000 characters; start/end images only at 5 s)', url: 'https://docs.gmicloud.ai/model-quickstarts/video/luma-ray-3-2-generate', confidence: 'unverified' },
    { title: 'docs.comfy.org LumaRay32 nodes (prompt 1–6000 characters; 24 fps)', url: 'https://docs.comfy.org/built-in-nodes/LumaRay32KeyframesToVideoNode', confidence: 'sdk' },
    { title: 'wavespeed.ai/models/luma/ray-3.2/text-to-video ($0.50 a default 5 s run)', url: 'https://wavespeed.ai/models/luma/ray-3.2/text-to-video', confidence: 'unverified' },
  ],
  durations: { kind: 'set', values: [5, 10] },
  durationsConfidence: 'official',
  defaultDuration: 5,
  aspects: ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'],
  // The SDK lists twelve ratios and lets the server narrow them; these six are what every host of Ray 3.2 offers.
  aspectsConfidence: 'unverified',
  resolutions: ['540p', '720p', '1080p'],
  resolutionsConfidence: 'official',
  couplings: [
    { description: 'a start frame needs a 5 s clip (10 s takes keyframes instead)', when: { firstFrame: true }, requires: { durations: [5] }, confidence: 'official' },
    { description: 'an end frame needs a 5 s clip (10 s takes keyframes instead)', when: { lastFrame: true }, requires: { durations: [5] }, confidence: 'official' },
  ],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'official' },
  // Whether image_ref applies to video is not documented, so only the start and end frames count.
  images: { firstFrame: true, lastFrame: true, maxReferences: 2, confidence: 'unverified' },
  negativePrompt: { kind: 'discouraged', advice: 'Ray 3.2 takes no negative prompt: describe what should be in the shot instead.' },
  promptLimit: { max: 6000, unit: 'characters', hard: true, confidence: 'sdk' },
  iterate: { operation: 'edit', via: 'a generation of type video_edit (ray-3.2) on the take, with the one change as the prompt' },
  price: { usdPerSecond: { default: 0.1 }, confidence: 'unverified', source: 'wavespeed.ai ($0.50 for a 5 s run); Luma\'s own price was not readable' },
  format: 'paragraph',
  parameters: {
    duration: 'video.duration',
    durationAs: 'seconds-suffix',
    aspect: 'aspect_ratio',
    resolution: 'video.resolution',
    firstFrame: 'video.start_frame',
    lastFrame: 'video.end_frame',
  },
  notes:
    'Luma Ray 3.2 makes silent 5 or 10 s clips at 540p–1080p (HDR on request) in wide and tall ratios, and edits a take with video_edit. Start and end frames work at 5 s; a clip is continued by starting from the previous generation.',
  spotCheck: { makes: { duration: 10, aspect: '21:9', resolution: '540p' }, refuses: { duration: 9, aspect: '5:4', resolution: '4k' } },
};
