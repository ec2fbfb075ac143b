import { durationsOf } from './limits';
import type { Confidence, ModelProfile } from './types';

// The table's own consistency, checked by the tests on every profile (and usable by anything that
// loads profiles from elsewhere): a profile whose couplings name values it does not have, or a
// retired model whose successors are not current targets, would mislead every reader.

const CONFIDENCES: readonly Confidence[] = ['official', 'sdk', 'unverified'];
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ASPECT = /^\d+(?:\.\d+)?:\d+(?:\.\d+)?$/;
const RESOLUTION = /^(?:\d{3,4}p|\dk)$/;

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function durationProblems(profile: ModelProfile): string[] {
  const spec = profile.durations;
  if (spec.kind === 'set') {
    if (spec.values.length === 0) return ['durations: the set is empty'];
    return spec.values.some((v) => !(v > 0)) ? ['durations: every length must be positive'] : [];
  }
  if (!(spec.min > 0) || !(spec.step > 0) || spec.max < spec.min) return [`durations: the range ${spec.min}–${spec.max} step ${spec.step} is empty or not positive`];
  return [];
}

function confidenceProblems(profile: ModelProfile): string[] {
  const named: [string, Confidence | undefined][] = [
    ['durationsConfidence', profile.durationsConfidence],
    ['audio.confidence', profile.audio.confidence],
    ['images.confidence', profile.images.confidence],
    ['promptLimit.confidence', profile.promptLimit.confidence],
    ['price.confidence', profile.price.confidence],
    ...profile.sources.map((s, i): [string, Confidence] => [`sources[${i}].confidence`, s.confidence]),
    ...profile.couplings.map((c, i): [string, Confidence] => [`couplings[${i}].confidence`, c.confidence]),
  ];
  if (profile.aspectsConfidence !== undefined) named.push(['aspectsConfidence', profile.aspectsConfidence]);
  if (profile.resolutionsConfidence !== undefined) named.push(['resolutionsConfidence', profile.resolutionsConfidence]);
  return named.filter(([, c]) => !CONFIDENCES.includes(c as Confidence)).map(([name, c]) => `${name}: "${c}" is not a confidence`);
}

function couplingProblems(profile: ModelProfile, allowed: readonly number[]): string[] {
  const problems: string[] = [];
  profile.couplings.forEach((coupling, i) => {
    const at = `couplings[${i}] (${coupling.description})`;
    const { when, requires } = coupling;
    if (Object.keys(when).length === 0) problems.push(`${at}: applies always; put the limit in the lists instead`);
    if (when.resolution !== undefined && !profile.resolutions.includes(when.resolution)) problems.push(`${at}: when names resolution ${when.resolution}, which the profile does not have`);
    if (when.aspect !== undefined && !profile.aspects.includes(when.aspect)) problems.push(`${at}: when names aspect ${when.aspect}, which the profile does not have`);
    if (when.references && profile.images.maxReferences === 0) problems.push(`${at}: applies to references, which the profile takes none of`);
    if (when.audio && !(profile.audio.dialogue || profile.audio.effects || profile.audio.music)) problems.push(`${at}: applies to audio, which the profile has none of`);
    if (when.firstFrame && !profile.images.firstFrame) problems.push(`${at}: applies to a first frame, which the profile takes none of`);
    if (when.lastFrame && !profile.images.lastFrame) problems.push(`${at}: applies to a last frame, which the profile takes none of`);
    for (const d of requires.durations ?? []) if (!allowed.includes(d)) problems.push(`${at}: requires ${d} s, not a length the profile makes`);
    for (const a of requires.aspects ?? []) if (!profile.aspects.includes(a)) problems.push(`${at}: requires aspect ${a}, which the profile does not have`);
    for (const r of requires.resolutions ?? []) if (!profile.resolutions.includes(r)) problems.push(`${at}: requires resolution ${r}, which the profile does not have`);
    if (requires.references && profile.images.maxReferences === 0) problems.push(`${at}: requires an image, which the profile takes none of`);
    if (!requires.durations && !requires.aspects && !requires.resolutions && !requires.references) problems.push(`${at}: requires nothing`);
  });
  return problems;
}

