import { createHash, timingSafeEqual } from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';
import type { Wallet } from '../domain/wallet.js';

/**
 * Who is asking. Server keys see everything; a customer (JWT) sees only its own customer's
 * wallets; the sandbox caller exists only in sandbox mode, where anonymous access is allowed.
 */
export type Caller =
  | { readonly kind: 'server'; readonly keyId: string }
  | { readonly kind: 'customer'; readonly externalId: string }
  | { readonly kind: 'sandbox' };

export interface AuthSettings {
  readonly apiKeys: readonly string[];
  /** The JWT claim holding the customer's external id (default `sub`). */
  readonly jwtClaim: string;
  /** Anonymous callers are let in (as `sandbox`) only in sandbox mode. */
  readonly allowAnonymous: boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests so every comparison takes the same time whatever the key's length or prefix. */
export function matchApiKey(presented: string, keys: readonly string[]): number {
  const p = digest(presented);
  let match = -1;
  keys.forEach((key, i) => {
    if (timingSafeEqual(p, digest(key)) && match < 0) match = i;
  });
  return match;
}

export const unauthenticated = (message: string) =>
  createGraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    },
  });

export function resolveCaller(
  input: { apiKey: string | null; jwtPayload: Record<string, unknown> | undefined },
  settings: AuthSettings,
): Caller {
  if (input.apiKey !== null) {
    const index = matchApiKey(input.apiKey, settings.apiKeys);
    if (index < 0) throw unauthenticated('Invalid API key');
    return { kind: 'server', keyId: `key-${index + 1}` };
  }
  if (input.jwtPayload) {
    const claim = input.jwtPayload[settings.jwtClaim];
    if (typeof claim !== 'string' || claim.length === 0)
      throw unauthenticated(`The token has no "${settings.jwtClaim}" claim naming a customer`);
    return { kind: 'customer', externalId: claim };
  }
  if (settings.allowAnonymous) return { kind: 'sandbox' };
  throw unauthenticated(
    'Authentication required: send an API key in x-api-key or a customer token in Authorization: Bearer',
  );
}

/** Whether the caller may see this wallet at all. A hidden wallet is answered as not found. */
export function canSee(caller: Caller, wallet: Pick<Wallet, 'customer'>): boolean {
  return caller.kind !== 'customer' || wallet.customer.externalId === caller.externalId;
}

/** The customer a caller is confined to, if any. */
export function confinedTo(caller: Caller): string | undefined {
  return caller.kind === 'customer' ? caller.externalId : undefined;
}

/**
 * Everything of a caller that resolvers may read: its kind and, for a customer, which one (the
 * schema reads callers only through canSee, confinedTo, visibleTo and `kind`). Two callers with
 * the same view get the same result for the same operation, so they may share one execution.
 */
export function callerView(caller: Caller): string {
  return caller.kind === 'customer' ? `customer:${caller.externalId}` : caller.kind;
}

/** A stable, non-secret key per caller for rate limits and logs. */
export function callerKey(caller: Caller, ip: string): string {
  switch (caller.kind) {
    case 'server':
      return `server:${caller.keyId}`;
    case 'customer':
      return `customer:${caller.externalId}`;
    default:
      return `ip:${ip}`;
  }
}
