import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Take, TakeLog } from '../../server/out/core/takes';
import { exampleFiles } from '../helpers/paths';
import { formatLineageTree, takeLineage } from '../../server/out/core/lineage';
import { setShotScore, typicalFixFor, provenanceProblem } from '../../server/out/core/takeOps';
import { parseTakeLog } from '../../server/out/core/takes';

function take(id: string, fields: Partial<Take> = {}): Take {
  return { id, file: `takes/scene01_${id}.mp4`, createdAt: '2026-11-20T09:00:00Z', variant: 'main', settings: {}, prompt: 'p', ...fields };
}

const all = (n: number) => ({ promptAdherence: n, physicsRealism: n, temporalConsistency: n, identityStability: n, audioSync: n });

/** take01 → take02 (lighting), take03 (camera) → take04 (anchors); take05 names a parent the log lacks. */
const branched: TakeLog = {
  version: 1,
  storyboard: 'scene01.sora',
  takes: [
    take('take01', { scores: all(3) }),
    take('take02', { parent: 'take01', variant: 'warm', change: 'style lighting: warm', scores: all(2) }),
    take('take03', { parent: 'take01', change: 'beat 2 camera: static', scores: all(4) }),
    take('take04', { parent: 'take03', variant: 'anchors', change: 'character Mara anchors: braid', scores: all(5) }),
    take('take05', { parent: 'take09' }),
  ],
};

describe('lineage: the takes as a tree', () => {
  it('the shared lighthouse log: take02 under take01, its one change on the edge, the best path marked', () => {
    const parsed = parseTakeLog(fs.readFileSync(exampleFiles.lighthouseTakes, 'utf8'));
    assert.ok(parsed.ok);
    const lineage = takeLineage(parsed.log);
    assert.deepEqual(lineage.roots.map((r) => r.id), ['take01']);
    assert.deepEqual(lineage.roots[0].children.map((c) => [c.id, c.change, c.best, c.onBestPath]), [['take02', 'beat 2 camera: close-up, static', true, true]]);
    assert.deepEqual(lineage.bestPath, ['take01', 'take02']);
    assert.equal(
      formatLineageTree(lineage),
      ['take01 · main · 17/25  *', '└─ beat 2 camera: close-up, static → take02 · main · 20/25  * best', '', 'Best path: take01 → take02 (* above).'].join('\n'),
    );
  });

  it('branches: siblings in log order, the best path only through the best take’s ancestors, an unknown parent drawn as a root', () => {
    const lineage = takeLineage(branched);
    assert.deepEqual(lineage.roots.map((r) => [r.id, r.missingParent]), [['take01', null], ['take05', 'take09']]);
    const [first] = lineage.roots;
    assert.deepEqual(first.children.map((c) => c.id), ['take02', 'take03']);
    assert.deepEqual(first.children.map((c) => c.onBestPath), [false, true]);
    assert.deepEqual(first.children[1].children.map((c) => [c.id, c.best]), [['take04', true]]);
    assert.deepEqual(lineage.bestPath, ['take01', 'take03', 'take04']);
    assert.equal(
      formatLineageTree(lineage),
      [
        'take01 · main · 15/25  *',
        '├─ style lighting: warm → take02 · warm · 10/25',
        '└─ beat 2 camera: static → take03 · main · 20/25  *',
        '   └─ character Mara anchors: braid → take04 · anchors · 25/25  * best',
        'take05 · main · not scored  (parent take09 is not in the log)',
        '',
        'Best path: take01 → take03 → take04 (* above).',
      ].join('\n'),
    );
  });

  it('a loop of parents (a hand-edited log) ends instead of recursing: the takes in it become roots', () => {
    const looped: TakeLog = { version: 1, storyboard: 's.sora', takes: [take('take01', { parent: 'take02' }), take('take02', { parent: 'take01' })] };
    const lineage = takeLineage(looped);
    assert.deepEqual(lineage.roots.map((r) => [r.id, r.parentProblem]), [['take01', 'loop'], ['take02', 'loop']]);
    assert.deepEqual(lineage.bestPath, []);
    assert.match(formatLineageTree(lineage), /take01 · main · not scored {2}\(parent take02 loops back to it\)/);
    assert.match(formatLineageTree(lineage), /Best: none scored yet\./);
  });

  it('an empty log says so', () => {
    assert.equal(formatLineageTree(takeLineage({ version: 1, storyboard: 's.sora', takes: [] })), 'No takes yet.');
  });
});

describe('scores per shot', () => {
  const one: TakeLog = { version: 1, storyboard: 's.sora', takes: [take('take01', { scores: all(4) })] };

  it('sets and clears one criterion of one shot; the log still validates', () => {
    let log = setShotScore(one, 'take01', 3, 'identityStability', 2);
    assert.deepEqual(log.takes[0].shotScores, { '3': { identityStability: 2 } });
    assert.ok(parseTakeLog(JSON.stringify(log)).ok);
    log = setShotScore(log, 'take01', 3, 'identityStability', undefined);
    assert.equal(log.takes[0].shotScores, undefined);
    assert.throws(() => setShotScore(one, 'take01', 0, 'audioSync', 3), /numbered from 1/);
    assert.throws(() => setShotScore(one, 'take01', 1, 'audioSync', 6), /whole number from 1 to 5/);
    assert.throws(() => setShotScore(one, 'take09', 1, 'audioSync', 3), /no take09/);
  });

  it('the schema refuses a shot that is not a number and a score out of range, naming the path', () => {
    const bad = { ...one, takes: [{ ...one.takes[0], shotScores: { two: { audioSync: 3 } } }] };
    const parsed = parseTakeLog(JSON.stringify(bad));
    assert.ok(!parsed.ok);
    const outOfRange = parseTakeLog(JSON.stringify({ ...one, takes: [{ ...one.takes[0], shotScores: { '2': { audioSync: 9 } } }] }));
    assert.ok(!outOfRange.ok);
    assert.match(outOfRange.problems[0].path, /shotScores/);
    assert.equal(outOfRange.problems[0].message, 'a score is a whole number from 1 to 5');
  });

  it('"Next: one change" points at the shot scored lowest, even when the take’s own scores are higher', () => {
    const log = setShotScore(one, 'take01', 3, 'identityStability', 2);
    assert.deepEqual(typicalFixFor(log.takes[0]), {
      takeId: 'take01',
      criterion: 'identityStability',
      label: 'Identity stability',
      score: 2,
      fix: 'Repeat 3–4 anchors in every shot the character appears in, and stabilize one subject first.',
      shot: 3,
    });
  });

  it('without shot scores the advice is the take’s weakest criterion and names no shot', () => {
    const fix = typicalFixFor(take('take01', { scores: { ...all(4), audioSync: 2 } }));
    assert.equal(fix?.criterion, 'audioSync');
    assert.equal(fix?.shot, undefined);
  });
});

describe('provenance warnings', () => {
  it('none for a signed take or one never read; a reason for absent, invalid and unreadable', () => {
    assert.equal(provenanceProblem(undefined), undefined);
    assert.equal(provenanceProblem({ status: 'signed', checkedAt: '2026-11-20T09:00:00Z' }), undefined);
    assert.match(provenanceProblem({ status: 'absent', checkedAt: 'x' })!, /stripped or it was re-encoded/);
    assert.match(provenanceProblem({ status: 'invalid', errors: ['assertion.bmffHash.mismatch'], checkedAt: 'x' })!, /assertion\.bmffHash\.mismatch.*changed after it was signed/);
    assert.match(provenanceProblem({ status: 'unreadable', errors: ['not an MP4'], checkedAt: 'x' })!, /not an MP4/);
  });
});
