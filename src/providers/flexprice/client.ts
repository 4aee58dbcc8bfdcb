import { z } from 'zod';
import type { ErrorMapper, UpstreamClient } from '../http.js';
import {
  type FlexpriceCustomer,
  type FlexpriceFilterCondition,
  flexpriceCustomer,
  flexpriceCustomerList,
  flexpriceCustomerWallets,
  flexpriceErrorBody,
  flexpriceTransactionList,
  flexpriceWalletList,
} from './api.js';

const BREAKDOWN = 'credits_available_breakdown';
// CustomerFilter.limit is 1..1000 (spec types.CustomerFilter).
const CUSTOMER_PAGE = 1000;

/**
 * Flexprice error bodies (NOTES §1) -> gateway codes. A 404 means "not found" only with the
 * standard `not_found` body: gin's bare "404 page not found" (a wrong base URL) must not read as
 * a missing wallet. Which resource was missing depends on the route, hence one mapper per kind.
 */
export function mapFlexpriceError(resource: 'wallet' | 'customer'): ErrorMapper {
  return (status, body) => {
    const parsed = flexpriceErrorBody.safeParse(body);
    const upstreamCode = parsed.success ? parsed.data.code : undefined;
    const withCode = upstreamCode ? { upstreamCode } : {};
    if (status === 404 && upstreamCode === 'not_found') {
      return resource === 'wallet'
        ? { code: 'WALLET_NOT_FOUND', upstreamCode, message: 'Wallet not found' }
        : { code: 'CUSTOMER_NOT_FOUND', upstreamCode, message: 'Customer not found' };
    }
    // Auth failures use their own `{"error": …}` bodies (NOTES §1); the status says enough.
    if (status === 401 || status === 403) return { code: 'UPSTREAM_UNAUTHORIZED', ...withCode };
    if (status === 429) return { code: 'UPSTREAM_RATE_LIMITED', ...withCode };
    if (status >= 500) return { code: 'UPSTREAM_UNAVAILABLE', ...withCode };
    return upstreamCode ? { code: 'UPSTREAM_ERROR', upstreamCode } : undefined;
  };
}

/**
 * Flexprice's wallet and customer endpoints over the shared upstream client. Wallet items come
 * back unvalidated: the provider validates each on its own (see api.ts).
 */
export class FlexpriceClient {
  constructor(
    /** For wallet routes: a `not_found` is WALLET_NOT_FOUND. */
    private readonly walletHttp: UpstreamClient,
    /** For customer routes: a `not_found` is CUSTOMER_NOT_FOUND. */
    private readonly customerHttp: UpstreamClient,
  ) {}

  /**
   * `POST /wallets/search` with `wallet_ids`: one call for any number of ids, every wallet status.
   * It does not paginate (NOTES §0.5). No `expand`: active wallets are re-read through the
   * real-time route, which carries the breakdown; asking here would cost one breakdown query per
   * wallet upstream for closed wallets only.
   */
  async searchWallets(walletIds: readonly string[]): Promise<unknown[]> {
    const body = await this.walletHttp.request({
      method: 'POST',
      idempotent: true,
      path: '/wallets/search',
      body: { wallet_ids: walletIds },
      schema: flexpriceWalletList,
    });
    return body.items;
  }

  /** `GET /wallets`: every wallet of the environment (undocumented, NOTES §2/§8.7; not paginated). */
  async listWallets(): Promise<unknown[]> {
    const body = await this.walletHttp.request({ path: '/wallets', schema: flexpriceWalletList });
    return body.items;
  }

  /** `GET /wallets/{id}/balance/real-time`: one `WalletBalanceResponse` (NOTES §3.2, §4). */
  walletBalance(walletId: string): Promise<unknown> {
    return this.walletHttp.request({
      path: `/wallets/${encodeURIComponent(walletId)}/balance/real-time`,
      query: { expand: BREAKDOWN },
      schema: z.unknown(),
    });
  }

