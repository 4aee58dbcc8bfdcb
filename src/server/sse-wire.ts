import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';

/** One SSE frame, encoded once per event for every subscriber of a fan-out group. */
export class SseFrame {
  readonly raw: Buffer;
  private chunk: Buffer | undefined;

  constructor(text: string) {
    this.raw = Buffer.from(text);
  }

  /** The frame as one HTTP/1.1 chunk (size line, bytes, CRLF), built on first use. */
  get chunked(): Buffer {
    return (this.chunk ??= Buffer.concat([
      Buffer.from(`${this.raw.length.toString(16)}\r\n`),
      this.raw,
      Buffer.from('\r\n'),
    ]));
  }
}

/**
 * One subscriber's side of an SSE response. The body handed to yoga is a PassThrough that
 * @whatwg-node/server pipes into node's ServerResponse; once that response's headers are on the
 * socket, frames skip both streams and go to the socket as ready-made chunks. At 10,000
 * subscribers per event the two stream layers and node's per-write chunk framing cost about 14 of
 * the 33 µs of gateway CPU per delivery, and that CPU is what bounds fan-out latency.
 *
 * The direct path is taken only when it cannot reorder bytes: the PassThrough is being piped into
 * this very response, the headers were flushed, and the response owns its socket (a pipelined
 * response waiting for an earlier one does not). Anything else (yoga.fetch in tests, another
 * server adapter) keeps the stream path, which is correct and only slower.
 */
export class SseWire {
  readonly body = new PassThrough();
  private socketOf: (() => ServerResponse['socket']) | undefined;
  private chunked = false;

  constructor(private readonly response: ServerResponse | undefined) {
    if (!response) return;
    response.once('pipe', (source) => {
      if (source !== this.body) return;
      response.flushHeaders();
      if (!response.socket) return;
      this.chunked = response.chunkedEncoding;
      this.socketOf = () => response.socket;
    });
  }

  /** Whether frames now go straight to the socket. */
  get direct(): boolean {
    return this.socketOf !== undefined;
  }

  /** Bytes waiting to reach this subscriber's socket (for dropping members that do not read). */
  get bufferedBytes(): number {
    return this.body.writableLength + (this.socketOf?.()?.writableLength ?? 0);
  }

  get open(): boolean {
    return !this.body.writableEnded && !this.body.destroyed;
  }

  write(frame: SseFrame): void {
    // After end() the socket may already serve the connection's next request.
    if (!this.open) return;
    const socket = this.socketOf?.();
    if (!socket || this.body.readableLength > 0) this.body.write(frame.raw);
    // A closed connection leaves the group on its 'close' event; until then there is nothing to do.
    else if (socket.writable) socket.write(this.chunked ? frame.chunked : frame.raw);
  }

  /** Ends the response normally, after everything written before. */
  end(last: SseFrame): void {
    if (this.open) this.body.end(last.raw);
  }

  /** Drops the subscriber: the connection closes, so it cannot hang on without data. */
  destroy(): void {
    this.response?.destroy();
    this.body.destroy();
  }
}
