import { GatewayError } from '../../errors.js';
import type { UpstreamClient } from '../http.js';
import {
  type PolarCustomer,
  type PolarCustomerSession,
  polarCustomer,
  polarCustomerList,
  polarCustomerSession,
  polarList,
  polarWalletUnchecked,
} from './api.js';

/** Polar's maximum page size: a larger limit is silently clamped to it (NOTES §0.8). */
export const POLAR_MAX_PAGE_SIZE = 100;
// A misbehaving upstream whose max_page never ends must not loop forever.
const MAX_PAGES = 1000;
// Ascending creation order: wallets are created lazily (NOTES §3), so new ones land on the last
// page instead of shifting every page under a running walk (the default is `-created_at`).
const SORTING = 'created_at';

interface PageBody<T> {
  readonly items: readonly T[];
  readonly pagination: { readonly max_page: number };
}

/**
 * Walks `page=1..max_page`, re-reading `max_page` on every page: the list can shrink under the
 * walk, and a page past the new end answers `{"items":[],"pagination":{"total_count":0,"max_page":0}}`
 * (NOTES §0.8). That answer ends the walk; it does not mean the list is empty.
 */
async function allPages<T>(fetchPage: (page: number) => Promise<PageBody<T>>): Promise<T[]> {
  const all: T[] = [];
  let maxPage = 1;
  for (let page = 1; page <= maxPage; page++) {
    if (page > MAX_PAGES)
      throw new GatewayError(
        'UPSTREAM_BAD_RESPONSE',
        `POLAR kept paginating past ${MAX_PAGES} pages`,
        { provider: 'POLAR' },
      );
    const body = await fetchPage(page);
    all.push(...body.items);
    maxPage = body.pagination.max_page;
  }
  return all;
}

/** Offset pages can repeat an item when the list grows during the walk; a wallet must count once. */
function uniqueById(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return true; // left for validation to reject
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const sessionAuth = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Polar's endpoints over the shared upstream client. Two clients because a 404 `ResourceNotFound`
 * means a missing wallet on wallet routes and a missing customer on customer routes (errors.ts).
 * Wallet items come back unvalidated (see api.ts).
 */
export class PolarClient {
  constructor(
    private readonly wallets: UpstreamClient,
    private readonly customers: UpstreamClient,
    private readonly pageSize: number = POLAR_MAX_PAGE_SIZE,
  ) {}

  /**
   * Private org-level `GET /v1/wallets/` (NOTES §2.1), every page. `customer_id` repeats for many
   * customers in one call (server-side SQL IN); without customers it lists the whole organisation.
   */
  async listOrgWallets(customerIds?: readonly string[]): Promise<unknown[]> {
    // An empty filter would silently widen to the whole organisation.
    if (customerIds && customerIds.length === 0) return [];
    const items = await allPages((page) =>
      this.wallets.request({
        path: '/wallets/',
        query: { customer_id: customerIds, sorting: SORTING, limit: this.pageSize, page },
        schema: polarList,
      }),
    );
    return uniqueById(items);
  }

  /** Private org-level `GET /v1/wallets/{id}`: 404 ResourceNotFound -> WALLET_NOT_FOUND. */
  getOrgWallet(id: string): Promise<unknown> {
    return this.wallets.request({
      path: `/wallets/${encodeURIComponent(id)}`,
      schema: polarWalletUnchecked,
    });
  }

  /** Public `GET /v1/customers/external/{external_id}`: 404 ResourceNotFound -> CUSTOMER_NOT_FOUND. */
  getCustomerByExternalId(externalId: string): Promise<PolarCustomer> {
    return this.customers.request({
      path: `/customers/external/${encodeURIComponent(externalId)}`,
      schema: polarCustomer,
    });
  }

  /** Public `GET /v1/customers/{id}`. */
  getCustomer(id: string): Promise<PolarCustomer> {
    return this.customers.request({
      path: `/customers/${encodeURIComponent(id)}`,
      schema: polarCustomer,
    });
  }

  /**
   * Public `GET /v1/customers/`, every page (100 customers per call), read customer by customer:
   * one that cannot be read is reported by id (where its id can be read) and costs only its own
   * wallets, never the organisation's.
   */
  async listCustomers(): Promise<{ customers: PolarCustomer[]; unreadableIds: string[] }> {
    const items = await allPages((page) =>
      this.customers.request({
        path: '/customers/',
        query: { limit: this.pageSize, page },
        schema: polarCustomerList,
      }),
    );
    const customers: PolarCustomer[] = [];
    const unreadableIds: string[] = [];
    for (const item of items) {
      const parsed = polarCustomer.safeParse(item);
      if (parsed.success) customers.push(parsed.data);
      else {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string') unreadableIds.push(id);
      }
    }
    return { customers, unreadableIds };
  }

  /**
   * Public `POST /v1/customer-sessions/` with the organisation token (§2.3). Retried like a read:
   * a repeat only creates a spare short-lived session.
   */
  createSession(customerId: string): Promise<PolarCustomerSession> {
    return this.customers.request({
      method: 'POST',
      idempotent: true,
      path: '/customer-sessions/',
      body: { customer_id: customerId },
      schema: polarCustomerSession,
    });
  }

  /** Public `GET /v1/customer-portal/wallets/` with a customer session token: that customer's wallets only (§2.2). */
  async listPortalWallets(sessionToken: string): Promise<unknown[]> {
    const items = await allPages((page) =>
      this.wallets.request({
        path: '/customer-portal/wallets/',
        query: { sorting: SORTING, limit: this.pageSize, page },
        headers: sessionAuth(sessionToken),
        schema: polarList,
      }),
    );
    return uniqueById(items);
  }

  /** Public `GET /v1/customer-portal/wallets/{id}` with a customer session token. */
  getPortalWallet(sessionToken: string, id: string): Promise<unknown> {
    return this.wallets.request({
      path: `/customer-portal/wallets/${encodeURIComponent(id)}`,
      headers: sessionAuth(sessionToken),
      schema: polarWalletUnchecked,
    });
  }

  /** The cheapest authenticated call the adapter always depends on: one customer. */
  async ping(): Promise<void> {
    await this.customers.request({
      path: '/customers/',
      query: { limit: 1, page: 1 },
      schema: polarCustomerList,
    });
  }
}
