import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { modelProfiles, profileFor } from '../../../server/out/core/models';
import { allowsAspect, allowsDuration, allowsResolution, couplingViolations, type GenerationChoice } from '../../../server/out/core/models/limits';
import type { ModelProfile } from '../../../server/out/core/models/types';
import { profileProblems, tableProblems } from '../../../server/out/core/models/validate';
import { repoRoot } from '../../helpers/paths';

// The profile table as data: every profile consistent and registered, and for each model its spot
// check (one length, aspect and resolution it makes and one it does not, written in the profile from
// the vendor's facts, not read back from its fields, so a wrong profile fails).

function profile(id: string): ModelProfile {
  const found = profileFor(id);
  assert.ok(found, `${id} is registered`);
  return found;
}

describe('model profiles: the table', () => {
  it('every profile is consistent (couplings, successors, dates, confidences, prices)', () => {
    assert.deepEqual(tableProblems(modelProfiles), []);
  });

  it('registers every profile module of the models folder, each id once and lower-case', () => {
    // The sources name the modules (a compiled file left from a deleted source is not one).
    const folder = path.dirname(require.resolve('../../../server/out/core/models'));
    const defined = fs
      .readdirSync(path.join(repoRoot, 'server/src/core/models'))
      .filter((name) => name.endsWith('.ts'))
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every module of the folder, by name.
      .flatMap((name) => Object.values(require(path.join(folder, name.replace(/\.ts$/, '.js'))) as Record<string, unknown>))
      .filter((value): value is ModelProfile => typeof value === 'object' && value !== null && 'id' in value && 'durations' in value);
    assert.deepEqual([...new Set(defined)].filter((p) => !modelProfiles.includes(p)).map((p) => p.id), [], 'a profile module whose profile is not in models/index.ts');
    const ids = modelProfiles.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.equal(id, id.toLowerCase());
  });

  it('lists current models first and retired ones last', () => {
    const kinds = modelProfiles.map((p) => p.status.kind);
    const firstRetired = kinds.indexOf('retired');
    assert.ok(firstRetired > 0);
    assert.ok(kinds.slice(firstRetired).every((kind) => kind === 'retired'), kinds.join(', '));
  });

  it('only Sora 2 and Sora 2 Pro are retired, since the Videos API shut down', () => {
    const retired = modelProfiles.filter((p) => p.status.kind === 'retired');
    assert.deepEqual(retired.map((p) => p.id), ['sora-2', 'sora-2-pro']);
    for (const p of retired) {
      assert.equal(p.status.kind === 'retired' && p.status.since, '2026-09-24');
      assert.match(p.status.kind === 'retired' ? p.status.source : '', /September 24, 2026/);
    }
  });

  it('every profile has sources, each with a confidence, and the date the facts were read', () => {
    for (const p of modelProfiles) {
      assert.ok(p.sources.length > 0, p.id);
      for (const s of p.sources) assert.ok(['official', 'sdk', 'unverified'].includes(s.confidence), `${p.id}: ${s.title}`);
      assert.equal(p.asOf, '2026-12-01', p.id);
    }
  });

  it('a reseller\'s price is never marked official', () => {
    for (const p of modelProfiles) {
      if (/wavespeed|krea|runware|fal\.ai|inference\.sh|aifreeapi|opten/i.test(p.price.source)) assert.equal(p.price.confidence, 'unverified', p.id);
    }
  });

  it('looks ids up case- and space-insensitively', () => {
    assert.equal(profileFor('  Veo-3.1 ')?.id, 'veo-3.1');
    assert.equal(profileFor('veo-4'), undefined);
    assert.equal(profileFor(undefined), undefined);
  });

  it('gives Kling 3.0 the shot list and only Kling 3.0', () => {
    assert.deepEqual(profile('kling-3.0').multiShot, { maxShots: 6, maxShotPrompt: 512, parameter: 'multi_prompt' });
    assert.deepEqual(modelProfiles.filter((p) => p.multiShot).map((p) => p.id), ['kling-3.0']);
  });

  it('formats, iteration and local models follow the design', () => {
    const format = Object.fromEntries(modelProfiles.map((p) => [p.id, p.format]));
    assert.equal(format['sora-2'], 'sora-cookbook');
    assert.equal(format['veo-3.1'], 'veo');
    assert.equal(format['runway-gen-4.5'], 'runway');
    assert.equal(format['ltx-2'], 'ltx');
    assert.equal(format['hailuo-02'], 'paragraph');
    const iterate = Object.fromEntries(modelProfiles.map((p) => [p.id, p.iterate.operation]));
    assert.deepEqual(
      { sora: iterate['sora-2'], aleph: iterate['runway-aleph'], luma: iterate['luma-ray-3.2'], kling: iterate['kling-3.0'], veo: iterate['veo-3.1'], gen45: iterate['runway-gen-4.5'] },
      { sora: 'remix', aleph: 'edit', luma: 'edit', kling: 'edit', veo: 'regenerate', gen45: 'regenerate' },
    );
    assert.deepEqual(modelProfiles.filter((p) => p.openWeights).map((p) => p.id), ['wan-2.2', 'ltx-2']);
  });

  it('prompt limits: Runway counts UTF-16 units as a hard limit, LTX words and Wan tokens as advice', () => {
    assert.deepEqual(profile('runway-gen-4.5').promptLimit, { max: 1000, unit: 'utf16', hard: true, confidence: 'official' });
    assert.deepEqual(profile('ltx-2').promptLimit, { max: 200, unit: 'words', hard: false, confidence: 'official' });
    assert.deepEqual(profile('wan-2.2').promptLimit, { max: 512, unit: 'tokens', hard: false, confidence: 'official' });
  });

  it('models without native audio say speech goes elsewhere', () => {
    for (const id of ['runway-gen-4.5', 'runway-aleph', 'luma-ray-3.2', 'hailuo-02', 'wan-2.2', 'pika-2.5']) {
      const audio = profile(id).audio;
      assert.deepEqual([audio.dialogue, audio.speech], [false, 'none'], id);
    }
  });
});

