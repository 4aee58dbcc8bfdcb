import { moneyFromMinor } from '../../domain/money.js';
import type { Wallet } from '../../domain/wallet.js';
import { field, readerFor } from '../read.js';
import { currency } from '../translate-helpers.js';
import { type PolarWalletCore, polarPart } from './api.js';

const { readPart } = readerFor('POLAR');

/**
 * Polar wire -> domain. Pure; the payload is already validated by api.ts.
 *
 * A Polar wallet is integer cents in one currency (NOTES §2.4) and nothing else: no status
 * (always ACTIVE), no name, code, credits, rules, alerts, metadata, expiry or priority, so those
 * are null or empty, never guessed. The balance can be negative (the customer owes money, §3):
 * it is kept exactly as sent, never clamped. The wallet `type` (usage/billing) is not serialised
 * upstream, so `kind` is CREDIT_BALANCE for every Polar wallet.
 *
 * `externalId` is not on the wallet: the adapter knows it from the customer lookup that led here,
 * or null where the customer has none on record.
 */
export function translateWallet(
  w: PolarWalletCore,
  raw: unknown,
  externalId: string | null,
): Wallet {
  const when = (key: string) => readPart(key, polarPart.date, field(raw, key), (d) => d ?? null);
  const cur = currency(w.currency);
  return {
    provider: 'POLAR',
    providerWalletId: w.id,
    customer: { externalId, providerCustomerId: w.customer_id },
    name: null,
    code: null,
    status: 'ACTIVE',
    kind: 'CREDIT_BALANCE',
    currency: cur,
    balance: moneyFromMinor(w.balance, cur),
    ongoingBalance: null,
    ongoingUsage: null,
    ongoingBalanceIsCached: null,
    credits: null,
    priority: null,
    expiresAt: null,
    terminatedAt: null,
    lastTopUpAt: null,
    lastConsumedAt: null,
    createdAt: when('created_at'),
    updatedAt: when('modified_at'),
    recurringTransactionRules: [],
    // Polar has no wallet alerts: null, not undefined (undefined would ask for a separate call).
    alertSettings: null,
    metadata: [],
    raw,
  };
}
