import { PassThrough, type Readable } from 'node:stream';
import {
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
} from 'vscode-languageserver/node';

// How the server talks to its client. Over stdio the bytes are checked before the JSON-RPC reader
// sees them: a message whose frame is broken (no or a bad Content-Length) leaves the stream out of
// step for good, and one announcing gigabytes would be buffered whole, so either ends the process
// with a message on stderr, and the client starts a fresh server. Over any transport, requests
// before `initialize` are answered with ServerNotInitialized, as the protocol asks.

/** The largest message accepted: far beyond any storyboard, far below what hurts the machine. */
export const maxMessageBytes = 64 * 1024 * 1024;
/** The largest header block accepted (the protocol's headers are two short lines). */
const maxHeaderBytes = 8 * 1024;

export class FramingError extends Error {}

/**
 * Passes framed JSON-RPC bytes through unchanged, checking each header block; calls `onError` once
 * (and passes nothing more) at the first frame that cannot be read.
 */
export function guardFraming(input: Readable, onError: (error: FramingError) => void, limit = maxMessageBytes): Readable {
  const output = new PassThrough();
  let header = Buffer.alloc(0);
  let bodyLeft = 0;
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    input.removeAllListeners('data');
    onError(new FramingError(message));
  };
  input.on('data', (chunk: Buffer) => {
    let at = 0;
    while (!failed && at < chunk.length) {
      if (bodyLeft > 0) {
        const take = Math.min(bodyLeft, chunk.length - at);
        output.write(chunk.subarray(at, at + take));
        bodyLeft -= take;
        at += take;
        continue;
      }
      header = Buffer.concat([header, chunk.subarray(at)]);
      at = chunk.length;
      const end = header.indexOf('\r\n\r\n');
      if ((end < 0 && header.length > maxHeaderBytes) || end > maxHeaderBytes) return fail(`a message header longer than ${maxHeaderBytes} bytes`);
      if (end < 0) continue;
      const length = contentLength(header.subarray(0, end).toString('ascii'), limit);
      if (typeof length === 'string') return fail(length);
      output.write(header.subarray(0, end + 4));
      const rest = header.subarray(end + 4);
      header = Buffer.alloc(0);
      bodyLeft = length;
      // What followed the header goes round the loop again, as body or as the next header.
      chunk = rest;
      at = 0;
    }
  });
  input.on('end', () => output.end());
  input.on('close', () => output.end());
  input.on('error', (error) => output.destroy(error));
  return output;
}

/** The Content-Length of a header block, or what is wrong with it. */
function contentLength(block: string, limit: number): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `a malformed message header line ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value)) return `a Content-Length that is not a number (${JSON.stringify(value.slice(0, 40))})`;
    length = Number(value);
  }
  if (length === undefined) return 'a message without a Content-Length header';
  if (length > limit) return `a message of ${length} bytes, over the limit of ${limit}`;
  return length;
}

/**
 * A reader that answers requests before `initialize` with ServerNotInitialized (-32002) and drops
 * notifications before it other than `exit`, passing everything else on.
 */
export function gateUntilInitialized(reader: MessageReader, writer: MessageWriter): MessageReader {
  let initialized = false;
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((message: Message) => {
        const request = message as Partial<RequestMessage>;
        if (initialized || typeof request.method !== 'string') return callback(message);
        if (request.method === 'initialize') {
          initialized = true;
          return callback(message);
        }
        if (request.method === 'exit') return callback(message);
        if (request.id === undefined || request.id === null) return; // a notification: dropped
        void writer.write({
          jsonrpc: '2.0',
          id: request.id,
          error: { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized yet: "${request.method}" must come after "initialize".` },
        } as Message);
      });
    },
  };
}

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** Over stdio: console output must not go to stdout, where the protocol is. */
  stdio: boolean;
}

/**
 * The transport the command line asks for: `--node-ipc` (how VS Code starts the server) or stdio,
 * which is also the default, so `sora-language-server` with no arguments is what other editors run.
 * `--socket` and `--pipe` are left to the library (undefined).
 */
export function transportFor(argv: readonly string[], onFramingError: (error: FramingError) => void): Transport | undefined {
  if (argv.some((arg) => /^--(socket|pipe)(=|$)/.test(arg))) return undefined; // the library's own handling
  if (argv.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    return { reader: gateUntilInitialized(new IPCMessageReader(process), writer), writer, stdio: false };
  }
  const writer = new StreamMessageWriter(process.stdout);
  const input = guardFraming(process.stdin, onFramingError);
  return { reader: gateUntilInitialized(new StreamMessageReader(input), writer), writer, stdio: true };
}