describe('model profiles: what each model makes in one generation', () => {
  for (const p of modelProfiles) {
    const check = p.spotCheck;
    it(check ? `${p.id}: ${check.makes.duration} s, ${check.makes.aspect}, ${check.makes.resolution} yes; ${check.refuses.duration} s, ${check.refuses.aspect}, ${check.refuses.resolution} no` : `${p.id}: has a spot check`, () => {
      assert.ok(check, `${p.id}: a shipped profile states one clip it makes and one it does not (spotCheck)`);
      assert.equal(allowsDuration(p, check.makes.duration), true);
      assert.equal(allowsDuration(p, check.refuses.duration), false);
      assert.equal(allowsAspect(p, check.makes.aspect), true);
      assert.equal(allowsAspect(p, check.refuses.aspect), false);
      assert.equal(allowsResolution(p, check.makes.resolution), true);
      assert.equal(allowsResolution(p, check.refuses.resolution), false);
    });
  }
});

describe('model profiles: couplings', () => {
  const broken = (id: string, choice: GenerationChoice) => couplingViolations(profile(id), choice).map((v) => `${v.field} ${v.value}`);

  it('Hailuo 02: 1080p makes only 6 s clips; 768p makes 10 s', () => {
    assert.deepEqual(broken('hailuo-02', { resolution: '1080p', duration: 10 }), ['duration 10']);
    assert.deepEqual(broken('hailuo-02', { resolution: '1080p', duration: 6 }), []);
    assert.deepEqual(broken('hailuo-02', { resolution: '768p', duration: 10 }), []);
  });

  it('Veo 3.1: reference images need 8 s, 16:9 and 720p', () => {
    assert.deepEqual(broken('veo-3.1', { references: 2, duration: 6, aspect: '9:16', resolution: '720p' }), ['duration 6', 'aspect 9:16']);
    assert.deepEqual(broken('veo-3.1', { references: 1, duration: 8, aspect: '16:9', resolution: '720p' }), []);
    assert.deepEqual(broken('veo-3.1', { references: 0, duration: 6, aspect: '9:16', resolution: '720p' }), []);
  });

  it('Veo 3.1: the 1080p-needs-8-s claim is there, marked unverified', () => {
    const [violation] = couplingViolations(profile('veo-3.1'), { resolution: '1080p', duration: 4 });
    assert.equal(violation.coupling.confidence, 'unverified');
  });

  it('Kling: sound and an end frame need pro mode (1080p)', () => {
    assert.deepEqual(broken('kling-2.6', { audio: true, resolution: '720p' }), ['resolution 720p']);
    assert.deepEqual(broken('kling-2.6', { audio: true, resolution: '1080p' }), []);
    assert.deepEqual(broken('kling-3.0', { lastFrame: true, resolution: '720p' }), ['resolution 720p']);
    assert.deepEqual(broken('kling-3.0', { lastFrame: false, resolution: '720p' }), []);
  });

  it('Luma Ray 3.2: a start or end frame needs a 5 s clip', () => {
    assert.deepEqual(broken('luma-ray-3.2', { firstFrame: true, duration: 10 }), ['duration 10']);
    assert.deepEqual(broken('luma-ray-3.2', { lastFrame: true, duration: 5 }), []);
    assert.deepEqual(broken('luma-ray-3.2', { duration: 10 }), []);
  });

  it('Runway Gen-4.5: the four extra ratios need a first frame', () => {
    assert.deepEqual(broken('runway-gen-4.5', { aspect: '21:9', references: 0 }), ['references 0']);
    assert.deepEqual(broken('runway-gen-4.5', { aspect: '21:9', references: 1 }), []);
    assert.deepEqual(broken('runway-gen-4.5', { aspect: '16:9', references: 0 }), []);
  });
});

