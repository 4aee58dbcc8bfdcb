/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An upper-case ISO 4217 currency code ("USD", "JPY", "KWD"). Input is case-insensitive. */
  Currency: { input: string; output: string; }
  /** A point in time, as an ISO 8601 string in UTC with milliseconds ("2026-01-31T12:00:00.000Z"). */
  DateTime: { input: string; output: string; }
  /** An exact decimal number, sent as a string ("28.0", "-1.25"). Never a float: numbers are refused as input. */
  Decimal: { input: string; output: string; }
  /** Any JSON value, passed through untouched (integers beyond 2^53 come out as exact digit strings). */
  JSON: { input: unknown; output: unknown; }
};

/** Which side of the threshold raises the alert (inclusive). */
export type AlertCondition =
  /** At or above the value. */
  | 'ABOVE'
  /** At or below the value. */
  | 'BELOW'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN';

/** Severity of a threshold. */
export type AlertLevel =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** The number a threshold watches. */
export type AlertMetric =
  /** Settled balance, in currency. */
  | 'BALANCE'
  /** Settled balance, in credits. */
  | 'CREDITS'
  /** Balance net of not-yet-invoiced usage, in currency. */
  | 'ONGOING_BALANCE'
  /** Balance net of not-yet-invoiced usage, in credits. */
  | 'ONGOING_CREDITS'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN';

/** Balance alerts configured on a wallet. Lago: wallet alerts; Flexprice: `alert_settings` / `alert_state`. */
export type AlertSettings = {
  __typename?: 'AlertSettings';
  /** The CRITICAL threshold, if any. */
  critical?: Maybe<AlertThreshold>;
  /** Whether the provider evaluates these alerts. */
  enabled: Scalars['Boolean']['output'];
  /** The INFO threshold, if any. */
  info?: Maybe<AlertThreshold>;
  /** Current alert state; null where the provider keeps none. Lago: none; Flexprice: `alert_state`. */
  state?: Maybe<AlertState>;
  /** Every threshold, across the wallet's alerts. One that cannot be read is left out, with an UPSTREAM_BAD_RESPONSE error at this list's path naming the provider and the part. */
  thresholds: Array<AlertThreshold>;
  /** The WARNING threshold, if any. */
  warning?: Maybe<AlertThreshold>;
};

/** Where the watched balance stands against the thresholds. */
export type AlertState =
  /** The INFO threshold is crossed. */
  | 'INFO'
  /** The CRITICAL threshold is crossed. */
  | 'IN_ALARM'
  /** No threshold is crossed. */
  | 'OK'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN'
  /** The WARNING threshold is crossed. */
  | 'WARNING';

/** One balance threshold. */
export type AlertThreshold = {
  __typename?: 'AlertThreshold';
  /** The provider alert this threshold belongs to; null where a wallet has one settings object. Lago: the alert's `code`; Flexprice: none. */
  alertCode?: Maybe<Scalars['String']['output']>;
  /** The provider's threshold code, if any. */
  code?: Maybe<Scalars['String']['output']>;
  /** Which side of `value` raises the alert. */
  condition: AlertCondition;
  /** Severity; null where the provider has no levels. Lago: none; Flexprice: `critical`, `warning` or `info`. */
  level?: Maybe<AlertLevel>;
  /** The number being watched. */
  metric: AlertMetric;
  /** Whether the alert fires again each time the threshold is crossed. */
  recurring: Scalars['Boolean']['output'];
  /** The threshold, in the unit of `metric`. */
  value: Scalars['Decimal']['output'];
};

/** How the gateway learnt of a change. */
export type BalanceChangeSource =
  /** A change made through this gateway. */
  | 'MUTATION'
  /** Polling, for providers without usable webhooks (Polar, or a provider whose webhook secret is not configured). */
  | 'POLL'
  /** A verified provider webhook (then a re-read of the wallet). */
  | 'WEBHOOK';

/** State of a provider's circuit breaker. */
export type CircuitState =
  /** Calls go through. */
  | 'CLOSED'
  /** One probe is in flight; its outcome closes or re-opens the circuit. */
  | 'HALF_OPEN'
  /** The provider kept failing: calls are refused without an upstream request until a probe is due. */
  | 'OPEN';

/** Minimum time between two top-ups by the same rule. */
export type Cooldown = {
  __typename?: 'Cooldown';
  /** The unit of `value`. */
  unit: CooldownUnit;
  /** How many units. */
  value: Scalars['Int']['output'];
};

/** Unit of a cooldown. */
export type CooldownUnit =
  /** Days. */
  | 'DAY'
  /** Hours. */
  | 'HOUR'
  /** Minutes. */
  | 'MINUTE'
  /** Seconds. */
  | 'SECOND'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN';

/** Where the available credits came from. */
export type CreditBreakdown = {
  __typename?: 'CreditBreakdown';
  /** Credits granted for free. */
  free: Scalars['Decimal']['output'];
  /** Credits paid for. */
  purchased: Scalars['Decimal']['output'];
};

/** A customer identified by your external id, joined across every configured provider. */
export type Customer = Node & {
  __typename?: 'Customer';
  /** Settled balance totals per currency over the customer's non-terminated wallets in every provider, exact, sorted by currency. Partial (with an error) when a provider fails. */
  balances: Array<Money>;
  /** Your id for the customer. Lago: `external_customer_id`; Flexprice: `external_id`, the `lookup_key` of its customer lists; Polar: the customer's `external_id`. */
  externalId: Scalars['String']['output'];
  /** Opaque global id (encodes the external id): `node(id:)` fetches the customer again. */
  id: Scalars['ID']['output'];
  /** The providers that have this customer on record, with or without wallets: empty for a customer no provider knows (and, under a customer token, for any other customer). A provider that fails is left out and named in one error. */
  knownBy: Array<Provider>;
  /** The customer's transactions across every wallet and provider, newest first. Each page reads one page of each of the providers' lists and merges them; the cursor holds each list's own position. A provider that fails costs its own part of the page: one error (extensions.provider, incomplete: true) names it, its place in the cursor stays, and later pages bring its transactions. Providers without a transaction list (Polar) add none. Lago: one list per wallet; Flexprice: one list for the customer (`customer_id`). */
  transactions: WalletTransactionConnection;
  /** The customer's wallets in every configured provider, fetched in parallel. A failing provider leaves the others' wallets here and adds one error naming it. Flexprice: active wallets only (closed ones are hidden upstream, §0.4). */
  wallets: Array<Wallet>;
};


/** A customer identified by your external id, joined across every configured provider. */
export type CustomerTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WalletTransactionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer identified by your external id, joined across every configured provider. */
export type CustomerWalletsArgs = {
  filter?: InputMaybe<CustomerWalletFilter>;
};

/** Narrows a customer's wallets. */
export type CustomerWalletFilter = {
  /** Only wallets in this currency. */
  currency?: InputMaybe<Scalars['Currency']['input']>;
  /** Only this provider's wallets. */
  provider?: InputMaybe<Provider>;
  /** Only wallets in this state. Flexprice: customer lists never include closed (TERMINATED) wallets. */
  status?: InputMaybe<WalletStatus>;
};

/** One key/value pair of wallet metadata. */
export type MetadataEntry = {
  __typename?: 'MetadataEntry';
  /** The key. */
  key: Scalars['String']['output'];
  /** The value; null where the provider stores a null. */
  value?: Maybe<Scalars['String']['output']>;
};

/** An exact amount of one currency. */
export type Money = {
  __typename?: 'Money';
  /** Major units, exact ("12.50" USD, "1500" JPY, "1.250" KWD). */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, upper case. */
  currency: Scalars['Currency']['output'];
  /** For display, en-US style ("$1,234.50"). Not for parsing. */
  formatted: Scalars['String']['output'];
  /** The amount in the currency's ISO 4217 minor unit (cents for USD, yen for JPY, fils for KWD), as an integer string because values above 2^53 exist. Rounded half-even when the provider holds finer amounts. */
  minorUnits: Scalars['String']['output'];
};

