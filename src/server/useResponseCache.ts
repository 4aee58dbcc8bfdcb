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

/**
 * Where a document asks for `fresh`: a literal true, or variables (with the default each declares,
 * for a request that leaves it out: raw variables are seen here, before execution coerces them).
 */
interface FreshArguments {
  readonly literal: boolean;
  readonly variables: ReadonlyMap<string, boolean>;
}

const freshArguments = new WeakMap<DocumentNode, FreshArguments>();

function freshArgumentsOf(document: DocumentNode): FreshArguments {
  const defaults = new Map<string, boolean>();
  const variables = new Map<string, boolean>();
  let literal = false;
  visit(document, {
    VariableDefinition(node) {
      const value = node.defaultValue;
      defaults.set(node.variable.name.value, value?.kind === Kind.BOOLEAN && value.value);
    },
    Argument(node) {
      if (node.name.value !== 'fresh') return;
      if (node.value.kind === Kind.BOOLEAN && node.value.value) literal = true;
      if (node.value.kind === Kind.VARIABLE) variables.set(node.value.name.value, false);
    },
  });
  for (const name of variables.keys()) variables.set(name, defaults.get(name) ?? false);
  return { literal, variables };
}

function asksFresh(document: DocumentNode, given: Record<string, unknown> | undefined): boolean {
  let found = freshArguments.get(document);
  if (!found) {
    found = freshArgumentsOf(document);
    freshArguments.set(document, found);
  }
  if (found.literal) return true;
  for (const [name, byDefault] of found.variables) {
    const value = given && Object.hasOwn(given, name) ? given[name] : byDefault;
    if (value === true) return true;
  }
  return false;
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
 * another). Never cached: responses with errors or provider health, subscriptions, operations
 * asking `fresh: true`.
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
      // Provider health is read live, every time.
      ignoredTypes: ['ProviderHealth'],
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