describe('model profiles: the consistency check can fail', () => {
  const veo = profile('veo-3.1');
  const active = new Set(modelProfiles.filter((p) => p.status.kind === 'active').map((p) => p.id));
  const problems = (changed: Partial<ModelProfile>) => profileProblems({ ...veo, ...changed }, active);

  it('accepts the real profile', () => {
    assert.deepEqual(profileProblems(veo, active), []);
  });

  it('refuses a coupling that names a resolution the profile does not have', () => {
    const coupling = { description: '8k needs 8 s', when: { resolution: '8k' }, requires: { durations: [8] }, confidence: 'official' as const };
    assert.match(problems({ couplings: [coupling] }).join('\n'), /when names resolution 8k/);
  });

  it('refuses a coupling that requires a length the profile does not make', () => {
    const coupling = { description: 'x', when: { resolution: '4k' }, requires: { durations: [10] }, confidence: 'official' as const };
    assert.match(problems({ couplings: [coupling] }).join('\n'), /requires 10 s/);
  });

  it('refuses an upper-case id, an empty length set, a bad date and an unknown confidence', () => {
    const found = problems({ id: 'Veo-3.1', durations: { kind: 'set', values: [] }, asOf: '2026-13-01', durationsConfidence: 'maybe' as never }).join('\n');
    for (const expected of [/lower-case id/, /set is empty/, /asOf: "2026-13-01"/, /"maybe" is not a confidence/]) assert.match(found, expected);
  });

  it('refuses a retired model without a source, or whose successors are not current models', () => {
    const status = { kind: 'retired' as const, since: '2026-09-24', source: ' ', successors: ['veo-3.1', 'sora-2', 'veo-9'] };
    const found = problems({ status }).join('\n');
    assert.match(found, /status.source/);
    assert.match(found, /sora-2 is not a registered active model/);
    assert.match(found, /veo-9 is not a registered active model/);
  });

  it('refuses a price for a resolution the profile does not make, and no default price', () => {
    const found = problems({ price: { ...veo.price, usdPerSecond: { '8k': 1 } } }).join('\n');
    assert.match(found, /no default/);
    assert.match(found, /8k: not a resolution/);
  });

  it('refuses an id registered twice', () => {
    assert.deepEqual(tableProblems([veo, veo]).filter((p) => p.includes('twice')), ['veo-3.1: registered twice']);
  });
});

describe('model profiles: the Veo example', () => {
  const file = path.join(repoRoot, 'examples/05-veo-scene/scene11.sora');
  const text = fs.readFileSync(file, 'utf8');
  const setting = (key: string) => new RegExp(`^\\s+${key}:\\s*(.+)$`, 'm').exec(text)?.[1].trim();

  it('names veo-3.1 and asks for a length, aspect and resolution Veo 3.1 makes in one generation', () => {
    const veo = profile(setting('model') ?? '');
    assert.equal(veo.id, 'veo-3.1');
    const seconds = Number.parseFloat(setting('duration') ?? '');
    assert.equal(allowsDuration(veo, seconds), true, `${seconds} s`);
    assert.equal(allowsAspect(veo, setting('aspect') ?? ''), true);
    assert.equal(allowsResolution(veo, setting('resolution') ?? ''), true);
    assert.deepEqual(couplingViolations(veo, { duration: seconds, aspect: setting('aspect'), resolution: setting('resolution'), references: 0 }), []);
  });

  it('its beats add up to the clip', () => {
    const beats = [...text.matchAll(/^beat (\d+(?:\.\d+)?)s /gm)].map((m) => Number(m[1]));
    assert.equal(beats.reduce((a, b) => a + b, 0), Number.parseFloat(setting('duration') ?? ''));
  });
});
