import type { z } from 'zod';
import { unreadableParts } from '../domain/part.js';
import type { WalletTransaction } from '../domain/transaction.js';
import type { ProviderName, Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ProviderHealth, Result, WalletList } from './provider.js';
import { field } from './read.js';

/**
 * Validates and translates one upstream wallet. Only `core` (what a wallet needs to exist:
 * identity, customer, currency, balance) is validated as a whole; `translate` reads every other
 * part on its own, so an odd field costs that field (an Unreadable, logged here) and the wallet
 * still answers. A wallet whose core is unreadable becomes a typed error naming it by id where
 * the id can be read, never a crash and never a wrong number.
 */
export function translateItem<S extends z.ZodType>(
  provider: ProviderName,
  core: S,
  translate: (parsed: z.output<S>, raw: unknown) => Wallet,
  raw: unknown,
  logger: Logger,
  idKey = 'id',
): Result<Wallet> {
  return readItem(WALLET, provider, core, translate, raw, logger, idKey);
}

/** What a list item is, for logs and for the error that costs it. */
interface ItemNoun {
  readonly noun: string;
  /** What it needs to exist, in words. */
  readonly core: string;
  readonly idOption: 'walletId' | 'transactionId';
}

const WALLET: ItemNoun = {
  noun: 'wallet',
  core: 'identity, customer, currency or balance',
  idOption: 'walletId',
};
const TRANSACTION: ItemNoun = {
  noun: 'wallet transaction',
  core: 'identity, wallet or amount',
  idOption: 'transactionId',
};

/** translateItem for a wallet transaction: only its identity, wallet and amount are validated whole. */
export function translateTransactionItem<S extends z.ZodType>(
  provider: ProviderName,
  core: S,
  translate: (parsed: z.output<S>, raw: unknown) => WalletTransaction,
  raw: unknown,
  logger: Logger,
  idKey = 'id',
): Result<WalletTransaction> {
  return readItem(TRANSACTION, provider, core, translate, raw, logger, idKey);
}

function readItem<S extends z.ZodType, T>(
  what: ItemNoun,
  provider: ProviderName,
  core: S,
  translate: (parsed: z.output<S>, raw: unknown) => T,
  raw: unknown,
  logger: Logger,
  idKey: string,
): Result<T> {
  const id = field(raw, idKey);
  const itemId = typeof id === 'string' && id.length > 0 ? id : undefined;
  const bad = () =>
    new GatewayError(
      'UPSTREAM_BAD_RESPONSE',
      `${provider} sent a ${what.noun} whose ${what.core} cannot be read`,
      { provider, ...(itemId !== undefined && { [what.idOption]: itemId }) },
    );
  const parsed = core.safeParse(raw);
  if (!parsed.success) {
    logger.warn(
      { provider, [what.idOption]: itemId, issues: parsed.error.issues.slice(0, 5) },
      `upstream ${what.noun} unreadable: ${what.core}`,
    );
    return bad();
  }
  let item: T;
  try {
    item = translate(parsed.data, raw);
  } catch (cause) {
    logger.warn(
      {
        provider,
        [what.idOption]: itemId,
        reason: cause instanceof Error ? cause.message : String(cause),
      },
      `upstream ${what.noun} untranslatable`,
    );
    return bad();
  }
  const unreadable = unreadableParts(item);
  if (unreadable.length > 0)
    logger.warn(
      {
        provider,
        [what.idOption]: itemId,
        parts: unreadable.slice(0, 10).map((u) => ({ part: u.part, reason: u.reason })),
      },
      `upstream ${what.noun} parts unreadable: answered without them`,
    );
  return item;
}

export function toWalletList(results: readonly Result<Wallet>[]): WalletList {
  const wallets: Wallet[] = [];
  const errors: GatewayError[] = [];
  for (const r of results) (r instanceof GatewayError ? errors : wallets).push(r as never);
  return { wallets, errors };
}

/** Runs `fn` and turns a thrown error into a result, for batch methods that answer per key. */
export async function settle<T>(provider: ProviderName, fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (e) {
    return asGatewayError(provider, e);
  }
}

export function asGatewayError(provider: ProviderName, e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  return new GatewayError('UPSTREAM_ERROR', `${provider} failed unexpectedly`, {
    provider,
    cause: e,
  });
}

/** One cheap authenticated call, timed: UP with its latency, or DOWN with the typed error. */
export async function probe(
  provider: ProviderName,
  ping: () => Promise<unknown>,
): Promise<ProviderHealth> {
  const started = performance.now();
  const result = await settle(provider, ping);
  const latencyMs = Math.round(performance.now() - started);
  return result instanceof GatewayError
    ? { status: 'DOWN', latencyMs, error: result }
    : { status: 'UP', latencyMs, error: null };
}

/**
 * The same error, marked as raised about a wallet the provider showed exists, and whose it is
 * where the adapter could tell (see GatewayErrorOptions.existingWalletOf).
 */
export function aboutExistingWallet(
  e: GatewayError,
  walletId: string,
  owner: string | null,
): GatewayError {
  const { upstreamStatus, upstreamCode } = e.extensions;
  return new GatewayError(e.code, e.message, {
    ...(e.provider && { provider: e.provider }),
    walletId,
    existingWalletOf: owner,
    ...(typeof upstreamStatus === 'number' && { upstreamStatus }),
    ...(typeof upstreamCode === 'string' && { upstreamCode }),
    ...(typeof e.extensions.part === 'string' && { part: e.extensions.part }),
    cause: e,
  });
}

/**
 * A list item's place in its provider's order (creation time, id), read leniently: an item that
 * cannot be read still holds its place. `index` names an item without a readable id.
 */
export function entryKey(
  raw: unknown,
  idKey: string,
  index: number,
): { readonly at: number | null; readonly id: string } {
  const id = field(raw, idKey);
  const created = field(raw, 'created_at');
  const at = typeof created === 'string' ? Date.parse(created) : Number.NaN;
  return {
    at: Number.isNaN(at) ? null : at,
    id: typeof id === 'string' && id ? id : `#${index}`,
  };
}