/** An object with a global id (Relay). */
export type Node = {
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

/** Where a page of a connection sits in the whole list (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A billing provider Walletgate can front. */
export type Provider =
  /** Flexprice (flexprice.io). */
  | 'FLEXPRICE'
  /** Lago (getlago.com). */
  | 'LAGO'
  /** Polar (polar.sh). */
  | 'POLAR';

/** What a provider can answer, so a frontend can adapt. */
export type ProviderCapabilities = {
  __typename?: 'ProviderCapabilities';
  /** Balance alerts exist. */
  alerts: Scalars['Boolean']['output'];
  /** Many customers' wallet lists cost one upstream call. */
  batchWalletsByCustomer: Scalars['Boolean']['output'];
  /** Many wallet-by-id loads cost one upstream call. */
  batchWalletsById: Scalars['Boolean']['output'];
  /** Wallets have a credit unit (`Wallet.credits` is set). */
  credits: Scalars['Boolean']['output'];
  /** `Wallet.ongoingBalance` (balance net of uninvoiced usage) is available. */
  ongoingBalance: Scalars['Boolean']['output'];
  /** Automatic top-up rules exist. */
  recurringRules: Scalars['Boolean']['output'];
  /** The provider lists its wallets' transactions (`Wallet.transactions`, `Customer.transactions`, `walletTransactionCreated`). */
  transactions: Scalars['Boolean']['output'];
  /** The provider sends wallet webhooks (otherwise live balances are polled). */
  webhooks: Scalars['Boolean']['output'];
};

/** The result of one cheap authenticated probe of the provider, made when this field is selected. */
export type ProviderHealth = {
  __typename?: 'ProviderHealth';
  /** The gateway error code of a failed probe (e.g. UPSTREAM_UNAVAILABLE). */
  errorCode?: Maybe<Scalars['String']['output']>;
  /** Round trip of the probe, in milliseconds. */
  latencyMs?: Maybe<Scalars['Int']['output']>;
  /** What went wrong, without secrets. */
  message?: Maybe<Scalars['String']['output']>;
  /** UP or DOWN. */
  status: ProviderHealthStatus;
};

/** Whether the provider answered a probe. */
export type ProviderHealthStatus =
  /** The probe failed; see `errorCode`. */
  | 'DOWN'
  /** The probe succeeded. */
  | 'UP';

/** A provider configured on this gateway. */
export type ProviderInfo = {
  __typename?: 'ProviderInfo';
  /** What it supports. */
  capabilities: ProviderCapabilities;
  /** Its circuit breaker, without an upstream call. */
  circuitState: CircuitState;
  /** A live probe (one upstream call). Server API keys only. */
  health: ProviderHealth;
  /** Which provider. */
  name: Provider;
};

/** Read access to wallets across every configured billing provider. */
export type Query = {
  __typename?: 'Query';
  /** A customer by your external id. Always answers: a customer no provider knows has no wallets, no balances and an empty `knownBy`. */
  customer: Customer;
  /** Fetches a Wallet, a WalletTransaction or a Customer by its global id. A string that is not one is refused with INVALID_ID. */
  node?: Maybe<Node>;
  /** Fetches objects by global ids, in order. Each id answers on its own: an unknown, hidden or malformed id gives null in its place plus an error at its index; the others are unaffected. */
  nodes: Array<Maybe<Node>>;
  /** Every provider configured on this gateway, with its capabilities and health. */
  providers: Array<ProviderInfo>;
  /** One wallet by global id. An unknown id answers null plus a WALLET_NOT_FOUND error; a string that is not a Wallet id is refused with INVALID_ID. */
  wallet?: Maybe<Wallet>;
  /** One wallet transaction by global id. An unknown (or hidden) id answers null plus a TRANSACTION_NOT_FOUND error; a string that is not a WalletTransaction id is refused with INVALID_ID. */
  walletTransaction?: Maybe<WalletTransaction>;
  /** Wallets across every configured provider, newest first (then by provider and id), in pages of at most 100. Cursors are keyset positions in each provider's own order, so a walk never skips or repeats a wallet. When a provider fails, its wallets are missing from that page, one error (extensions.provider, incomplete: true) names it, and its place in the cursor stays put: later pages bring its wallets. */
  wallets: WalletConnection;
};


/** Read access to wallets across every configured billing provider. */
export type QueryCustomerArgs = {
  externalId: Scalars['String']['input'];
  fresh?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Read access to wallets across every configured billing provider. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to wallets across every configured billing provider. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Read access to wallets across every configured billing provider. */
export type QueryWalletArgs = {
  fresh?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


/** Read access to wallets across every configured billing provider. */
export type QueryWalletTransactionArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to wallets across every configured billing provider. */
export type QueryWalletsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WalletFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fresh?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An automatic top-up rule. Lago: `recurring_transaction_rules`, one to one; Flexprice: `auto_topup`, as a THRESHOLD rule. */
export type RecurringTransactionRule = {
  __typename?: 'RecurringTransactionRule';
  /** Minimum time between two top-ups, where the provider has one. Flexprice: `cooldown`. */
  cooldown?: Maybe<Cooldown>;
  /** When the rule was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the rule stops applying. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Credits granted for free per top-up. */
  grantedCredits?: Maybe<Scalars['Decimal']['output']>;
  /** The provider's rule id; null where the rule has none. Lago: `lago_id`; Flexprice: none. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Only for INTERVAL rules. */
  interval?: Maybe<RuleInterval>;
  /** Whether top-ups wait for a paid invoice. Lago: `invoice_requires_successful_payment`; Flexprice: `invoicing`. */
  invoiced?: Maybe<Scalars['Boolean']['output']>;
  /** How much is topped up. */
  method: RuleMethod;
  /** Credits bought per top-up. */
  paidCredits?: Maybe<Scalars['Decimal']['output']>;
  /** When the rule starts applying. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the rule runs. */
  status: RuleStatus;
  /** Only for TARGET rules: the ongoing credit balance to top up to. */
  targetOngoingBalance?: Maybe<Scalars['Decimal']['output']>;
  /** Only for THRESHOLD rules: the credit balance at or under which the rule fires. */
  thresholdCredits?: Maybe<Scalars['Decimal']['output']>;
  /** What starts the top-up. */
  trigger: RuleTrigger;
};

/** Calendar interval of an INTERVAL rule. */
export type RuleInterval =
  /** Every month. */
  | 'MONTHLY'
  /** Every quarter. */
  | 'QUARTERLY'
  /** Every six months. */
  | 'SEMIANNUAL'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN'
  /** Every week. */
  | 'WEEKLY'
  /** Every year. */
  | 'YEARLY';

/** How much a rule tops up. */
export type RuleMethod =
  /** The fixed paid + granted credits. */
  | 'FIXED'
  /** Enough to bring the ongoing balance back to `targetOngoingBalance`. */
  | 'TARGET'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN';

/** Whether a rule runs. */
export type RuleStatus =
  /** The rule runs. */
  | 'ACTIVE'
  /** The rule exists but is switched off. Flexprice: an auto top-up with `enabled: false`. */
  | 'DISABLED'
  /** The rule ended. */
  | 'TERMINATED'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN';

/** What starts an automatic top-up. */
export type RuleTrigger =
  /** On a calendar interval. */
  | 'INTERVAL'
  /** When the balance falls to a threshold. */
  | 'THRESHOLD'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the wallet's `raw`. */
  | 'UNKNOWN';

/** Live balance changes and wallet transactions, over SSE (`Accept: text/event-stream`) or WebSocket (graphql-ws) on /graphql. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Streams changes of one wallet's balance, or of every wallet of one customer across providers. Exactly one argument is required: there is no firehose of every customer's balance. */
  walletBalanceChanged: WalletBalanceChange;
  /** Streams the transactions of one wallet, or of every wallet of one customer across providers: each verified transaction webhook is one event (a redelivery is none), and where a provider's webhooks are not configured its histories are polled (source POLL). Exactly one argument is required. Providers without a transaction list (Polar) send none. */
  walletTransactionCreated: WalletTransactionEvent;
};


/** Live balance changes and wallet transactions, over SSE (`Accept: text/event-stream`) or WebSocket (graphql-ws) on /graphql. */
export type SubscriptionWalletBalanceChangedArgs = {
  customerExternalId?: InputMaybe<Scalars['String']['input']>;
  walletId?: InputMaybe<Scalars['ID']['input']>;
};


/** Live balance changes and wallet transactions, over SSE (`Accept: text/event-stream`) or WebSocket (graphql-ws) on /graphql. */
export type SubscriptionWalletTransactionCreatedArgs = {
  customerExternalId?: InputMaybe<Scalars['String']['input']>;
  walletId?: InputMaybe<Scalars['ID']['input']>;
};

/** What happened to the transaction. */
export type TransactionChange =
  /** It was recorded. */
  | 'CREATED'
  /** Its status changed (a pending purchase settled or failed). */
  | 'UPDATED';

/** Whether credits came into the wallet or went out of it. */
export type TransactionDirection =
  /** Into the wallet. Lago: `inbound`; Flexprice: `credit`. */
  | 'CREDIT'
  /** Out of the wallet. Lago: `outbound`; Flexprice: `debit`. */
  | 'DEBIT'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the transaction's `raw`. */
  | 'UNKNOWN';

/** Why the credits moved. */
export type TransactionKind =
  /** A correction of the balance. Flexprice: `CREDIT_ADJUSTMENT`. */
  | 'ADJUSTMENT'
  /** Credits that expired. Flexprice: `CREDIT_EXPIRED`. */
  | 'EXPIRED'
  /** Credits given for free. Lago: `granted`; Flexprice: `FREE_CREDIT_GRANT`, `SUBSCRIPTION_CREDIT_GRANT`, `PURCHASED_CREDIT_BONUS`. */
  | 'GRANTED'
  /** Credits bought. Lago: `purchased`; Flexprice: `PURCHASED_CREDIT_DIRECT`, `PURCHASED_CREDIT_INVOICED`. */
  | 'PURCHASED'
  /** Credits returned (a credit note). Flexprice: `CREDIT_NOTE`, `INVOICE_VOID_REFUND`. */
  | 'REFUND'
  /** What was left when the wallet was closed. Flexprice: `WALLET_TERMINATION`. */
  | 'TERMINATION'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the transaction's `raw`. */
  | 'UNKNOWN'
  /** Credits spent on usage (an invoice). Lago: `invoiced`; Flexprice: `INVOICE_PAYMENT`. */
  | 'USAGE'
  /** Credits taken back by hand. Lago: `voided`; Flexprice: `MANUAL_BALANCE_DEBIT`. */
  | 'VOIDED';

/** What started a transaction. */
export type TransactionSource =
  /** An INTERVAL recurring transaction rule. Lago: `interval`. */
  | 'INTERVAL_RULE'
  /** An invoice, or its payment. Lago: consumption by an invoice (`invoiced`); Flexprice: `reference_type` INVOICE or PAYMENT. */
  | 'INVOICE'
  /** A request (API or dashboard). Lago: `manual`; Flexprice: `reference_type` REQUEST or EXTERNAL. */
  | 'MANUAL'
  /** A subscription. Flexprice: `SUBSCRIPTION_CREDIT_GRANT`. */
  | 'SUBSCRIPTION'
  /** The provider's own doing (an expiry, a closed wallet). Flexprice: `CREDIT_EXPIRED`, `WALLET_TERMINATION`. */
  | 'SYSTEM'
  /** A THRESHOLD rule (an automatic top-up). Lago: `threshold`; Flexprice: metadata `auto_topup: "true"`. */
  | 'THRESHOLD_RULE'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the transaction's `raw`. */
  | 'UNKNOWN';

/** Where a transaction stands. */
export type TransactionStatus =
  /** Did not happen (a purchase whose payment failed). Lago: `failed`; Flexprice: `failed`. */
  | 'FAILED'
  /** Waiting (a purchase whose invoice is not paid yet): the balance has not moved. Lago: `pending`; Flexprice: `pending`. */
  | 'PENDING'
  /** Done: the balance moved. Lago: `settled`; Flexprice: `completed`. */
  | 'SETTLED'
  /** A value this gateway does not know yet (one the provider added later): the provider's own value is in the transaction's `raw`. */
  | 'UNKNOWN';

/** A prepaid-credit wallet or customer balance held by one billing provider, in one currency. */
export type Wallet = Node & {
  __typename?: 'Wallet';
  /** Balance alerts; null when the wallet has none. Lago: wallet alerts, one extra upstream call per wallet, made only when selected; Flexprice: `alert_settings` and `alert_state`, on the wallet itself; Polar: none. */
  alertSettings?: Maybe<AlertSettings>;
  /** Settled balance in currency; negative where the provider allows debt (the customer owes money). Lago: `balance_cents`; Flexprice: `balance`; Polar: `balance`, negative when the customer owes money. */
  balance: Money;
  /** Stable code, unique among a customer's active wallets, where the provider has one. Lago: `code`; Flexprice: none; Polar: none. */
  code?: Maybe<Scalars['String']['output']>;
  /** When the wallet was created. Lago: `created_at`; Flexprice: `created_at`; Polar: `created_at`. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The wallet in credits; null where the provider has no credit unit (Polar). Lago: the `credits_*` figures at `rate_amount`; Flexprice: the credit figures at `conversion_rate`; Polar: none. */
  credits?: Maybe<WalletCredits>;
  /** The wallet's currency. Lago: `currency`; Flexprice: `currency`; Polar: `currency`. */
  currency: Scalars['Currency']['output'];
  /** Whose wallet it is. */
  customer: WalletCustomer;
  /** When the wallet expires, if it does. Lago: `expiration_at`; Flexprice: none; Polar: none. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the provider answered with this wallet: the gateway may answer from its wallet cache, within the provider's freshness policy (see the README), or past it when the provider fails (an error with extensions.stale says so). `fresh: true` reads it now. */
  fetchedAt: Scalars['DateTime']['output'];
  /** Opaque global id; encodes provider and native id. */
  id: Scalars['ID']['output'];
  /** What the wallet holds. Lago: always PREPAID; Flexprice: `wallet_type`; Polar: always CREDIT_BALANCE. */
  kind: WalletKind;
  /** Last time credits were consumed. Lago: `last_consumed_credit_at`; Flexprice: none; Polar: none. */
  lastConsumedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Last top-up, where the provider reports it on the wallet. Lago: none; Flexprice: none; Polar: none. */
  lastTopUpAt?: Maybe<Scalars['DateTime']['output']>;
  /** Key/value metadata, as the provider stores it. An entry that cannot be read is left out, with an UPSTREAM_BAD_RESPONSE error at this list's path. Lago: `metadata`; Flexprice: `metadata`; Polar: none. */
  metadata: Array<MetadataEntry>;
  /** Display name, where the provider has one. Lago: `name`; Flexprice: `name`; Polar: none. */
  name?: Maybe<Scalars['String']['output']>;
  /** What is available now: the balance net of usage not yet invoiced. Can be negative. Null where the provider has no such figure. Lago: `ongoing_balance_cents`; Flexprice: `real_time_balance`; Polar: none. */
  ongoingBalance?: Maybe<Money>;
  /** True when the provider answered the ongoing balance from its cache after failing to compute it live. Null where not applicable. Lago: none; Flexprice: `is_cached_fallback`; Polar: none. */
  ongoingBalanceIsCached?: Maybe<Scalars['Boolean']['output']>;
  /** Usage not yet invoiced, in currency. Lago: `ongoing_usage_balance_cents`; Flexprice: `current_period_usage`; Polar: none. */
  ongoingUsage?: Maybe<Money>;
  /** Consumption order among the customer's wallets: lower is consumed first. Lago: `priority`; Flexprice: none; Polar: none. */
  priority?: Maybe<Scalars['Int']['output']>;
  /** The provider holding the wallet. */
  provider: Provider;
  /** The provider's own wallet id. Lago: `lago_id`; Flexprice: `id`; Polar: `id`. */
  providerWalletId: Scalars['String']['output'];
  /** The upstream wallet object exactly as received: the escape hatch for provider fields not in the unified model. */
  raw: Scalars['JSON']['output'];
  /** Automatic top-up rules. A rule that cannot be read is left out, with an UPSTREAM_BAD_RESPONSE error at this list's path naming the provider and the part. Lago: `recurring_transaction_rules` (active rules only); Flexprice: `auto_topup`, as one THRESHOLD rule; Polar: none. */
  recurringTransactionRules: Array<RecurringTransactionRule>;
  /** Lifecycle state. Lago: `status`; Flexprice: `wallet_status`; Polar: always ACTIVE (Polar has no status). */
  status: WalletStatus;
  /** When the wallet was terminated. Lago: `terminated_at`; Flexprice: none; Polar: none. */
  terminatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The wallet's transactions, newest first, one upstream call per page (the provider's own pagination, never everything then a slice). Null with NOT_SUPPORTED where the provider has no transaction list (Polar). Lago: `GET /wallets/{lago_id}/wallet_transactions`, `page` and `per_page`; Flexprice: `POST /wallets/transactions/search` by `wallet_id`, `limit` and `offset`; Polar: none: Polar keeps wallet transactions internal (§2.1). */
  transactions?: Maybe<WalletTransactionConnection>;
  /** Last change, where the provider reports it. Lago: none; Flexprice: `updated_at`; Polar: `modified_at`. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** A prepaid-credit wallet or customer balance held by one billing provider, in one currency. */
export type WalletTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WalletTransactionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A change of a wallet's spendable balance: its ongoing balance where the provider has one, else its balance. */
export type WalletBalanceChange = {
  __typename?: 'WalletBalanceChange';
  /** The spendable balance now. */
  balance: Money;
  /** `balance` minus `previousBalance`, exact; null when there is no previous balance. */
  delta?: Maybe<Money>;
  /** Unique per change; the same on every replica and transport. */
  eventId: Scalars['ID']['output'];
  /** When the gateway detected the change. */
  occurredAt: Scalars['DateTime']['output'];
  /** The spendable balance before; null when the gateway had not seen this wallet before. */
  previousBalance?: Maybe<Money>;
  /** The provider holding the wallet. */
  provider: Provider;
  /** How the change was learnt. */
  source: BalanceChangeSource;
  /** The wallet, re-read from the provider for this event (never data from an earlier event). Null plus an error when the re-read fails. */
  wallet?: Maybe<Wallet>;
};

/** A page of wallets across providers (Relay connection, keyset cursors). */
export type WalletConnection = {
  __typename?: 'WalletConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<WalletEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** The wallet counted in credits, for providers that have a credit unit (Lago, Flexprice). */
export type WalletCredits = {
  __typename?: 'WalletCredits';
  /** Settled credit balance. Lago: `credits_balance`; Flexprice: `credit_balance`. */
  balance: Scalars['Decimal']['output'];
  /** Free versus purchased credits, where the provider reports it. Lago: none; Flexprice: `credits_available_breakdown`. */
  breakdown?: Maybe<CreditBreakdown>;
  /** Credits consumed over the wallet's life. Null where the provider does not report it. Lago: `consumed_credits`; Flexprice: none. */
  consumed?: Maybe<Scalars['Decimal']['output']>;
  /** Credits left after usage not yet invoiced. Lago: `credits_ongoing_balance`; Flexprice: `real_time_credit_balance`. */
  ongoingBalance?: Maybe<Scalars['Decimal']['output']>;
  /** Credits used but not yet invoiced. Lago: `credits_ongoing_usage_balance`; Flexprice: `current_period_usage ÷ conversion_rate`. */
  ongoingUsage?: Maybe<Scalars['Decimal']['output']>;
  /** Currency units per credit: amount = credits × rate. Lago: `rate_amount`; Flexprice: `conversion_rate`. */
  rate: Scalars['Decimal']['output'];
  /** Currency units per credit when topping up (may differ from `rate`). Lago: `rate_amount`; Flexprice: `topup_conversion_rate`. */
  topUpRate?: Maybe<Scalars['Decimal']['output']>;
};

/** The customer a wallet belongs to, as the provider knows it. */
export type WalletCustomer = {
  __typename?: 'WalletCustomer';
  /** Your id for the customer: the join key across providers. Null where the provider has none on record. Lago: `external_customer_id`; Flexprice: the `lookup_key` asked for, else the customer’s `external_id`; Polar: the customer's `external_id`. */
  externalId?: Maybe<Scalars['String']['output']>;
  /** The provider's own customer id. Lago: `lago_customer_id`; Flexprice: `customer_id`; Polar: `customer_id`. */
  providerCustomerId: Scalars['String']['output'];
};

/** An item of a list page with its cursor. */
export type WalletEdge = {
  __typename?: 'WalletEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Wallet;
};

/** Narrows a wallet list. Every field is optional; given fields must all match. */
export type WalletFilter = {
  /** Only wallets in this currency. */
  currency?: InputMaybe<Scalars['Currency']['input']>;
  /** Only this customer's wallets (your external id). */
  customerExternalId?: InputMaybe<Scalars['String']['input']>;
  /** Only this provider's wallets. */
  provider?: InputMaybe<Provider>;
  /** Only wallets in this state. Flexprice: customer lists never include closed (TERMINATED) wallets. */
  status?: InputMaybe<WalletStatus>;
};

/** What the wallet holds. */
export type WalletKind =
  /** A customer money balance that may go negative. Polar: every wallet: a money balance that may go negative. */
  | 'CREDIT_BALANCE'
  /** A credit line settled later. Flexprice: `POST_PAID`. */
  | 'POSTPAID'
  /** Prepaid credits consumed by usage. Lago: none; Flexprice: `PRE_PAID`. */
  | 'PREPAID'
  /** Promotional credits. Flexprice: `PROMOTIONAL`, as its documented examples show. */
  | 'PROMOTIONAL'
  /** A kind this gateway does not know yet (a value the provider added later, or none sent); the provider's own value is in `raw`. */
  | 'UNKNOWN';

/** Lifecycle state of a wallet. */
export type WalletStatus =
  /** Usable. Lago: `active`; Flexprice: `active`; Polar: every wallet (Polar has no statuses). */
  | 'ACTIVE'
  /** Exists but cannot be used. Flexprice: `frozen`. */
  | 'FROZEN'
  /** Closed for good. Lago: `terminated`; Flexprice: `closed`. */
  | 'TERMINATED'
  /** A state this gateway does not know yet (a value the provider added later, or none sent); the provider's own value is in `raw`. */
  | 'UNKNOWN';

/** One movement of a wallet's credits, as its provider records it. Providers with a transaction history: Lago, Flexprice; without: Polar. */
export type WalletTransaction = Node & {
  __typename?: 'WalletTransaction';
  /** What moved, in the wallet's currency, exact: a magnitude (`direction` gives the sign). Lago: `amount` (credits × rate), in the wallet's currency; Flexprice: `amount`, in `currency`. */
  amount: Money;
  /** When it was recorded. Lago: `created_at`; Flexprice: `created_at`. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The wallet's credit balance right after it, where the provider records it. Lago: none; Flexprice: `credit_balance_after`. */
  creditBalanceAfter?: Maybe<Scalars['Decimal']['output']>;
  /** The same movement in credits, where the provider counts credits. Lago: `credit_amount`; Flexprice: `credit_amount`. */
  credits?: Maybe<Scalars['Decimal']['output']>;
  /** Into the wallet or out of it. Lago: `transaction_type`; Flexprice: `type`. */
  direction: TransactionDirection;
  /** When the credits it brought expire, where they do. Lago: none; Flexprice: `expiry_date`. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it failed. Lago: `failed_at`; Flexprice: `updated_at` of a failed transaction. */
  failedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque global id; encodes provider, wallet and native id. */
  id: Scalars['ID']['output'];
  /** The provider's id of the invoice behind it (a purchase's, or the one it paid). Lago: `lago_invoice_id`; Flexprice: `reference_id` when `reference_type` is INVOICE. */
  invoiceId?: Maybe<Scalars['String']['output']>;
  /** Why the credits moved. Lago: `transaction_status`; Flexprice: `transaction_reason`. */
  kind: TransactionKind;
  /** Key/value metadata, as the provider stores it. An entry that cannot be read is left out, with an UPSTREAM_BAD_RESPONSE error at this list's path. Lago: `metadata`, a list of `{key, value}` (§9.7); Flexprice: `metadata` map. */
  metadata: Array<MetadataEntry>;
  /** A label given to it. Lago: `name`; Flexprice: `description`. */
  name?: Maybe<Scalars['String']['output']>;
  /** The provider holding the wallet. */
  provider: Provider;
  /** The provider's own transaction id. Lago: `lago_id`; Flexprice: `id` (`wtxn_<ULID>`). */
  providerTransactionId: Scalars['String']['output'];
  /** The upstream transaction object exactly as received: the escape hatch for provider fields not in the unified model. */
  raw: Scalars['JSON']['output'];
  /** When it settled; null until then, or where the provider does not say. Lago: `settled_at`; Flexprice: `updated_at` of a completed transaction. */
  settledAt?: Maybe<Scalars['DateTime']['output']>;
  /** What started it. Lago: `source`; INVOICE for consumption by an invoice; Flexprice: `reference_type`; metadata `auto_topup` is THRESHOLD_RULE (§3.6). */
  source: TransactionSource;
  /** Where it stands. Lago: `status`; Flexprice: `transaction_status`. */
  status: TransactionStatus;
  /** The wallet it moved (read again from the provider when not already read in this request). */
  wallet?: Maybe<Wallet>;
};

/** A page of wallet transactions, newest first, read over the providers' own pages (Relay connection). */
export type WalletTransactionConnection = {
  __typename?: 'WalletTransactionConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<WalletTransactionEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** An item of a list page with its cursor. */
export type WalletTransactionEdge = {
  __typename?: 'WalletTransactionEdge';
  /** Opaque position of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WalletTransaction;
};

/** A wallet transaction recorded, or whose status changed. */
export type WalletTransactionEvent = {
  __typename?: 'WalletTransactionEvent';
  /** Recorded, or updated. */
  change: TransactionChange;
  /** Unique per event; the same on every replica and transport. */
  eventId: Scalars['ID']['output'];
  /** When the gateway learnt of it. */
  occurredAt: Scalars['DateTime']['output'];
  /** The provider holding the wallet. */
  provider: Provider;
  /** How the gateway learnt of it: a verified webhook, or a poll. */
  source: BalanceChangeSource;
  /** The transaction, read from the provider's own object for this event. Null plus an error when it cannot be read. */
  transaction?: Maybe<WalletTransaction>;
  /** Its wallet, re-read from the provider for this event. */
  wallet?: Maybe<Wallet>;
};

/** Narrows a transaction history; given fields must all match. Each provider applies them upstream; a filter value a provider never records matches nothing there (no upstream call), and a filter it cannot apply is refused for it with NOT_SUPPORTED. */
export type WalletTransactionFilter = {
  /** Only transactions created at or after this time. Lago: applied by the gateway: the walk ends at the first older transaction; Flexprice: `start_time`. */
  createdSince?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only transactions created at or before this time. Lago: NOT_SUPPORTED: its list has no date filter; Flexprice: `end_time`. */
  createdUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this direction. Lago: `transaction_type`; Flexprice: `type`. */
  direction?: InputMaybe<TransactionDirection>;
  /** Only this kind. Lago: `transaction_status`; EXPIRED, REFUND, TERMINATION and ADJUSTMENT match nothing; Flexprice: `transaction_reason` in its reasons. */
  kind?: InputMaybe<TransactionKind>;
  /** Only this status. Lago: `status`; Flexprice: `transaction_status`. */
  status?: InputMaybe<TransactionStatus>;
};

export type CachedCustomerWalletsQueryVariables = Exact<{
  id: Scalars['String']['input'];
  fresh?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CachedCustomerWalletsQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, fetchedAt: string, balance: { __typename?: 'Money', amount: string } }> } };

export type WalletPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WalletPageQuery = { __typename?: 'Query', wallets: { __typename?: 'WalletConnection', edges: Array<{ __typename?: 'WalletEdge', cursor: string, node: { __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, currency: string, balance: { __typename?: 'Money', amount: string, currency: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type NodeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByIdQuery = { __typename?: 'Query', node?: { __typename?: 'Customer', externalId: string, knownBy: Array<Provider>, id: string } | { __typename?: 'Wallet', provider: Provider, providerWalletId: string, id: string, balance: { __typename?: 'Money', amount: string, currency: string } } | { __typename?: 'WalletTransaction', id: string } | null };

export type CustomerByExternalIdQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
}>;


export type CustomerByExternalIdQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', id: string, externalId: string, knownBy: Array<Provider>, balances: Array<{ __typename?: 'Money', amount: string, currency: string }> } };

export type LiveBalanceSubscriptionVariables = Exact<{
  customerExternalId?: InputMaybe<Scalars['String']['input']>;
}>;


export type LiveBalanceSubscription = { __typename?: 'Subscription', walletBalanceChanged: { __typename?: 'WalletBalanceChange', eventId: string, provider: Provider, balance: { __typename?: 'Money', amount: string, currency: string }, wallet?: { __typename?: 'Wallet', id: string, providerWalletId: string } | null } };

export type BalanceChangedSubscriptionVariables = Exact<{
  walletId?: InputMaybe<Scalars['ID']['input']>;
  customerExternalId?: InputMaybe<Scalars['String']['input']>;
}>;


export type BalanceChangedSubscription = { __typename?: 'Subscription', walletBalanceChanged: { __typename?: 'WalletBalanceChange', eventId: string, provider: Provider, source: BalanceChangeSource, occurredAt: string, previousBalance?: { __typename?: 'Money', amount: string, currency: string } | null, balance: { __typename?: 'Money', amount: string, currency: string }, delta?: { __typename?: 'Money', amount: string, currency: string } | null, wallet?: { __typename?: 'Wallet', id: string, providerWalletId: string, balance: { __typename?: 'Money', amount: string, currency: string }, ongoingBalance?: { __typename?: 'Money', amount: string } | null } | null } };

export type CustomerWalletsQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
  filter?: InputMaybe<CustomerWalletFilter>;
}>;


export type CustomerWalletsQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, expiresAt?: string | null, terminatedAt?: string | null, lastTopUpAt?: string | null, lastConsumedAt?: string | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }, ongoingBalance?: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } | null, credits?: { __typename?: 'WalletCredits', balance: string, ongoingBalance?: string | null, ongoingUsage?: string | null, consumed?: string | null, rate: string, topUpRate?: string | null, breakdown?: { __typename?: 'CreditBreakdown', free: string, purchased: string } | null } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null, trigger: RuleTrigger, interval?: RuleInterval | null, method: RuleMethod, thresholdCredits?: string | null, paidCredits?: string | null, grantedCredits?: string | null, targetOngoingBalance?: string | null, status: RuleStatus, invoiced?: boolean | null, startedAt?: string | null, expiresAt?: string | null, createdAt?: string | null, cooldown?: { __typename?: 'Cooldown', value: number, unit: CooldownUnit } | null }>, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> } };

export type CustomerWalletAlertsQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
}>;


