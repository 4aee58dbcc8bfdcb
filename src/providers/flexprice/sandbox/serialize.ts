import { Dec } from '../../../domain/money.js';
import {
  FLEXPRICE_ENVIRONMENT_ID,
  FLEXPRICE_TENANT_ID,
  FLEXPRICE_USER_ID,
  type FlexpriceCustomerSeed,
} from './seed.js';
import {
  type FlexpriceStore,
  type FlexpriceTransactionState,
  type FlexpriceWalletState,
  goDecimal,
} from './store.js';

/**
 * Flexprice's DTOs, field for field and in their JSON key order (NOTES §3.1, §3.2, §7): money as
 * strings with trailing zeros trimmed, lower-case currency, omitempty fields left out.
 */

/** The fields a wallet has in every shape Flexprice sends (REST and webhook), in its key order. */
export function walletCore(
  store: FlexpriceStore,
  w: FlexpriceWalletState,
): Record<string, unknown> {
  return {
    id: w.id,
    customer_id: w.customer_id,
    currency: w.currency,
    balance: goDecimal(store.balanceOf(w)),
    credit_balance: goDecimal(new Dec(w.credit_balance)),
    wallet_status: w.wallet_status,
    ...(w.name && { name: w.name }),
  };
}

/** `WalletResponse` (NOTES §3.1). */
export function serializeWallet(
  store: FlexpriceStore,
  w: FlexpriceWalletState,
  options: { breakdown?: boolean } = {},
): Record<string, unknown> {
  return {
    ...walletCore(store, w),
    description: w.description,
    metadata: w.metadata,
    ...(w.auto_topup && { auto_topup: w.auto_topup }),
    wallet_type: w.wallet_type,
    // Create forces these (NOTES §3.1 `config`).
    config: { allowed_price_types: [w.wallet_type === 'PRE_PAID' ? 'USAGE' : 'ALL'] },
    conversion_rate: w.conversion_rate,
    topup_conversion_rate: w.topup_conversion_rate,
    environment_id: FLEXPRICE_ENVIRONMENT_ID,
    // Omitted when no level is set (NOTES §3.1 `alert_settings`).
    ...(w.alert_settings &&
      (w.alert_settings.critical || w.alert_settings.warning || w.alert_settings.info) && {
        alert_settings: w.alert_settings,
      }),
    alert_state: w.alert_state,
    tenant_id: FLEXPRICE_TENANT_ID,
    status: 'published',
    created_at: w.created_at,
    updated_at: w.updated_at,
    created_by: FLEXPRICE_USER_ID,
    updated_by: FLEXPRICE_USER_ID,
    ...(options.breakdown && { credits_available_breakdown: breakdown(w) }),
  };
}

function breakdown(w: FlexpriceWalletState): Record<string, string> {
  return { purchased: w.purchased_credits, free: w.free_credits };
}

/**
 * `WalletBalanceResponse` (NOTES §3.2, §7). Without `realTime` it is what `GET /customers/wallets`
 * sends when `include_real_time_balance=false`: no real-time data, yet `is_cached_fallback: false`.
 */
export function serializeWalletBalance(
  store: FlexpriceStore,
  w: FlexpriceWalletState,
  options: { realTime: boolean; breakdown: boolean },
): Record<string, unknown> {
  const base = serializeWallet(store, w);
  if (!options.realTime) return { ...base, is_cached_fallback: false };
  const rt = store.realTime(w);
  return {
    ...base,
    real_time_balance: goDecimal(rt.balance),
    real_time_credit_balance: goDecimal(rt.creditBalance),
    balance_updated_at: w.updated_at,
    current_period_usage: goDecimal(rt.currentPeriodUsage),
    ...(rt.unpaidInvoicesAmount && { unpaid_invoices_amount: goDecimal(rt.unpaidInvoicesAmount) }),
    ...(options.breakdown && { credits_available_breakdown: breakdown(w) }),
    is_cached_fallback: rt.isCachedFallback,
  };
}

/** `CustomerResponse` (spec), the fields a customer created by API has. */
export function serializeCustomer(c: FlexpriceCustomerSeed): Record<string, unknown> {
  return {
    id: c.id,
    external_id: c.external_id,
    name: c.name,
    email: c.email,
    address_line1: '',
    address_line2: '',
    address_city: '',
    address_state: '',
    address_postal_code: '',
    address_country: '',
    metadata: {},
    timezone: 'UTC',
    environment_id: FLEXPRICE_ENVIRONMENT_ID,
    tenant_id: FLEXPRICE_TENANT_ID,
    status: 'published',
    created_at: c.created_at,
    updated_at: c.created_at,
    created_by: FLEXPRICE_USER_ID,
    updated_by: FLEXPRICE_USER_ID,
  };
}

/** The fields a transaction has in every shape Flexprice sends, in its key order. */
export function transactionCore(t: FlexpriceTransactionState): Record<string, unknown> {
  return {
    id: t.id,
    wallet_id: t.wallet_id,
    customer_id: t.customer_id,
    type: t.type,
    amount: t.amount,
    credit_amount: t.credit_amount,
    credit_balance_before: t.credit_balance_before,
    credit_balance_after: t.credit_balance_after,
    transaction_status: t.transaction_status,
    reference_type: t.reference_type,
  };
}

/**
 * `WalletTransactionResponse` (NOTES §3.7), field for field: `conversion_rate` on debits,
 * `topup_conversion_rate` on credits (both omitempty), `customer` and `wallet` only when expanded.
 */
export function serializeTransaction(
  t: FlexpriceTransactionState,
  expanded: { customer?: Record<string, unknown>; wallet?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    ...transactionCore(t),
    reference_id: t.reference_id ?? '',
    description: t.description,
    // An empty map, not null, when none was given (the wallet's metadata may be null, §3.1).
    metadata: t.metadata ?? {},
    expiry_date: t.expiry_date,
    credits_available: t.credits_available,
    transaction_reason: t.transaction_reason,
    priority: t.priority,
    currency: t.currency,
    ...(t.conversion_rate && { conversion_rate: t.conversion_rate }),
    ...(t.topup_conversion_rate && { topup_conversion_rate: t.topup_conversion_rate }),
    idempotency_key: t.idempotency_key ?? '',
    environment_id: FLEXPRICE_ENVIRONMENT_ID,
    tenant_id: FLEXPRICE_TENANT_ID,
    status: 'published',
    created_at: t.created_at,
    updated_at: t.updated_at,
    created_by: FLEXPRICE_USER_ID,
    updated_by: FLEXPRICE_USER_ID,
    ...(expanded.customer && { customer: expanded.customer }),
    ...(expanded.wallet && { wallet: expanded.wallet }),
  };
}
