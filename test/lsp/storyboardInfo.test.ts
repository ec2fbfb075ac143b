import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type * as ProtocolModule from '../../server/out/protocol';
import { Harness, positionOf } from './harness';

// `sora/storyboardInfo`: what the extension host's take features ask instead of parsing the
// storyboard themselves (scene id, variants, beats; branching from a take).

type StoryboardInfoResponse = ProtocolModule.StoryboardInfoResponse;

const lighthouse = 'lighthouse/scene09.sora';
const logFile = 'lighthouse/scene09.takes.json';

describe('language server: sora/storyboardInfo', function () {
  let server: Harness;
  let lighthouseUri: string;
  let lighthouseText: string;

  before(async () => {
    server = await Harness.start();
    lighthouseUri = await server.open(lighthouse);
    lighthouseText = server.text(lighthouseUri);
    await server.diagnostics(lighthouseUri, { version: 1 });
  });
  after(async () => {
    await server.stop();
  });

  it('answers the scene id, the variants with their override lines, and the beats', async () => {
    const info = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri: lighthouseUri });
    assert.equal(info.uri, lighthouseUri);
    assert.equal(info.version, server.version(lighthouseUri));
    assert.equal(info.sceneId, '09');
    assert.deepEqual(info.variants, [
      { name: 'warmer', base: 'take02', line: positionOf(lighthouseText, 'variant warmer').line, overrides: ['style lighting: warm tungsten glow, consistent lighting'] },
    ]);
    assert.deepEqual(
      info.beats.map((b) => [b.index, b.title]),
      [
        [1, 'The climb'],
        [2, 'The lamp'],
        [3, 'The beam'],
      ],
    );
    assert.equal(info.beats[1].line, positionOf(lighthouseText, 'beat 4s The lamp').line);
    assert.equal(info.takeLog, 'ok');
    assert.equal(info.branch, undefined, 'no branch without a take id');
  });

  it('for a take: its branches, the override choices of its scene with current values, the names taken', async () => {
    const info = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri: lighthouseUri, takeId: 'take02' });
    const branch = info.branch;
    assert.ok(branch);
    assert.equal(branch.takeId, 'take02');
    assert.equal(branch.found, true);
    assert.equal(branch.variant, 'main');
    assert.deepEqual(branch.branches, ['variant:warmer']);
    assert.equal(branch.refusal, null);
    assert.deepEqual(branch.existingNames, ['warmer']);
    const byLabel = new Map(branch.choices.map((c) => [c.label, c]));
    assert.equal(byLabel.get('style lighting')?.current, 'stormy dusk, consistent lighting');
    assert.equal(byLabel.get('style lighting')?.workflow, 'lighting');
    assert.equal(byLabel.get('settings duration')?.current, '12s');
    assert.equal(byLabel.get('settings duration')?.workflow, 'duration');
    assert.deepEqual(byLabel.get('beat 2 camera')?.spec, { target: 'beat', beat: 2, field: 'camera' });
    assert.equal(byLabel.get('beat 2 camera')?.current, 'close-up, static');
    assert.equal(byLabel.get('beat 2 camera')?.workflow, 'camera');
    assert.equal(byLabel.get('character Mara anchors')?.current, 'silver braid, yellow raincoat, weathered hands, green eyes');
  });

  it('gives a take of a variant the variant\'s current values, and an unknown take no branches', async () => {
    // take03 generated from `warmer`: its scene has the warmer lighting.
    const log = JSON.parse(fs.readFileSync(server.file(logFile), 'utf8')) as { takes: Record<string, unknown>[] };
    log.takes.push({ ...log.takes[1], id: 'take03', file: 'takes/scene09_take03.mp4', variant: 'warmer', parent: 'take02', change: 'style lighting: warm tungsten glow, consistent lighting' });
    fs.writeFileSync(server.file(logFile), JSON.stringify(log, null, 2));
    // Written by another program: the server's store hears of it from the file watcher, as from the client's.
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(logFile), type: 2 }] });
    const info = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri: lighthouseUri, takeId: 'take03' });
    assert.equal(info.branch?.variant, 'warmer');
    assert.equal(info.branch?.choices.find((c) => c.label === 'style lighting')?.current, 'warm tungsten glow, consistent lighting');
    // take03 (parent take02, variant warmer) is the same branch as the variant.
    const take02 = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri: lighthouseUri, takeId: 'take02' });
    assert.deepEqual(take02.branch?.branches, ['variant:warmer']);
    const unknown = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri: lighthouseUri, takeId: 'take99' });
    assert.equal(unknown.branch?.found, false);
    assert.equal(unknown.branch?.variant, 'main');
    assert.deepEqual(unknown.branch?.branches, []);
  });

  it('refuses a fourth branch from a take, with the reason', async () => {
    const text = `${lighthouseText.trimEnd()}\n\nvariant cam2 from take02\n  beat 2 camera: medium close-up, static\n\nvariant dusk from take02\n  settings duration: 10s\n`;
    const version = await server.replaceText(lighthouseUri, text);
    const info = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri: lighthouseUri, takeId: 'take02' });
    assert.equal(info.version, version, 'the open document as edited, not the file');
    assert.deepEqual(info.branch?.existingNames, ['warmer', 'cam2', 'dusk']);
    assert.equal(info.branch?.branches.length, 3);
    assert.match(info.branch?.refusal ?? '', /^take02 already has 3 branches\./);
    await server.replaceText(lighthouseUri, lighthouseText);
  });

  it('reads a closed storyboard from disk, and fails for one that cannot be read', async () => {
    const uri = server.uri('rooftop/scene03.sora');
    const info = await server.request<StoryboardInfoResponse>('sora/storyboardInfo', { uri });
    assert.equal(info.version, null);
    assert.ok(info.variants.some((v) => v.name === 'tighter'));
    assert.equal(info.takeLog, 'absent');
    await assert.rejects(server.request('sora/storyboardInfo', { uri: server.uri('nowhere/scene00.sora') }), (error: { code?: number }) => {
      assert.equal(error.code, -32803, 'RequestFailed');
      return true;
    });
    assert.equal(server.exitCode, null);
  });
});