export type CustomerWalletAlertsQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', wallets: Array<{ __typename?: 'Wallet', providerWalletId: string, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean, state?: AlertState | null, thresholds: Array<{ __typename?: 'AlertThreshold', level?: AlertLevel | null, value: string, condition: AlertCondition, metric: AlertMetric, recurring: boolean, code?: string | null, alertCode?: string | null }>, critical?: { __typename?: 'AlertThreshold', value: string } | null, warning?: { __typename?: 'AlertThreshold', value: string } | null, info?: { __typename?: 'AlertThreshold', value: string } | null } | null }> } };

export type WalletBalanceQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WalletBalanceQuery = { __typename?: 'Query', wallet?: { __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, status: WalletStatus, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } } | null };

export type WalletsConnectionQueryVariables = Exact<{
  filter?: InputMaybe<WalletFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WalletsConnectionQuery = { __typename?: 'Query', wallets: { __typename?: 'WalletConnection', edges: Array<{ __typename?: 'WalletEdge', cursor: string, node: { __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, currency: string, status: WalletStatus } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type NodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NodesQuery = { __typename?: 'Query', nodes: Array<{ __typename?: 'Customer', id: string } | { __typename?: 'Wallet', providerWalletId: string, id: string, balance: { __typename?: 'Money', amount: string, currency: string } } | { __typename?: 'WalletTransaction', id: string } | null> };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { __typename?: 'Query', providers: Array<{ __typename?: 'ProviderInfo', name: Provider, capabilities: { __typename?: 'ProviderCapabilities', credits: boolean, ongoingBalance: boolean, recurringRules: boolean, alerts: boolean, webhooks: boolean, batchWalletsById: boolean, batchWalletsByCustomer: boolean }, health: { __typename?: 'ProviderHealth', status: ProviderHealthStatus, latencyMs?: number | null, errorCode?: string | null, message?: string | null } }> };

export type FlexWalletFieldsFragment = { __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string }, ongoingBalance?: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string, currency: string } | null, credits?: { __typename?: 'WalletCredits', balance: string, ongoingBalance?: string | null, ongoingUsage?: string | null, consumed?: string | null, rate: string, topUpRate?: string | null, breakdown?: { __typename?: 'CreditBreakdown', free: string, purchased: string } | null } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null, trigger: RuleTrigger, interval?: RuleInterval | null, method: RuleMethod, thresholdCredits?: string | null, paidCredits?: string | null, grantedCredits?: string | null, targetOngoingBalance?: string | null, status: RuleStatus, invoiced?: boolean | null, cooldown?: { __typename?: 'Cooldown', value: number, unit: CooldownUnit } | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean, state?: AlertState | null, thresholds: Array<{ __typename?: 'AlertThreshold', level?: AlertLevel | null, value: string, condition: AlertCondition, metric: AlertMetric, recurring: boolean, code?: string | null, alertCode?: string | null }>, critical?: { __typename?: 'AlertThreshold', value: string } | null, warning?: { __typename?: 'AlertThreshold', value: string } | null, info?: { __typename?: 'AlertThreshold', value: string } | null } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> };

export type FlexCustomerWalletsQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
  filter?: InputMaybe<CustomerWalletFilter>;
}>;


