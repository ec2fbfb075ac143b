import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TakeLog } from '../../server/out/core/takes';
import { readExample, repoRoot } from '../helpers/paths';
import { analyze } from '../../server/out/core/analyze';
import { parseStoryboard } from '../../server/out/core/parse';
import { appendBlock, appendTake, branchRefusal, branchVariantText, countBranches, maxBranchesPerTake, mergeTakeLogs, missingTakeFiles, parseTakeFileName, setNotes, setScore, suggestVariantName, typicalFixForBest, typicalFixFor, unloggedTakeFiles } from '../../server/out/core/takeOps';
import { overrideChoices } from '../../server/out/core/branching';
import { takeLogJsonSchemaText } from '../../server/out/core/takeSchema';
import { emptyTakeLog, parseTakeLog, sceneSpend, serializeTakeLog } from '../../server/out/core/takes';
import { loadTakeLog } from '../../server/out/node/files';
import { nodeHost } from '../../server/out/node/host';
import { TakeStore } from '../../server/out/takeStore';

/** Saves through the take store on the disk host, as the language server and the CLI do. */
const saveTakeLog = (file: string, log: TakeLog): Promise<TakeLog> => new TakeStore(nodeHost()).update(file, () => log);

function lighthouseLog(): TakeLog {
  const parsed = parseTakeLog(readExample('lighthouseTakes'));
  assert.ok(parsed.ok, 'the lighthouse take log validates');
  return parsed.log;
}

function variantsOf(text: string) {
  return parseStoryboard(text).variants.map((v) => ({ name: v.name?.text ?? '', base: v.base?.text ?? 'main' }));
}

const settings = { aspect: '16:9', resolution: '1080p', duration: 12, model: 'sora-2' };

