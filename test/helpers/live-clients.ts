import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A queue of payloads that a test can await one at a time. */
class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((item: T) => void)[] = [];
  received = 0;

  push(item: T): void {
    this.received++;
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  next(timeoutMs = 5000): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(wrapped), 1);
        reject(new Error(`no event within ${timeoutMs} ms`));
      }, timeoutMs);
      const wrapped = (value: T) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.waiters.push(wrapped);
    });
  }
}

export interface LiveSubscription<T> {
  next(timeoutMs?: number): Promise<T>;
  /** How many payloads arrived so far. */
  readonly count: number;
  readonly headers?: Headers;
  /** True once the server ended the stream (not when close() aborted it). */
  readonly ended: boolean;
  close(): Promise<void>;
}

/**
 * A subscription over SSE exactly as a browser EventSource-style client does it: POST with
 * `Accept: text/event-stream`, then `event: next` / `data:` frames read off the raw stream.
 */
export async function subscribeSse<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<
  LiveSubscription<{
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>
> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  if (!response.ok || !response.body)
    throw new Error(`SSE subscribe failed: HTTP ${response.status}`);
  const inbox = new Inbox<{ data?: T; errors?: { message: string }[] }>();
  let ended = false;
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(frame)?.[1];
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (event === 'next' && data) inbox.push(JSON.parse(data));
        }
      }
      ended = true;
    } catch {
      // Aborted by close().
    }
  })();
  return {
    next: (timeoutMs) => inbox.next(timeoutMs),
    get count() {
      return inbox.received;
    },
    headers: response.headers,
    get ended() {
      return ended;
    },
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

/** A subscription over WebSocket with the graphql-ws client (the protocol Apollo/urql use). */
export async function subscribeWs<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  connectionParams: Record<string, string> = {},
): Promise<
  LiveSubscription<{
    data?: T;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }>
> {
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams,
  });
  const inbox = new Inbox<{
    data?: T;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }>();
  let completed = false;
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    client.on('error', reject);
  });
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => inbox.push(value as never),
      error: (e) =>
        inbox.push({ errors: [{ message: e instanceof Error ? e.message : JSON.stringify(e) }] }),
      complete: () => void (completed = true),
    },
  );
  return {
    next: (timeoutMs) => inbox.next(timeoutMs),
    get count() {
      return inbox.received;
    },
    get ended() {
      return completed;
    },
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}

export const until = async (
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  stepMs = 20,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
};
