import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import {
  type FlexpriceSandbox,
  startFlexpriceSandbox,
} from '../../src/providers/flexprice/sandbox/server.js';
import { loadSpec } from '../helpers/openapi.js';

/**
 * The Flexprice sandbox's responses, checked against Flexprice's own OpenAPI 3.0.1 file, minus
 * the spec errors NOTES.md lists (each adjustment names its section).
 */
type Json = Record<string, unknown>;
const SPEC_FILE = 'flexprice/openapi/swagger-3-0.json';
const nullable = (schema: unknown) => ({ anyOf: [schema, { type: 'null' }] });

const spec = loadSpec(SPEC_FILE, (doc) => {
  const schemas = (
    doc.components as {
      schemas: Record<string, { properties: Record<string, Json>; enum?: unknown }>;
    }
  ).schemas;
  // NOTES §0.2, §3.6, §8.3: auto_topup threshold and amount are decimal strings on the wire, not numbers.
  schemas['types.AutoTopup']!.properties.threshold = { type: 'string' };
  schemas['types.AutoTopup']!.properties.amount = { type: 'string' };
  // NOTES §3.6: cooldown is an object {value, unit}; the `enum: ["3600000000000"]` on types.Duration
  // is a swag artifact (a Go const of that type) that no object can satisfy.
  delete schemas['types.Duration']!.enum;
  // NOTES §3.6, §7: absent alert levels are sent as null (`"info": null`).
  for (const level of ['critical', 'warning', 'info'])
    schemas['types.AlertSettings']!.properties[level] = nullable({
      $ref: '#/components/schemas/types.AlertThreshold',
    });
  // NOTES §3.1: metadata is an object or null.
  for (const name of ['WalletResponse', 'WalletBalanceResponse'])
    schemas[name]!.properties.metadata = nullable({ $ref: '#/components/schemas/types.Metadata' });
  // NOTES §3.7: a transaction's expiry_date and priority are nullable.
  schemas.WalletTransactionResponse!.properties.expiry_date = nullable({
    type: 'string',
    format: 'date-time',
  });
  schemas.WalletTransactionResponse!.properties.priority = nullable({ type: 'integer' });
  // NOTES §2, §8.2: GET /customers/wallets answers []WalletBalanceResponse, not []WalletResponse.
  const customerWallets = (
    (doc.paths as Json)['/customers/wallets'] as {
      get: { responses: { 200: { content: { 'application/json': { schema: Json } } } } };
    }
  ).get;
  customerWallets.responses[200].content['application/json'].schema = {
    type: 'array',
    items: { $ref: '#/components/schemas/WalletBalanceResponse' },
  };
});

let flex: FlexpriceSandbox;
const call = async (
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) => {
  const res = await fetch(`${flex.url}/v1${path}`, {
    method,
    headers: {
      'x-api-key': flex.apiKey,
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Json &
      Json[],
  };
};

/** shopspring String(): no trailing zeros, no exponent (NOTES §0.2). */
const GO_DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
/** Go RFC3339Nano in UTC: up to nine fraction digits, trailing zeros trimmed. */
const GO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,8}[1-9])?Z$/;
const MONEY_FIELDS = [
  'balance',
  'credit_balance',
  'conversion_rate',
  'topup_conversion_rate',
  'real_time_balance',
  'real_time_credit_balance',
  'current_period_usage',
  'unpaid_invoices_amount',
];

function checkWireFormat(w: Json): void {
  for (const f of MONEY_FIELDS) if (f in w) expect(w[f], f).toMatch(GO_DECIMAL);
  expect(w.currency).toMatch(/^[a-z]{3}$/);
  for (const f of ['created_at', 'updated_at', 'balance_updated_at'])
    if (f in w) expect(w[f], f).toMatch(GO_TIME);
  const topUp = w.auto_topup as Json | undefined;
  if (topUp) for (const f of ['threshold', 'amount']) expect(topUp[f]).toMatch(GO_DECIMAL);
}

beforeAll(async () => {
  flex = await startFlexpriceSandbox();
});
afterAll(() => flex.close());

