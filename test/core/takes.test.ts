import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as TakesModule from '../../server/out/core/takes';
import { exampleFiles, readExample } from '../helpers/paths';
import * as takes from '../../server/out/core/takes';
import * as files from '../../server/out/node/files';
import { nodeHost } from '../../server/out/node/host';
import { TakeStore } from '../../server/out/takeStore';

const { parseTakeLog, bestTake, nextTakeId, takeTotal, takeFileName, takeLogPathFor, describeTakeLogProblems, serializeTakeLog, emptyTakeLog } = takes;
const { loadTakeLog, loadTakeLogFor, writeFileAtomic } = files;
/** Saves through the take store on the disk host, as the language server and the CLI do. */
const saveTakeLog = (file: string, value: TakeLog) => new TakeStore(nodeHost()).update(file, () => value);

type TakeLog = TakesModule.TakeLog;
type Take = TakesModule.Take;

function sharedJson(): { takes: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readExample('lighthouseTakes'));
}

function problemsOf(json: unknown): TakesModule.TakeLogProblem[] {
  const parsed = parseTakeLog(typeof json === 'string' ? json : JSON.stringify(json));
  assert.equal(parsed.ok, false, 'expected the take log to be rejected');
  return (parsed as { ok: false; problems: TakesModule.TakeLogProblem[] }).problems;
}

function take(id: string, scores?: Take['scores']): Take {
  return {
    id,
    file: `takes/scene09_${id}.mp4`,
    createdAt: '2026-11-20T09:12:00Z',
    variant: 'main',
    settings: { aspect: '16:9' },
    prompt: 'p',
    ...(scores ? { scores } : {}),
  };
}

function log(...items: Take[]): TakeLog {
  return { version: 1, storyboard: 'scene09.sora', takes: items };
}

let temp: string;
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-takes-'));
});
afterEach(() => {
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('take log: parsing', () => {
  it('the shared log is valid', () => {
    const parsed = parseTakeLog(readExample('lighthouseTakes'));
    assert.ok(parsed.ok);
    assert.equal(parsed.log.storyboard, 'scene09.sora');
    assert.deepEqual(parsed.log.takes.map((t) => t.id), ['take01', 'take02']);
    assert.equal(parsed.log.takes[1].parent, 'take01');
    assert.equal(parsed.log.takes[1].scores?.identityStability, 4);
  });

  it('a take with no scores, parent, change or notes is valid; extra keys are kept', () => {
    const parsed = parseTakeLog(JSON.stringify({ ...log(take('take01')), extra: 1 }));
    assert.ok(parsed.ok);
    assert.equal((parsed.log as Record<string, unknown>).extra, 1);
  });

  it('corrupt JSON', () => {
    const problems = problemsOf('{ "version": 1, ');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].path, '');
    assert.match(problems[0].message, /not valid JSON/);
  });

  it('the wrong top-level types name their keys', () => {
    const problems = problemsOf({ version: 2, storyboard: 7, takes: {} });
    assert.deepEqual(problems.map((p) => p.path), ['version', 'storyboard', 'takes']);
    assert.match(problems[1].message, /string/);
    assert.match(problems[2].message, /array/);
    assert.match(problemsOf([])[0].message, /object/);
  });

  it('wrong types inside a take name the JSON path', () => {
    const json = sharedJson();
    json.takes[0].scores = { ...(json.takes[0].scores as object), audioSync: '4' };
    json.takes[1].file = 12;
    const problems = problemsOf(json);
    const byPath = new Map(problems.map((p) => [p.path, p.message]));
    assert.match(byPath.get('take01.scores.audioSync') ?? '', /number/);
    assert.match(byPath.get('take02.file') ?? '', /string/);
  });

  for (const bad of [0, 6, 2.5, -1]) {
    it(`a score of ${bad} is out of range, at take01.scores.audioSync (by the take's id)`, () => {
      const json = sharedJson();
      json.takes[0].scores = { ...(json.takes[0].scores as object), audioSync: bad };
      const problems = problemsOf(json);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].path, 'take01.scores.audioSync');
      assert.match(problems[0].message, /whole number from 1 to 5/);
    });
  }

  it('an unknown score criterion is rejected', () => {
    const json = sharedJson();
    json.takes[1].scores = { ...(json.takes[1].scores as object), vibes: 5 };
    const problems = problemsOf(json);
    assert.equal(problems[0].path, 'take02.scores');
    assert.match(problems[0].message, /vibes/);
  });

  for (const id of ['take1', 'Take01', 'shot02', 'take', 'take02b', '']) {
    it(`a bad take id ${JSON.stringify(id)} is rejected at take #2.id (no usable id to name it by)`, () => {
      const json = sharedJson();
      json.takes[1].id = id;
      const problems = problemsOf(json);
      assert.equal(problems[0].path, 'take #2.id');
      assert.match(problems[0].message, /take02/);
    });
  }

  it('a missing required field is named', () => {
    const json = sharedJson();
    delete json.takes[0].createdAt;
    delete json.takes[1].prompt;
    assert.deepEqual(problemsOf(json).map((p) => p.path), ['take01.createdAt', 'take02.prompt']);
  });

  it('a createdAt that is not a date is rejected', () => {
    const json = sharedJson();
    json.takes[0].createdAt = 'yesterday';
    const problems = problemsOf(json);
    assert.equal(problems[0].path, 'take01.createdAt');
    assert.match(problems[0].message, /ISO date/);
  });

  it('duplicate ids are rejected at the second one', () => {
    const json = sharedJson();
    json.takes[1].id = 'take01';
    const problems = problemsOf(json);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].path, 'take #2.id');
    assert.match(problems[0].message, /take01.*used twice/);
  });

  it('describeTakeLogProblems names the file and the paths, and promises not to overwrite', () => {
    const message = describeTakeLogProblems('scene09.takes.json', [
      { path: 'take01.scores.audioSync', message: 'a score is a whole number from 1 to 5' },
      { path: '', message: 'x' },
      { path: 'a', message: 'y' },
      { path: 'b', message: 'z' },
      { path: 'c', message: 'w' },
    ]);
    assert.match(message, /^scene09\.takes\.json could not be read: take01\.scores\.audioSync: a score is a whole number from 1 to 5; x; a: y \(and 2 more\)\./);
    assert.match(message, /will not be overwritten/);
  });

  it('serialize → parse round-trips', () => {
    const parsed = parseTakeLog(readExample('lighthouseTakes'));
    assert.ok(parsed.ok);
    const again = parseTakeLog(serializeTakeLog(parsed.log));
    assert.ok(again.ok);
    assert.deepEqual(again.log, parsed.log);
    assert.ok(serializeTakeLog(parsed.log).endsWith('}\n'));
    assert.deepEqual(emptyTakeLog('scene09.sora'), { version: 1, storyboard: 'scene09.sora', takes: [] });
  });
});

