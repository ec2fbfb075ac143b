import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

// The real server (`node server/out/server.js --stdio`) fed raw bytes: requests before `initialize`,
// frames split anywhere, and frames that are broken or huge, after which it must exit (the client
// restarts it) instead of staying alive and deaf.

interface Reply {
  id?: number | string | null;
  result?: unknown;
  error?: { code: number; message: string };
  method?: string;
}

class RawServer {
  readonly child: ChildProcess;
  readonly replies: Reply[] = [];
  stderr = '';
  exit: number | null | undefined = undefined;
  private buffer = Buffer.alloc(0);

  constructor(args = ['--stdio'], script = path.join(repoRoot, 'server/out/server.js')) {
    this.child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.child.on('exit', (code) => (this.exit = code));
    this.child.stdin!.on('error', () => undefined); // writing to a server that exited
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
      if (this.buffer.length < end + 4 + length) return;
      this.replies.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
      this.buffer = this.buffer.subarray(end + 4 + length);
    }
  }

  write(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  static frame(message: object): Buffer {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  }

  async reply(id: number, timeout = 10000): Promise<Reply> {
    return this.until(() => this.replies.find((reply) => reply.id === id), timeout, `the reply to request ${id}`);
  }

  async exited(timeout = 10000): Promise<number | null> {
    return this.until(() => (this.exit === undefined ? undefined : { code: this.exit }), timeout, 'the server to exit').then((e) => e.code);
  }

  private async until<T>(probe: () => T | undefined, timeout: number, what: string): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(): void {
    if (this.exit === undefined) this.child.kill();
  }
}

const initialize = (id: number) => RawServer.frame({ id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const hover = (id: number) => RawServer.frame({ id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere/a.sora' }, position: { line: 0, character: 0 } } });

describe('LSP: the raw transport', function () {
  this.timeout(30000);
  let server: RawServer | undefined;

  afterEach(() => {
    server?.stop();
    server = undefined;
  });

  it('answers a request before initialize with ServerNotInitialized (-32002), then serves once initialized', async () => {
    server = new RawServer();
    server.write(hover(1));
    server.write(RawServer.frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///nowhere/a.sora', languageId: 'sora', version: 1, text: 'scene 01' } } }));
    const early = await server.reply(1);
    assert.equal(early.error?.code, -32002, JSON.stringify(early));
    server.write(initialize(2));
    const init = await server.reply(2);
    assert.ok((init.result as { capabilities?: unknown }).capabilities, 'initialize answered with capabilities');
    server.write(hover(3));
    assert.deepEqual((await server.reply(3)).error, undefined, 'a request after initialize is served');
  });

  it('reads frames split at every byte and several frames in one write', async () => {
    server = new RawServer();
    const bytes = Buffer.concat([initialize(1)]);
    for (let i = 0; i < bytes.length; i++) server.write(bytes.subarray(i, i + 1));
    await server.reply(1);
    server.write(Buffer.concat([hover(2), hover(3), hover(4)]));
    await Promise.all([server.reply(2), server.reply(3), server.reply(4)]);
    assert.equal(server.exit, undefined, 'still running');
  });

  it('keeps serving after a body that is not JSON (the frame itself was sound)', async () => {
    server = new RawServer();
    server.write(initialize(1));
    await server.reply(1);
    server.write('Content-Length: 9\r\n\r\n{not json');
    server.write(hover(2));
    await server.reply(2);
  });

  for (const [name, bytes, said] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}', /not a number/],
    ['a header without a Content-Length', 'Content-Type: application/json\r\n\r\n{}', /without a Content-Length/],
    ['a header line without a colon', 'hello there\r\n\r\n{}', /malformed message header/],
    ['a header that never ends', 'X'.repeat(20000), /header longer than/],
    ['a message of 100 GB', 'Content-Length: 100000000000\r\n\r\n{"jsonrpc":', /over the limit/],
  ] as const) {
    it(`after ${name}, says so on stderr and exits for the client to restart it`, async () => {
      server = new RawServer();
      server.write(initialize(1));
      await server.reply(1);
      server.write(bytes);
      server.write(hover(2));
      const code = await server.exited();
      assert.notEqual(code, 0);
      assert.match(server.stderr, said);
      assert.match(server.stderr, /exiting so the client can restart/);
    });
  }

  it('starts on stdio when given no transport argument, as the sora-language-server command', async () => {
    const bin = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['sora-language-server'];
    assert.ok(bin, 'package.json has a sora-language-server bin');
    assert.match(fs.readFileSync(path.join(repoRoot, bin), 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node/);
    server = new RawServer([], path.join(repoRoot, bin));
    server.write(initialize(1));
    await server.reply(1);
  });

  it('speaks node IPC as VS Code starts it, with the same gate before initialize', async () => {
    const child = fork(path.join(repoRoot, 'server/out/server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const replies: Reply[] = [];
    child.on('message', (message: Reply) => replies.push(message));
    const replyTo = async (id: number) => {
      for (let waited = 0; waited < 10000; waited += 20) {
        const found = replies.find((reply) => reply.id === id);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no reply to ${id}`);
    };
    try {
      child.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.sora' }, position: { line: 0, character: 0 } } });
      assert.equal((await replyTo(1)).error?.code, -32002);
      child.send({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      assert.ok(((await replyTo(2)).result as { capabilities?: unknown }).capabilities);
    } finally {
      child.kill();
    }
  });
});