export type FlexCustomerWalletsQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string }, ongoingBalance?: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string, currency: string } | null, credits?: { __typename?: 'WalletCredits', balance: string, ongoingBalance?: string | null, ongoingUsage?: string | null, consumed?: string | null, rate: string, topUpRate?: string | null, breakdown?: { __typename?: 'CreditBreakdown', free: string, purchased: string } | null } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null, trigger: RuleTrigger, interval?: RuleInterval | null, method: RuleMethod, thresholdCredits?: string | null, paidCredits?: string | null, grantedCredits?: string | null, targetOngoingBalance?: string | null, status: RuleStatus, invoiced?: boolean | null, cooldown?: { __typename?: 'Cooldown', value: number, unit: CooldownUnit } | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean, state?: AlertState | null, thresholds: Array<{ __typename?: 'AlertThreshold', level?: AlertLevel | null, value: string, condition: AlertCondition, metric: AlertMetric, recurring: boolean, code?: string | null, alertCode?: string | null }>, critical?: { __typename?: 'AlertThreshold', value: string } | null, warning?: { __typename?: 'AlertThreshold', value: string } | null, info?: { __typename?: 'AlertThreshold', value: string } | null } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> } };

export type FlexNodesQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type FlexNodesQuery = { __typename?: 'Query', nodes: Array<{ __typename?: 'Customer', id: string } | { __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string }, ongoingBalance?: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string, currency: string } | null, credits?: { __typename?: 'WalletCredits', balance: string, ongoingBalance?: string | null, ongoingUsage?: string | null, consumed?: string | null, rate: string, topUpRate?: string | null, breakdown?: { __typename?: 'CreditBreakdown', free: string, purchased: string } | null } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null, trigger: RuleTrigger, interval?: RuleInterval | null, method: RuleMethod, thresholdCredits?: string | null, paidCredits?: string | null, grantedCredits?: string | null, targetOngoingBalance?: string | null, status: RuleStatus, invoiced?: boolean | null, cooldown?: { __typename?: 'Cooldown', value: number, unit: CooldownUnit } | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean, state?: AlertState | null, thresholds: Array<{ __typename?: 'AlertThreshold', level?: AlertLevel | null, value: string, condition: AlertCondition, metric: AlertMetric, recurring: boolean, code?: string | null, alertCode?: string | null }>, critical?: { __typename?: 'AlertThreshold', value: string } | null, warning?: { __typename?: 'AlertThreshold', value: string } | null, info?: { __typename?: 'AlertThreshold', value: string } | null } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> } | { __typename?: 'WalletTransaction', id: string } | null> };