function statusProblems(profile: ModelProfile, activeIds: ReadonlySet<string>): string[] {
  const status = profile.status;
  if (status.kind === 'active') return [];
  const problems: string[] = [];
  if (!isDate(status.since)) problems.push(`status.since: "${status.since}" is not a date`);
  if (!status.source.trim()) problems.push('status.source: a retired model names the source that says so');
  if (status.successors.length === 0) problems.push('status.successors: a retired model names current models to switch to');
  for (const id of status.successors) if (!activeIds.has(id)) problems.push(`status.successors: ${id} is not a registered active model`);
  return problems;
}

/**
 * What is wrong with a profile, as sentences (empty when nothing is). `activeIds` are the registered
 * current models, which a retired profile's successors must be among.
 */
export function profileProblems(profile: ModelProfile, activeIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!ID.test(profile.id)) problems.push(`id: "${profile.id}" is not a lower-case id (letters, digits, "-" and ".")`);
  for (const field of ['label', 'vendor', 'apiModel', 'notes'] as const) if (!profile[field].trim()) problems.push(`${field}: empty`);
  if (!isDate(profile.asOf)) problems.push(`asOf: "${profile.asOf}" is not a date`);
  if (profile.sources.length === 0) problems.push('sources: none');
  profile.sources.forEach((s, i) => { if (!s.title.trim()) problems.push(`sources[${i}]: no title`); });
  problems.push(...durationProblems(profile), ...confidenceProblems(profile));
  const allowed = durationsOf(profile);
  if (profile.defaultDuration !== undefined && !allowed.includes(profile.defaultDuration)) problems.push(`defaultDuration: ${profile.defaultDuration} s is not a length the profile makes`);
  if (profile.aspects.length === 0) problems.push('aspects: none');
  for (const a of profile.aspects) if (!ASPECT.test(a)) problems.push(`aspects: "${a}" is not W:H`);
  if (profile.resolutions.length === 0) problems.push('resolutions: none');
  for (const r of profile.resolutions) if (!RESOLUTION.test(r)) problems.push(`resolutions: "${r}" is not written as writers type it (720p, 4k)`);
  problems.push(...couplingProblems(profile, allowed));
  if (!(profile.promptLimit.max > 0)) problems.push('promptLimit.max: not positive');
  if (profile.images.maxReferences < 0) problems.push('images.maxReferences: negative');
  if (profile.multiShot && profile.format !== 'kling-shots') problems.push('multiShot: only the kling-shots format lays out a shot list');
  if (profile.format === 'kling-shots' && !profile.multiShot) problems.push('format kling-shots: needs multiShot');
  const prices = Object.entries(profile.price.usdPerSecond);
  if (!('default' in profile.price.usdPerSecond)) problems.push('price.usdPerSecond: no default');
  for (const [key, usd] of prices) {
    if (!(usd >= 0)) problems.push(`price.usdPerSecond.${key}: not a price`);
    if (key !== 'default' && !profile.resolutions.includes(key)) problems.push(`price.usdPerSecond.${key}: not a resolution of the profile`);
  }
  if (!profile.price.source.trim()) problems.push('price.source: empty');
  for (const key of Object.keys(profile.parameters.values?.resolution ?? {})) if (!profile.resolutions.includes(key)) problems.push(`parameters.values.resolution.${key}: not a resolution of the profile`);
  for (const key of Object.keys(profile.parameters.values?.aspect ?? {})) {
    const [aspect, resolution] = key.split(' ');
    if (!profile.aspects.includes(aspect) || (resolution !== undefined && !profile.resolutions.includes(resolution))) problems.push(`parameters.values.aspect."${key}": not an aspect (and resolution) of the profile`);
  }
  if (profile.extend) {
    if (profile.extend.stepSeconds.length === 0 || !(profile.extend.maxTotalSeconds > 0)) problems.push('extend: no step or no maximum');
    for (const r of profile.extend.resolutions ?? []) if (!profile.resolutions.includes(r)) problems.push(`extend.resolutions: ${r} is not a resolution of the profile`);
  }
  problems.push(...statusProblems(profile, activeIds));
  return problems;
}

/** Problems of the whole table: each profile's, plus ids that repeat. */
export function tableProblems(profiles: readonly ModelProfile[]): string[] {
  const active = new Set(profiles.filter((p) => p.status.kind === 'active').map((p) => p.id));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const profile of profiles) {
    if (seen.has(profile.id)) problems.push(`${profile.id}: registered twice`);
    seen.add(profile.id);
    problems.push(...profileProblems(profile, active).map((p) => `${profile.id}: ${p}`));
  }
  return problems;
}
