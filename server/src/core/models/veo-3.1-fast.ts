import type { ModelProfile } from './types';
import { veo31 } from './veo-3.1';

/** Google Veo 3.1 Fast: Veo 3.1's limits and layout, cheaper and quicker; its price is a reseller's. */
export const veo31Fast: ModelProfile = {
  ...veo31,
  id: 'veo-3.1-fast',
  label: 'Veo 3.1 Fast',
  apiModel: 'veo-3.1-fast-generate-preview',
  sources: [
    ...veo31.sources.filter((source) => !source.title.includes('pricing')),
    { title: 'google-gemini/cookbook@f1e7e3d quickstarts/Get_started_Veo.ipynb (model picker: veo-3.1-fast-generate-preview)', url: 'https://github.com/google-gemini/cookbook', confidence: 'official' },
    { title: 'aifreeapi.com/es/posts/veo-3-1-api-rate-limit (March 2026: $0.15/s)', url: 'https://www.aifreeapi.com/es/posts/veo-3-1-api-rate-limit', confidence: 'unverified' },
  ],
  extend: { ...veo31.extend!, operation: 'models/veo-3.1-fast-generate-preview:predictLongRunning with instances[0].video (a Veo video under 141 s)' },
  // 4k on Fast is in no source read: the Gemini page's "4k" headline is for Veo 3.1.
  resolutionsConfidence: 'unverified',
  price: { usdPerSecond: { default: 0.15 }, confidence: 'unverified', source: 'aifreeapi.com/es/posts/veo-3-1-api-rate-limit (March 2026); Google\'s own Fast price was not readable' },
  notes:
    'Veo 3.1 Fast has Veo 3.1\'s limits (4, 6 or 8 s, 16:9 or 9:16, native audio, 7 s extensions at 720p) for drafts at a lower price. Its price and 4k are unverified.',
  spotCheck: { makes: { duration: 4, aspect: '16:9', resolution: '1080p' }, refuses: { duration: 10, aspect: '21:9', resolution: '540p' } },
};
