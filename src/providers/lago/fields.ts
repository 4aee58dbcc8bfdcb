import type { ProviderDocs } from '../module.js';

/**
 * Where each unified field comes from in Lago's wire format (NOTES.md sections cited as §n):
 * the mapping table of docs/providers.md and the Lago part of the GraphQL descriptions.
 */
export const LAGO_DOCS: ProviderDocs = {
  title: 'Lago',
  website: 'getlago.com',
  upstreamCalls:
    '`GET /wallets/{lago_id}` (by id), `GET /wallets?external_customer_id=` (per customer, all ' +
    'pages), `GET /customers/{external_customer_id}/wallets/{code}/alerts` (only when ' +
    '`alertSettings` is selected)',
  specs: ['lago/openapi/openapi.yaml'],
  fields: {
    'Wallet.id': { short: null, detail: 'global id of `LAGO:<lago_id>`' },
    'Wallet.provider': { short: null, detail: '`LAGO`' },
    'Wallet.providerWalletId': { short: '`lago_id`' },
    'WalletCustomer.externalId': { short: '`external_customer_id`' },
    'Customer.externalId': { short: '`external_customer_id`' },
    'WalletCustomer.providerCustomerId': { short: '`lago_customer_id`' },
    'Wallet.name': { short: '`name`' },
    'Wallet.code': { short: '`code`' },
    'Wallet.status': {
      short: '`status`',
      detail: '`status`: active → ACTIVE, terminated → TERMINATED, anything else or none → UNKNOWN',
    },
    'WalletStatus.ACTIVE': { short: '`active`' },
    'WalletStatus.TERMINATED': { short: '`terminated`' },
    'Wallet.kind': { short: 'always PREPAID', detail: 'PREPAID' },
    'WalletKind.PREPAID': { short: null, detail: 'every wallet' },
    'Wallet.currency': { short: '`currency`' },
    'Wallet.balance': {
      short: '`balance_cents`',
      detail: '`balance_cents` (minor units; there is no `balance` field, §9.1)',
    },
    'Wallet.ongoingBalance': {
      short: '`ongoing_balance_cents`',
      detail: '`ongoing_balance_cents` (may be ≤ 0)',
    },
    'Wallet.ongoingUsage': { short: '`ongoing_usage_balance_cents`' },
    'Wallet.ongoingBalanceIsCached': { short: null, detail: 'null' },
    'Wallet.credits': {
      short: 'the `credits_*` figures at `rate_amount`',
    },
    'WalletCredits.balance': { short: '`credits_balance`' },
    'WalletCredits.ongoingBalance': { short: '`credits_ongoing_balance`' },
    'WalletCredits.ongoingUsage': { short: '`credits_ongoing_usage_balance`' },
    'WalletCredits.consumed': { short: '`consumed_credits`' },
    'WalletCredits.rate': { short: '`rate_amount`' },
    'WalletCredits.topUpRate': { short: '`rate_amount`', detail: '`rate_amount` (one rate)' },
    'WalletCredits.breakdown': { short: null, detail: 'null: Lago does not split' },
    'Wallet.priority': { short: '`priority`', detail: '`priority` (1..50, lower first)' },
    'Wallet.expiresAt': { short: '`expiration_at`' },
    'Wallet.terminatedAt': {
      short: '`terminated_at`',
      detail: '`terminated_at` (with milliseconds, §9.8)',
    },
    'Wallet.lastTopUpAt': { short: null, detail: 'null: not on the wallet' },
    'Wallet.lastConsumedAt': { short: '`last_consumed_credit_at`' },
    'Wallet.createdAt': { short: '`created_at`' },
    'Wallet.updatedAt': { short: null, detail: 'null: the serializer has none' },
    'Wallet.recurringTransactionRules': {
      short: '`recurring_transaction_rules` (active rules only)',
      detail:
        '`recurring_transaction_rules`, one to one (§4): `trigger` (or its older name ' +
        '`rule_type`, seed 001; none → INTERVAL, the column default), `method` (none → FIXED), ' +
        '`status` (none → ACTIVE: only active rules are serialised); `interval` only on interval ' +
        'rules, `threshold_credits` only on threshold rules, `target_ongoing_balance` only on ' +
        'target rules; `invoiced` = `invoice_requires_successful_payment`',
    },
    RecurringTransactionRule: { short: '`recurring_transaction_rules`, one to one' },
    'RecurringTransactionRule.id': { short: '`lago_id`' },
    'RecurringTransactionRule.invoiced': { short: '`invoice_requires_successful_payment`' },
    'Wallet.alertSettings': {
      short: 'wallet alerts, one extra upstream call per wallet, made only when selected',
      detail:
        'wallet alerts (separate call): `alert_type` → metric (unknown → UNKNOWN), `direction` → ' +
        "condition (none → BELOW, unknown → UNKNOWN), thresholds' `value`/`code`/`recurring`; no " +
        'levels, no state',
    },
    AlertSettings: { short: 'wallet alerts' },
    'AlertSettings.state': { short: null, detail: 'none: Lago keeps no alert state' },
    'AlertThreshold.level': { short: null, detail: 'none: Lago thresholds have no levels' },
    'AlertThreshold.alertCode': { short: "the alert's `code`" },
    'Wallet.metadata': { short: '`metadata`', detail: '`metadata` map (absent when empty, §9.7)' },
    'Wallet.raw': { short: null, detail: 'the wallet object' },
    'Wallet.transactions': {
      short: '`GET /wallets/{lago_id}/wallet_transactions`, `page` and `per_page`',
    },
    'Customer.transactions': { short: 'one list per wallet' },
    'WalletTransaction.id': {
      short: null,
      detail: 'global id of `LAGO:<wallet lago_id>:<lago_id>`',
    },
    'WalletTransaction.providerTransactionId': { short: '`lago_id`' },
    'WalletTransaction.direction': { short: '`transaction_type`' },
    'WalletTransaction.status': { short: '`status`' },
    'WalletTransaction.kind': { short: '`transaction_status`' },
    'WalletTransaction.source': { short: '`source`; INVOICE for consumption by an invoice' },
    'WalletTransaction.amount': { short: "`amount` (credits × rate), in the wallet's currency" },
    'WalletTransaction.credits': { short: '`credit_amount`' },
    'WalletTransaction.creditBalanceAfter': { short: null },
    'WalletTransaction.invoiceId': { short: '`lago_invoice_id`' },
    'WalletTransaction.name': { short: '`name`' },
    'WalletTransaction.createdAt': { short: '`created_at`' },
    'WalletTransaction.settledAt': { short: '`settled_at`' },
    'WalletTransaction.failedAt': { short: '`failed_at`' },
    'WalletTransaction.expiresAt': { short: null },
    'WalletTransaction.metadata': { short: '`metadata`, a list of `{key, value}` (§9.7)' },
    'WalletTransaction.raw': { short: null, detail: 'the wallet transaction object' },
    'TransactionDirection.CREDIT': { short: '`inbound`' },
    'TransactionDirection.DEBIT': { short: '`outbound`' },
    'TransactionStatus.PENDING': { short: '`pending`' },
    'TransactionStatus.SETTLED': { short: '`settled`' },
    'TransactionStatus.FAILED': { short: '`failed`' },
    'TransactionKind.PURCHASED': { short: '`purchased`' },
    'TransactionKind.GRANTED': { short: '`granted`' },
    'TransactionKind.USAGE': { short: '`invoiced`' },
    'TransactionKind.VOIDED': { short: '`voided`' },
    'TransactionSource.MANUAL': { short: '`manual`' },
    'TransactionSource.INTERVAL_RULE': { short: '`interval`' },
    'TransactionSource.THRESHOLD_RULE': { short: '`threshold`' },
    'TransactionSource.INVOICE': { short: 'consumption by an invoice (`invoiced`)' },
    'WalletTransactionFilter.direction': { short: '`transaction_type`' },
    'WalletTransactionFilter.status': { short: '`status`' },
    'WalletTransactionFilter.kind': {
      short: '`transaction_status`; EXPIRED, REFUND, TERMINATION and ADJUSTMENT match nothing',
    },
    'WalletTransactionFilter.createdSince': {
      short: 'applied by the gateway: the walk ends at the first older transaction',
    },
    'WalletTransactionFilter.createdUntil': {
      short: 'NOT_SUPPORTED: its list has no date filter',
    },
  },
};
