import { GraphQLError } from 'graphql';
import { canSee, confinedTo } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import { orNull } from '../domain/part.js';
import type { ProviderName, Wallet, WalletStatus } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import { compareKeys, type ItemKey, isAfter, type Positions } from '../paging/keyset.js';
import { mergePage, type Page, type ProviderPart } from '../paging/merge.js';
import { asGatewayError } from '../providers/items.js';
import type { WalletList } from '../providers/provider.js';

export interface WalletListFilter {
  readonly customerExternalId?: string | null | undefined;
  readonly provider?: ProviderName | null | undefined;
  readonly status?: WalletStatus | null | undefined;
  readonly currency?: string | null | undefined;
}

interface ProviderWallets {
  readonly provider: ProviderName;
  /** The provider's visible, matching wallets in its own order (newest first, then id). */
  readonly wallets: readonly Wallet[];
  /** Set when the provider could not answer at all. */
  readonly failure?: GatewayError;
}

/**
 * Asks every configured provider (or the one in the filter) in parallel. A wallet the provider
 * sent but that could not be read costs only itself: its error goes to `ctx.partialErrors` at
 * `path`. A provider that failed is returned with its failure, for the caller to report.
 */
async function walletsPerProvider(
  ctx: GatewayContext,
  requested: WalletListFilter,
  path: readonly (string | number)[],
): Promise<ProviderWallets[]> {
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
  return Promise.all(
    providers.map(async (provider): Promise<ProviderWallets> => {
      let list: WalletList;
      try {
        list = filter.customerExternalId
          ? await ctx.loaders.walletsByCustomer.load({
              provider: provider.name,
              externalId: filter.customerExternalId,
            })
          : await provider.listWallets({
              currency: filter.currency ?? undefined,
              status: filter.status ?? undefined,
            });
      } catch (e) {
        return { provider: provider.name, wallets: [], failure: asGatewayError(provider.name, e) };
      }
      for (const error of list.errors) ctx.partialErrors.push(error.withPath(path));
      const wallets = list.wallets
        .filter(
          (w) =>
            canSee(ctx.caller, w) &&
            (!filter.status || w.status === filter.status) &&
            (!filter.currency || w.currency === filter.currency),
        )
        .sort((a, b) => compareKeys(walletKeyOf(a), walletKeyOf(b)));
      return { provider: provider.name, wallets };
    }),
  );
}

/**
 * Every matching wallet, provider by provider (each newest first). A provider that fails costs
 * only its own wallets: its error goes to `ctx.partialErrors` at `path`.
 */
export async function collectWallets(
  ctx: GatewayContext,
  requested: WalletListFilter,
  path: readonly (string | number)[],
): Promise<Wallet[]> {
  const parts = await walletsPerProvider(ctx, requested, path);
  for (const part of parts) if (part.failure) ctx.partialErrors.push(part.failure.withPath(path));
  return parts.flatMap((part) => part.wallets);
}

/** A wallet's place in its provider's ordering, for keyset cursors. */
export function walletKeyOf(w: Wallet): ItemKey {
  // An unreadable creation date sorts as undated: the wallet still has its one place.
  return { at: orNull(w.createdAt)?.getTime() ?? null, id: w.providerWalletId };
}

/**
 * One page of the cross-provider wallet list, newest first, after a keyset cursor. A provider that
 * fails keeps its place in the cursor; its error, at `path`, says that its part of this page is
 * missing and that later pages bring it.
 */
export async function walletPage(
  ctx: GatewayContext,
  requested: WalletListFilter,
  page: { readonly first: number; readonly after: Positions | null },
  path: readonly (string | number)[],
): Promise<Page<Wallet>> {
  const lists = await walletsPerProvider(ctx, requested, path);
  const parts: ProviderPart<Wallet>[] = lists.map((list) => {
    if (list.failure) return { provider: list.provider, error: list.failure };
    const position = page.after?.[list.provider];
    return {
      provider: list.provider,
      items: list.wallets.filter((w) => isAfter(walletKeyOf(w), position)),
      more: false,
    };
  });
  const result = mergePage(parts, { after: page.after, first: page.first, keyOf: walletKeyOf });
  for (const { provider, error } of result.incomplete)
    ctx.partialErrors.push(
      new GraphQLError(
        `${provider}'s wallets are missing from this page: ${error.message}. The cursor keeps ` +
          `${provider}'s place, so its wallets come on a later page.`,
        { path, extensions: { ...error.extensions, provider, incomplete: true } },
      ),
    );
  return result;
}
