// Writes docs/models.md from the model profile table, so the reference can never drift from what the
// checker and compiler use. `node scripts/generate-model-docs.mjs` (run by `npm run docs`, after a
// build); `--check [FILE]` exits 1 when FILE (default docs/models.md) is not what the table renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { modelProfiles } = require('../server/out/core/models/index.js');

const CONFIDENCE = { official: 'official', sdk: 'SDK', unverified: 'unverified' };
const SPEECH = {
  'dialogue-block': 'a `Dialogue:` block of `- Speaker: "line"` below the prose',
  'inline-quote': 'inline, a speech verb and the quoted line (`Mara says, "Not tonight."`)',
  'shot-labelled': 'a labelled speaker inside each shot of the shot list',
  none: 'no native speech: dialogue goes to a separate voice and lip-sync step',
};
const FORMAT = {
  'sora-cookbook': "OpenAI's cookbook: prose, then Cinematography / Actions / Dialogue blocks per shot",
  veo: 'Veo: subject, action, style, camera, ambience and audio; speech quoted with a verb',
  'kling-shots': 'Kling: a shot list, each shot with its own prompt and length',
  runway: 'Runway: one short paragraph about motion, subjects in general terms, no negatives',
  ltx: 'LTX: one flowing present-tense paragraph, starting with the action',
  paragraph: 'a plain cinematic paragraph (the vendor publishes no structure)',
};
const UNIT = { characters: 'characters', utf16: 'UTF-16 code units', tokens: 'tokens', words: 'words' };

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const sure = (confidence) => `_${CONFIDENCE[confidence]}_`;
const list = (values) => values.join(', ');
function usd(amount) {
  const exact = amount.toFixed(4).replace(/0+$/, '');
  return `$${exact.split('.')[1].length < 2 ? amount.toFixed(2) : exact}`;
}

function lengths(profile) {
  const spec = profile.durations;
  if (spec.kind === 'set') return `${list(spec.values)} s`;
  const every = spec.step === 1 ? 'any whole second' : `every ${spec.step} s`;
  return `${spec.min}–${spec.max} s (${every})`;
}

function audio(profile) {
  const kinds = [profile.audio.dialogue && 'dialogue', profile.audio.effects && 'effects', profile.audio.music && 'music'].filter(Boolean);
  return kinds.length ? list(kinds) : 'none';
}

function promptLimit(profile) {
  const limit = profile.promptLimit;
  return `${limit.max} ${UNIT[limit.unit]} (${limit.hard ? 'hard limit' : 'advice'})`;
}

function priceSummary(profile) {
  const rates = Object.values(profile.price.usdPerSecond);
  const low = Math.min(...rates);
  const high = Math.max(...rates);
  if (high === 0) return 'none (runs locally)';
  const range = low === high ? usd(low) : `${usd(low)}–${usd(high)}`;
  return profile.price.confidence === 'unverified' ? `${range} (unverified)` : range;
}

function status(profile) {
  return profile.status.kind === 'active' ? 'active' : `retired ${profile.status.since}`;
}

function summaryTable() {
  return [
    '| model | vendor | status | lengths | aspects | resolutions | audio | prompt limit | USD / s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...modelProfiles.map((p) =>
      `| [\`${p.id}\`](#${p.id.replace(/\./g, '')}) | ${cell(p.vendor)} | ${status(p)} | ${lengths(p)} | ${list(p.aspects)} | ${list(p.resolutions)} | ${audio(p)} | ${cell(promptLimit(p))} | ${priceSummary(p)} |`,
    ),
  ];
}

function couplingLines(profile) {
  if (profile.couplings.length === 0) return ['- **Couplings:** none'];
  return ['- **Couplings:**', ...profile.couplings.map((c) => `  - ${cell(c.description)} (${sure(c.confidence)})`)];
}

function priceLines(profile) {
  const entries = Object.entries(profile.price.usdPerSecond);
  if (entries.every(([, amount]) => amount === 0)) return [`- **Price:** none, it runs on your own hardware (${sure(profile.price.confidence)}; ${profile.price.source})`];
  // The default only matters for resolutions without a rate of their own.
  const everyListed = profile.resolutions.every((resolution) => resolution in profile.price.usdPerSecond);
  const rates = entries
    .filter(([resolution]) => !(resolution === 'default' && everyListed))
    .map(([resolution, amount]) => `${usd(amount)}/s ${resolution === 'default' ? (entries.length === 1 ? 'at any resolution' : 'otherwise') : `at ${resolution}`}`);
  const audioRate = profile.price.audioUsdPerSecond === undefined ? '' : `, +${usd(profile.price.audioUsdPerSecond)}/s with audio`;
  return [`- **Price:** ${list(rates)}${audioRate} (${sure(profile.price.confidence)}; ${profile.price.source})`];
}

