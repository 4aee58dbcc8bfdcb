import { canSee, confinedTo } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import { orNull } from '../domain/part.js';
import type { ProviderName, Wallet, WalletStatus } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import { asGatewayError } from '../providers/items.js';
import type { WalletList } from '../providers/provider.js';

export interface WalletListFilter {
  readonly customerExternalId?: string | null | undefined;
  readonly provider?: ProviderName | null | undefined;
  readonly status?: WalletStatus | null | undefined;
  readonly currency?: string | null | undefined;
}

/**
 * Asks every configured provider (or the one in the filter) in parallel. A provider that fails
 * costs only its own wallets: its error goes to `ctx.partialErrors` at `path`.
 */
export async function collectWallets(
  ctx: GatewayContext,
  requested: WalletListFilter,
  path: readonly (string | number)[],
): Promise<Wallet[]> {
  // A customer caller sees its own customer only: another customer looks like one with no wallets.
  const confined = confinedTo(ctx.caller);
  if (confined && requested.customerExternalId && requested.customerExternalId !== confined)
    return [];
  const filter = confined ? { ...requested, customerExternalId: confined } : requested;
  const providers = filter.provider
    ? ctx.registry.list().filter((p) => p.name === filter.provider)
    : ctx.registry.list();
  if (filter.provider && providers.length === 0) {
    ctx.partialErrors.push(
      new GatewayError(
        'PROVIDER_NOT_CONFIGURED',
        `${filter.provider} is not configured on this gateway`,
        { provider: filter.provider },
      ).withPath(path),
    );
    return [];
  }
  const lists = await Promise.all(
    providers.map(async (provider): Promise<WalletList> => {
      try {
        if (filter.customerExternalId) {
          return await ctx.loaders.walletsByCustomer.load({
            provider: provider.name,
            externalId: filter.customerExternalId,
          });
        }
        return await provider.listWallets({
          currency: filter.currency ?? undefined,
          status: filter.status ?? undefined,
        });
      } catch (e) {
        return { wallets: [], errors: [asGatewayError(provider.name, e)] };
      }
    }),
  );
  const wallets: Wallet[] = [];
  for (const list of lists) {
    for (const error of list.errors) ctx.partialErrors.push(error.withPath(path));
    wallets.push(
      ...list.wallets
        .filter(
          (w) =>
            canSee(ctx.caller, w) &&
            (!filter.status || w.status === filter.status) &&
            (!filter.currency || w.currency === filter.currency),
        )
        .sort(newestFirst),
    );
  }
  return wallets;
}

/** Newest first, then by id: a stable order so offset cursors stay meaningful between pages. */
function newestFirst(a: Wallet, b: Wallet): number {
  const byDate = (orNull(b.createdAt)?.getTime() ?? 0) - (orNull(a.createdAt)?.getTime() ?? 0);
  return byDate !== 0
    ? byDate
    : a.providerWalletId < b.providerWalletId
      ? -1
      : a.providerWalletId > b.providerWalletId
        ? 1
        : 0;
}
