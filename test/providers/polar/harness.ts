import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ExecutionResult } from 'graphql';
import { loadConfig } from '../../../src/config.js';
import { createPolarProvider, type PolarTuning } from '../../../src/providers/polar/adapter.js';
import {
  type PolarSandbox,
  type PolarSandboxOptions,
  startPolarSandbox,
} from '../../../src/providers/polar/sandbox/server.js';
import type { WalletProvider } from '../../../src/providers/provider.js';
import { createGateway, type Gateway } from '../../../src/server.js';
import {
  captureLogs,
  countRequests,
  postOperation,
  WALLET_CACHE_OFF_ENV,
} from '../../helpers/stack.js';

/**
 * The Polar sandbox on a free port, the Polar adapter pointed at it over real HTTP, and a gateway
 * serving only that adapter (`createGateway`'s providers override). Every response body and log
 * line is kept so tests can check that no token leaks.
 */
export interface PolarHarness {
  readonly polar: PolarSandbox;
  readonly provider: WalletProvider;
  readonly gateway: Gateway;
  readonly logs: string[];
  readonly responses: string[];
  /** Moves the adapter's and the sandbox's clocks (session expiry, negative caches, the org re-check window). */
  advance(ms: number): void;
  execute<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<ExecutionResult<R>>;
  /** Requests the sandbox received, by method and path pattern. */
  count(method: string, path: RegExp): number;
  /** Query strings of the matching requests, parsed. */
  queries(method: string, path: RegExp): URLSearchParams[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly sandbox?: PolarSandboxOptions;
  readonly tuning?: Partial<PolarTuning>;
  readonly retries?: number;
  readonly apiUrl?: (sandboxUrl: string) => string;
  readonly fetch?: (polar: PolarSandbox) => typeof fetch;
}

export async function startPolarHarness(options: HarnessOptions = {}): Promise<PolarHarness> {
  const polar = await startPolarSandbox(options.sandbox);
  const { lines, logger } = captureLogs();
  let offset = 0;
  polar.store.clock = () => Date.now() + offset;
  const provider = createPolarProvider(
    {
      apiUrl: options.apiUrl?.(polar.url) ?? polar.url,
      accessToken: polar.accessToken,
      timeoutMs: 5000,
      retries: options.retries ?? 0,
      tuning: { clock: () => Date.now() + offset, ...options.tuning },
    },
    logger.child({ provider: 'POLAR' }),
    options.fetch?.(polar),
  );
  const gateway = createGateway(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', ...WALLET_CACHE_OFF_ENV }),
    {
      providers: [provider],
      logger,
    },
  );
  const responses: string[] = [];
  const matching = (method: string, path: RegExp) =>
    polar.requests.filter((r) => r.method === method && path.test(r.path));
  return {
    polar,
    provider,
    gateway,
    logs: lines,
    responses,
    advance: (ms) => void (offset += ms),
    async execute(document, variables) {
      const { text, result } = await postOperation(gateway, document, variables);
      responses.push(text);
      return result;
    },
    count: (method, path) => countRequests(polar.requests, method, path),
    queries: (method, path) => matching(method, path).map((r) => new URLSearchParams(r.query)),
    async close() {
      await gateway.close();
      await polar.close();
    },
  };
}

/** Every secret the harness's sandbox knows: the organisation token and each customer session token. */
export function secretsOf(h: PolarHarness): string[] {
  return [h.polar.accessToken, ...h.polar.store.sessions.keys()];
}

/** Fails when any response body or log line carries a secret. */
export function expectNoSecretLeaked(h: PolarHarness): void {
  for (const secret of secretsOf(h)) {
    for (const text of [...h.responses, ...h.logs]) {
      if (text.includes(secret))
        throw new Error(`a Polar token leaked into: ${text.slice(0, 200)}`);
    }
  }
}

export const HOOLI = '992fae2a-2a17-4b7a-8d9e-e287cf90131b';
export const ACME = 'a3c2e1f0-5b6d-4e7f-8a9b-0c1d2e3f4a42';
export const POLAR_ONLY = '5f0c1e2d-3b4a-4c5d-9e6f-7a8b9c0d1e03';
export const GLOBEX = '6b7c8d9e-0f1a-4b2c-a3d4-e5f6a7b8c907';
export const ANONYMOUS = '7c8d9e0f-1a2b-4c3d-b4e5-f6a7b8c9d0e1';
export const HOOLI_USD = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
export const ACME_USD = 'b1e2d3c4-a5b6-4c7d-8e9f-0a1b2c3d4e51';
export const ACME_EUR = 'c2f3e4d5-b6a7-4d8e-9fa0-1b2c3d4e5f62';
export const POLAR_ONLY_USD = 'd3a4f5e6-c7b8-4e9f-a0b1-2c3d4e5f6a73';
export const ANONYMOUS_USD = 'e4b5a6f7-d8c9-4fa0-b1c2-3d4e5f6a7b84';

export const globalId = (polarId: string) =>
  Buffer.from(`Wallet:POLAR:${polarId}`).toString('base64');

export const WALLETS = /^\/v1\/wallets\/?$/;
export const WALLET_BY_ID = /^\/v1\/wallets\/[^/]+$/;
export const CUSTOMER_BY_EXTERNAL_ID = /^\/v1\/customers\/external\//;
export const CUSTOMER_BY_ID = /^\/v1\/customers\/[0-9a-f-]{36}$/;
export const CUSTOMERS = /^\/v1\/customers\/?$/;
export const SESSIONS = /^\/v1\/customer-sessions\/?$/;
export const PORTAL_WALLETS = /^\/v1\/customer-portal\/wallets\/?$/;
export const PORTAL_WALLET_BY_ID = /^\/v1\/customer-portal\/wallets\/[^/]+$/;
