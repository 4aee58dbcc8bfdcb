import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import type { ClientConnections } from './client-connections.js';
import { contractError, contractResult } from './error-contract.js';
import { refuseSocket } from './http-refusal.js';
import { acceptRequestId, requestIdOf } from './useRequestId.js';

const FORWARDED = ['authorization', 'x-api-key', 'x-request-id'];

function upgradeRequest(
  req: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): Request {
  const headers = new Headers();
  for (const name of FORWARDED) {
    const fromParams =
      connectionParams?.[name] ??
      connectionParams?.[name.replace(/-(.)/g, (_m, c: string) => c.toUpperCase())];
    const value = typeof fromParams === 'string' ? fromParams : req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`, {
    headers,
  });
}

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/**
 * graphql-ws on the same path as HTTP/SSE, executing through yoga's envelop so plugins, context
 * and error masking are the same on every transport.
 */
export function attachWebSocket(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>,
  limits: {
    readonly maxMessageBytes: number;
    readonly subscriptionsPerSocket: number;
    readonly connections: ClientConnections;
  },
) {
  const { maxMessageBytes, subscriptionsPerSocket, connections } = limits;
  // The same bound as an HTTP body (ws would otherwise accept 100 MiB messages). `noServer`, with
  // upgrades handed over below: attached to the HTTP server, ws would re-emit its listen errors
  // (a taken port) as a WebSocket "internal error" with a stack trace before the clear message.
  const wss = new WebSocketServer({
    noServer: true,
    path: yoga.graphqlEndpoint,
    maxPayload: maxMessageBytes,
  });
  // ws answers 400 itself to an upgrade on another path. A client over its connection limit is
  // refused before the upgrade, as an SSE request is: 429 and the error contract's body.
  server.on('upgrade', (req, socket, head) => {
    const release = connections.acquire(req);
    if (!release)
      return refuseSocket(
        socket,
        connections.refusal,
        acceptRequestId(req.headers['x-request-id'] as string | undefined),
      );
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
  });
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        // Credentials come from the upgrade request's headers or from connectionParams (browsers
        // cannot set WebSocket headers), seen as one Request so auth works as over HTTP.
        const request = upgradeRequest(ctx.extra.request, ctx.connectionParams);
        const requestId = requestIdOf(request);
        // Refusals go out as this operation's `error` message, coded like any request error.
        const refuse = (errors: readonly GraphQLError[]) =>
          errors.map((e) => contractError(e, requestId, { requestLevel: true, forYoga: false }));
        // graphql-ws has already counted this operation among the socket's.
        if (Object.keys(ctx.subscriptions).length > subscriptionsPerSocket)
          return refuse([
            new GraphQLError(
              `Too many operations on this socket: at most ${subscriptionsPerSocket} at once`,
              {
                extensions: {
                  code: 'TOO_MANY_SUBSCRIPTIONS',
                  limit: 'LIMIT_SUBSCRIPTIONS_PER_SOCKET',
                },
              },
            ),
          ]);
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          request,
          socket: ctx.extra.socket,
          params,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(params.query);
        } catch (e) {
          if (e instanceof GraphQLError)
            return refuse([
              new GraphQLError(e.message, {
                ...(e.positions && { positions: e.positions }),
                ...(e.source && { source: e.source }),
                extensions: { code: 'GRAPHQL_PARSE_FAILED', ...e.extensions },
              }),
            ]);
          throw e;
        }
        const errors: readonly GraphQLError[] = validate(schema, document);
        if (errors.length > 0)
          return refuse(
            errors.map((e: GraphQLError) =>
              e.extensions?.code
                ? e
                : new GraphQLError(e.message, {
                    ...(e.nodes && { nodes: e.nodes }),
                    extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
                  }),
            ),
          );
        let contextValue: unknown;
        try {
          contextValue = await contextFactory();
        } catch (e) {
          // Refused credentials or a rate limit: an error message on this operation, not a dropped socket.
          if (e instanceof GraphQLError) return refuse([e]);
          throw e;
        }
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
      // Every result and event: errors coded, with this operation's request id, nothing internal.
      onNext: (_ctx, _id, _payload, args, result) =>
        contractResult(
          result as ExecutionResult,
          (args.contextValue as GatewayContext).requestId,
          false,
        ) as never,
    },
    wss,
  );
  return {
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
