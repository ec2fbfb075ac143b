import { modelProfiles } from './models';

// The language's fixed vocabulary: which fields each section has and which values settings take.
// Rules, completion, hovers and the grammar tests all read these lists. Model ids come from the
// profile table, so completion lists every target the checker knows.

export const sectionKeywords = ['scene', 'logline', 'settings', 'style', 'character', 'reference', 'beat', 'variant', 'sequence'] as const;

export const sectionFields = {
  scene: [],
  logline: [],
  reference: [],
  settings: ['aspect', 'resolution', 'duration', 'audio', 'model'],
  style: ['palette', 'lighting', 'look', 'avoid'],
  character: ['anchors', 'cameo', 'consent'],
  beat: ['subject', 'action', 'setting', 'emotion', 'camera', 'sound', 'music'],
  variant: [],
  sequence: ['scenes'],
} as const satisfies Record<(typeof sectionKeywords)[number], readonly string[]>;

/** Sections a sequence file may hold besides its `sequence` header: what its scenes inherit. */
export const sequenceSectionKinds = ['settings', 'style', 'character'] as const;

/** The settings a sequence locks for all its scenes (a scene may still set its own `duration`). */
export const lockedSettings = ['aspect', 'resolution', 'model'] as const;

export const requiredBeatFields = ['subject', 'action', 'setting', 'emotion'] as const;

export const settingsValues = {
  aspect: ['16:9', '9:16'],
  resolution: ['1080p', '720p'],
  audio: ['none', 'ambience', 'voice', 'music'],
  model: modelProfiles.map((profile) => profile.id),
} as const satisfies Record<string, readonly string[]>;

export const shotSizes = [
  'extreme wide',
  'wide',
  'full',
  'medium wide',
  'medium',
  'medium close-up',
  'close-up',
  'CU',
  'extreme close-up',
  'ECU',
  'over-the-shoulder',
  'POV',
  'insert',
] as const;

export const cameraMovements = [
  'static',
  'pan left',
  'pan right',
  'tilt up',
  'tilt down',
  'dolly in',
  'dolly out',
  'push in',
  'pull out',
  'tracking',
  'handheld',
  'crane',
  'orbit',
  'zoom in',
  'zoom out',
] as const;

export const movementQualifiers = ['slow', 'fast'] as const;

/** Fields a variant can override, per target. */
export const overridableFields = {
  beat: sectionFields.beat,
  style: sectionFields.style,
  settings: sectionFields.settings,
  character: ['anchors'],
} as const;

/** The five things every take is scored on, in the order the workflow names them. */
export const scoreCriteria = [
  'promptAdherence',
  'physicsRealism',
  'temporalConsistency',
  'identityStability',
  'audioSync',
] as const;

export type ScoreCriterion = (typeof scoreCriteria)[number];

export const scoreCriterionLabels: Record<ScoreCriterion, string> = {
  promptAdherence: 'Prompt adherence',
  physicsRealism: 'Physics realism',
  temporalConsistency: 'Temporal consistency',
  identityStability: 'Identity stability',
  audioSync: 'Audio sync',
};

export const defaultWordsPerSecond = 2.5;
