import DataLoader from 'dataloader';
import { type AlertSettings, type ProviderName, type Wallet, walletKey } from './domain/wallet.js';
import { GatewayError } from './errors.js';
import type { Result, WalletList } from './providers/provider.js';
import { isProviderName } from './providers/registered.js';
import type { ProviderRegistry } from './providers/registry.js';
import { withFreshReads } from './providers/resilience/fresh-reads.js';

/** Splits a wallet key ("LAGO:<native id>") into provider and native id. */
export function parseWalletKey(key: string): { provider: ProviderName; id: string } | undefined {
  const colon = key.indexOf(':');
  const provider = key.slice(0, colon) as ProviderName;
  const id = key.slice(colon + 1);
  return colon > 0 && id.length > 0 && isProviderName(provider) ? { provider, id } : undefined;
}

/** Groups keys by provider, calls `batch` once per provider in parallel, answers in key order. */
async function perProvider<K, V>(
  registry: ProviderRegistry,
  keys: readonly K[],
  split: (key: K) => { provider: ProviderName; key: string } | undefined,
  batch: (provider: ProviderName, keys: string[]) => Promise<Result<V>[]>,
): Promise<Result<V>[]> {
  const results: Result<V>[] = new Array(keys.length);
  const groups = new Map<ProviderName, { keys: string[]; positions: number[] }>();
  keys.forEach((key, i) => {
    const parts = split(key);
    if (!parts) {
      results[i] = new GatewayError('INVALID_ID', 'Not a Walletgate wallet id');
      return;
    }
    if (!registry.get(parts.provider)) {
      results[i] = new GatewayError(
        'PROVIDER_NOT_CONFIGURED',
        `${parts.provider} is not configured on this gateway`,
        { provider: parts.provider },
      );
      return;
    }
    const group = groups.get(parts.provider) ?? { keys: [], positions: [] };
    group.keys.push(parts.key);
    group.positions.push(i);
    groups.set(parts.provider, group);
  });
  await Promise.all(
    [...groups].map(async ([provider, group]) => {
      const answers = await batch(provider, group.keys);
      group.positions.forEach((position, j) => {
        results[position] =
          j < answers.length
            ? answers[j]!
            : new GatewayError('UPSTREAM_ERROR', `${provider} answered fewer items than asked`, {
                provider,
              });
      });
    }),
  );
  return results;
}

/** Batch function behind the Wallet node's DataLoader: wallet keys -> wallets, one batch per provider. */
export function loadWalletsByKeys(
  registry: ProviderRegistry,
  keys: readonly string[],
): Promise<Result<Wallet>[]> {
  return perProvider(
    registry,
    keys,
    (key) => {
      const parsed = parseWalletKey(key);
      return parsed && { provider: parsed.provider, key: parsed.id };
    },
    (provider, ids) => registry.get(provider)!.walletsByIds(ids),
  );
}

export interface CustomerWalletsKey {
  readonly provider: ProviderName;
  readonly externalId: string;
}

/** Customers' wallet lists, from the wallet cache or (`fresh`) from the providers themselves. */
function walletsByCustomerLoader(registry: ProviderRegistry, fresh: boolean) {
  const load = (keys: readonly CustomerWalletsKey[]) =>
    perProvider(
      registry,
      keys,
      (k) => ({ provider: k.provider, key: k.externalId }),
      (provider, externalIds) => registry.get(provider)!.walletsByCustomers(externalIds),
    );
  return new DataLoader<CustomerWalletsKey, WalletList, string>(
    (keys) => (fresh ? withFreshReads(() => load(keys)) : load(keys)),
    { cacheKeyFn: (k) => `${k.provider}:${k.externalId}` },
  );
}

/** Per-request DataLoaders. Identical keys in one request reach the upstream once. */
export function createLoaders(registry: ProviderRegistry) {
  return {
    walletsByCustomer: walletsByCustomerLoader(registry, false),
    /** For `fresh: true`: past the wallet cache and any identical upstream read in flight. */
    walletsByCustomerFresh: walletsByCustomerLoader(registry, true),
    alertSettings: new DataLoader<Wallet, AlertSettings | null, string>(
      (wallets) => {
        const byKey = new Map(wallets.map((w) => [walletKey(w), w]));
        return perProvider(
          registry,
          wallets,
          (w) => ({ provider: w.provider, key: walletKey(w) }),
          (provider, keys) => {
            const p = registry.get(provider)!;
            const batch = keys.map((k) => byKey.get(k)!);
            return p.alertSettings
              ? p.alertSettings(batch)
              : Promise.resolve(batch.map(() => null));
          },
        );
      },
      { cacheKeyFn: walletKey },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