export type FlexWalletQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FlexWalletQuery = { __typename?: 'Query', wallet?: { __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string }, ongoingBalance?: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string, currency: string } | null, credits?: { __typename?: 'WalletCredits', balance: string, ongoingBalance?: string | null, ongoingUsage?: string | null, consumed?: string | null, rate: string, topUpRate?: string | null, breakdown?: { __typename?: 'CreditBreakdown', free: string, purchased: string } | null } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null, trigger: RuleTrigger, interval?: RuleInterval | null, method: RuleMethod, thresholdCredits?: string | null, paidCredits?: string | null, grantedCredits?: string | null, targetOngoingBalance?: string | null, status: RuleStatus, invoiced?: boolean | null, cooldown?: { __typename?: 'Cooldown', value: number, unit: CooldownUnit } | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean, state?: AlertState | null, thresholds: Array<{ __typename?: 'AlertThreshold', level?: AlertLevel | null, value: string, condition: AlertCondition, metric: AlertMetric, recurring: boolean, code?: string | null, alertCode?: string | null }>, critical?: { __typename?: 'AlertThreshold', value: string } | null, warning?: { __typename?: 'AlertThreshold', value: string } | null, info?: { __typename?: 'AlertThreshold', value: string } | null } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> } | null };

export type FlexWalletsQueryVariables = Exact<{
  filter?: InputMaybe<WalletFilter>;
}>;


