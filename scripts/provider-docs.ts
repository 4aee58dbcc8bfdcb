import { readFileSync, writeFileSync } from 'node:fs';
import type { ProviderModule } from '../src/providers/module.js';
import { PROVIDERS } from '../src/providers/registered.js';

/**
 * The generated parts of docs/providers.md (`npm run provider-docs`): the upstream calls and the
 * mapping tables, one row per unified field and one column per registered provider, composed
 * from each provider's src/providers/<id>/fields.ts. A test fails when the copy is stale.
 */

/** A table row: its label in the first column and the schema coordinate whose docs fill it. */
type Row = readonly [label: string, coordinate: string];

const WALLET_ROWS: readonly Row[] = [
  ['`id`', 'Wallet.id'],
  ['`provider`', 'Wallet.provider'],
  ['`providerWalletId`', 'Wallet.providerWalletId'],
  ['`customer.externalId`', 'WalletCustomer.externalId'],
  ['`customer.providerCustomerId`', 'WalletCustomer.providerCustomerId'],
  ['`name`', 'Wallet.name'],
  ['`code`', 'Wallet.code'],
  ['`status`', 'Wallet.status'],
  ['`kind`', 'Wallet.kind'],
  ['`currency`', 'Wallet.currency'],
  ['`balance`', 'Wallet.balance'],
  ['`ongoingBalance`', 'Wallet.ongoingBalance'],
  ['`ongoingUsage`', 'Wallet.ongoingUsage'],
  ['`ongoingBalanceIsCached`', 'Wallet.ongoingBalanceIsCached'],
  ['`credits.balance`', 'WalletCredits.balance'],
  ['`credits.ongoingBalance`', 'WalletCredits.ongoingBalance'],
  ['`credits.ongoingUsage`', 'WalletCredits.ongoingUsage'],
  ['`credits.consumed`', 'WalletCredits.consumed'],
  ['`credits.rate`', 'WalletCredits.rate'],
  ['`credits.topUpRate`', 'WalletCredits.topUpRate'],
  ['`credits.breakdown`', 'WalletCredits.breakdown'],
  ['`priority`', 'Wallet.priority'],
  ['`expiresAt`', 'Wallet.expiresAt'],
  ['`terminatedAt`', 'Wallet.terminatedAt'],
  ['`lastTopUpAt`', 'Wallet.lastTopUpAt'],
  ['`lastConsumedAt`', 'Wallet.lastConsumedAt'],
  ['`createdAt`', 'Wallet.createdAt'],
  ['`updatedAt`', 'Wallet.updatedAt'],
  ['`recurringTransactionRules`', 'Wallet.recurringTransactionRules'],
  ['`alertSettings`', 'Wallet.alertSettings'],
  ['`metadata`', 'Wallet.metadata'],
  ['`raw`', 'Wallet.raw'],
];

const TRANSACTION_ROWS: readonly Row[] = [
  ['`Wallet.transactions`', 'Wallet.transactions'],
  ['`Customer.transactions`', 'Customer.transactions'],
  ['`id`', 'WalletTransaction.id'],
  ['`providerTransactionId`', 'WalletTransaction.providerTransactionId'],
  ['`direction`', 'WalletTransaction.direction'],
  ['`status`', 'WalletTransaction.status'],
  ['`kind`', 'WalletTransaction.kind'],
  ['`source`', 'WalletTransaction.source'],
  ['`amount`', 'WalletTransaction.amount'],
  ['`credits`', 'WalletTransaction.credits'],
  ['`creditBalanceAfter`', 'WalletTransaction.creditBalanceAfter'],
  ['`invoiceId`', 'WalletTransaction.invoiceId'],
  ['`name`', 'WalletTransaction.name'],
  ['`createdAt`', 'WalletTransaction.createdAt'],
  ['`settledAt`', 'WalletTransaction.settledAt'],
  ['`failedAt`', 'WalletTransaction.failedAt'],
  ['`expiresAt`', 'WalletTransaction.expiresAt'],
  ['`metadata`', 'WalletTransaction.metadata'],
  ['`raw`', 'WalletTransaction.raw'],
  ['filter `direction`', 'WalletTransactionFilter.direction'],
  ['filter `status`', 'WalletTransactionFilter.status'],
  ['filter `kind`', 'WalletTransactionFilter.kind'],
  ['filter `createdSince`', 'WalletTransactionFilter.createdSince'],
  ['filter `createdUntil`', 'WalletTransactionFilter.createdUntil'],
];

/** Each wire value a provider sends for the transaction enums, and the member it becomes. */
const TRANSACTION_ENUM_ROWS: readonly Row[] = (
  [
    ['TransactionDirection', ['CREDIT', 'DEBIT']],
    ['TransactionStatus', ['PENDING', 'SETTLED', 'FAILED']],
    [
      'TransactionKind',
      ['PURCHASED', 'GRANTED', 'USAGE', 'VOIDED', 'EXPIRED', 'REFUND', 'TERMINATION', 'ADJUSTMENT'],
    ],
    [
      'TransactionSource',
      ['MANUAL', 'INTERVAL_RULE', 'THRESHOLD_RULE', 'INVOICE', 'SUBSCRIPTION', 'SYSTEM'],
    ],
  ] as const
).flatMap(([type, members]) =>
  members.map((member): Row => [`\`${type}.${member}\``, `${type}.${member}`]),
);

/** Every coordinate a table shows (a test checks each names a field of the schema). */
export const DOCUMENTED_COORDINATES = [
  ...WALLET_ROWS,
  ...TRANSACTION_ROWS,
  ...TRANSACTION_ENUM_ROWS,
].map(([, c]) => c);

/** A provider's cell: its detail, else its short note; `null` where it has none, `—` when silent. */
function cell(provider: ProviderModule, coordinate: string): string {
  const doc = provider.docs.fields[coordinate];
  if (!doc) return '—';
  return (doc.detail ?? doc.short ?? 'null').replaceAll('|', '\\|');
}

function table(rows: readonly Row[], first: string): string {
  return [
    `| ${first} | ${PROVIDERS.map((p) => p.docs.title).join(' | ')} |`,
    `|---|${PROVIDERS.map(() => '---').join('|')}|`,
    ...rows.map(
      ([label, coordinate]) =>
        `| ${label} | ${PROVIDERS.map((p) => cell(p, coordinate)).join(' | ')} |`,
    ),
  ].join('\n');
}

function upstreamCalls(): string {
  return `Upstream calls: ${PROVIDERS.map((p) => `**${p.docs.title}** ${p.docs.upstreamCalls}.`).join(' ')}`;
}

const SECTIONS: Readonly<Record<string, () => string>> = {
  'upstream-calls': upstreamCalls,
  'wallet-table': () => table(WALLET_ROWS, 'Unified field'),
  'transaction-table': () => table(TRANSACTION_ROWS, 'Unified field'),
  'transaction-enum-table': () => table(TRANSACTION_ENUM_ROWS, 'Member'),
};

const start = (name: string) => `<!-- ${name}:start (generated by npm run provider-docs) -->`;
const end = (name: string) => `<!-- ${name}:end -->`;

/** docs/providers.md with every generated section rewritten from the registered providers. */
export function withProviderDocs(text: string): string {
  let out = text;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const from = out.indexOf(start(name));
    const to = out.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`docs/providers.md has no ${name} markers`);
    out = `${out.slice(0, from)}${start(name)}\n${make()}\n${out.slice(to)}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../docs/providers.md', import.meta.url);
  writeFileSync(path, withProviderDocs(readFileSync(path, 'utf8')));
  process.stdout.write('docs/providers.md generated sections written\n');
}
