import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A deliberately minimal SSE subscriber for the benchmark: one raw TCP socket per subscription,
 * the HTTP/1.1 request written by hand, the chunked body decoded by a tiny state machine, and
 * only the `eventId` pulled out of each `event: next` frame (no JSON parsing). Ten thousand of
 * these must cost the benchmark process far less than they cost the gateway, or the client would
 * become what is measured.
 */

export interface SseRequest {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface SseFrameSink {
  /** An `event: next` frame; eventId undefined when the frame carries no `"eventId":"…"` (an error payload). */
  onNext(
    client: RawSseClient,
    eventId: string | undefined,
    frame: string,
    receivedAt: number,
  ): void;
  /** The stream ended (`event: complete`, the socket closed, or an error) after being established. */
  onEnd?(client: RawSseClient, reason: string): void;
}

const EVENT_ID = '"eventId":"';

export class RawSseClient {
  readonly socket: Socket;
  /** Resolves when the response headers (200, text/event-stream) arrived; rejects otherwise. */
  readonly established: Promise<void>;
  status: number | undefined;
  failure: string | undefined;
  ended = false;
  frames = 0;
  pings = 0;
  private phase: 'head' | 'body' = 'head';
  private head = '';
  private chunked = false;
  // Chunked transfer decoding state.
  private pendingRaw = '';
  private chunkRemaining = 0;
  private expectCrlf = false;
  private sse = '';
  private settle!: { resolve: () => void; reject: (e: Error) => void };

  constructor(
    readonly index: number,
    request: SseRequest,
    private readonly sink: SseFrameSink,
  ) {
    this.established = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Established-or-not is awaited by the caller; an unobserved rejection must not crash the run.
    this.established.catch(() => {});
    const body = Buffer.from(request.body);
    const lines = [
      `POST ${request.path} HTTP/1.1`,
      `Host: ${request.host}:${request.port}`,
      'Content-Type: application/json',
      'Accept: text/event-stream',
      `Content-Length: ${body.length}`,
      ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ];
    this.socket = connect({ host: request.host, port: request.port, noDelay: true });
    this.socket.on('connect', () => {
      this.socket.write(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
    });
    this.socket.on('data', (buf: Buffer) => this.onData(buf, performance.now()));
    this.socket.on('error', (e) => this.finish(`socket error: ${e.message}`));
    this.socket.on('close', () => this.finish('socket closed'));
  }

  close(): void {
    this.ended = true;
    this.socket.destroy();
  }

  private finish(reason: string): void {
    if (this.phase === 'head') {
      this.failure ??= reason;
      this.settle.reject(new Error(this.failure));
      this.phase = 'body';
      this.ended = true;
      return;
    }
    if (this.ended) return;
    this.ended = true;
    this.sink.onEnd?.(this, reason);
  }

  private onData(buf: Buffer, receivedAt: number): void {
    let text = buf.toString('latin1');
    if (this.phase === 'head') {
      this.head += text;
      const end = this.head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.head.slice(0, end);
      text = this.head.slice(end + 4);
      this.head = '';
      this.phase = 'body';
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      this.status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const headers = new Map(
        headerLines.map((l) => {
          const colon = l.indexOf(':');
          return [l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim()] as const;
        }),
      );
      this.chunked = /chunked/i.test(headers.get('transfer-encoding') ?? '');
      if (
        this.status !== 200 ||
        !(headers.get('content-type') ?? '').startsWith('text/event-stream')
      ) {
        this.failure = `HTTP ${this.status} ${headers.get('content-type') ?? ''}: ${text.slice(0, 300)}`;
        this.settle.reject(new Error(this.failure));
        this.ended = true;
        this.socket.destroy();
        return;
      }
      this.settle.resolve();
      if (text.length === 0) return;
    }
    this.sse += this.chunked ? this.dechunk(text) : text;
    let end: number;
    while ((end = this.sse.indexOf('\n\n')) >= 0) {
      const frame = this.sse.slice(0, end);
      this.sse = this.sse.slice(end + 2);
      this.onFrame(frame, receivedAt);
    }
  }

  private onFrame(frame: string, receivedAt: number): void {
    if (frame.startsWith(':')) {
      this.pings++;
      return;
    }
    if (frame.startsWith('event: complete')) {
      this.finish('event: complete');
      return;
    }
    if (!frame.startsWith('event: next')) return;
    this.frames++;
    const at = frame.indexOf(EVENT_ID);
    const eventId =
      at < 0
        ? undefined
        : frame.slice(at + EVENT_ID.length, frame.indexOf('"', at + EVENT_ID.length));
    this.sink.onNext(this, eventId, frame, receivedAt);
  }

  /** HTTP/1.1 chunked transfer decoding; latin1 strings, so string length = byte count. */
  private dechunk(input: string): string {
    const s = this.pendingRaw + input;
    this.pendingRaw = '';
    let out = '';
    let i = 0;
    while (i < s.length) {
      if (this.chunkRemaining > 0) {
        const take = Math.min(this.chunkRemaining, s.length - i);
        out += s.slice(i, i + take);
        i += take;
        this.chunkRemaining -= take;
        if (this.chunkRemaining === 0) this.expectCrlf = true;
        continue;
      }
      if (this.expectCrlf) {
        if (s.length - i < 2) {
          this.pendingRaw = s.slice(i);
          break;
        }
        i += 2;
        this.expectCrlf = false;
        continue;
      }
      const eol = s.indexOf('\r\n', i);
      if (eol < 0) {
        this.pendingRaw = s.slice(i);
        break;
      }
      const size = parseInt(s.slice(i, eol), 16);
      i = eol + 2;
      if (!(size > 0)) {
        // The terminating zero-size chunk: the response is over.
        this.finish('response ended');
        break;
      }
      this.chunkRemaining = size;
    }
    return out;
  }
}