export type FlexWalletsQuery = { __typename?: 'Query', wallets: { __typename?: 'WalletConnection', edges: Array<{ __typename?: 'WalletEdge', node: { __typename?: 'Wallet', providerWalletId: string, status: WalletStatus, currency: string, customer: { __typename?: 'WalletCustomer', externalId?: string | null }, ongoingBalance?: { __typename?: 'Money', amount: string } | null } }> } };

export type PolarCustomerFieldsFragment = { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, expiresAt?: string | null, terminatedAt?: string | null, lastTopUpAt?: string | null, lastConsumedAt?: string | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }, ongoingBalance?: { __typename?: 'Money', amount: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string } | null, credits?: { __typename?: 'WalletCredits', balance: string } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> };

export type PolarFourCustomersQueryVariables = Exact<{
  a: Scalars['String']['input'];
  b: Scalars['String']['input'];
  c: Scalars['String']['input'];
  d: Scalars['String']['input'];
}>;


export type PolarFourCustomersQuery = { __typename?: 'Query', a: { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, expiresAt?: string | null, terminatedAt?: string | null, lastTopUpAt?: string | null, lastConsumedAt?: string | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }, ongoingBalance?: { __typename?: 'Money', amount: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string } | null, credits?: { __typename?: 'WalletCredits', balance: string } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> }, b: { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, expiresAt?: string | null, terminatedAt?: string | null, lastTopUpAt?: string | null, lastConsumedAt?: string | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }, ongoingBalance?: { __typename?: 'Money', amount: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string } | null, credits?: { __typename?: 'WalletCredits', balance: string } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> }, c: { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, expiresAt?: string | null, terminatedAt?: string | null, lastTopUpAt?: string | null, lastConsumedAt?: string | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }, ongoingBalance?: { __typename?: 'Money', amount: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string } | null, credits?: { __typename?: 'WalletCredits', balance: string } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> }, d: { __typename?: 'Customer', externalId: string, balances: Array<{ __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }>, wallets: Array<{ __typename?: 'Wallet', id: string, provider: Provider, providerWalletId: string, name?: string | null, code?: string | null, status: WalletStatus, kind: WalletKind, currency: string, ongoingBalanceIsCached?: boolean | null, priority?: number | null, expiresAt?: string | null, terminatedAt?: string | null, lastTopUpAt?: string | null, lastConsumedAt?: string | null, createdAt?: string | null, updatedAt?: string | null, raw: unknown, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string, formatted: string }, ongoingBalance?: { __typename?: 'Money', amount: string } | null, ongoingUsage?: { __typename?: 'Money', amount: string } | null, credits?: { __typename?: 'WalletCredits', balance: string } | null, recurringTransactionRules: Array<{ __typename?: 'RecurringTransactionRule', id?: string | null }>, alertSettings?: { __typename?: 'AlertSettings', enabled: boolean } | null, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }> }> } };

