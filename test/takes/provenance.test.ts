import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeColourPng, makeColourVideo, removeC2paBox, signC2pa, stripByRemux } from '../helpers/media';
import { readProvenance } from '../../server/out/provenance/file';

describe('provenance: a take’s C2PA manifest', function () {
  this.timeout(60000);
  let work: string;
  let signedVideo: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sora-provenance-'));
    const video = makeColourVideo(path.join(work, 'red.mp4'), ['red'], 2, 'fragmented-mp4');
    signedVideo = signC2pa(video, path.join(work, 'signed.mp4'));
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('a signed MP4: its signer, the certificate’s issuer and the claim generator, and it validates', async () => {
    const provenance = await readProvenance(signedVideo, new Date('2026-12-01T10:00:00Z'));
    assert.deepEqual(provenance, {
      status: 'signed',
      signer: 'CN=Sora Storyboard Test Signer, O=Sora Storyboard Tests',
      issuer: 'CN=Sora Storyboard Test CA, O=Sora Storyboard Tests',
      claimGenerator: 'c2pa-ts',
      format: 'video/mp4',
      checkedAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('the same MP4 re-muxed by ffmpeg without metadata: no manifest', async () => {
    const stripped = stripByRemux(signedVideo, path.join(work, 'remuxed.mp4'));
    const provenance = await readProvenance(stripped);
    assert.equal(provenance.status, 'absent');
    assert.equal(provenance.signer, undefined);
  });

  it('the same MP4 with only its C2PA box removed: no manifest', async () => {
    const stripped = removeC2paBox(signedVideo, path.join(work, 'unboxed.mp4'));
    assert.equal((await readProvenance(stripped)).status, 'absent');
  });

  it('the same MP4 with one byte of video changed: the manifest is there but its hash does not match', async () => {
    const data = fs.readFileSync(signedVideo);
    const mdat = data.indexOf('mdat', 0, 'latin1');
    data[mdat + 20] ^= 0xff;
    const tampered = path.join(work, 'tampered.mp4');
    fs.writeFileSync(tampered, data);
    const provenance = await readProvenance(tampered);
    assert.equal(provenance.status, 'invalid');
    assert.equal(provenance.signer, 'CN=Sora Storyboard Test Signer, O=Sora Storyboard Tests');
    assert.deepEqual(provenance.errors, ['assertion.bmffHash.mismatch']);
  });

  it('a signed PNG validates too (a data hash instead of a BMFF hash)', async () => {
    const png = signC2pa(makeColourPng(path.join(work, 'red.png'), 'red'), path.join(work, 'signed.png'), 'Still Signer');
    const provenance = await readProvenance(png);
    assert.equal(provenance.status, 'signed');
    assert.equal(provenance.signer, 'CN=Still Signer, O=Sora Storyboard Tests');
    assert.equal(provenance.format, 'image/png');
  });

  it('a file that is not a video, an empty file and a missing one: unreadable, with the reason, never a throw', async () => {
    const text = path.join(work, 'notes.mp4');
    fs.writeFileSync(text, 'not a video at all');
    const empty = path.join(work, 'empty.mp4');
    fs.writeFileSync(empty, '');
    for (const file of [text, empty]) {
      const provenance = await readProvenance(file);
      assert.equal(provenance.status, 'unreadable', file);
      assert.match(provenance.errors![0], /not an MP4, MOV, JPEG or PNG file|not a readable video/);
    }
    const missing = await readProvenance(path.join(work, 'gone.mp4'));
    assert.deepEqual(missing.errors, ['cannot read the file: ENOENT']);
    const folder = await readProvenance(work);
    assert.equal(folder.status, 'unreadable');
  });
});
