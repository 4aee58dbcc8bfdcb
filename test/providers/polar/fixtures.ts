/** Polar payloads shaped exactly as NOTES.md §2.4 prints them. */

/** NOTES §2.4's `CustomerWallet` / private `Wallet` example, verbatim. */
export const polarWalletSample = () => ({
  id: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
  created_at: '2025-11-12T09:34:05.123456Z',
  modified_at: null,
  customer_id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
  balance: 5000,
  currency: 'usd',
});

/** The §2.4 pagination envelope around wallets. */
export const polarListSample = (items: unknown[]) => ({
  items,
  pagination: { total_count: items.length, max_page: items.length > 0 ? 1 : 0 },
});
