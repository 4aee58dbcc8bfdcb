import type { ServerResponse } from 'node:http';
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from 'graphql';
import { isAsyncIterable, mapAsyncIterator, maskError, type Plugin } from 'graphql-yoga';
import type { LiveServices } from '../events/live.js';
import type { BalanceStream } from '../events/subscribe.js';
import { SseFrame, SseWire } from './sse-wire.js';
import { withPartialErrors } from './usePartialErrors.js';

// A member whose socket does not drain is dropped rather than buffered without bound.
const MAX_BUFFERED_BYTES = 1024 * 1024;
const PING_MS = 12_000;
const COMPLETE = new SseFrame('event: complete\ndata:\n\n');
const PING = new SseFrame(':\n\n');

interface Group {
  readonly members: Set<SseWire>;
  stop(): void;
}

interface Pending {
  readonly stream: BalanceStream;
  readonly args: ExecutionArgs;
}

function isBalanceStream(value: unknown): value is BalanceStream {
  return isAsyncIterable(value) && typeof (value as Partial<BalanceStream>).onEnd === 'function';
}

export interface SseFanoutStats {
  groupCount(): number;
  /** Members whose frames go straight to the socket, and those written through the body stream. */
  memberCount(): { socket: number; stream: number };
}

/**
 * SSE fan-out for `walletBalanceChanged`. Establishing a subscription still goes through yoga
 * (parse, validate, limits, auth, the subscribe resolver with its ownership checks). Then every
 * SSE subscriber with the same topic, document and variables joins one group: the group has one
 * pubsub listener, executes the selection once per event (the result does not depend on the
 * caller: each caller's right to the topic was checked when it subscribed), masks unexpected
 * errors as yoga does, serialises once and writes the same bytes to every member. Per-subscriber
 * execution and socket writes were the cost that capped one process far below 10,000 subscribers.
 */
export function createSseFanout(live: LiveServices): SseFanoutStats & { plugin: Plugin } {
  const pending = new WeakMap<Request, Pending>();
  const groups = new Map<string, Group>();
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const documentId = (d: DocumentNode) => {
    let id = documentIds.get(d);
    if (id === undefined) documentIds.set(d, (id = nextDocumentId++));
    return id;
  };

  function startGroup(key: string, topic: string, args: ExecutionArgs): Group {
    const source = live.pubsub.subscribe('balance', topic);
    const members = new Set<SseWire>();
    const group: Group = { members, stop: () => void source.return() };
    const ping = setInterval(() => {
      for (const m of members) m.write(PING);
    }, PING_MS);
    ping.unref();
    void (async () => {
      for await (const message of source) {
        if (members.size === 0) continue;
        const result = withPartialErrors(
          args.contextValue,
          (await execute({ ...args, rootValue: message })) as ExecutionResult,
        );
        const masked = result.errors
          ? { ...result, errors: result.errors.map((e) => maskError(e, 'Unexpected error.')) }
          : result;
        const frame = new SseFrame(`event: next\ndata: ${JSON.stringify(masked)}\n\n`);
        for (const m of members) {
          if (m.bufferedBytes > MAX_BUFFERED_BYTES) m.destroy();
          else m.write(frame);
        }
      }
    })().finally(() => clearInterval(ping));
    groups.set(key, group);
    return group;
  }

  const plugin: Plugin = {
    onSubscribe({ args, setSubscribeFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request?.headers.get('accept')?.includes('text/event-stream')) return;
      setSubscribeFn((async (subscribeArgs: ExecutionArgs) => {
        const stream = await createSourceEventStream(subscribeArgs);
        if (!isBalanceStream(stream)) {
          // An error result, or a stream that never yields: yoga's own SSE path serves it.
          return isAsyncIterable(stream)
            ? mapAsyncIterator(stream, (payload) =>
                execute({ ...subscribeArgs, rootValue: payload }),
              )
            : stream;
        }
        pending.set(request, { stream, args: subscribeArgs });
        return stream;
      }) as never);
    },
    onResultProcess({ request, serverContext, setResultProcessor }) {
      const p = pending.get(request);
      if (!p) return;
      pending.delete(request);
      setResultProcessor(
        ((_result: unknown, fetchAPI: { Response: typeof Response }) => {
          const variables = JSON.stringify(p.args.variableValues ?? {});
          const key = `${p.stream.topic}\u0000${documentId(p.args.document)}\u0000${variables}`;
          const group = groups.get(key) ?? startGroup(key, p.stream.topic, p.args);
          const member = new SseWire((serverContext as { res?: ServerResponse }).res);
          group.members.add(member);
          let left = false;
          const leave = () => {
            if (left) return;
            left = true;
            group.members.delete(member);
            void p.stream.return?.();
            if (group.members.size === 0 && groups.get(key) === group) {
              groups.delete(key);
              group.stop();
            }
          };
          // Shutdown (or any other end of the stream) completes the SSE response normally.
          p.stream.onEnd(() => {
            member.end(COMPLETE);
            leave();
          });
          member.body.once('close', leave);
          // Browsers may not show the stream until the first bytes arrive.
          member.write(PING);
          return new fetchAPI.Response(member.body as never, {
            status: 200,
            headers: {
              'content-type': 'text/event-stream',
              'cache-control': 'no-cache',
              connection: 'keep-alive',
              'content-encoding': 'none',
            },
          });
        }) as never,
        'text/event-stream',
      );
    },
  };
  return {
    plugin,
    groupCount: () => groups.size,
    memberCount() {
      const count = { socket: 0, stream: 0 };
      for (const group of groups.values())
        for (const m of group.members) count[m.direct ? 'socket' : 'stream']++;
      return count;
    },
  };
}