describe('take log: loading', () => {
  it('the shared log loads', () => {
    const loaded = loadTakeLog(exampleFiles.lighthouseTakes);
    assert.equal(loaded.status, 'ok');
    const beside = loadTakeLogFor(exampleFiles.lighthouse);
    assert.equal(beside.status, 'ok');
    assert.equal(beside.path, exampleFiles.lighthouseTakes);
  });

  it('a missing file is absent, not an error', () => {
    const file = path.join(temp, 'scene01.takes.json');
    assert.deepEqual(loadTakeLog(file), { status: 'absent', path: file });
    assert.equal(loadTakeLogFor(path.join(temp, 'scene01.sora')).status, 'absent');
  });

  it('a corrupt file is invalid with a message naming the file', () => {
    const file = path.join(temp, 'scene01.takes.json');
    fs.writeFileSync(file, '{ nope');
    const loaded = loadTakeLog(file);
    assert.equal(loaded.status, 'invalid');
    assert.match((loaded as { message: string }).message, /^scene01\.takes\.json could not be read: not valid JSON/);
  });

  it('an invalid file names the JSON path in its message', () => {
    const json = sharedJson();
    json.takes[0].scores = { audioSync: 6 };
    const file = path.join(temp, 'scene09.takes.json');
    fs.writeFileSync(file, JSON.stringify(json));
    const loaded = loadTakeLog(file);
    assert.equal(loaded.status, 'invalid');
    assert.ok((loaded as { message: string }).message.includes('take01.scores.audioSync'));
  });

  it('a path that is a folder is invalid, not a crash', () => {
    const file = path.join(temp, 'scene01.takes.json');
    fs.mkdirSync(file);
    assert.equal(loadTakeLog(file).status, 'invalid');
  });
});

