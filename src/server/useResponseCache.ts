import { createHash } from 'node:crypto';
import {
  createInMemoryCache,
  useResponseCache as useEnvelopResponseCache,
} from '@envelop/response-cache';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type DocumentNode, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Caller } from '../auth/caller.js';
import type { CacheChange, WalletCache } from '../cache/wallet-cache.js';
import type { GatewayContext } from '../context.js';

/** Responses kept per replica at most (each is one caller's answer to one operation). */
const MAX_RESPONSES = 5000;

/** Whose answer a response is: one per API key, per customer, or the sandbox's anonymous caller. */
function sessionOf(caller: Caller | undefined): string | null {
  if (!caller) return null;
  switch (caller.kind) {
    case 'server':
      return `server:${caller.keyId}`;
    case 'customer':
      return `customer:${caller.externalId}`;
    default:
      return 'sandbox';
  }
}

/** Where a document asks for `fresh`: literal trues, and the variables that decide. */
const freshArguments = new WeakMap<DocumentNode, { literal: boolean; variables: string[] }>();

function asksFresh(document: DocumentNode, variables: Record<string, unknown> | undefined) {
  let found = freshArguments.get(document);
  if (!found) {
    const seen = { literal: false, variables: [] as string[] };
    visit(document, {
      Argument(node) {
        if (node.name.value !== 'fresh') return;
        if (node.value.kind === Kind.BOOLEAN && node.value.value) seen.literal = true;
        if (node.value.kind === Kind.VARIABLE) seen.variables.push(node.value.name.value);
      },
    });
    found = seen;
    freshArguments.set(document, found);
  }
  return found.literal || found.variables.some((name) => variables?.[name] === true);
}

/** The response-cache entities a wallet-cache change makes old: the wallet, or the customer. */
function entityOf(change: CacheChange): { typename: string; id: string } {
  return change.kind === 'wallet'
    ? { typename: 'Wallet', id: encodeGlobalID('Wallet', `${change.provider}:${change.id}`) }
    : { typename: 'Customer', id: encodeGlobalID('Customer', change.id) };
}

/**
 * Whole query responses, per caller, for `ttlMs`, on top of the wallet cache: a repeated query
 * skips execution. Runs at execution, so authentication, rate limits and query limits apply to
 * every request as before. A response is dropped when the wallet cache rewrites or drops one of
 * its wallets or customers (a webhook's re-read, a poll, a fresh read, on this replica or
 * another). Never cached: responses with errors, subscriptions, operations asking `fresh: true`.
 * Must come after usePartialErrors, so that the errors it appends are seen here.
 */
export function useResponseCache(options: {
  readonly ttlMs: number;
  readonly walletCache: WalletCache;
}): Plugin<GatewayContext>[] {
  const cache = createInMemoryCache({ max: MAX_RESPONSES });
  options.walletCache.onChange((change) => void cache.invalidate([entityOf(change)]));
  const fresh = new WeakSet<object>();
  return [
    {
      onExecute({ args }) {
        if (asksFresh(args.document, args.variableValues ?? undefined))
          fresh.add(args.contextValue as object);
      },
    },
    useEnvelopResponseCache<GatewayContext>({
      cache,
      ttl: options.ttlMs,
      session: (context) => sessionOf(context.caller),
      enabled: (context) => !fresh.has(context) && sessionOf(context.caller) !== null,
      invalidateViaMutation: false,
      shouldCacheResult: ({ result }) => !result.errors?.length,
      // Synchronous: the default digest goes through WebCrypto's promise for every request.
      buildResponseCacheKey: ({ documentString, operationName, variableValues, sessionId }) =>
        createHash('sha256')
          .update(
            JSON.stringify([documentString, operationName ?? '', variableValues ?? {}, sessionId]),
          )
          .digest('base64url'),
      includeExtensionMetadata: false,
    }) as Plugin<GatewayContext>,
  ];
}
