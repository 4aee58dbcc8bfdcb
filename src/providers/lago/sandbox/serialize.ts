import { Dec } from '../../../domain/money.js';
import type { LagoAlertSeed, LagoRuleSeed } from './seed.js';
import { centsOf, type LagoTransactionState, type LagoWalletState, railsDecimal } from './store.js';

/**
 * Lago's V1::WalletSerializer, field for field and in its key order (NOTES §3/§7): no `balance`,
 * `metadata` only when non-empty, only active unexpired rules, `grants_target_top_up` false
 * for fixed rules, `terminated_at` with milliseconds.
 */
export function serializeWallet(
  w: LagoWalletState,
  customerLagoId: string,
  now = new Date(),
): Record<string, unknown> {
  const ongoingCredits = new Dec(w.credits_balance).sub(w.credits_ongoing_usage_balance);
  const balanceCents = centsOf(w.credits_balance, w.rate_amount, w.currency);
  const usageCents = centsOf(w.credits_ongoing_usage_balance, w.rate_amount, w.currency);
  return {
    lago_id: w.lago_id,
    lago_customer_id: customerLagoId,
    external_customer_id: w.external_customer_id,
    billing_entity_code: 'default',
    status: w.status,
    currency: w.currency,
    name: w.name,
    code: w.code,
    purchase_order_number: w.purchase_order_number,
    rate_amount: w.rate_amount,
    credits_balance: w.credits_balance,
    credits_ongoing_balance: railsDecimal(ongoingCredits),
    credits_ongoing_usage_balance: w.credits_ongoing_usage_balance,
    balance_cents: Number(balanceCents),
    ongoing_balance_cents: Number(balanceCents - usageCents),
    ongoing_usage_balance_cents: Number(usageCents),
    consumed_credits: w.consumed_credits,
    created_at: w.created_at,
    expiration_at: w.expiration_at,
    last_balance_sync_at: w.last_balance_sync_at,
    last_consumed_credit_at: w.last_consumed_credit_at,
    terminated_at: w.terminated_at,
    invoice_requires_successful_payment: false,
    paid_top_up_min_amount_cents: w.paid_top_up_min_amount_cents,
    paid_top_up_max_amount_cents: w.paid_top_up_max_amount_cents,
    priority: w.priority,
    recurring_transaction_rules: w.recurring_transaction_rules
      .filter((r) => r.status === 'active' && (!r.expiration_at || new Date(r.expiration_at) > now))
      .map(serializeRule),
    applies_to: { fee_types: [], billable_metric_codes: [] },
    applied_invoice_custom_sections: [],
    payment_method: { payment_method_id: null, payment_method_type: 'provider' },
    ...(Object.keys(w.metadata).length > 0 && { metadata: w.metadata }),
  };
}

function serializeRule(r: LagoRuleSeed): Record<string, unknown> {
  return {
    lago_id: r.lago_id,
    paid_credits: r.paid_credits,
    granted_credits: r.granted_credits,
    // `grants_target_top_up?`: a null column serialises as false (NOTES §9.9).
    grants_target_top_up: false,
    interval: r.interval,
    method: r.method,
    started_at: r.started_at,
    expiration_at: r.expiration_at,
    status: r.status,
    target_ongoing_balance: r.target_ongoing_balance,
    threshold_credits: r.threshold_credits,
    trigger: r.trigger,
    created_at: r.created_at,
    invoice_requires_successful_payment: r.invoice_requires_successful_payment,
    transaction_metadata: r.transaction_metadata,
    transaction_name: r.transaction_name,
    purchase_order_number: null,
    ignore_paid_top_up_limits: false,
    applied_invoice_custom_sections: [],
    payment_method: { payment_method_id: null, payment_method_type: 'provider' },
  };
}

export function serializeAlert(
  a: LagoAlertSeed,
  organizationId: string,
  walletCode: string,
): Record<string, unknown> {
  return {
    lago_id: a.lago_id,
    lago_organization_id: organizationId,
    external_subscription_id: null,
    lago_wallet_id: a.lago_wallet_id,
    wallet_code: walletCode,
    billable_metric: null,
    alert_type: a.alert_type,
    code: a.code,
    name: a.name,
    direction: a.direction,
    previous_value: 0,
    last_processed_at: null,
    thresholds: a.thresholds,
    created_at: a.created_at,
  };
}

/**
 * V1::WalletTransactionSerializer (NOTES §5), in its key order, for a non-traceable wallet:
 * `amount` is credits × rate, `remaining_*` are null, `purchase_order_number` falls back to the
 * wallet's. `applied_invoice_custom_sections` is only in the one-transaction route.
 */
export function serializeTransaction(
  t: LagoTransactionState,
  w: LagoWalletState,
  options: { readonly single?: boolean } = {},
): Record<string, unknown> {
  return {
    lago_id: t.lago_id,
    lago_wallet_id: t.lago_wallet_id,
    lago_invoice_id: t.lago_invoice_id,
    lago_credit_note_id: null,
    lago_voided_invoice_id: null,
    billing_entity_code: 'default',
    status: t.status,
    source: t.source,
    transaction_status: t.transaction_status,
    transaction_type: t.transaction_type,
    amount: railsDecimal(new Dec(t.credit_amount).mul(w.rate_amount)),
    credit_amount: t.credit_amount,
    remaining_amount_cents: null,
    remaining_credit_amount: null,
    priority: 50,
    purchase_order_number: w.purchase_order_number,
    settled_at: t.settled_at,
    failed_at: t.failed_at,
    created_at: t.created_at,
    invoice_requires_successful_payment: false,
    metadata: t.metadata,
    name: t.name,
    payment_method: { payment_method_id: null, payment_method_type: 'provider' },
    ...(options.single && { applied_invoice_custom_sections: [] }),
  };
}