describe('take log: saving', () => {
  it('the store writes a new file atomically, leaving no temp files', async () => {
    const file = path.join(temp, 'scene09.takes.json');
    const value = log(take('take01', { audioSync: 3 }));
    await saveTakeLog(file, value);
    assert.deepEqual(fs.readdirSync(temp), ['scene09.takes.json']);
    const loaded = loadTakeLog(file);
    assert.equal(loaded.status, 'ok');
    assert.deepEqual((loaded as { log: TakeLog }).log, value);
    assert.equal(fs.readFileSync(file, 'utf8'), serializeTakeLog(value));
  });

  it('the store replaces a valid file', async () => {
    const file = path.join(temp, 'scene09.takes.json');
    fs.copyFileSync(exampleFiles.lighthouseTakes, file);
    fs.chmodSync(file, 0o644); // the shared examples are read-only, and a read-only log is refused
    const parsed = parseTakeLog(fs.readFileSync(file, 'utf8'));
    assert.ok(parsed.ok);
    const next = { ...parsed.log, takes: [...parsed.log.takes, take(nextTakeId(parsed.log))] };
    await saveTakeLog(file, next);
    const loaded = loadTakeLog(file);
    assert.equal(loaded.status, 'ok');
    assert.deepEqual((loaded as { log: TakeLog }).log.takes.map((t) => t.id), ['take01', 'take02', 'take03']);
    assert.deepEqual(fs.readdirSync(temp), ['scene09.takes.json']);
  });

  for (const [what, bytes] of [
    ['corrupt JSON', '{ "version": 1, "takes": [ '],
    ['a score out of range', JSON.stringify({ ...log(take('take01', { audioSync: 9 })) })],
    ['duplicate ids', JSON.stringify(log(take('take01'), take('take01')))],
  ] as const) {
    it(`the store refuses to overwrite a file with ${what}; the original bytes are unchanged`, async () => {
      const file = path.join(temp, 'scene09.takes.json');
      fs.writeFileSync(file, bytes);
      await assert.rejects(saveTakeLog(file, log(take('take01'))), /scene09\.takes\.json could not be read.*will not be overwritten/);
      assert.equal(fs.readFileSync(file, 'utf8'), bytes);
      assert.deepEqual(fs.readdirSync(temp), ['scene09.takes.json']);
    });
  }

  it('writeFileAtomic replaces content and cleans up after a failed rename', () => {
    const file = path.join(temp, 'a.txt');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
    assert.deepEqual(fs.readdirSync(temp), ['a.txt']);
    const folder = path.join(temp, 'folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'keep'), 'x');
    assert.throws(() => writeFileAtomic(folder, 'text'));
    assert.deepEqual(fs.readdirSync(temp).sort(), ['a.txt', 'folder']);
  });
});

describe('take log: helpers', () => {
  it('takeTotal sums given scores; undefined when none', () => {
    assert.equal(takeTotal(take('take01', { promptAdherence: 4, physicsRealism: 4, temporalConsistency: 3, identityStability: 2, audioSync: 4 })), 17);
    assert.equal(takeTotal(take('take01', { audioSync: 2 })), 2);
    assert.equal(takeTotal(take('take01')), undefined);
    assert.equal(takeTotal(take('take01', {})), undefined);
  });

  it('bestTake: highest total, ties to the later take, unscored takes ignored', () => {
    const parsed = parseTakeLog(readExample('lighthouseTakes'));
    assert.ok(parsed.ok);
    assert.equal(bestTake(parsed.log)?.id, 'take02');
    assert.equal(bestTake(log(take('take01', { audioSync: 5 }), take('take02', { audioSync: 5 })))?.id, 'take02');
    assert.equal(bestTake(log(take('take01', { audioSync: 5 }), take('take02', { audioSync: 4 })))?.id, 'take01');
    assert.equal(bestTake(log(take('take01', { audioSync: 1 }), take('take02')))?.id, 'take01');
    assert.equal(bestTake(log(take('take01'))), undefined);
    assert.equal(bestTake(log()), undefined);
  });

  it('nextTakeId: one more than the highest, two digits at least', () => {
    assert.equal(nextTakeId(log()), 'take01');
    assert.equal(nextTakeId(log(take('take01'), take('take02'))), 'take03');
    assert.equal(nextTakeId(log(take('take07'), take('take02'))), 'take08');
    assert.equal(nextTakeId(log(take('take99'))), 'take100');
    assert.equal(nextTakeId(log(take('take100'))), 'take101');
  });

  it('takeFileName and takeLogPathFor', () => {
    assert.equal(takeFileName('09', 'take02'), 'scene09_take02.mp4');
    assert.equal(takeFileName('12b', 'take10', 'mov'), 'scene12b_take10.mov');
    assert.equal(takeLogPathFor('scene09.sora'), 'scene09.takes.json');
    assert.equal(takeLogPathFor('/a/b.c/Scene09.SORA'), '/a/b.c/Scene09.takes.json');
    assert.equal(takeLogPathFor('C:\\films\\scene09.sora'), 'C:\\films\\scene09.takes.json');
  });
});
