import type { z } from 'zod';
import type { ProviderName, Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ProviderHealth, Result, WalletList } from './provider.js';

/**
 * Validates and translates one upstream item. A payload that is wrong becomes a typed error for
 * that item, never a crash and never a wrong number.
 */
export function translateItem<S extends z.ZodType>(
  provider: ProviderName,
  schema: S,
  translate: (parsed: z.output<S>, raw: unknown) => Wallet,
  raw: unknown,
  logger: Logger,
): Result<Wallet> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    logger.warn({ provider, issues: parsed.error.issues.slice(0, 5) }, 'upstream wallet rejected');
    return badWallet(provider);
  }
  try {
    return translate(parsed.data, raw);
  } catch (cause) {
    logger.warn(
      { provider, reason: cause instanceof Error ? cause.message : String(cause) },
      'upstream wallet untranslatable',
    );
    return badWallet(provider);
  }
}

function badWallet(provider: ProviderName): GatewayError {
  return new GatewayError(
    'UPSTREAM_BAD_RESPONSE',
    `${provider} sent a wallet that does not match its wire format`,
    { provider },
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
