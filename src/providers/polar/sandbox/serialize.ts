import { createHash } from 'node:crypto';
import { POLAR_ORGANIZATION_ID, type PolarCustomerSeed } from './seed.js';
import type { PolarSessionState, PolarWalletState } from './store.js';

/** Polar's response schemas, field for field (NOTES §2.3-2.4, spec `CustomerIndividual`). */

/** `Wallet` / `CustomerWallet`: the same six fields; `type` is not serialised (NOTES §2.4). */
export function serializeWallet(w: PolarWalletState): Record<string, unknown> {
  return {
    id: w.id,
    created_at: w.created_at,
    modified_at: w.modified_at,
    customer_id: w.customer_id,
    balance: Number(w.balance), // kept within ±2^53 by the store
    currency: w.currency,
  };
}

/** `CustomerIndividual` (the seed has no teams). `avatar_url` is computed upstream from the email. */
export function serializeCustomer(c: PolarCustomerSeed): Record<string, unknown> {
  const emailHash = createHash('sha256').update(c.email.trim().toLowerCase()).digest('hex');
  return {
    id: c.id,
    created_at: c.created_at,
    modified_at: null,
    metadata: {},
    external_id: c.external_id,
    email: c.email,
    email_verified: false,
    type: 'individual',
    name: c.name,
    // Required (nullable) in CustomerIndividual; the official SDK refuses a customer without it.
    billing_name: c.name,
    billing_address: null,
    tax_id: null,
    locale: null,
    organization_id: POLAR_ORGANIZATION_ID,
    deleted_at: null,
    avatar_url: `https://www.gravatar.com/avatar/${emailHash}?d=404`,
  };
}

/** `CustomerSession` (§2.3): every required field, `customer` embedded. */
export function serializeSession(
  s: PolarSessionState,
  customer: PolarCustomerSeed,
): Record<string, unknown> {
  return {
    created_at: s.created_at,
    modified_at: null,
    id: s.id,
    token: s.token,
    expires_at: s.expires_at,
    return_url: null,
    customer_portal_url: `https://sandbox.polar.sh/walletgate-sandbox/portal?customer_session_token=${s.token}`,
    customer_id: s.customer_id,
    customer: serializeCustomer(customer),
  };
}

/** `ListResource[...]`. */
export function serializeList(
  items: readonly unknown[],
  totalCount: number,
  limit: number,
): Record<string, unknown> {
  return {
    items,
    pagination: { total_count: totalCount, max_page: Math.ceil(totalCount / limit) },
  };
}

/** `CustomerStateIndividual` (spec, NOTES §4): the customer plus its subscriptions, grants and meters; no wallet. */
export function serializeCustomerState(c: PolarCustomerSeed): Record<string, unknown> {
  return {
    ...serializeCustomer(c),
    active_subscriptions: [],
    granted_benefits: [],
    active_meters: [],
  };
}