describe('Flexprice sandbox against swagger-3-0.json', () => {
  it('the validator rejects a broken body (and the unadjusted spec rejects real string thresholds, NOTES §8.3)', async () => {
    const schema = spec.responseSchema('/wallets/{id}', 'get', 200);
    const { body } = await call('GET', `/wallets/${SEEDED.hooliUsd}`);
    expect(spec.validate(schema, body)).toEqual([]);
    expect(spec.validate(schema, { ...body, balance: 40 }).map((e) => e.instancePath)).toEqual([
      '/balance',
    ]);
    expect(
      spec.validate(schema, { ...body, wallet_status: 'open' }).map((e) => e.instancePath),
    ).toEqual(['/wallet_status']);

    const raw = loadSpec(SPEC_FILE);
    const errors = raw
      .validate(raw.responseSchema('/wallets/{id}', 'get', 200), body)
      .map((e) => e.instancePath);
    expect(errors).toEqual(expect.arrayContaining(['/auto_topup/threshold', '/auto_topup/amount']));
  });

  it('POST /wallets/search matches ListResponse-dto_WalletResponse, unpaginated (NOTES §0.5)', async () => {
    const schema = spec.responseSchema('/wallets/search', 'post', 200);
    const all = await call('POST', '/wallets/search', {
      body: { wallet_ids: Object.values(SEEDED), limit: 2, offset: 1 },
    });
    expect(all.status).toBe(200);
    expect(spec.validate(schema, all.body)).toEqual([]);
    // limit/offset are ignored; pagination is hard-coded.
    expect(all.body.pagination).toEqual({ total: 6, limit: 50, offset: 0 });
    for (const w of all.body.items as Json[]) {
      checkWireFormat(w);
      expect(w).not.toHaveProperty('real_time_balance');
      expect(w).not.toHaveProperty('credits_available_breakdown');
    }
    expect((all.body.items as Json[]).map((w) => w.id)).toContain(SEEDED.hooliClosed);

    const some = await call('POST', '/wallets/search', {
      body: { wallet_ids: [SEEDED.hooliEur, 'wallet_nope'], expand: 'credits_available_breakdown' },
    });
    expect(some.body).toMatchObject({
      items: [
        { id: SEEDED.hooliEur, credits_available_breakdown: { purchased: '200', free: '50.75' } },
      ],
      pagination: { total: 1, limit: 50, offset: 0 },
    });
    expect(spec.validate(schema, some.body)).toEqual([]);
  });

  it('GET /wallets/{id}/balance/real-time matches WalletBalanceResponse, for every wallet', async () => {
    const schema = spec.responseSchema('/wallets/{id}/balance/real-time', 'get', 200);
    for (const id of Object.values(SEEDED)) {
      const { status, body } = await call(
        'GET',
        `/wallets/${id}/balance/real-time?expand=credits_available_breakdown`,
      );
      expect(status).toBe(200);
      expect(spec.validate(schema, body)).toEqual([]);
      checkWireFormat(body);
    }
  });

  it('real-time figures follow NOTES §4, in the §7 key order', async () => {
    const usd = (
      await call(
        'GET',
        `/wallets/${SEEDED.hooliUsd}/balance/real-time?expand=credits_available_breakdown`,
      )
    ).body;
    expect(usd).toMatchObject({
      currency: 'usd',
      balance: '40',
      credit_balance: '20',
      conversion_rate: '2',
      auto_topup: {
        enabled: true,
        threshold: '5',
        amount: '50',
        invoicing: true,
        cooldown: { value: 1, unit: 'hour' },
      },
      alert_settings: {
        critical: { threshold: '0', condition: 'below' },
        warning: { threshold: '10', condition: 'below' },
        info: null,
        alert_enabled: true,
      },
      alert_state: 'warning',
      real_time_balance: '17.5',
      real_time_credit_balance: '8.75',
      current_period_usage: '22.5',
      unpaid_invoices_amount: '7.5',
      credits_available_breakdown: { purchased: '15', free: '5' },
      is_cached_fallback: false,
      created_at: '2025-01-15T12:00:00.123456789Z',
    });
    expect(Object.keys(usd)).toEqual([
      'id',
      'customer_id',
      'currency',
      'balance',
      'credit_balance',
      'wallet_status',
      'name',
      'description',
      'metadata',
      'auto_topup',
      'wallet_type',
      'config',
      'conversion_rate',
      'topup_conversion_rate',
      'environment_id',
      'alert_settings',
      'alert_state',
      'tenant_id',
      'status',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
      'real_time_balance',
      'real_time_credit_balance',
      'balance_updated_at',
      'current_period_usage',
      'unpaid_invoices_amount',
      'credits_available_breakdown',
      'is_cached_fallback',
    ]);
    expect(
      (await call('GET', `/wallets/${SEEDED.flexOnlyNegative}/balance/real-time`)).body,
    ).toMatchObject({ real_time_balance: '-1.25', real_time_credit_balance: '-1.25' });
    const cached = (await call('GET', `/wallets/${SEEDED.flexOnlyCached}/balance/real-time`)).body;
    expect(cached).toMatchObject({
      currency: 'jpy',
      real_time_balance: '1200',
      current_period_usage: '0',
      is_cached_fallback: true,
    });
    expect(cached).not.toHaveProperty('unpaid_invoices_amount');
    // Not active: zeros (NOTES §4).
    expect(
      (await call('GET', `/wallets/${SEEDED.hooliClosed}/balance/real-time`)).body,
    ).toMatchObject({ wallet_status: 'closed', real_time_balance: '0', current_period_usage: '0' });
    expect(
      (await call('GET', `/wallets/${SEEDED.acmePostpaid}/balance/real-time`)).body,
    ).toMatchObject({
      wallet_type: 'POST_PAID',
      balance: '1200',
      real_time_balance: '1200',
      current_period_usage: '0',
    });
  });

  it('GET /customers/wallets answers []WalletBalanceResponse of active wallets only (NOTES §2, §8.2)', async () => {
    const schema = spec.responseSchema('/customers/wallets', 'get', 200);
    const live = await call(
      'GET',
      '/customers/wallets?lookup_key=hooli_1234&include_real_time_balance=true&expand=credits_available_breakdown',
    );
    expect(live.status).toBe(200);
    expect(spec.validate(schema, live.body)).toEqual([]);
    expect(live.body.map((w) => w.id).sort()).toEqual([SEEDED.hooliEur, SEEDED.hooliUsd].sort());
    for (const w of live.body) {
      checkWireFormat(w);
      expect(w).toHaveProperty('real_time_balance');
      expect(w).toHaveProperty('credits_available_breakdown');
    }
    // Without real-time: no figures, no breakdown even when expanded, is_cached_fallback still false (NOTES §3.2).
    const stored = await call(
      'GET',
      '/customers/wallets?id=cust_01JBRGBK1G71HFE865V215DE1C&expand=credits_available_breakdown',
    );
    expect(spec.validate(schema, stored.body)).toEqual([]);
    for (const w of stored.body) {
      expect(w).not.toHaveProperty('real_time_balance');
      expect(w).not.toHaveProperty('credits_available_breakdown');
      expect(w.is_cached_fallback).toBe(false);
    }
  });

  it('GET /customers/wallets errors: 404 for an unknown customer, 400 unless exactly one of id/lookup_key', async () => {
    const missing = await call('GET', '/customers/wallets?lookup_key=globex_7');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      code: 'not_found',
      message: 'Customer with lookup key globex_7 was not found',
      http_status_code: 404,
      details: { lookup_key: 'globex_7' },
    });
    expect(
      spec.validate(spec.responseSchema('/customers/wallets', 'get', 404), missing.body),
    ).toEqual([]);
    for (const query of ['', '?id=cust_01JBRGBK1G71HFE865V215DE1C&lookup_key=hooli_1234']) {
      const bad = await call('GET', `/customers/wallets${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'validation_error', http_status_code: 400 });
      expect(
        spec.validate(spec.responseSchema('/customers/wallets', 'get', 400), bad.body),
      ).toEqual([]);
    }
  });

  it('GET /wallets/{id} returns closed wallets; an unknown id is the standard 404 body', async () => {
    const closed = await call('GET', `/wallets/${SEEDED.hooliClosed}`);
    expect(closed.body).toMatchObject({
      id: SEEDED.hooliClosed,
      wallet_status: 'closed',
      balance: '0',
    });
    expect(spec.validate(spec.responseSchema('/wallets/{id}', 'get', 200), closed.body)).toEqual(
      [],
    );
    const missing = await call('GET', '/wallets/wallet_nope');
    expect(missing).toMatchObject({
      status: 404,
      body: {
        code: 'not_found',
        message: 'Wallet not found',
        http_status_code: 404,
        details: { wallet_id: 'wallet_nope' },
      },
    });
    expect(spec.validate(spec.responseSchema('/wallets/{id}', 'get', 404), missing.body)).toEqual(
      [],
    );
  });

  it('GET /customers/{id}/wallets: active wallets only; an unknown customer gives [] (NOTES §8.6)', async () => {
    const schema = spec.responseSchema('/customers/{id}/wallets', 'get', 200);
    const own = await call('GET', '/customers/cust_01JBRGBK1G71HFE865V215DE1C/wallets');
    expect(spec.validate(schema, own.body)).toEqual([]);
    expect(own.body).toHaveLength(2);
    expect((await call('GET', '/customers/cust_nobody/wallets')).body).toEqual([]);
  });

  it('customers: GET /customers/{id} and POST /customers/search (offset answered as the next offset, NOTES §1)', async () => {
    const one = await call('GET', '/customers/cust_01JCWHXN1GPPG2X7R5JQC42EJ5');
    expect(one.body).toMatchObject({
      id: 'cust_01JCWHXN1GPPG2X7R5JQC42EJ5',
      external_id: 'flex_only_9',
    });
    expect(spec.validate(spec.responseSchema('/customers/{id}', 'get', 200), one.body)).toEqual([]);
    const search = await call('POST', '/customers/search', {
      body: {
        customer_ids: ['cust_01JBRGBK1G71HFE865V215DE1C', 'cust_01JCAH4M1GTEWH0AVNH9DN65R6'],
        limit: 1,
        offset: 0,
      },
    });
    expect(
      spec.validate(spec.responseSchema('/customers/search', 'post', 200), search.body),
    ).toEqual([]);
    expect(search.body).toMatchObject({
      items: [{ external_id: 'acme_42' }],
      pagination: { total: 2, limit: 1, offset: 1 },
    });
  });

  it(
    'POST /wallets/{id}/top-up: TopUpWalletResponse, then 409 already_exists on a ' +
      'repeated idempotency key (NOTES §3.5, §8.11)',
    async () => {
      const schema = spec.responseSchema('/wallets/{id}/top-up', 'post', 200);
      const request = {
        credits_to_add: '10',
        transaction_reason: 'PURCHASED_CREDIT_DIRECT',
        idempotency_key: 'topup-123',
      };
      const first = await call('POST', `/wallets/${SEEDED.flexOnlyNegative}/top-up`, {
        body: request,
      });
      expect(first.status).toBe(200);
      expect(spec.validate(schema, first.body)).toEqual([]);
      expect(first.body).toMatchObject({
        wallet_transaction: {
          type: 'credit',
          credit_amount: '10',
          amount: '10',
          credit_balance_before: '5',
          credit_balance_after: '15',
          transaction_status: 'completed',
          reference_type: 'EXTERNAL',
          reference_id: 'topup-123',
        },
        wallet: { balance: '15', credit_balance: '15' },
      });
      checkWireFormat(first.body.wallet as Json);

      const again = await call('POST', `/wallets/${SEEDED.flexOnlyNegative}/top-up`, {
        body: request,
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'already_exists',
        message: 'A wallet transaction with this idempotency key already exists',
        http_status_code: 409,
      });
      expect(
        spec.validate(spec.responseSchema('/wallets/{id}/top-up', 'post', 400), again.body),
      ).toEqual([]);
      expect(flex.store.wallet(SEEDED.flexOnlyNegative)!.credit_balance).toBe('15');

      // An amount converts at topup_conversion_rate: 10 EUR at 1.25 = 8 credits.
      const byAmount = await call('POST', `/wallets/${SEEDED.hooliEur}/top-up`, {
        body: { amount: 10, transaction_reason: 'FREE_CREDIT_GRANT' },
      });
      expect(byAmount.body).toMatchObject({
        wallet_transaction: { credit_amount: '8', amount: '10' },
        wallet: { credit_balance: '258.75' },
      });

      // Invoiced purchases wait for payment: pending, nothing credited yet.
      const invoiced = await call('POST', `/wallets/${SEEDED.acmePostpaid}/top-up`, {
        body: { credits_to_add: '5', transaction_reason: 'PURCHASED_CREDIT_INVOICED' },
      });
      expect(invoiced.body).toMatchObject({
        invoice_id: expect.stringMatching(/^inv_[0-9A-Z]{26}$/),
        wallet_transaction: { transaction_status: 'pending' },
        wallet: { credit_balance: '1200' },
      });

      for (const body of [
        { credits_to_add: '1' },
        { credits_to_add: '0', transaction_reason: 'FREE_CREDIT_GRANT' },
        { transaction_reason: 'FREE_CREDIT_GRANT' },
        { credits_to_add: '1', transaction_reason: 'MANUAL_BALANCE_DEBIT' },
      ]) {
        const bad = await call('POST', `/wallets/${SEEDED.hooliUsd}/top-up`, { body });
        expect(bad.status).toBe(400);
        expect(bad.body.code).toBe('validation_error');
      }
      expect((await call('POST', '/wallets/wallet_nope/top-up', { body: request })).status).toBe(
        404,
      );
    },
  );

  it('auth: x-api-key only; an API key as Bearer is an invalid JWT (NOTES §0.1, §1, §8.13)', async () => {
    const none = await call('GET', `/wallets/${SEEDED.hooliUsd}`, { headers: { 'x-api-key': '' } });
    expect(none).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
    const wrong = await call('GET', `/wallets/${SEEDED.hooliUsd}`, {
      headers: { 'x-api-key': 'nope' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
    const bearer = await fetch(`${flex.url}/v1/wallets/${SEEDED.hooliUsd}`, {
      headers: { authorization: `Bearer ${flex.apiKey}` },
    });
    expect([bearer.status, await bearer.json()]).toEqual([401, { error: 'Invalid token' }]);
    const malformed = await fetch(`${flex.url}/v1/wallets/${SEEDED.hooliUsd}`, {
      headers: { authorization: flex.apiKey },
    });
    expect([malformed.status, await malformed.json()]).toEqual([
      401,
      { error: 'Invalid authorization header format' },
    ]);
    const environment = await call('GET', `/wallets/${SEEDED.hooliUsd}`, {
      headers: { 'x-environment-id': 'env_other' },
    });
    expect(environment).toMatchObject({
      status: 403,
      body: { error: 'Access denied', message: 'Invalid or inaccessible environment' },
    });
  });

  it("unknown routes answer gin's plain 404", async () => {
    expect(await call('GET', '/nope')).toMatchObject({ status: 404, text: '404 page not found' });
  });
});

describe('Flexprice sandbox transaction routes against swagger-3-0.json (NOTES §3.7, §1)', () => {
  const checkTransaction = (t: Json) => {
    for (const f of ['amount', 'credit_amount', 'credit_balance_before', 'credit_balance_after'])
      expect(t[f], f).toMatch(GO_DECIMAL);
    expect(t.currency).toMatch(/^[a-z]{3}$/);
    expect(t.id).toMatch(/^wtxn_/);
  };

  it('GET /wallets/{id}/transactions matches ListWalletTransactionsResponse; the response offset is the next offset', async () => {
    const schema = spec.responseSchema('/wallets/{id}/transactions', 'get', 200);
    const first = await call('GET', `/wallets/${SEEDED.hooliUsd}/transactions?limit=2`);
    expect(first.status).toBe(200);
    expect(spec.validate(schema, first.body)).toEqual([]);
    expect(first.body.pagination).toEqual({ total: 6, limit: 2, offset: 2 });
    for (const t of first.body.items as Json[]) checkTransaction(t);
    const second = await call('GET', `/wallets/${SEEDED.hooliUsd}/transactions?limit=2&offset=2`);
    // Asked for offset 2, told offset 4: the quirk the adapter must not read as "where I am".
    expect(second.body.pagination).toEqual({ total: 6, limit: 2, offset: 4 });
    const ids = [...(first.body.items as Json[]), ...(second.body.items as Json[])].map(
      (t) => t.id,
    );
    expect(new Set(ids).size).toBe(4);
    const debits = await call(
      'GET',
      `/wallets/${SEEDED.hooliUsd}/transactions?type=debit&transaction_reason=INVOICE_PAYMENT`,
    );
    expect((debits.body.items as Json[]).map((t) => t.id)).toEqual([
      'wtxn_01JDEJPP2G0000000000000003',
    ]);
    const bad = await call('GET', `/wallets/${SEEDED.hooliUsd}/transactions?limit=5000`);
    expect(bad.status).toBe(400);
    expect(
      spec.validate(spec.responseSchema('/wallets/{id}/transactions', 'get', 400), bad.body),
    ).toEqual([]);
  });

  it('POST /wallets/transactions/search: filters[] on any column, sorts, expand; unknown columns refused', async () => {
    const schema = spec.responseSchema('/wallets/transactions/search', 'post', 200);
    const res = await call('POST', '/wallets/transactions/search', {
      body: {
        filters: [
          {
            field: 'customer_id',
            operator: 'eq',
            data_type: 'string',
            value: { string: 'cust_01JBRGBK1G71HFE865V215DE1C' },
          },
          {
            field: 'transaction_reason',
            operator: 'in',
            data_type: 'array',
            value: { array: ['FREE_CREDIT_GRANT', 'SUBSCRIPTION_CREDIT_GRANT'] },
          },
        ],
        sort: [
          { field: 'created_at', direction: 'desc' },
          { field: 'id', direction: 'asc' },
        ],
        // Only the seeded history (the top-up test above adds to it).
        end_time: '2026-01-01T00:00:00Z',
        limit: 10,
        offset: 0,
        expand: 'wallet,customer',
      },
    });
    expect(res.status).toBe(200);
    expect(spec.validate(schema, res.body)).toEqual([]);
    const items = res.body.items as Json[];
    expect(items.map((t) => [t.transaction_reason, (t.wallet as Json).id])).toEqual([
      ['FREE_CREDIT_GRANT', SEEDED.hooliUsd],
      ['SUBSCRIPTION_CREDIT_GRANT', SEEDED.hooliEur],
      ['FREE_CREDIT_GRANT', SEEDED.hooliUsd],
      ['FREE_CREDIT_GRANT', SEEDED.hooliClosed],
    ]);
    expect((items[0]!.customer as Json).external_id).toBe('hooli_1234');
    const until = await call('POST', '/wallets/transactions/search', {
      body: {
        filters: [
          {
            field: 'wallet_id',
            operator: 'eq',
            data_type: 'string',
            value: { string: SEEDED.hooliUsd },
          },
        ],
        // end_time is inclusive (created_at <= end_time).
        end_time: '2025-03-01T00:00:10.000001Z',
        limit: 10,
      },
    });
    expect((until.body.items as Json[]).map((t) => t.id)).toEqual([
      'wtxn_01JDEJPP2G0000000000000003',
      'wtxn_01JDEJPP2G0000000000000002',
      'wtxn_01JDEJPP2G0000000000000001',
    ]);
    const unknown = await call('POST', '/wallets/transactions/search', {
      body: {
        filters: [{ field: 'nope', operator: 'eq', data_type: 'string', value: { string: 'x' } }],
      },
    });
    expect(unknown.status).toBe(400);
    expect(
      spec.validate(spec.responseSchema('/wallets/transactions/search', 'post', 400), unknown.body),
    ).toEqual([]);
    expect(unknown.body).toMatchObject({ code: 'validation_error' });
  });
});