describe('take log operations', () => {
  describe('append', () => {
    it('records the next id, a clean file name, time, variant, parent, change, settings and prompt', () => {
      const { log, take } = appendTake(lighthouseLog(), '09', {
        variant: 'warmer',
        parent: 'take02',
        change: 'style lighting: warm tungsten glow, consistent lighting',
        settings,
        prompt: 'the exact prompt',
        createdAt: new Date('2026-11-25T10:00:00Z'),
      });
      assert.equal(take.id, 'take03');
      assert.equal(take.file, 'takes/scene09_take03.mp4');
      assert.equal(take.createdAt, '2026-11-25T10:00:00.000Z');
      assert.equal(take.variant, 'warmer');
      assert.equal(take.parent, 'take02');
      assert.equal(take.change, 'style lighting: warm tungsten glow, consistent lighting');
      assert.deepEqual(take.settings, settings);
      assert.equal(take.prompt, 'the exact prompt');
      assert.equal(take.scores, undefined, 'not scored yet');
      assert.equal(log.takes.length, 3);
      const round = parseTakeLog(serializeTakeLog(log));
      assert.ok(round.ok, 'the appended log still validates');
    });

    it('records the target and the estimated cost, after the settings, and the scene\'s spend adds them up', () => {
      const cost = { usd: 4.8, perSecond: 0.4, asOf: '2026-12-01', source: 'profile' as const };
      const { log, take } = appendTake(lighthouseLog(), '09', { variant: 'main', settings: { ...settings, model: 'veo-3.1' }, model: 'veo-3.1', cost, prompt: 'p' });
      assert.equal(take.model, 'veo-3.1');
      assert.deepEqual(take.cost, cost);
      const text = serializeTakeLog(log);
      const written = JSON.parse(text).takes[2];
      assert.deepEqual(Object.keys(written).slice(0, 8), ['id', 'file', 'createdAt', 'variant', 'settings', 'model', 'cost', 'prompt']);
      const round = parseTakeLog(text);
      assert.ok(round.ok);
      assert.deepEqual(sceneSpend(round.log), { usd: 4.8, priced: 1, unpriced: 2 });
      const second = appendTake(round.log, '09', { variant: 'main', settings, cost: { usd: 0.1 }, prompt: 'p' }).log;
      assert.deepEqual(sceneSpend(second), { usd: 4.9, priced: 2, unpriced: 2 }, 'to the cent, without float drift');
      const bad = JSON.parse(text);
      bad.takes[2].cost.usd = -1;
      assert.equal(parseTakeLog(JSON.stringify(bad)).ok, false, 'a negative cost does not validate');
    });

    it('starts an empty log at take01, keeps the extension, omits absent optional fields', () => {
      const { take } = appendTake(emptyTakeLog('scene12b.sora'), '12b', { variant: 'main', settings: {}, prompt: 'p', extension: '.MOV' });
      assert.equal(take.id, 'take01');
      assert.equal(take.file, 'takes/scene12b_take01.mov');
      assert.ok(!('parent' in take) && !('change' in take) && !('notes' in take));
      assert.ok(!Number.isNaN(Date.parse(take.createdAt)));
    });

    it('accepts a free explicit id (a file already named for it) and refuses a used one', () => {
      const { take } = appendTake(lighthouseLog(), '09', { id: 'take05', variant: 'main', settings, prompt: 'p' });
      assert.equal(take.file, 'takes/scene09_take05.mp4');
      assert.throws(() => appendTake(lighthouseLog(), '09', { id: 'take02', variant: 'main', settings, prompt: 'p' }), /already has take02/);
    });

    it('does not change the log it was given', () => {
      const log = lighthouseLog();
      appendTake(log, '09', { variant: 'main', settings, prompt: 'p' });
      assert.equal(log.takes.length, 2);
    });
  });

  describe('scores and notes', () => {
    it('sets and clears a score, refusing anything but a whole number 1–5', () => {
      let log = setScore(lighthouseLog(), 'take02', 'audioSync', 2);
      assert.equal(log.takes[1].scores?.audioSync, 2);
      log = setScore(log, 'take02', 'audioSync', undefined);
      assert.ok(!('audioSync' in (log.takes[1].scores ?? {})));
      assert.throws(() => setScore(log, 'take02', 'audioSync', 6), /1 to 5/);
      assert.throws(() => setScore(log, 'take02', 'audioSync', 2.5), /1 to 5/);
      assert.throws(() => setScore(log, 'take09', 'audioSync', 3), /no take09/);
      assert.ok(parseTakeLog(serializeTakeLog(log)).ok);
    });

    it('sets notes and removes empty ones', () => {
      let log = setNotes(lighthouseLog(), 'take01', 'match flare <b>flickers</b>');
      assert.equal(log.takes[0].notes, 'match flare <b>flickers</b>');
      log = setNotes(log, 'take01', '');
      assert.ok(!('notes' in log.takes[0]));
    });
  });

  describe('files', () => {
    it('parses clean take file names', () => {
      assert.deepEqual(parseTakeFileName('scene09_take05.mp4'), { sceneId: '09', takeId: 'take05', extension: 'mp4' });
      assert.deepEqual(parseTakeFileName('scene12b_take10.MOV'), { sceneId: '12b', takeId: 'take10', extension: 'mov' });
      assert.equal(parseTakeFileName('Sora 2025-11-20.mp4'), undefined);
    });

    it('offers named but unlogged files in takes/ for logging', () => {
      const unlogged = unloggedTakeFiles(lighthouseLog(), '09', ['scene09_take01.mp4', 'scene09_take04.mp4', 'scene10_take01.mp4', 'notes.txt', 'scene09_take02.webm']);
      assert.deepEqual(unlogged, [
        { file: 'takes/scene09_take02.webm', takeId: 'take02', extension: 'webm', idFree: false },
        { file: 'takes/scene09_take04.mp4', takeId: 'take04', extension: 'mp4', idFree: true },
      ]);
    });

    it('reports missing videos without dropping their takes', () => {
      const log = lighthouseLog();
      assert.deepEqual(missingTakeFiles(log, (file) => file === 'takes/scene09_take01.mp4'), ['take02']);
      assert.equal(log.takes.length, 2);
    });
  });

  describe('merge of a change on disk with unsaved panel edits', () => {
    it('keeps what the panel changed and takes everything else from disk', () => {
      const base = lighthouseLog();
      let mine = setScore(base, 'take02', 'audioSync', 5);
      mine = setNotes(mine, 'take01', 'typed in the panel');
      let theirs = setScore(base, 'take02', 'physicsRealism', 1); // edited by hand on disk
      theirs = setScore(theirs, 'take02', 'audioSync', 3); // conflicting: the panel's 5 wins
      theirs = appendTake(theirs, '09', { variant: 'main', settings, prompt: 'logged from another window' }).log;
      const { log, conflicts } = mergeTakeLogs(base, mine, theirs);
      assert.equal(log.takes.length, 3, 'the take added on disk is kept');
      assert.equal(log.takes[1].scores?.audioSync, 5);
      assert.equal(log.takes[1].scores?.physicsRealism, 1);
      assert.equal(log.takes[0].notes, 'typed in the panel');
      assert.equal(log.takes[2].prompt, 'logged from another window');
      assert.deepEqual(conflicts, ['take02.scores.audioSync']);
      assert.ok(parseTakeLog(serializeTakeLog(log)).ok);
    });

    it('drops a take deleted on disk unless the panel changed it', () => {
      const base = lighthouseLog();
      const theirs: TakeLog = { ...base, takes: [] };
      assert.equal(mergeTakeLogs(base, base, theirs).log.takes.length, 0);
      const mine = setNotes(base, 'take02', 'do not lose this');
      const merged = mergeTakeLogs(base, mine, theirs).log;
      assert.deepEqual(merged.takes.map((t) => [t.id, t.notes]), [['take02', 'do not lose this']]);
    });

    it('is the disk version when the panel changed nothing', () => {
      const base = lighthouseLog();
      const theirs = setNotes(base, 'take01', 'changed on disk');
      assert.equal(serializeTakeLog(mergeTakeLogs(base, base, theirs).log), serializeTakeLog(theirs));
    });
  });

  describe('saving', () => {
    let folder: string;
    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-takes-'));
    });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('never overwrites a log that does not validate', async () => {
      const file = path.join(folder, 'scene09.takes.json');
      const corrupt = '{ "version": 1, "storyboard": "scene09.sora", "takes": [ { "id": "take1" ';
      fs.writeFileSync(file, corrupt);
      await assert.rejects(saveTakeLog(file, lighthouseLog()), /will not be overwritten/);
      assert.equal(fs.readFileSync(file, 'utf8'), corrupt);
      const invalid = JSON.stringify({ version: 1, storyboard: 'scene09.sora', takes: [{ id: 'take01', scores: { audioSync: 9 } }] });
      fs.writeFileSync(file, invalid);
      await assert.rejects(saveTakeLog(file, lighthouseLog()));
      assert.equal(fs.readFileSync(file, 'utf8'), invalid);
      assert.deepEqual(fs.readdirSync(folder), ['scene09.takes.json'], 'no temp file left behind');
    });

    it('loses nothing when the process dies between the write and the rename', async () => {
      const file = path.join(folder, 'scene09.takes.json');
      const original = serializeTakeLog(lighthouseLog());
      fs.writeFileSync(file, original);
      // A killed save leaves its temp file (half written) and never reaches the rename.
      const stray = path.join(folder, `.scene09.takes.json.99999.${Date.now()}.tmp`);
      fs.writeFileSync(stray, original.slice(0, original.length / 2));
      assert.equal(fs.readFileSync(file, 'utf8'), original);
      const loaded = loadTakeLog(file);
      assert.equal(loaded.status, 'ok');
      if (loaded.status === 'ok') assert.equal(loaded.log.takes.length, 2);
      // The next save still works and replaces the file whole.
      await saveTakeLog(file, setScore(lighthouseLog(), 'take01', 'audioSync', 5));
      const again = loadTakeLog(file);
      assert.ok(again.status === 'ok' && again.log.takes[0].scores?.audioSync === 5);
    });

    it('creates the log when it is absent', async () => {
      const file = path.join(folder, 'scene09.takes.json');
      const { log } = appendTake(emptyTakeLog('scene09.sora'), '09', { variant: 'main', settings, prompt: 'p' });
      await saveTakeLog(file, log);
      const loaded = loadTakeLog(file);
      assert.ok(loaded.status === 'ok' && loaded.log.takes[0].file === 'takes/scene09_take01.mp4');
    });
  });

  describe('branching', () => {
    it('builds `variant NAME from takeNN` with exactly one override line', () => {
      const branch = branchVariantText({
        takeId: 'take02',
        spec: { target: 'beat', beat: 2, field: 'camera' },
        value: ' medium close-up,\n static ',
        existingNames: ['warmer'],
      });
      assert.equal(branch.name, 'camera-b2');
      assert.equal(branch.change, 'beat 2 camera: medium close-up, static');
      assert.equal(branch.text, 'variant camera-b2 from take02\n  beat 2 camera: medium close-up, static');
      assert.throws(() => branchVariantText({ takeId: 'take02', spec: { target: 'style', field: 'lighting' }, value: '  ', existingNames: [] }), /empty/);
      assert.throws(() => branchVariantText({ takeId: 'take02', spec: { target: 'style', field: 'camera' }, value: 'x', existingNames: [] }), /style override/);
      assert.throws(() => branchVariantText({ takeId: 'take02', spec: { target: 'style', field: 'look' }, value: 'x', name: 'warmer', existingNames: ['warmer'] }), /already/);
    });

    it('suggests names unique in the file', () => {
      assert.equal(suggestVariantName({ target: 'style', field: 'lighting' }, ['warmer']), 'lighting');
      assert.equal(suggestVariantName({ target: 'style', field: 'lighting' }, ['lighting', 'lighting-2']), 'lighting-3');
      assert.equal(suggestVariantName({ target: 'character', character: 'Mara', field: 'anchors' }, []), 'mara-anchors');
      assert.equal(suggestVariantName({ target: 'settings', field: 'duration' }, []), 'duration');
    });

    it('counts branches from a take and refuses a fourth (branch 2–3)', () => {
      const log = lighthouseLog();
      let text = readExample('lighthouse');
      assert.equal(countBranches('take02', variantsOf(text), log), 1, 'warmer');
      assert.equal(countBranches('take01', variantsOf(text), log), 1, 'take02 was made from take01');
      for (const value of ['medium close-up, static', 'extreme close-up, static']) {
        assert.equal(branchRefusal('take02', variantsOf(text), log), undefined);
        const branch = branchVariantText({ takeId: 'take02', spec: { target: 'beat', beat: 2, field: 'camera' }, value, existingNames: variantsOf(text).map((v) => v.name) });
        text = appendBlock(text, branch.text).text;
      }
      assert.equal(countBranches('take02', variantsOf(text), log), maxBranchesPerTake);
      const refusal = branchRefusal('take02', variantsOf(text), log);
      assert.match(refusal ?? '', /take02 already has 3 branches.*2–3/);
      // Regenerating a branch (a take of the same variant) is not a new branch.
      const withTake = appendTake(log, '09', { variant: 'warmer', parent: 'take02', settings, prompt: 'p' }).log;
      assert.equal(countBranches('take02', variantsOf(text), withTake), 3);
    });

    it('appends a block after one blank line, in the file\'s line ends', () => {
      assert.equal(appendBlock('a\n', 'variant v from take01\n  style look: x').text, 'a\n\nvariant v from take01\n  style look: x\n');
      assert.equal(appendBlock('a', 'b').text, 'a\n\nb\n');
      assert.equal(appendBlock('a\n\n', 'b').text, 'a\n\nb\n');
      assert.equal(appendBlock('a\r\n', 'b\n  c').text, 'a\r\n\r\nb\r\n  c\r\n');
    });

    it('appended to the lighthouse storyboard, a branched variant is clean under the checker with one override', () => {
      const log = lighthouseLog();
      const original = readExample('lighthouse');
      const before = analyze(original, { takeLog: log, documentPath: '/x/scene09.sora' }).diagnostics;
      const choice = overrideChoices(parseStoryboard(original), log, 'main').find((c) => c.label === 'beat 2 camera');
      assert.ok(choice);
      assert.equal(choice.current, 'close-up, static');
      const branch = branchVariantText({ takeId: 'take02', spec: choice.spec, value: 'medium close-up, static', existingNames: variantsOf(original).map((v) => v.name) });
      const text = appendBlock(original, branch.text).text;
      const analysis = analyze(text, { takeLog: log, documentPath: '/x/scene09.sora' });
      const added = analysis.storyboard.variants.find((v) => v.name?.text === branch.name);
      assert.ok(added);
      assert.equal(added.base?.text, 'take02');
      assert.equal(added.overrides.length, 1);
      const firstNewLine = original.split('\n').length - 1;
      const onNewLines = analysis.diagnostics.filter((d) => d.range.start.line >= firstNewLine || d.range.end.line >= firstNewLine);
      assert.deepEqual(onNewLines.map((d) => `${d.code}: ${d.message}`), []);
      assert.deepEqual(
        analysis.diagnostics.map((d) => d.code),
        before.map((d) => d.code),
        'no new diagnostics anywhere',
      );
    });

    it('offers every override target with the current value of the take\'s scene', () => {
      const storyboard = parseStoryboard(readExample('lighthouse'));
      const main = overrideChoices(storyboard, lighthouseLog(), 'main');
      const labels = main.map((c) => c.label);
      assert.ok(labels.includes('style lighting') && labels.includes('settings duration') && labels.includes('beat 3 camera') && labels.includes('character Mara anchors'));
      assert.equal(main.find((c) => c.label === 'style lighting')?.current, 'stormy dusk, consistent lighting');
      assert.equal(main.find((c) => c.label === 'settings duration')?.current, '12s');
      const warmer = overrideChoices(storyboard, lighthouseLog(), 'warmer');
      assert.equal(warmer.find((c) => c.label === 'style lighting')?.current, 'warm tungsten glow, consistent lighting');
    });
  });

  describe('typical fix', () => {
    it('names the weakest criterion of the best take and the workflow fix', () => {
      const log = lighthouseLog();
      const fix = typicalFixForBest(log);
      assert.equal(fix?.takeId, 'take02');
      assert.equal(fix?.criterion, 'promptAdherence', 'all fours: the first criterion');
      assert.match(fix?.fix ?? '', /[Ss]implify or shorten/);
      const take01 = typicalFixFor(log.takes[0]);
      assert.equal(take01?.criterion, 'identityStability');
      assert.match(take01?.fix ?? '', /3–4 anchors.*one subject first/);
      const physics = typicalFixFor({ ...log.takes[0], scores: { physicsRealism: 1, audioSync: 2 } });
      assert.match(physics?.fix ?? '', /slow motion.*collisions/);
      assert.match(typicalFixFor({ ...log.takes[0], scores: { audioSync: 2 } })?.fix ?? '', /One voice, a short line.*marker/);
      assert.match(typicalFixFor({ ...log.takes[0], scores: { temporalConsistency: 2 } })?.fix ?? '', /consistent.*steady/);
      assert.equal(typicalFixForBest(emptyTakeLog('x.sora')), undefined);
    });
  });

  describe('JSON schema', () => {
    it('the committed schemas/takes.schema.json equals the one generated from the zod schema', () => {
      const committed = fs.readFileSync(path.join(repoRoot, 'schemas/takes.schema.json'), 'utf8');
      assert.equal(committed, takeLogJsonSchemaText());
      const schema = JSON.parse(committed);
      assert.deepEqual(schema.required, ['version', 'storyboard', 'takes']);
      assert.equal(schema.properties.takes.items.properties.scores.properties.audioSync.maximum, 5);
    });
  });
});
