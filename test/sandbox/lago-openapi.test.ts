import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LagoSandbox, startLagoSandbox } from '../../src/providers/lago/sandbox/server.js';
import { loadSpec } from '../helpers/openapi.js';

/**
 * The Lago sandbox's responses, checked against Lago's own OpenAPI file, minus the spec errors
 * NOTES.md lists (each adjustment names its section).
 */
const spec = loadSpec('lago/openapi/openapi.yaml', (doc) => {
  const schemas = (
    doc.components as {
      schemas: Record<
        string,
        { required?: string[]; properties?: Record<string, { type?: unknown }> }
      >;
    }
  ).schemas;
  // NOTES §9.1: WalletObject.required lists `balance`, which the serializer dropped in 2023.
  schemas.WalletObject!.required = schemas.WalletObject!.required!.filter((f) => f !== 'balance');
  // NOTES §3/§7: `payment_method` is always present with `payment_method_id: null` by default;
  // PaymentMethodReference types the id as a non-null string.
  schemas.PaymentMethodReference!.properties!.payment_method_id!.type = ['string', 'null'];
});

let lago: LagoSandbox;
const auth = () => ({ authorization: `Bearer ${lago.apiKey}` });
const get = async (path: string, headers: Record<string, string> = auth()) => {
  const res = await fetch(`${lago.url}/api/v1${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  lago = await startLagoSandbox();
});
afterAll(() => lago.close());

describe('Lago sandbox against openapi.yaml', () => {
  it('GET /wallets/{lago_id} matches the Wallet schema, for every seeded wallet', async () => {
    const schema = spec.responseSchema('/wallets/{lago_id}', 'get', 200);
    for (const w of lago.store.wallets) {
      const { status, body } = await get(`/wallets/${w.lago_id}`);
      expect(status).toBe(200);
      expect(spec.validate(schema, body)).toEqual([]);
    }
  });

  it('GET /wallets?external_customer_id= matches Wallets with PaginationMeta', async () => {
    const { status, body } = await get('/wallets?external_customer_id=hooli_1234&per_page=2');
    expect(status).toBe(200);
    expect(spec.validate(spec.responseSchema('/wallets', 'get', 200), body)).toEqual([]);
    expect(body.meta).toEqual({
      current_page: 1,
      next_page: 2,
      prev_page: null,
      total_pages: 2,
      total_count: 3,
    });
  });

  it('GET /customers/{id}/wallets/{code}/alerts matches WalletAlerts', async () => {
    const { status, body } = await get('/customers/hooli_1234/wallets/prepaid/alerts');
    expect(status).toBe(200);
    expect(
      spec.validate(
        spec.responseSchema(
          '/customers/{external_customer_id}/wallets/{wallet_code}/alerts',
          'get',
          200,
        ),
        body,
      ),
    ).toEqual([]);
  });

  it('errors use the documented bodies: 401, 404 wallet_not_found, 404 customer_not_found, 422', async () => {
    const unauthorized = await get('/wallets/x', { authorization: 'Bearer wrong' });
    expect(unauthorized).toEqual({ status: 401, body: { status: 401, error: 'Unauthorized' } });
    expect(
      spec.validate(spec.responseSchema('/wallets/{lago_id}', 'get', 401), unauthorized.body),
    ).toEqual([]);

    const missing = await get('/wallets/00000000-0000-4000-8000-000000000000');
    expect(missing).toEqual({
      status: 404,
      body: { status: 404, error: 'Not Found', code: 'wallet_not_found' },
    });
    expect(
      spec.validate(spec.responseSchema('/wallets/{lago_id}', 'get', 404), missing.body),
    ).toEqual([]);

    expect(await get('/wallets?external_customer_id=nobody')).toEqual({
      status: 404,
      body: { status: 404, error: 'Not Found', code: 'customer_not_found' },
    });

    const res = await fetch(`${lago.url}/api/v1/wallet_transactions`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ wallet_transaction: { wallet_id: 'nope', granted_credits: '1.0' } }),
    });
    // NOTES §9.6: an unknown wallet on top-up is a 422, not a 404.
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toEqual({
      status: 422,
      error: 'Unprocessable Entity',
      code: 'validation_errors',
      error_details: { wallet_id: ['wallet_not_found'] },
    });
    expect(spec.validate(spec.responseSchema('/wallet_transactions', 'post', 422), body)).toEqual(
      [],
    );
  });

  it('an empty list reports current_page 0 and total_pages 0 (pagination.rb)', async () => {
    const { body } = await get('/wallets?external_customer_id=acme_42&currency=JPY');
    expect(body).toEqual({
      wallets: [],
      meta: { current_page: 0, next_page: null, prev_page: null, total_pages: 0, total_count: 0 },
    });
  });

  it('omits metadata when empty and keeps milliseconds on terminated_at (NOTES §3)', async () => {
    const terminated = (await get('/wallets/1a901a90-1a90-4a90-8a90-000000000003')).body
      .wallet as Record<string, unknown>;
    expect(terminated).not.toHaveProperty('metadata');
    expect(terminated).not.toHaveProperty('balance');
    expect(terminated.terminated_at).toBe('2025-01-05T16:35:31.123Z');
  });
});

describe('Lago sandbox transaction routes against openapi.yaml (NOTES §2, §5)', () => {
  const WALLET = '1a901a90-1a90-4a90-8a90-000000000001';
  const transactionsOf = async (query: string) =>
    (await get(`/wallets/${WALLET}/wallet_transactions${query}`)).body as {
      wallet_transactions: Record<string, unknown>[];
      meta: Record<string, unknown>;
    };

  it('GET /wallets/{lago_id}/wallet_transactions matches WalletTransactionsPaginated, paged by page/per_page', async () => {
    const { status, body } = await get(`/wallets/${WALLET}/wallet_transactions?per_page=2`);
    expect(status).toBe(200);
    expect(
      spec.validate(
        spec.responseSchema('/wallets/{lago_id}/wallet_transactions', 'get', 200),
        body,
      ),
    ).toEqual([]);
    expect(body.meta).toEqual({
      current_page: 1,
      next_page: 2,
      prev_page: null,
      total_pages: 4,
      total_count: 8,
    });
    // created_at DESC, id ASC (base_query.rb): newest first.
    const created = (body.wallet_transactions as { created_at: string }[]).map((t) => t.created_at);
    expect(created).toEqual([...created].sort().reverse());
    const last = await transactionsOf('?per_page=2&page=4');
    expect(last.meta).toMatchObject({ current_page: 4, next_page: null, prev_page: 3 });
  });

  it('filters by status, transaction_status, transaction_type and metadata; ignores values it does not know', async () => {
    const outbound = await transactionsOf('?transaction_type=outbound');
    expect(outbound.wallet_transactions.map((t) => t.transaction_type)).toEqual([
      'outbound',
      'outbound',
      'outbound',
    ]);
    expect((await transactionsOf('?status=pending')).meta.total_count).toBe(1);
    expect(
      (await transactionsOf('?transaction_status=purchased&status=failed')).wallet_transactions,
    ).toHaveLength(1);
    expect((await transactionsOf('?metadata[order]=A-1001')).meta.total_count).toBe(1);
    expect((await transactionsOf('?status=bogus')).meta.total_count).toBe(8);
  });

  it('GET /wallet_transactions/{lago_id} wraps the object in wallet_transaction (NOTES §9.2); unknown ids are 404', async () => {
    const id = '4d904d90-4d90-4d90-8d90-000000000002';
    const { status, body } = await get(`/wallet_transactions/${id}`);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['wallet_transaction']);
    // The spec's 200 schema is the bare object: it validates what is inside the root key.
    expect(
      spec.validate(
        spec.responseSchema('/wallet_transactions/{lago_id}', 'get', 200),
        body.wallet_transaction,
      ),
    ).toEqual([]);
    expect(body.wallet_transaction).toMatchObject({
      lago_id: id,
      amount: '30.0',
      credit_amount: '20.0',
      applied_invoice_custom_sections: [],
    });
    expect(await get('/wallet_transactions/00000000-0000-4000-8000-000000000000')).toEqual({
      status: 404,
      body: { status: 404, error: 'Not Found', code: 'wallet_transaction_not_found' },
    });
    expect(await get('/wallets/00000000-0000-4000-8000-000000000000/wallet_transactions')).toEqual({
      status: 404,
      body: { status: 404, error: 'Not Found', code: 'wallet_not_found' },
    });
  });

  it('POST /wallet_transactions answers paid, granted and voided in that order; too much voided is a 422', async () => {
    const top = async (input: Record<string, unknown>) => {
      const res = await fetch(`${lago.url}/api/v1/wallet_transactions`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json' },
        body: JSON.stringify({ wallet_transaction: { wallet_id: WALLET, ...input } }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const { status, body } = await top({
      paid_credits: '5.0',
      granted_credits: '1.0',
      voided_credits: '1.0',
    });
    expect(status).toBe(200);
    expect(spec.validate(spec.responseSchema('/wallet_transactions', 'post', 200), body)).toEqual(
      [],
    );
    expect(
      (body.wallet_transactions as Record<string, unknown>[]).map((t) => [
        t.transaction_status,
        t.status,
      ]),
    ).toEqual([
      ['purchased', 'pending'],
      ['granted', 'settled'],
      ['voided', 'settled'],
    ]);
    expect(await top({ voided_credits: '100000.0' })).toEqual({
      status: 422,
      body: {
        status: 422,
        error: 'Unprocessable Entity',
        code: 'validation_errors',
        error_details: { voided_credits: ['insufficient_credits'] },
      },
    });
  });
});
