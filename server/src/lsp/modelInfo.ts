import { modelProfiles, profileFor, type DurationSpec, type ModelProfile } from '../core/models';
import { escapeMarkdown, inlineCode } from './markdown';

// What the editor says about a target: the hover on `model: ID` and the detail of its completion
// item. Both read the profile table; neither knows a model by name.

export function formatDurations(spec: DurationSpec): string {
  if (spec.kind === 'set') return `${spec.values.join(', ')} s`;
  return spec.step === 1 ? `${spec.min}–${spec.max} s` : `${spec.min}–${spec.max} s in ${spec.step} s steps`;
}

/** A price per second as listed: to the cent, or finer where the vendor prices finer (`$0.125`, `$0.1764`). */
export function formatUsd(usd: number): string {
  return `$${usd.toFixed(4).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

/** The price as one line: `$0.40/s (1080p), $0.20/s (720p)`; `default` alone reads as the one price. */
export function priceText(profile: ModelProfile): string {
  const entries = Object.entries(profile.price.usdPerSecond);
  const named = entries.filter(([resolution]) => resolution !== 'default');
  const shown = named.length ? named : entries;
  const text = shown.map(([resolution, usd]) => `${formatUsd(usd)}/s${resolution === 'default' ? '' : ` (${resolution})`}`).join(', ');
  const audio = profile.price.audioUsdPerSecond ? `, +${formatUsd(profile.price.audioUsdPerSecond)}/s with audio` : '';
  return `${text}${audio}`;
}

/** The lowest price per second, for one-line summaries. */
export function lowestPrice(profile: ModelProfile): number {
  return Math.min(...Object.values(profile.price.usdPerSecond));
}

function statusText(profile: ModelProfile): string {
  return profile.status.kind === 'retired' ? `retired since ${profile.status.since}` : 'current';
}

/** One line for completion items and the picker: `Google · current · from $0.15/s`. */
export function modelDetail(profile: ModelProfile): string {
  return `${profile.vendor} · ${statusText(profile)} · from ${formatUsd(lowestPrice(profile))}/s`;
}

/** A completion item's detail (`Veo 3.1 — Google · current · from $0.15/s`) and its hover text. */
export function modelCompletionDetail(id: string): { detail: string; documentation: string; retired: boolean } | undefined {
  const profile = profileFor(id);
  if (!profile) return undefined;
  return { detail: `${profile.label} — ${modelDetail(profile)}`, documentation: modelHover(id), retired: profile.status.kind === 'retired' };
}

function audioText(profile: ModelProfile): string {
  const { audio } = profile;
  const kinds = [audio.dialogue && 'dialogue', audio.effects && 'effects', audio.music && 'music'].filter(Boolean);
  if (!kinds.length) return 'none (dialogue goes to a separate voice and lip-sync step)';
  const speech: Record<string, string> = {
    'dialogue-block': 'speech in a `Dialogue:` block',
    'inline-quote': 'speech quoted inline',
    'shot-labelled': 'speech labelled per shot',
    none: 'no speech',
  };
  return `${kinds.join(', ')}; ${speech[audio.speech] ?? audio.speech}${audio.parameter ? ` (${inlineCode(audio.parameter)})` : ''}`;
}

function imagesText(profile: ModelProfile): string {
  const { images } = profile;
  const parts = [images.firstFrame && 'first frame', images.lastFrame && 'last frame', images.maxReferences > 0 && `${images.maxReferences} reference image${images.maxReferences === 1 ? '' : 's'}`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

const unitNames: Record<string, string> = { characters: 'characters', utf16: 'UTF-16 units', tokens: 'tokens', words: 'words' };

const iterateNames: Record<string, string> = {
  edit: 'edit (video-to-video with an instruction)',
  remix: 'remix',
  extend: 'extend',
  regenerate: 'regenerate with the one change',
};

function unverified(confidence: string): string {
  return confidence === 'official' ? '' : ` _(${confidence === 'sdk' ? 'from a third-party SDK' : 'unverified'})_`;
}

/** The hover on `model: ID`: everything the checker and compiler will hold this storyboard to. */
export function modelHover(id: string): string {
  const profile = profileFor(id);
  if (!profile) {
    const nearest = nearestModelIds(id);
    return (
      `**model**: ${inlineCode(id)} is not a known model.` +
      (nearest.length ? `\n\nDid you mean ${nearest.map((n) => `\`${n}\``).join(', ')}?` : '') +
      `\n\nKnown: ${modelProfiles.map((p) => `\`${p.id}\``).join(', ')}. Without a known model the storyboard is checked with the workflow's own numbers.`
    );
  }
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(profile.label)}** · ${escapeMarkdown(profile.vendor)} · ${inlineCode(profile.apiModel)}${profile.openWeights ? ' · open weights' : ''}`);
  if (profile.status.kind === 'retired') {
    const successors = profile.status.successors.map((s) => `\`${s}\``).join(', ');
    lines.push(`⚠ **Retired since ${profile.status.since}** (${escapeMarkdown(profile.status.source)}).${successors ? ` Current models: ${successors}.` : ''}`);
  } else {
    lines.push('Status: current.');
  }
  lines.push(escapeMarkdown(profile.notes));
  const coupled = profile.couplings.map((c) => escapeMarkdown(c.description) + unverified(c.confidence));
  const extend = profile.extend ? `; extends by ${profile.extend.stepSeconds.join('/')} s up to ${profile.extend.maxTotalSeconds} s` : '';
  const rows: [string, string][] = [
    ['Clip lengths', `${formatDurations(profile.durations)}${extend}${unverified(profile.durationsConfidence)}`],
    ['Aspects', profile.aspects.join(', ')],
    ['Resolutions', profile.resolutions.join(', ')],
    ...(coupled.length ? ([['Couplings', coupled.join('; ')]] as [string, string][]) : []),
    ['Audio', audioText(profile) + unverified(profile.audio.confidence)],
    ['Image inputs', imagesText(profile) + unverified(profile.images.confidence)],
    ['Prompt limit', `${profile.promptLimit.max.toLocaleString('en-US')} ${unitNames[profile.promptLimit.unit] ?? profile.promptLimit.unit}${profile.promptLimit.hard ? '' : ' (advice)'}${unverified(profile.promptLimit.confidence)}`],
    ...(profile.multiShot ? ([['Shots', `up to ${profile.multiShot.maxShots} per generation, ${profile.multiShot.maxShotPrompt} each`]] as [string, string][]) : []),
    ['Iterate', `${iterateNames[profile.iterate.operation] ?? profile.iterate.operation} — ${escapeMarkdown(profile.iterate.via)}`],
    ['Price', `${priceText(profile)}${unverified(profile.price.confidence)}`],
  ];
  lines.push(rows.map(([name, value]) => `- ${name}: ${value}`).join('\n'));
  const sources = profile.sources.map((s) => `- ${s.url ? `[${escapeMarkdown(s.title)}](${s.url})` : escapeMarkdown(s.title)}${unverified(s.confidence)}`);
  lines.push(`Sources (as of ${profile.asOf}):\n${sources.join('\n')}`);
  return lines.join('\n\n');
}

/** Known ids closest to what was typed (by edit distance), best first; at most three. */
export function nearestModelIds(typed: string, limit = 3): string[] {
  const wanted = typed.trim().toLowerCase();
  const scored = modelProfiles.map((profile) => {
    const id = profile.id;
    const contains = id.includes(wanted) || wanted.includes(id) ? 0 : 1;
    return { id, contains, distance: editDistance(wanted, id) };
  });
  scored.sort((a, b) => a.contains - b.contains || a.distance - b.distance || a.id.localeCompare(b.id));
  const cutoff = Math.max(3, Math.ceil(wanted.length / 2));
  return scored.filter((s) => s.contains === 0 || s.distance <= cutoff).slice(0, limit).map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
