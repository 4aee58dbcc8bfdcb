import type { z } from 'zod';
import { GatewayError } from '../../errors.js';
import type { ErrorMapper, UpstreamClient } from '../http.js';
import {
  type LagoPaginationMeta,
  lagoErrorBody,
  lagoTransactionEnvelope,
  lagoTransactionList,
  lagoWalletAlertList,
  lagoWalletEnvelope,
  lagoWalletList,
  lagoWebhookPublicKey,
} from './api.js';
import { decodeLagoPublicKey } from './webhook-key.js';

const PER_PAGE = 100;
// A misbehaving upstream whose next_page never ends must not loop forever.
const MAX_PAGES = 1000;

/** Lago error bodies (NOTES §1) -> gateway codes. */
export const mapLagoError: ErrorMapper = (status, body) => {
  const parsed = lagoErrorBody.safeParse(body);
  const upstreamCode = parsed.success ? parsed.data.code : undefined;
  if (status === 404 && upstreamCode === 'wallet_not_found')
    return { code: 'WALLET_NOT_FOUND', upstreamCode, message: 'Wallet not found' };
  if (status === 404 && upstreamCode === 'customer_not_found')
    return { code: 'CUSTOMER_NOT_FOUND', upstreamCode, message: 'Customer not found' };
  if (status === 404 && upstreamCode === 'wallet_transaction_not_found')
    return { code: 'TRANSACTION_NOT_FOUND', upstreamCode, message: 'Wallet transaction not found' };
  if (upstreamCode)
    return {
      code:
        status === 401 || status === 403
          ? 'UPSTREAM_UNAUTHORIZED'
          : status >= 500
            ? 'UPSTREAM_UNAVAILABLE'
            : 'UPSTREAM_ERROR',
      upstreamCode,
    };
  return undefined;
};

/** Lago's wallet endpoints over the shared upstream client. Items come back unvalidated (see api.ts). */
export class LagoClient {
  constructor(private readonly http: UpstreamClient) {}

  async getWallet(lagoId: string): Promise<unknown> {
    const body = await this.http.request({
      path: `/wallets/${encodeURIComponent(lagoId)}`,
      schema: lagoWalletEnvelope,
    });
    return body.wallet;
  }

  /**
   * `GET /wallets`, every page. With no customer it lists the whole organisation (Lago ≥ v1.47;
   * older servers answer 404 customer_not_found, NOTES §2).
   */
  async listWallets(filter: {
    externalCustomerId?: string | undefined;
    currency?: string | undefined;
  }): Promise<unknown[]> {
    return this.allPages(
      (page) => ({
        path: '/wallets',
        query: {
          external_customer_id: filter.externalCustomerId,
          currency: filter.currency,
          page,
          per_page: PER_PAGE,
        },
        schema: lagoWalletList,
      }),
      (body) => body.wallets,
    );
  }

  /**
   * One page of a wallet's transactions, `created_at DESC, id ASC` (NOTES §1), with the filters
   * Lago applies (NOTES §2). 404 `wallet_not_found` for an unknown wallet.
   */
  async walletTransactions(
    lagoId: string,
    query: {
      readonly page: number;
      readonly perPage: number;
      readonly status?: string | undefined;
      readonly transactionStatus?: string | undefined;
      readonly transactionType?: string | undefined;
    },
  ): Promise<{ items: unknown[]; meta: LagoPaginationMeta }> {
    const body = await this.http.request({
      path: `/wallets/${encodeURIComponent(lagoId)}/wallet_transactions`,
      query: {
        page: query.page,
        per_page: query.perPage,
        status: query.status,
        transaction_status: query.transactionStatus,
        transaction_type: query.transactionType,
      },
      schema: lagoTransactionList,
    });
    return { items: body.wallet_transactions, meta: body.meta };
  }

  /** `GET /wallet_transactions/{lago_id}`: one transaction, 404 `wallet_transaction_not_found`. */
  async walletTransaction(lagoId: string): Promise<unknown> {
    const body = await this.http.request({
      path: `/wallet_transactions/${encodeURIComponent(lagoId)}`,
      schema: lagoTransactionEnvelope,
    });
    return body.wallet_transaction;
  }

  /** Wallet alerts are addressed by customer and wallet code (NOTES §2). */
  async listWalletAlerts(externalCustomerId: string, walletCode: string): Promise<unknown[]> {
    return this.allPages(
      (page) => ({
        path: `/customers/${encodeURIComponent(externalCustomerId)}/wallets/${encodeURIComponent(walletCode)}/alerts`,
        query: { page, per_page: PER_PAGE },
        schema: lagoWalletAlertList,
      }),
      (body) => body.alerts,
    );
  }

  /**
   * The RSA public key (PEM) that verifies Lago's JWT-signed webhooks (NOTES §8). Needs the API
   * key permission `webhook_jwt_public_key:read`. Cache it: see webhook-key.ts.
   */
  async webhookPublicKey(): Promise<string> {
    const body = await this.http.request({
      path: '/webhooks/json_public_key',
      schema: lagoWebhookPublicKey,
    });
    const pem = decodeLagoPublicKey(body.webhook.public_key);
    if (!pem)
      throw new GatewayError(
        'UPSTREAM_BAD_RESPONSE',
        'LAGO sent a webhook public key that is not a PEM public key',
        { provider: 'LAGO' },
      );
    return pem;
  }

  async ping(): Promise<void> {
    // The cheapest authenticated call Lago has for a wallet reader: an empty page of wallets.
    await this.http.request({
      path: '/wallets',
      query: { page: 1, per_page: 1 },
      schema: lagoWalletList,
    });
  }

  private async allPages<
    S extends z.ZodType<{ meta?: { next_page?: number | null | undefined } | null | undefined }>,
    T,
  >(
    request: (page: number) => Parameters<UpstreamClient['request']>[0] & { schema: S },
    items: (body: z.output<S>) => T[],
  ): Promise<T[]> {
    const all: T[] = [];
    let page: number | null | undefined = 1;
    for (let n = 0; page; n++) {
      if (n >= MAX_PAGES)
        throw new GatewayError(
          'UPSTREAM_BAD_RESPONSE',
          `LAGO kept paginating past ${MAX_PAGES} pages`,
          { provider: 'LAGO' },
        );
      const body: z.output<S> = await this.http.request(request(page));
      all.push(...items(body));
      const next: number | null | undefined = body.meta?.next_page;
      page = next && next > page ? next : null;
    }
    return all;
  }
}
