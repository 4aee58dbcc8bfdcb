import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';

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
  maxMessageBytes: number,
) {
  // The same bound as an HTTP body (ws would otherwise accept 100 MiB messages). `noServer`, with
  // upgrades handed over below: attached to the HTTP server, ws would re-emit its listen errors
  // (a taken port) as a WebSocket "internal error" with a stack trace before the clear message.
  const wss = new WebSocketServer({
    noServer: true,
    path: yoga.graphqlEndpoint,
    maxPayload: maxMessageBytes,
  });
  // ws answers 400 itself to an upgrade on another path.
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req)),
  );
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          // Credentials come from the upgrade request's headers or from connectionParams (browsers
          // cannot set WebSocket headers), seen as one Request so auth works as over HTTP.
          request: upgradeRequest(ctx.extra.request, ctx.connectionParams),
          socket: ctx.extra.socket,
          params,
        });
        let contextValue: unknown;
        try {
          contextValue = await contextFactory();
        } catch (e) {
          // Refused credentials or a rate limit: an error message on this operation, not a dropped socket.
          if (e instanceof GraphQLError) return [e];
          throw e;
        }
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length > 0 ? errors : args;
      },
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
