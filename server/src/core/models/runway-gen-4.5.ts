import type { ModelProfile } from './types';

const runwaySdk = 'runwayml/sdk-python@c604e0e src/runwayml/types';

/** Runway Gen-4.5: any whole length from 2 to 10 s, silent, first frame only, no negative prompts. */
export const runwayGen45: ModelProfile = {
  id: 'runway-gen-4.5',
  label: 'Runway Gen-4.5',
  vendor: 'Runway',
  apiModel: 'gen4.5',
  openWeights: false,
  status: { kind: 'active' },
  asOf: '2026-12-01',
  sources: [
    {
      title: `${runwaySdk}/text_to_video_create_params.py (gen4.5: duration "an integer from 2 to 10"; ratio 1280:720 or 720:1280; promptText "up to 1000 characters (measured in UTF-16 code units)"; no audio field)`,
      url: 'https://github.com/runwayml/sdk-python',
      confidence: 'official',
    },
    { title: 'runwayml/sdk-python@c604e0e src/runwayml/types/image_to_video_create_params.py (gen4.5 image-to-video: six ratios; promptImage position "first" only)', url: 'https://github.com/runwayml/sdk-python', confidence: 'official' },
    { title: 'help.runwayml.com Gen-4 Prompting Guide ("Use positive phrasing and avoid negative prompts"; describe motion; subjects in general terms)', url: 'https://help.runwayml.com/hc/en-us/articles/39789879462419-Gen-4-Prompting-Guide', confidence: 'official' },
    { title: 'opten.space/en/models/runway-gen4 (Gen-4 at 12 credits/s; a credit is $0.01)', url: 'https://opten.space/en/models/runway-gen4', confidence: 'unverified' },
  ],
  durations: { kind: 'range', min: 2, max: 10, step: 1 },
  durationsConfidence: 'official',
  aspects: ['16:9', '9:16', '4:3', '1:1', '3:4', '21:9'],
  aspectsConfidence: 'official',
  resolutions: ['720p'],
  couplings: [
    { description: '4:3 (1104:832) is image-to-video only: give a first frame', when: { aspect: '4:3' }, requires: { references: 'any' }, confidence: 'official' },
    { description: '1:1 (960:960) is image-to-video only: give a first frame', when: { aspect: '1:1' }, requires: { references: 'any' }, confidence: 'official' },
    { description: '3:4 (832:1104) is image-to-video only: give a first frame', when: { aspect: '3:4' }, requires: { references: 'any' }, confidence: 'official' },
    { description: '21:9 (1584:672) is image-to-video only: give a first frame', when: { aspect: '21:9' }, requires: { references: 'any' }, confidence: 'official' },
  ],
  audio: { dialogue: false, effects: false, music: false, speech: 'none', confidence: 'official' },
  images: { firstFrame: true, lastFrame: false, maxReferences: 1, confidence: 'official' },
  negativePrompt: { kind: 'discouraged', advice: 'Runway\'s guide: "Use positive phrasing and avoid negative prompts" — describe what is there instead.' },
  promptLimit: { max: 1000, unit: 'utf16', hard: true, confidence: 'official' },
  iterate: { operation: 'regenerate', via: 'a new gen4.5 task with the one change and the same seed (or edit the take with runway-aleph)' },
  price: {
    usdPerSecond: { default: 0.12 },
    confidence: 'unverified',
    source: 'no Gen-4.5 figure was readable; Gen-4\'s 12 credits/s at $0.01 a credit (opten.space) stands in',
  },
  format: 'runway',
  parameters: {
    duration: 'duration',
    durationAs: 'number',
    aspect: 'ratio',
    firstFrame: 'promptImage',
    values: { aspect: { '16:9': '1280:720', '9:16': '720:1280', '4:3': '1104:832', '1:1': '960:960', '3:4': '832:1104', '21:9': '1584:672' } },
  },
  notes:
    'Runway Gen-4.5 makes silent 2–10 s clips at 720p: 16:9 or 9:16 from text, four more ratios from a first frame. Prompts are at most 1000 UTF-16 units and should describe motion positively; dialogue needs a separate voice and lip-sync step.',
  spotCheck: { makes: { duration: 7, aspect: '21:9', resolution: '720p' }, refuses: { duration: 11, aspect: '3:2', resolution: '1080p' } },
};
