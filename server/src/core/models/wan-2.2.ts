import type { ModelProfile } from './types';

const wan = 'Wan-Video/Wan2.2@42bf4cf';

/** Alibaba Wan 2.2 (open weights, Apache-2.0, runs locally): ~5 s clips at 480p or 720p, silent. */
export const wan22: ModelProfile = {
  id: 'wan-2.2',
  label: 'Wan 2.2 (local)',
  vendor: 'Alibaba (Wan team)',
  apiModel: 'Wan2.2-T2V-A14B',
  openWeights: true,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    { title: `${wan} wan/configs/shared_config.py (text_len = 512; frame_num = 81; sample_fps = 16; sample_neg_prompt)`, url: 'https://github.com/Wan-Video/Wan2.2', confidence: 'official' },
    { title: `${wan} wan/configs/__init__.py (SUPPORTED_SIZES t2v-A14B: 720*1280, 1280*720, 480*832, 832*480)`, url: 'https://github.com/Wan-Video/Wan2.2', confidence: 'official' },
    { title: `${wan} generate.py (--frame_num "should be 4n+1", --size, --image, --base_seed) and wan/text2video.py (n_prompt)`, url: 'https://github.com/Wan-Video/Wan2.2', confidence: 'official' },
    { title: `${wan} README.md, LICENSE.txt (Apache-2.0; T2V/I2V-A14B at 480P and 720P; no audio outside S2V)`, url: 'https://github.com/Wan-Video/Wan2.2', confidence: 'official' },
    { title: `${wan} wan/utils/system_prompt.py (the prompt extender: style first, cinematic settings, how the motion unfolds, 60–200 words)`, url: 'https://github.com/Wan-Video/Wan2.2', confidence: 'official' },
  ],
  // 81 frames at 16 fps ≈ 5.06 s: the one official preset. Other 4n+1 frame counts run but are untested.
  durations: { kind: 'set', values: [5] },
  durationsConfidence: 'official',
  defaultDuration: 5,
  aspects: ['16:9', '9:16'],
  aspectsConfidence: 'official',
  resolutions: ['480p', '720p'],
  resolutionsConfidence: 'official',
  couplings: [],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'official' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 1, confidence: 'official' },
  negativePrompt: { kind: 'parameter', name: 'n_prompt' },
  // umT5 truncates at 512 tokens rather than refusing, and the compiler can only estimate umT5 tokens: advice, not an error.
  promptLimit: { max: 512, unit: 'tokens', hard: false, confidence: 'official' },
  iterate: { operation: 'regenerate', via: 'generate.py again with the one change and the same --base_seed' },
  price: { usdPerSecond: { default: 0 }, confidence: 'official', source: 'open weights under Apache-2.0 (LICENSE.txt), run on your own hardware: no per-second price' },
  format: 'paragraph',
  parameters: {
    duration: '--frame_num',
    durationAs: 'number',
    framesPerSecond: 16,
    aspect: '--size',
    firstFrame: '--image',
    values: { aspect: { '16:9 720p': '1280*720', '9:16 720p': '720*1280', '16:9 480p': '832*480', '9:16 480p': '480*832' } },
  },
  notes:
    'Wan 2.2 runs locally (ComfyUI, diffusers or generate.py) and makes silent ~5 s clips (81 frames at 16 fps) at 480p or 720p, 16:9 or 9:16. Its text encoder reads 512 tokens and drops the rest (so the limit is advice, not an error); dialogue needs a separate voice step (or the S2V model).',
  spotCheck: { makes: { duration: 5, aspect: '9:16', resolution: '480p' }, refuses: { duration: 8, aspect: '1:1', resolution: '1080p' } },
};