function requestLine(profile) {
  const p = profile.parameters;
  const named = [
    ['length', p.duration ? `\`${p.duration}\` (${p.framesPerSecond ? `frames at ${p.framesPerSecond} fps` : p.durationAs === 'seconds-suffix' ? 'as `5s`' : `a ${p.durationAs}`})` : 'none (the output keeps the input video\'s length)'],
    ['aspect', p.aspect ? `\`${p.aspect}\`` : 'none'],
    ['resolution', p.resolution ? `\`${p.resolution}\`` : undefined],
    ['first frame', p.firstFrame ? `\`${p.firstFrame}\`` : undefined],
    ['last frame', p.lastFrame ? `\`${p.lastFrame}\`` : undefined],
    ['references', p.references ? `\`${p.references}\`` : undefined],
  ].filter(([, value]) => value !== undefined);
  const spelled = Object.entries({ ...(p.values?.aspect ?? {}), ...(p.values?.resolution ?? {}) }).map(([from, to]) => `${from} → \`${to}\``);
  return `- **Request fields:** ${named.map(([what, value]) => `${what} ${value}`).join('; ')}${spelled.length ? `. Values: ${list(spelled)}` : ''}`;
}

function negativeLine(profile) {
  const negative = profile.negativePrompt;
  if (negative.kind === 'parameter') return `- **Negative prompt:** the \`${negative.name}\` parameter${negative.maxLength ? ` (≤ ${negative.maxLength} characters)` : ''}`;
  if (negative.kind === 'prose') return '- **Negative prompt:** written in the prompt as an `Avoid:` line';
  return `- **Negative prompt:** none — ${negative.advice}`;
}

function modelSection(profile) {
  const images = profile.images;
  const frames = [images.firstFrame && 'first frame', images.lastFrame && 'last frame'].filter(Boolean);
  const lines = [
    `## ${profile.id}`,
    '',
    `**${profile.label}** — ${profile.vendor}. ${profile.notes}`,
    '',
    profile.status.kind === 'active'
      ? '- **Status:** active'
      : `- **Status:** retired since ${profile.status.since} (${profile.status.source}). Switch to: ${profile.status.successors.map((id) => `\`${id}\``).join(', ')}`,
    `- **API model:** \`${profile.apiModel}\`${profile.openWeights ? ' (open weights: runs locally)' : ''}`,
    `- **Lengths per generation:** ${lengths(profile)}${profile.defaultDuration ? `, default ${profile.defaultDuration} s` : ''} (${sure(profile.durationsConfidence)})`,
    profile.extend
      ? `- **Extend:** +${list(profile.extend.stepSeconds)} s a step, up to ${profile.extend.maxTotalSeconds} s${profile.extend.resolutions ? ` at ${list(profile.extend.resolutions)}` : ''} (${profile.extend.operation})`
      : '- **Extend:** none',
    `- **Aspects:** ${list(profile.aspects)} (${sure(profile.aspectsConfidence ?? profile.durationsConfidence)})`,
    `- **Resolutions:** ${list(profile.resolutions)} (${sure(profile.resolutionsConfidence ?? profile.durationsConfidence)})`,
    ...couplingLines(profile),
    `- **Audio:** ${audio(profile)}${profile.audio.parameter ? ` (\`${profile.audio.parameter}\`)` : ''}; speech: ${SPEECH[profile.audio.speech]} (${sure(profile.audio.confidence)})`,
    `- **Images:** ${frames.length ? list(frames) : 'no frame input'}; up to ${images.maxReferences} reference image${images.maxReferences === 1 ? '' : 's'} (${sure(images.confidence)})`,
    negativeLine(profile),
    `- **Prompt limit:** ${promptLimit(profile)} (${sure(profile.promptLimit.confidence)})`,
    ...(profile.multiShot ? [`- **Shots per generation:** up to ${profile.multiShot.maxShots}, each prompt ≤ ${profile.multiShot.maxShotPrompt} ${UNIT[profile.promptLimit.unit]} (\`${profile.multiShot.parameter}\`)`] : []),
    `- **Changing one thing of a take:** ${profile.iterate.operation} — ${profile.iterate.via}`,
    ...priceLines(profile),
    `- **Prompt layout:** ${FORMAT[profile.format]}`,
    requestLine(profile),
    `- **Facts as of:** ${profile.asOf}`,
    '- **Sources:**',
    ...profile.sources.map((s) => `  - ${s.url ? `[${cell(s.title)}](${s.url})` : cell(s.title)} (${sure(s.confidence)})`),
    '',
  ];
  return lines;
}

export function renderModelDocs() {
  return [
    '# Models',
    '',
    'Every target a storyboard can name in `settings model:`, generated from the profile table',
    '(`server/src/core/models/`) by `npm run docs`. The checker, the compiler, the generation planner,',
    'hovers and `sora models` read the same profiles. Each fact says how sure it is: _official_ (the',
    "vendor's docs or SDK source), _SDK_ (a third-party SDK that calls the vendor's API), _unverified_",
    "(a reseller's page or no source at all); the checker is lenient where a fact is unverified.",
    '',
    ...summaryTable(),
    '',
    ...modelProfiles.flatMap(modelSection),
  ].join('\n');
}

const target = fileURLToPath(new URL('../docs/models.md', import.meta.url));
const checkAt = process.argv.indexOf('--check');
const rendered = renderModelDocs();
if (checkAt >= 0) {
  const file = process.argv[checkAt + 1] ?? target;
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A missing file is as stale as a wrong one.
  }
  if (current !== rendered) {
    console.error(`${file} is out of date with the model table: run \`npm run docs\`.`);
    process.exit(1);
  }
} else {
  writeFileSync(target, rendered);
}