  /**
   * `GET /customers/wallets` with real-time balances: `[]WalletBalanceResponse`, active wallets
   * only (NOTES §2, §8.2). `lookup_key` is the customer's external_id. An unknown customer is a
   * 404, i.e. CUSTOMER_NOT_FOUND.
   */
  async customerWallets(
    customer: { lookupKey: string } | { customerId: string },
  ): Promise<unknown[]> {
    return this.customerHttp.request({
      path: '/customers/wallets',
      query: {
        ...('lookupKey' in customer
          ? { lookup_key: customer.lookupKey }
          : { id: customer.customerId }),
        include_real_time_balance: true,
        // Applied only together with include_real_time_balance (NOTES §2).
        expand: BREAKDOWN,
      },
      schema: flexpriceCustomerWallets,
    });
  }

  /**
   * Customers by Flexprice id, via `POST /customers/search` with `customer_ids` (spec
   * `types.CustomerFilter`; NOTES does not cover customers): one call per 1000 ids. Items that do
   * not parse are skipped; their wallets simply keep an unknown external id.
   */
  async customersByIds(customerIds: readonly string[]): Promise<FlexpriceCustomer[]> {
    const found: FlexpriceCustomer[] = [];
    for (let i = 0; i < customerIds.length; i += CUSTOMER_PAGE) {
      const chunk = customerIds.slice(i, i + CUSTOMER_PAGE);
      const body = await this.customerHttp.request({
        method: 'POST',
        idempotent: true,
        path: '/customers/search',
        body: { customer_ids: chunk, limit: chunk.length, offset: 0 },
        schema: flexpriceCustomerList,
      });
      for (const item of body.items) {
        const parsed = flexpriceCustomer.safeParse(item);
        if (parsed.success) found.push(parsed.data);
      }
    }
    return found;
  }

  /** `GET /customers/{id}`: one customer by Flexprice id (spec `getCustomer`). */
  customer(customerId: string): Promise<FlexpriceCustomer> {
    return this.customerHttp.request({
      path: `/customers/${encodeURIComponent(customerId)}`,
      schema: flexpriceCustomer,
    });
  }

  /**
   * `POST /wallets/transactions/search` (NOTES §3.7): one page of transactions matching
   * `filters` (any column: `wallet_id`, `customer_id`, `transaction_reason`, `id`) and the plain
   * filters, in the given sort. `total` counts every match; the response's `pagination.offset` is
   * the *next* offset (NOTES §1), so callers count from the offset they asked for.
   */
  async searchTransactions(query: {
    readonly filters: readonly FlexpriceFilterCondition[];
    readonly limit: number;
    readonly offset: number;
    readonly type?: string | undefined;
    readonly transactionStatus?: string | undefined;
    readonly startTime?: string | undefined;
    readonly endTime?: string | undefined;
  }): Promise<{ items: unknown[]; total: number | undefined }> {
    const body = await this.walletHttp.request({
      method: 'POST',
      idempotent: true,
      path: '/wallets/transactions/search',
      body: {
        filters: query.filters,
        // created_at alone leaves ties in no particular order: the id makes the order total.
        sort: [
          { field: 'created_at', direction: 'desc' },
          { field: 'id', direction: 'asc' },
        ],
        limit: query.limit,
        offset: query.offset,
        ...(query.type && { type: query.type }),
        ...(query.transactionStatus && { transaction_status: query.transactionStatus }),
        ...(query.startTime && { start_time: query.startTime }),
        ...(query.endTime && { end_time: query.endTime }),
      },
      schema: flexpriceTransactionList,
    });
    return { items: body.items, total: body.pagination?.total };
  }

  /** The cheapest authenticated read: one customer, paginated and index-backed. */
  async ping(): Promise<void> {
    await this.customerHttp.request({
      method: 'POST',
      idempotent: true,
      path: '/customers/search',
      body: { limit: 1, offset: 0 },
      schema: flexpriceCustomerList,
    });
  }
}
