import { canSee, confinedTo } from '../auth/caller.js';
import { visibleTo } from '../auth/visibility.js';
import type { GatewayContext } from '../context.js';
import { orNull } from '../domain/part.js';
import type { ProviderName, Wallet, WalletStatus } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import { loadWalletsByKeys } from '../loaders.js';
import { compareKeys, type ItemKey, isAfter, type Positions } from '../paging/keyset.js';
import { mergePage, type Page, type ProviderPart } from '../paging/merge.js';
import { asGatewayError } from '../providers/items.js';
import type { Result, WalletList } from '../providers/provider.js';
import { withFreshReads } from '../providers/resilience/fresh-reads.js';

/**
 * Wallets across providers, for the resolvers: which providers to ask, what a customer caller may
 * see, the order, the pages. Nothing here knows GraphQL: errors come back beside the data, and the
 * resolver puts them at its own path.
 */

/** What a request's services read from its context. */
export type ServiceContext = Pick<GatewayContext, 'registry' | 'loaders' | 'caller'>;

/** Data with the errors that cost parts of it (a failed provider, an unreadable wallet). */
export interface WithErrors<T> {
  readonly value: T;
  readonly errors: readonly GatewayError[];
}

export interface WalletListFilter {
  readonly customerExternalId?: string | null | undefined;
  readonly provider?: ProviderName | null | undefined;
  readonly status?: WalletStatus | null | undefined;
  readonly currency?: string | null | undefined;
  /** Past the wallet cache (and any identical upstream read in flight): the providers answer now. */
  readonly fresh?: boolean | null | undefined;
}

/** The loader of customers' wallet lists a read uses: cached, or fresh from the providers. */
export function customerLists(ctx: ServiceContext, fresh: boolean | null | undefined) {
  return fresh ? ctx.loaders.walletsByCustomerFresh : ctx.loaders.walletsByCustomer;
}

interface ProviderWallets {
  readonly provider: ProviderName;
  /** The provider's visible, matching wallets in its own order (newest first, then id). */
  readonly wallets: readonly Wallet[];
  /** Set when the provider could not answer at all. */
  readonly failure?: GatewayError;
}

/** A wallet's place in its provider's ordering, for keyset cursors. */
export function walletKeyOf(w: Wallet): ItemKey {
  // An unreadable creation date sorts as undated: the wallet still has its one place.
  return { at: orNull(w.createdAt)?.getTime() ?? null, id: w.providerWalletId };
}

/**
 * Asks every configured provider (or the one in the filter) in parallel. A wallet the provider
 * sent but that could not be read costs only itself (its error is returned); a provider that
 * failed is returned with its failure, for the caller to report.
 */
async function walletsPerProvider(
  ctx: ServiceContext,
  requested: WalletListFilter,
): Promise<WithErrors<ProviderWallets[]>> {
  // A customer caller sees its own customer only: another customer looks like one with no wallets.
  const confined = confinedTo(ctx.caller);
  if (confined && requested.customerExternalId && requested.customerExternalId !== confined)
    return { value: [], errors: [] };
  const filter = confined ? { ...requested, customerExternalId: confined } : requested;
  const providers = filter.provider
    ? ctx.registry.list().filter((p) => p.name === filter.provider)
    : ctx.registry.list();
  if (filter.provider && providers.length === 0) {
    return {
      value: [],
      errors: [
        new GatewayError(
          'PROVIDER_NOT_CONFIGURED',
          `${filter.provider} is not configured on this gateway`,
          { provider: filter.provider },
        ),
      ],
    };
  }
  const errors: GatewayError[] = [];
  const value = await Promise.all(
    providers.map(async (provider): Promise<ProviderWallets> => {
      let list: WalletList;
      const everything = () =>
        provider.listWallets({
          currency: filter.currency ?? undefined,
          status: filter.status ?? undefined,
        });
      try {
        list = filter.customerExternalId
          ? await customerLists(ctx, filter.fresh).load({
              provider: provider.name,
              externalId: filter.customerExternalId,
            })
          : await (filter.fresh ? withFreshReads(everything) : everything());
      } catch (e) {
        return { provider: provider.name, wallets: [], failure: asGatewayError(provider.name, e) };
      }
      errors.push(...list.errors);
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
  return { value, errors };
}

/**
 * Every matching wallet, provider by provider (each newest first). A provider that fails costs
 * only its own wallets: its error is among the errors.
 */
export async function collectWallets(
  ctx: ServiceContext,
  filter: WalletListFilter,
): Promise<WithErrors<Wallet[]>> {
  const { value: parts, errors } = await walletsPerProvider(ctx, filter);
  return {
    value: parts.flatMap((part) => part.wallets),
    errors: [...errors, ...parts.flatMap((part) => (part.failure ? [part.failure] : []))],
  };
}

/**
 * One page of the cross-provider wallet list, newest first, after a keyset cursor. A provider that
 * fails keeps its place in the cursor; its error says that its part of this page is missing and
 * that later pages bring it.
 */
export async function walletPage(
  ctx: ServiceContext,
  filter: WalletListFilter,
  page: { readonly first: number; readonly after: Positions | null },
): Promise<WithErrors<Page<Wallet>>> {
  const { value: lists, errors } = await walletsPerProvider(ctx, filter);
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
  return {
    value: result,
    errors: [
      ...errors,
      ...result.incomplete.map(({ provider, error }) => incompletePart(provider, 'wallets', error)),
    ],
  };
}

/** The error for a provider's part of a page that is missing: the cursor keeps its place. */
export function incompletePart(
  provider: ProviderName,
  what: string,
  error: GatewayError,
): GatewayError {
  return error.restated(
    `${provider}'s ${what} are missing from this page: ${error.message}. The cursor keeps ` +
      `${provider}'s place, so its ${what} come on a later page.`,
    { incomplete: true },
  );
}

/**
 * The providers that have this customer on record, with or without wallets: none for a customer no
 * provider knows (and, for a customer caller, for any other customer). A provider that fails is
 * left out, its error returned.
 */
export async function customerKnownBy(
  ctx: ServiceContext,
  externalId: string,
  fresh?: boolean,
): Promise<WithErrors<ProviderName[]>> {
  const confined = confinedTo(ctx.caller);
  if (confined && confined !== externalId) return { value: [], errors: [] };
  const errors: GatewayError[] = [];
  const known = await Promise.all(
    ctx.registry.list().map(async (provider): Promise<ProviderName | undefined> => {
      try {
        const list = await customerLists(ctx, fresh).load({
          provider: provider.name,
          externalId,
        });
        return list.customerKnown === false ? undefined : provider.name;
      } catch (e) {
        errors.push(asGatewayError(provider.name, e));
        return undefined;
      }
    }),
  );
  return { value: known.filter((p): p is ProviderName => p !== undefined), errors };
}

/** One wallet read past the wallet cache, as the caller may see it (`wallet(id:, fresh: true)`). */
export async function freshWallet(ctx: ServiceContext, key: string): Promise<Result<Wallet>> {
  const [result] = await withFreshReads(() => loadWalletsByKeys(ctx.registry, [key]));
  return visibleTo(ctx.caller, result!);
}
