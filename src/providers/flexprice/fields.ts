import type { ProviderDocs } from '../module.js';

/**
 * Where each unified field comes from in Flexprice's wire format (NOTES.md sections cited as §n):
 * the mapping table of docs/providers.md and the Flexprice part of the GraphQL descriptions.
 */
export const FLEXPRICE_DOCS: ProviderDocs = {
  title: 'Flexprice',
  website: 'flexprice.io',
  upstreamCalls:
    '`POST /wallets/search` with `wallet_ids` (all ids in one call) + ' +
    '`GET /wallets/{id}/balance/real-time` per active wallet + `POST /customers/search` for ' +
    'external ids; ' +
    '`GET /customers/wallets?lookup_key=&include_real_time_balance=true&expand=credits_available_breakdown` ' +
    'per customer',
  specs: ['flexprice/openapi/swagger-3-0.json'],
  fields: {
    'Wallet.id': { short: null, detail: 'global id of `FLEXPRICE:<id>`' },
    'Wallet.provider': { short: null, detail: '`FLEXPRICE`' },
    'Wallet.providerWalletId': { short: '`id`', detail: '`id` (`wallet_<ULID>`)' },
    'WalletCustomer.externalId': {
      short: 'the `lookup_key` asked for, else the customer’s `external_id`',
      detail:
        'the `lookup_key` asked for, else customer `external_id` via `POST /customers/search`',
    },
    'WalletCustomer.providerCustomerId': { short: '`customer_id`' },
    'Wallet.name': { short: '`name`', detail: '`name` (null when empty)' },
    'Wallet.code': { short: null, detail: 'null: no wallet code' },
    'Wallet.status': {
      short: '`wallet_status`',
      detail:
        '`wallet_status`: active → ACTIVE, frozen → FROZEN, closed → TERMINATED, else UNKNOWN. ' +
        'Customer lists hide closed wallets (§0.4)',
    },
    'WalletStatus.ACTIVE': { short: '`active`' },
    'WalletFilter.status': { short: 'customer lists never include closed (TERMINATED) wallets' },
    'CustomerWalletFilter.status': {
      short: 'customer lists never include closed (TERMINATED) wallets',
    },
    'Customer.wallets': { short: 'active wallets only (closed ones are hidden upstream, §0.4)' },
    'Customer.externalId': { short: '`external_id`, the `lookup_key` of its customer lists' },
    'WalletStatus.FROZEN': { short: '`frozen`' },
    'WalletStatus.TERMINATED': { short: '`closed`' },
    'Wallet.kind': {
      short: '`wallet_type`',
      detail:
        '`wallet_type`: PRE_PAID → PREPAID, POST_PAID → POSTPAID, PROMOTIONAL → PROMOTIONAL (the ' +
        "documented examples, seed 003; not in the current server's enum), else UNKNOWN",
    },
    'WalletKind.PREPAID': { short: '`PRE_PAID`' },
    'WalletKind.POSTPAID': { short: '`POST_PAID`' },
    'WalletKind.PROMOTIONAL': { short: '`PROMOTIONAL`, as its documented examples show' },
    'Wallet.currency': { short: '`currency`', detail: '`currency`, upper-cased' },
    'Wallet.balance': {
      short: '`balance`',
      detail: '`balance`: the stored ledger, a decimal string (§0.3)',
    },
    'Wallet.ongoingBalance': {
      short: '`real_time_balance`',
      detail: '`real_time_balance` (may be negative; §4)',
    },
    'Wallet.ongoingUsage': {
      short: '`current_period_usage`',
      detail: '`current_period_usage` (null on a cache fallback, where Flexprice sends "0")',
    },
    'Wallet.ongoingBalanceIsCached': {
      short: '`is_cached_fallback`',
      detail: '`is_cached_fallback` (§3.2)',
    },
    'Wallet.credits': {
      short: 'the credit figures at `conversion_rate`',
    },
    'WalletCredits.balance': { short: '`credit_balance`' },
    'WalletCredits.ongoingBalance': { short: '`real_time_credit_balance`' },
    'WalletCredits.ongoingUsage': { short: '`current_period_usage ÷ conversion_rate`' },
    'WalletCredits.consumed': { short: null, detail: 'null: not reported on the wallet' },
    'WalletCredits.rate': { short: '`conversion_rate`' },
    'WalletCredits.topUpRate': {
      short: '`topup_conversion_rate`',
      detail: '`topup_conversion_rate` (defaults to `conversion_rate`)',
    },
    'WalletCredits.breakdown': {
      short: '`credits_available_breakdown`',
      detail: '`credits_available_breakdown {free, purchased}` (with `expand`)',
    },
    'Wallet.priority': { short: null, detail: 'null: priority is per credit grant' },
    'Wallet.expiresAt': { short: null, detail: 'null: credits expire per transaction' },
    'Wallet.terminatedAt': {
      short: null,
      detail: 'null: not recorded (`updated_at` moves with any edit)',
    },
    'Wallet.lastTopUpAt': { short: null },
    'Wallet.lastConsumedAt': { short: null },
    'Wallet.createdAt': { short: '`created_at`' },
    'Wallet.updatedAt': { short: '`updated_at`' },
    'Wallet.recurringTransactionRules': {
      short: '`auto_topup`, as one THRESHOLD rule',
      detail:
        '`auto_topup` as one THRESHOLD rule: `threshold` → `thresholdCredits`, `amount` → ' +
        '`paidCredits` (decimal strings, or JSON numbers as the documented examples send them, ' +
        'read exactly), `invoicing` → `invoiced`, `enabled: false` → DISABLED, `cooldown` → ' +
        '`cooldown` (§3.6; an unknown unit → UNKNOWN)',
    },
    RecurringTransactionRule: { short: '`auto_topup`, as a THRESHOLD rule' },
    'RecurringTransactionRule.id': { short: null, detail: 'none: an auto top-up has no id' },
    'RecurringTransactionRule.invoiced': { short: '`invoicing`' },
    'RecurringTransactionRule.cooldown': { short: '`cooldown`' },
    'RuleStatus.DISABLED': { short: 'an auto top-up with `enabled: false`' },
    'Wallet.alertSettings': {
      short: '`alert_settings` and `alert_state`, on the wallet itself',
      detail:
        '`alert_settings` {critical, warning, info} → levels, `alert_enabled` → `enabled`, ' +
        '`alert_state` → `state` (unknown → UNKNOWN), metric ONGOING_CREDITS (§6). The documented ' +
        'older shape, top-level `alert_config {threshold: {type, value}}` + `alert_enabled` (seed ' +
        '003), is one threshold with no level, condition BELOW, `type: amount` → metric BALANCE',
    },
    AlertSettings: { short: '`alert_settings` / `alert_state`' },
    'AlertSettings.state': { short: '`alert_state`' },
    'AlertThreshold.level': { short: '`critical`, `warning` or `info`' },
    'AlertThreshold.alertCode': { short: null, detail: 'none: one settings object per wallet' },
    'Wallet.metadata': { short: '`metadata`', detail: '`metadata` map' },
    'Wallet.raw': { short: null, detail: 'the wallet (or balance) object' },
    'Wallet.transactions': {
      short: '`POST /wallets/transactions/search` by `wallet_id`, `limit` and `offset`',
    },
    'Customer.transactions': { short: 'one list for the customer (`customer_id`)' },
    'WalletTransaction.id': {
      short: null,
      detail: 'global id of `FLEXPRICE:<wallet_id>:<id>`',
    },
    'WalletTransaction.providerTransactionId': { short: '`id` (`wtxn_<ULID>`)' },
    'WalletTransaction.direction': { short: '`type`' },
    'WalletTransaction.status': { short: '`transaction_status`' },
    'WalletTransaction.kind': { short: '`transaction_reason`' },
    'WalletTransaction.source': {
      short: '`reference_type`; metadata `auto_topup` is THRESHOLD_RULE (§3.6)',
    },
    'WalletTransaction.amount': { short: '`amount`, in `currency`' },
    'WalletTransaction.credits': { short: '`credit_amount`' },
    'WalletTransaction.creditBalanceAfter': { short: '`credit_balance_after`' },
    'WalletTransaction.invoiceId': { short: '`reference_id` when `reference_type` is INVOICE' },
    'WalletTransaction.name': { short: '`description`' },
    'WalletTransaction.createdAt': { short: '`created_at`' },
    'WalletTransaction.settledAt': { short: '`updated_at` of a completed transaction' },
    'WalletTransaction.failedAt': { short: '`updated_at` of a failed transaction' },
    'WalletTransaction.expiresAt': { short: '`expiry_date`' },
    'WalletTransaction.metadata': { short: '`metadata` map' },
    'WalletTransaction.raw': { short: null, detail: 'the wallet transaction object' },
    'TransactionDirection.CREDIT': { short: '`credit`' },
    'TransactionDirection.DEBIT': { short: '`debit`' },
    'TransactionStatus.PENDING': { short: '`pending`' },
    'TransactionStatus.SETTLED': { short: '`completed`' },
    'TransactionStatus.FAILED': { short: '`failed`' },
    'TransactionKind.PURCHASED': {
      short: '`PURCHASED_CREDIT_DIRECT`, `PURCHASED_CREDIT_INVOICED`',
    },
    'TransactionKind.GRANTED': {
      short: '`FREE_CREDIT_GRANT`, `SUBSCRIPTION_CREDIT_GRANT`, `PURCHASED_CREDIT_BONUS`',
    },
    'TransactionKind.USAGE': { short: '`INVOICE_PAYMENT`' },
    'TransactionKind.VOIDED': { short: '`MANUAL_BALANCE_DEBIT`' },
    'TransactionKind.EXPIRED': { short: '`CREDIT_EXPIRED`' },
    'TransactionKind.REFUND': { short: '`CREDIT_NOTE`, `INVOICE_VOID_REFUND`' },
    'TransactionKind.TERMINATION': { short: '`WALLET_TERMINATION`' },
    'TransactionKind.ADJUSTMENT': { short: '`CREDIT_ADJUSTMENT`' },
    'TransactionSource.MANUAL': { short: '`reference_type` REQUEST or EXTERNAL' },
    'TransactionSource.THRESHOLD_RULE': { short: 'metadata `auto_topup: "true"`' },
    'TransactionSource.INVOICE': { short: '`reference_type` INVOICE or PAYMENT' },
    'TransactionSource.SUBSCRIPTION': { short: '`SUBSCRIPTION_CREDIT_GRANT`' },
    'TransactionSource.SYSTEM': { short: '`CREDIT_EXPIRED`, `WALLET_TERMINATION`' },
    'WalletTransactionFilter.direction': { short: '`type`' },
    'WalletTransactionFilter.status': { short: '`transaction_status`' },
    'WalletTransactionFilter.kind': { short: '`transaction_reason` in its reasons' },
    'WalletTransactionFilter.createdSince': { short: '`start_time`' },
    'WalletTransactionFilter.createdUntil': { short: '`end_time`' },
  },
};
