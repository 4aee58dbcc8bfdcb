import type { z } from 'zod';
import { unreadableParts } from '../domain/part.js';
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
  const id = field(raw, idKey);
  const walletId = typeof id === 'string' && id.length > 0 ? id : undefined;
  const parsed = core.safeParse(raw);
  if (!parsed.success) {
    logger.warn(
      { provider, walletId, issues: parsed.error.issues.slice(0, 5) },
      'upstream wallet unreadable: identity, customer, currency or balance',
    );
    return badWallet(provider, walletId);
  }
  let wallet: Wallet;
  try {
    wallet = translate(parsed.data, raw);
  } catch (cause) {
    logger.warn(
      { provider, walletId, reason: cause instanceof Error ? cause.message : String(cause) },
      'upstream wallet untranslatable',
    );
    return badWallet(provider, walletId);
  }
  const unreadable = unreadableParts(wallet);
  if (unreadable.length > 0)
    logger.warn(
      {
        provider,
        walletId: wallet.providerWalletId,
        parts: unreadable.slice(0, 10).map((u) => ({ part: u.part, reason: u.reason })),
      },
      'upstream wallet parts unreadable: answered without them',
    );
  return wallet;
}

function badWallet(provider: ProviderName, walletId: string | undefined): GatewayError {
  return new GatewayError(
    'UPSTREAM_BAD_RESPONSE',
    `${provider} sent a wallet whose identity, customer, currency or balance cannot be read`,
    { provider, ...(walletId !== undefined && { walletId }) },
  );
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
