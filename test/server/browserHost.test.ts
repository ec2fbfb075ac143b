import * as assert from 'node:assert/strict';
import { browserHost } from '../../server/out/browser/host';
import * as protocol from '../../server/out/protocol';

// The browser server's host port asks its client for every file (the sora/host/* requests). Here the
// client is a map of URIs to texts that answers those requests, as client/src/hostFiles.ts does with
// workspace.fs, and records what it was asked.

function fakeClient(files: Record<string, string>) {
  const asked: { method: string; params: any }[] = [];
  const texts = new Map(Object.entries(files));
  const answer = async (method: string, params: any): Promise<unknown> => {
    // A turn of the event loop per request, as a real round trip to the client takes.
    await new Promise((resolve) => setImmediate(resolve));
    switch (method) {
      case protocol.hostReadTextRequest: {
        const text = texts.get(params.uri);
        if (text === undefined) return { status: 'absent' };
        return text.length > params.limit ? { status: 'refused', message: 'too large' } : { status: 'ok', text };
      }
      case protocol.hostReadBytesRequest: {
        const text = texts.get(params.uri);
        return text === undefined ? { status: 'absent' } : { status: 'ok', base64: Buffer.from(text, 'utf8').toString('base64') };
      }
      case protocol.hostStatRequest:
        return texts.has(params.uri) ? { kind: 'file', size: texts.get(params.uri)!.length, mtime: 1 } : null;
      case protocol.hostListRequest:
        return [...texts.keys()].filter((uri) => uri.startsWith(`${params.uri}/`)).map((uri) => ({ name: uri.slice(params.uri.length + 1), kind: 'file' }));
      case protocol.hostWriteRequest:
        texts.set(params.uri, params.text);
        return null;
      case protocol.hostMoveRequest:
        if (texts.has(params.to)) return { status: 'exists' };
        texts.set(params.to, texts.get(params.from)!);
        texts.delete(params.from);
        return { status: 'moved' };
      default:
        throw new Error(`unexpected request ${method}`);
    }
  };
  return {
    asked,
    texts,
    sendRequest: <R>(method: string, params: unknown) => {
      asked.push({ method, params });
      return answer(method, params) as Promise<R>;
    },
  };
}

const log = 'vscode-vfs://github/owner/repo/scene09.takes.json';

describe('the browser host port (the server in a web worker)', () => {
  it('takes URIs as core paths and gives them back unchanged', () => {
    const host = browserHost(fakeClient({}));
    const uri = 'vscode-vfs://github/owner/repo/a%20folder/scene09.sora';
    assert.equal(host.pathOf(uri), uri);
    assert.equal(host.uriOf(uri), uri);
  });

  it('reads text, bytes, stats and folders through the client', async () => {
    const client = fakeClient({ [log]: '{"takes":[]}', 'vscode-vfs://github/owner/repo/scene09.sora': 'scene: x\n' });
    const host = browserHost(client);
    assert.deepEqual(await host.readText(log, 100), { status: 'ok', text: '{"takes":[]}' });
    assert.deepEqual(await host.readText(log, 3), { status: 'refused', message: 'too large' });
    assert.deepEqual(await host.readText('vscode-vfs://github/owner/repo/none.sora', 100), { status: 'absent' });
    const bytes = await host.readBytes(log, 100);
    assert.equal(bytes.status, 'ok');
    assert.equal(bytes.status === 'ok' && new TextDecoder().decode(bytes.bytes), '{"takes":[]}');
    assert.deepEqual(await host.stat(log), { kind: 'file', size: 12, mtime: 1 });
    assert.equal(await host.stat('vscode-vfs://github/owner/repo/none'), undefined);
    assert.deepEqual((await host.list('vscode-vfs://github/owner/repo')).map((entry) => entry.name).sort(), ['scene09.sora', 'scene09.takes.json']);
    assert.equal(await host.realPath(log), log);
    assert.deepEqual(client.asked[0], { method: protocol.hostReadTextRequest, params: { uri: log, limit: 100 } });
  });

  it('moves a take\'s video by asking the client, and passes on what it answered', async () => {
    const video = 'vscode-vfs://github/owner/repo/scene09_take03.mp4';
    const moved = 'vscode-vfs://github/owner/repo/takes/scene09_take03.mp4';
    const client = fakeClient({ [video]: 'video', 'vscode-vfs://github/owner/repo/other.mp4': 'other' });
    const host = browserHost(client);
    assert.ok(host.move, 'the browser host cannot move files');
    assert.deepEqual(await host.move(video, moved), { status: 'moved' });
    assert.equal(client.texts.get(moved), 'video');
    assert.deepEqual(await host.move('vscode-vfs://github/owner/repo/other.mp4', moved), { status: 'exists' });
    assert.equal(client.texts.get(moved), 'video');
  });

  it('runs two updates of one file one after the other, each on what the other wrote', async () => {
    const client = fakeClient({ [log]: '0' });
    const host = browserHost(client);
    const add = (n: number) => host.update(log, (current) => {
      assert.equal(current.status, 'ok');
      const next = String(Number(current.status === 'ok' ? current.text : 0) + n);
      return { write: next, result: next };
    });
    const results = await Promise.all([add(1), add(10), add(100)]);
    assert.deepEqual(results, ['1', '11', '111']);
    assert.equal(client.texts.get(log), '111');
  });

  it('writes nothing when the change keeps the file, and a failed change does not stop the next', async () => {
    const client = fakeClient({ [log]: 'kept' });
    const host = browserHost(client);
    const failed = host.update(log, () => {
      throw new Error('corrupt');
    });
    const kept = host.update(log, (current) => ({ keep: true, result: current.status }));
    await assert.rejects(failed, /corrupt/);
    assert.equal(await kept, 'ok');
    assert.equal(client.texts.get(log), 'kept');
    assert.ok(!client.asked.some((request) => request.method === protocol.hostWriteRequest), 'something was written');
  });
});