export type PolarWalletsByIdQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type PolarWalletsByIdQuery = { __typename?: 'Query', nodes: Array<{ __typename?: 'Customer', id: string } | { __typename?: 'Wallet', providerWalletId: string, id: string, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, currency: string, minorUnits: string } } | { __typename?: 'WalletTransaction', id: string } | null> };

export type PolarAllWalletsQueryVariables = Exact<{
  filter?: InputMaybe<WalletFilter>;
}>;


export type PolarAllWalletsQuery = { __typename?: 'Query', wallets: { __typename?: 'WalletConnection', edges: Array<{ __typename?: 'WalletEdge', node: { __typename?: 'Wallet', providerWalletId: string, currency: string, customer: { __typename?: 'WalletCustomer', externalId?: string | null, providerCustomerId: string }, balance: { __typename?: 'Money', amount: string, minorUnits: string } } }> } };

export type WalletTransactionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WalletTransactionFilter>;
}>;


export type WalletTransactionsQuery = { __typename?: 'Query', wallet?: { __typename?: 'Wallet', providerWalletId: string, transactions?: { __typename?: 'WalletTransactionConnection', edges: Array<{ __typename?: 'WalletTransactionEdge', cursor: string, node: { __typename?: 'WalletTransaction', id: string, provider: Provider, providerTransactionId: string, direction: TransactionDirection, status: TransactionStatus, kind: TransactionKind, source: TransactionSource, credits?: string | null, creditBalanceAfter?: string | null, invoiceId?: string | null, name?: string | null, createdAt?: string | null, settledAt?: string | null, failedAt?: string | null, expiresAt?: string | null, raw: unknown, amount: { __typename?: 'Money', amount: string, currency: string, minorUnits: string }, metadata: Array<{ __typename?: 'MetadataEntry', key: string, value?: string | null }>, wallet?: { __typename?: 'Wallet', providerWalletId: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } | null } | null };

export type CustomerTransactionsQueryVariables = Exact<{
  externalId: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WalletTransactionFilter>;
}>;


export type CustomerTransactionsQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', transactions: { __typename?: 'WalletTransactionConnection', edges: Array<{ __typename?: 'WalletTransactionEdge', cursor: string, node: { __typename?: 'WalletTransaction', id: string, provider: Provider, providerTransactionId: string, createdAt?: string | null, kind: TransactionKind, amount: { __typename?: 'Money', amount: string, currency: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } };

export type TransactionNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TransactionNodeQuery = { __typename?: 'Query', node?: { __typename?: 'Customer', id: string } | { __typename?: 'Wallet', id: string } | { __typename?: 'WalletTransaction', providerTransactionId: string, kind: TransactionKind, id: string, amount: { __typename?: 'Money', amount: string, currency: string } } | null, walletTransaction?: { __typename?: 'WalletTransaction', providerTransactionId: string, wallet?: { __typename?: 'Wallet', providerWalletId: string } | null } | null };

export type TransactionCapabilitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type TransactionCapabilitiesQuery = { __typename?: 'Query', providers: Array<{ __typename?: 'ProviderInfo', name: Provider, capabilities: { __typename?: 'ProviderCapabilities', transactions: boolean, webhooks: boolean } }> };

export type TransactionCreatedSubscriptionVariables = Exact<{
  walletId?: InputMaybe<Scalars['ID']['input']>;
  customerExternalId?: InputMaybe<Scalars['String']['input']>;
}>;


export type TransactionCreatedSubscription = { __typename?: 'Subscription', walletTransactionCreated: { __typename?: 'WalletTransactionEvent', eventId: string, provider: Provider, change: TransactionChange, source: BalanceChangeSource, occurredAt: string, transaction?: { __typename?: 'WalletTransaction', id: string, providerTransactionId: string, direction: TransactionDirection, status: TransactionStatus, kind: TransactionKind, source: TransactionSource, credits?: string | null, createdAt?: string | null, amount: { __typename?: 'Money', amount: string, currency: string } } | null, wallet?: { __typename?: 'Wallet', providerWalletId: string, customer: { __typename?: 'WalletCustomer', externalId?: string | null } } | null } };

export const FlexWalletFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlexWalletFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"}},{"kind":"Field","name":{"kind":"Name","value":"consumed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"topUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdCredits"}},{"kind":"Field","name":{"kind":"Name","value":"paidCredits"}},{"kind":"Field","name":{"kind":"Name","value":"grantedCredits"}},{"kind":"Field","name":{"kind":"Name","value":"targetOngoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invoiced"}},{"kind":"Field","name":{"kind":"Name","value":"cooldown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"alertCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"critical"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<FlexWalletFieldsFragment, unknown>;
export const PolarCustomerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolarCustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"terminatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTopUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConsumedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<PolarCustomerFieldsFragment, unknown>;
export const CachedCustomerWalletsDocument = {"__meta__":{"hash":"5c9a792c137b47080b8cc28440150a0b5181608c6d77ec2009ff37650cd897bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CachedCustomerWallets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fresh"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"fresh"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fresh"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fetchedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CachedCustomerWalletsQuery, CachedCustomerWalletsQueryVariables>;
export const WalletPageDocument = {"__meta__":{"hash":"e0cfdfbb1a17e66e8664ddb6be4101444463162b2ae1ae203cf657b184ed536c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WalletPageQuery, WalletPageQueryVariables>;
export const NodeByIdDocument = {"__meta__":{"hash":"66090a91505e81d50296d9c37ae3d839fad06fd59587598547101d934c0ef92e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"knownBy"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const CustomerByExternalIdDocument = {"__meta__":{"hash":"ab8c859f03b0599801c0c974d2c1559579fcb32fd6dbc98bd71af51fee1dc584"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"knownBy"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerByExternalIdQuery, CustomerByExternalIdQueryVariables>;
export const LiveBalanceDocument = {"__meta__":{"hash":"b2cd1d24566409d3bfbea923833c0a814e861d3c3e6376195017d5b8dcc67fee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerExternalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"walletBalanceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerExternalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerExternalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}}]}}]}}]}}]} as unknown as DocumentNode<LiveBalanceSubscription, LiveBalanceSubscriptionVariables>;
export const BalanceChangedDocument = {"__meta__":{"hash":"b76b50e9ff3379b808aec514718279044f7072dd9c5463cdd66d3e96bea6dc61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BalanceChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerExternalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"walletBalanceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"walletId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerExternalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerExternalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"delta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BalanceChangedSubscription, BalanceChangedSubscriptionVariables>;
export const CustomerWalletsDocument = {"__meta__":{"hash":"db94b4c50b88561a98d95e19f601cf29c23872726d0344a70d541b20098300f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerWallets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerWalletFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"}},{"kind":"Field","name":{"kind":"Name","value":"consumed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"topUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"terminatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTopUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConsumedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdCredits"}},{"kind":"Field","name":{"kind":"Name","value":"paidCredits"}},{"kind":"Field","name":{"kind":"Name","value":"grantedCredits"}},{"kind":"Field","name":{"kind":"Name","value":"targetOngoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invoiced"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cooldown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerWalletsQuery, CustomerWalletsQueryVariables>;
export const CustomerWalletAlertsDocument = {"__meta__":{"hash":"b555718f1377d375a84d9c5866814738e8ae2f264dea703abf467b6d678655a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerWalletAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"alertCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"critical"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerWalletAlertsQuery, CustomerWalletAlertsQueryVariables>;
export const WalletBalanceDocument = {"__meta__":{"hash":"f79677832b3d88512d79b17c7da6a118da0dd9002b0204334705b59a5c9483b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}}]}}]}}]} as unknown as DocumentNode<WalletBalanceQuery, WalletBalanceQueryVariables>;
export const WalletsConnectionDocument = {"__meta__":{"hash":"029b3d7d98c655f57836b3c77e53eea9741e939c860299de723bbec00f83ebda"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletsConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WalletFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WalletsConnectionQuery, WalletsConnectionQueryVariables>;
export const NodesDocument = {"__meta__":{"hash":"32fc5ac2589338d648375c5d82deb4575b49800a24d45d819fcff9023b2ce055"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const ProvidersDocument = {"__meta__":{"hash":"0badc12c55ce0e2de134e5fbd5c374bb4c7e14d1899171f4a2ea26f0558ab710"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"recurringRules"}},{"kind":"Field","name":{"kind":"Name","value":"alerts"}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"}},{"kind":"Field","name":{"kind":"Name","value":"batchWalletsById"}},{"kind":"Field","name":{"kind":"Name","value":"batchWalletsByCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const FlexCustomerWalletsDocument = {"__meta__":{"hash":"87623cb282bd0bb2858b56c260defa6596d4ca79cd0604ebaca224cde7079508"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlexCustomerWallets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerWalletFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlexWalletFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlexWalletFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"}},{"kind":"Field","name":{"kind":"Name","value":"consumed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"topUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdCredits"}},{"kind":"Field","name":{"kind":"Name","value":"paidCredits"}},{"kind":"Field","name":{"kind":"Name","value":"grantedCredits"}},{"kind":"Field","name":{"kind":"Name","value":"targetOngoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invoiced"}},{"kind":"Field","name":{"kind":"Name","value":"cooldown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"alertCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"critical"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<FlexCustomerWalletsQuery, FlexCustomerWalletsQueryVariables>;
export const FlexNodesDocument = {"__meta__":{"hash":"23c4f1bed49d8af552f26067f2ca5ed1616c21d69e1bd3dd35316f49a4c7eadb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlexNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlexWalletFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlexWalletFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"}},{"kind":"Field","name":{"kind":"Name","value":"consumed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"topUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdCredits"}},{"kind":"Field","name":{"kind":"Name","value":"paidCredits"}},{"kind":"Field","name":{"kind":"Name","value":"grantedCredits"}},{"kind":"Field","name":{"kind":"Name","value":"targetOngoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invoiced"}},{"kind":"Field","name":{"kind":"Name","value":"cooldown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"alertCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"critical"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<FlexNodesQuery, FlexNodesQueryVariables>;
export const FlexWalletDocument = {"__meta__":{"hash":"09553db4fc14b51e2317bd9b7fa04eae27f5879618761327e38e0249b4542158"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlexWallet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlexWalletFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlexWalletFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"}},{"kind":"Field","name":{"kind":"Name","value":"consumed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"topUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"purchased"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdCredits"}},{"kind":"Field","name":{"kind":"Name","value":"paidCredits"}},{"kind":"Field","name":{"kind":"Name","value":"grantedCredits"}},{"kind":"Field","name":{"kind":"Name","value":"targetOngoingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invoiced"}},{"kind":"Field","name":{"kind":"Name","value":"cooldown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"alertCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"critical"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"info"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<FlexWalletQuery, FlexWalletQueryVariables>;
export const FlexWalletsDocument = {"__meta__":{"hash":"38ca60eb8f6f2ab1cc4ca46647cb31545012c00a453504f64fbbdb2f575908fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlexWallets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WalletFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlexWalletsQuery, FlexWalletsQueryVariables>;
export const PolarFourCustomersDocument = {"__meta__":{"hash":"2cf4b1c94d2824cc8287138183329b2f640b799d24a60d269814fb0e19eaad4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolarFourCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolarCustomerFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolarCustomerFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolarCustomerFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d"},"name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolarCustomerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolarCustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ongoingBalanceIsCached"}},{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"terminatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastTopUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConsumedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recurringTransactionRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]}}]} as unknown as DocumentNode<PolarFourCustomersQuery, PolarFourCustomersQueryVariables>;
export const PolarWalletsByIdDocument = {"__meta__":{"hash":"e71ed8e60799c1420ea8699aa7d45f02ed9f1332751919b9c70874df48c62ca0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolarWalletsById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Wallet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PolarWalletsByIdQuery, PolarWalletsByIdQueryVariables>;
export const PolarAllWalletsDocument = {"__meta__":{"hash":"705db7e096e6b7298df7a4799dc373151ee393027efb7505c61135740167f033"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolarAllWallets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WalletFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"providerCustomerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PolarAllWalletsQuery, PolarAllWalletsQueryVariables>;
export const WalletTransactionsDocument = {"__meta__":{"hash":"e7ed77ad8dc6a5bfb135c37c466b3cc4c589c29caa63b6f0b531dba785b2964e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletTransactions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WalletTransactionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"minorUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"settledAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WalletTransactionsQuery, WalletTransactionsQueryVariables>;
export const CustomerTransactionsDocument = {"__meta__":{"hash":"a8bab287e4aefb68f5e2b0a9a372c6d1cab1946bfb10cdaf2ecd65311bf04a7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerTransactions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WalletTransactionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerTransactionsQuery, CustomerTransactionsQueryVariables>;
export const TransactionNodeDocument = {"__meta__":{"hash":"cec964c14dd304f612c07f28c3df4841260f3a8f680fc2ef32759fbb545b7547"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransactionNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WalletTransaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"walletTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}}]}}]}}]}}]} as unknown as DocumentNode<TransactionNodeQuery, TransactionNodeQueryVariables>;
export const TransactionCapabilitiesDocument = {"__meta__":{"hash":"a8763a6973ba1fe4d652d3047d944cc3a4eaaa0592b44230765dd31794aecff5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransactionCapabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactions"}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"}}]}}]}}]}}]} as unknown as DocumentNode<TransactionCapabilitiesQuery, TransactionCapabilitiesQueryVariables>;
export const TransactionCreatedDocument = {"__meta__":{"hash":"cbe5a7b4711e0ff7773776c6cd6979dcaaf6802afa81a1845c30c4b906919cc5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TransactionCreated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerExternalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"walletTransactionCreated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"walletId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerExternalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerExternalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerWalletId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransactionCreatedSubscription, TransactionCreatedSubscriptionVariables>;