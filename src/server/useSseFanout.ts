import type { ServerResponse } from 'node:http';
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type GraphQLError,
} from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { type Caller, callerView } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import type { LiveServices } from '../events/live.js';
import type { BalanceStream } from '../events/subscribe.js';
import { contractResult } from './error-contract.js';
import { maskUnexpectedErrors } from './graphql-errors.js';
import { SseFrame, SseWire } from './sse-wire.js';
import { withPartialErrors } from './usePartialErrors.js';

// A member whose socket does not drain is dropped rather than buffered without bound.
const MAX_BUFFERED_BYTES = 1024 * 1024;
const PING_MS = 12_000;
const COMPLETE = new SseFrame('event: complete\ndata:\n\n');
const PING = new SseFrame(':\n\n');

interface Member {
  readonly wire: SseWire;
  readonly requestId: string;
}

interface Group {
  readonly members: Set<Member>;
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

/** A context of its own for a group's executions, equivalent to each member's (same caller view). */
export type GroupContextFactory = (caller: Caller) => GatewayContext;

/**
 * SSE fan-out for `walletBalanceChanged`. Establishing a subscription still goes through yoga
 * (parse, validate, limits, auth, the subscribe resolver with its ownership checks). Then every
 * SSE subscriber whose result cannot differ joins one group: same topic, document, operation
 * name and variables, and the same caller view (callerView: everything of the caller resolvers
 * read). The group has one pubsub listener and executes once per event, with a context of its
 * own built for that caller view (fresh per event, never a member's), masks unexpected errors as
 * yoga does, serialises once and writes the same bytes to every member. An event with errors is
 * serialised per member instead, so each error carries that member's request id. Per-subscriber
 * execution and socket writes were the cost that capped one process far below 10,000 subscribers.
 */
export function createSseFanout(
  live: LiveServices,
  groupContext: GroupContextFactory,
): SseFanoutStats & { plugin: Plugin } {
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
    const members = new Set<Member>();
    const group: Group = { members, stop: () => void source.return() };
    const base = groupContext((args.contextValue as GatewayContext).caller);
    // The first member's request, context and loaders are not kept: only what every member shares.
    const shared: ExecutionArgs = {
      schema: args.schema,
      document: args.document,
      operationName: args.operationName ?? null,
      variableValues: args.variableValues ?? {},
    };
    const ping = setInterval(() => {
      for (const m of members) m.wire.write(PING);
    }, PING_MS);
    ping.unref();
    const send = (m: Member, frame: SseFrame) => {
      if (m.wire.bufferedBytes > MAX_BUFFERED_BYTES) m.wire.destroy();
      else m.wire.write(frame);
    };
    void (async () => {
      for await (const message of source) {
        if (members.size === 0) continue;
        const contextValue: GatewayContext = { ...base, partialErrors: [] };
        const executed = withPartialErrors(
          contextValue,
          (await execute({ ...shared, contextValue, rootValue: message })) as ExecutionResult,
        );
        const errors = (executed.errors ?? []).map((e) => {
          const masked = maskUnexpectedErrors(e, 'Unexpected error.') as GraphQLError;
          if (masked !== e)
            base.logger.error({ err: e.message }, 'unexpected error in an SSE event');
          return masked;
        });
        if (errors.length === 0) {
          const frame = new SseFrame(`event: next\ndata: ${JSON.stringify(executed)}\n\n`);
          for (const m of members) send(m, frame);
          continue;
        }
        const result = { ...executed, errors };
        for (const m of members) {
          const own = contractResult(result, m.requestId, false);
          send(m, new SseFrame(`event: next\ndata: ${JSON.stringify(own)}\n\n`));
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
          const context = p.args.contextValue as GatewayContext;
          const key = [
            p.stream.topic,
            documentId(p.args.document),
            p.args.operationName ?? '',
            JSON.stringify(p.args.variableValues ?? {}),
            callerView(context.caller),
          ].join('\u0000');
          const group = groups.get(key) ?? startGroup(key, p.stream.topic, p.args);
          const wire = new SseWire((serverContext as { res?: ServerResponse }).res);
          const member: Member = { wire, requestId: context.requestId };
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
            wire.end(COMPLETE);
            leave();
          });
          wire.body.once('close', leave);
          // Browsers may not show the stream until the first bytes arrive.
          wire.write(PING);
          return new fetchAPI.Response(wire.body as never, {
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
        for (const m of group.members) count[m.wire.direct ? 'socket' : 'stream']++;
      return count;
    },
  };
}
