import { Writable } from 'node:stream';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type ExecutionResult, print } from 'graphql';
import { type GatewayConfig, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { PROVIDERS } from '../../src/providers/registered.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { withoutRequestIds } from './results.js';

/** Captures every log line the gateway writes, for assertions (e.g. no secret in any line). */
export function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

/** The wallet cache's variables that keep nothing (test/cache turns it on). */
export const WALLET_CACHE_OFF_ENV = {
  WALLET_CACHE_MAX_AGE_MS: '0',
  WALLET_CACHE_UNVERIFIED_MAX_AGE_MS: '0',
  WALLET_CACHE_STALE_IF_ERROR_MS: '0',
  RESPONSE_CACHE_TTL_MS: '0',
};

/** The server API key every test gateway accepts (real-provider mode requires caller auth). */
export const TEST_API_KEY = 'test-server-key-5d0e';

export interface Stack {
  readonly sandboxes: Sandboxes;
  readonly gateway: Gateway;
  readonly config: GatewayConfig;
  readonly logs: string[];
  /** Headers that authenticate as a server caller (sent by `execute` unless overridden). */
  readonly authHeaders: Record<string, string>;
  /** Runs an operation in-process through yoga.fetch (the real HTTP handling, no socket). */
  execute<R, V>(
    document: TypedDocumentNode<R, V> | string,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<R> & { status: number }>;
  close(): Promise<void>;
}

/**
 * Env that leaves only these providers configured (the sandboxes share customer ids). All the
 * others' variables go: a URL without its key is a half-configured provider, refused at boot.
 */
export function onlyProviders(...names: string[]): Record<string, string> {
  return Object.fromEntries(
    PROVIDERS.filter((p) => !names.includes(p.name)).flatMap((p) =>
      Object.keys(p.env.variables).map((v) => [v, '']),
    ),
  );
}

export type GatewayUnderTest = Omit<Stack, 'sandboxes'>;

/**
 * POSTs an operation to a gateway in-process through yoga.fetch (the real HTTP handling, no
 * socket). `text` is the body exactly as sent (for leak checks); `result` drops request ids.
 */
export async function postOperation<R = never, V = Record<string, unknown>>(
  gateway: Pick<Gateway, 'yoga'>,
  document: TypedDocumentNode<R, V> | DocumentNode | string,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; result: ExecutionResult<R> }> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await gateway.yoga.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    result: withoutRequestIds(JSON.parse(text) as ExecutionResult<R>),
  };
}

/** A gateway configured against running sandboxes (two of these make two replicas). */
export function gatewayFor(
  sandboxes: Sandboxes,
  env: Record<string, string> = {},
  options: { sandboxMode?: boolean; clock?: () => number } = {},
): GatewayUnderTest {
  const { lines, logger } = captureLogs();
  const loaded = loadConfig({
    ...sandboxes.env,
    UPSTREAM_RETRIES: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    GATEWAY_API_KEYS: TEST_API_KEY,
    RATE_LIMIT_PER_MINUTE: '0',
    // Tests change the sandboxes behind the gateway's back (as no provider does without a
    // webhook) and read again: the wallet cache is off unless a test turns it on.
    ...WALLET_CACHE_OFF_ENV,
    ...env,
  });
  // Sandbox mode as `npm start` runs it: anonymous callers, the sandboxes' webhook secrets.
  const config: GatewayConfig = options.sandboxMode
    ? {
        ...loaded,
        ...sandboxes.providerConfig,
        sandbox: true,
        graphiql: env.GRAPHIQL === undefined || loaded.graphiql,
        introspection: env.GRAPHQL_INTROSPECTION === undefined || loaded.introspection,
      }
    : loaded;
  const gateway = createGateway(config, {
    logger,
    ...(options.clock && { clock: options.clock }),
  });
  const authHeaders = { 'x-api-key': TEST_API_KEY };
  return {
    gateway,
    config,
    logs: lines,
    authHeaders,
    async execute(document, variables, headers = authHeaders) {
      const { status, result } = await postOperation(gateway, document, variables, headers);
      return { ...result, status };
    },
    close: () => gateway.close(),
  };
}

/** Sandboxes on free ports plus a gateway configured against them, as `npm start` does. */
export async function startStack(
  env: Record<string, string> = {},
  options: { sandboxMode?: boolean; seedDocuments?: boolean } = {},
): Promise<Stack> {
  const sandboxes = await startSandboxes({ seedDocuments: options.seedDocuments ?? false });
  const gateway = gatewayFor(sandboxes, env, options);
  return {
    ...gateway,
    sandboxes,
    async close() {
      await gateway.close();
      await sandboxes.close();
    },
  };
}

/** Upstream requests a sandbox received whose path matches. */
export function countRequests(
  requests: readonly { method: string; path: string }[],
  method: string,
  path: RegExp,
): number {
  return requests.filter((r) => r.method === method && path.test(r.path)).length;
}
