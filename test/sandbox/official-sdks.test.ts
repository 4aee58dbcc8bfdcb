import { Flexprice } from '@flexprice/sdk';
import { ListResponseDtoWalletResponse$inboundSchema } from '@flexprice/sdk/sdk/models/list-response-dto-wallet-response.js';
import { Polar } from '@polar-sh/sdk';
import { CustomerWallet$inboundSchema } from '@polar-sh/sdk/models/components/customerwallet.js';
import { ListResourceCustomerWallet$inboundSchema } from '@polar-sh/sdk/models/components/listresourcecustomerwallet.js';
import { Client as lagoClient } from 'lago-javascript-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_003_WALLETS } from '../../src/providers/flexprice/sandbox/documents.js';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { loadSpec } from '../helpers/openapi.js';

/**
 * The providers' official SDKs judge the sandboxes: every call the adapters make is made again
 * through the provider's own SDK, against the sandbox, and must succeed and parse (the Polar and
 * Flexprice SDKs validate every response with zod; Lago's client does not validate, so its
 * answers are also checked against Lago's spec). Routes the adapters call that an SDK has no
 * method for (undocumented or private) are parsed with that SDK's own model schema. The seed
 * documents are served too, so the SDKs judge them as well.
 */

let s: Sandboxes;
beforeAll(async () => {
  s = await startSandboxes({ seedDocuments: true });
});
afterAll(() => s.close());

const HOOLI_POLAR = '992fae2a-2a17-4b7a-8d9e-e287cf90131b';
const HOOLI_POLAR_WALLET = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';

describe('Lago: lago-javascript-client against the Lago sandbox', () => {
  const lago = () => lagoClient(s.lago.apiKey, { baseUrl: `${s.lago.url}/api/v1` });
  const spec = loadSpec('lago/openapi/openapi.yaml');
  const valid = (path: string, body: unknown) =>
    spec.validate(spec.responseSchema(path, 'get', 200), body).filter(
      // NOTES §9.1: the spec requires `balance`, which the serializer dropped.
      (e) =>
        !(
          e.keyword === 'required' &&
          (e.params as { missingProperty?: string }).missingProperty === 'balance'
        ) &&
        // NOTES §3/§7: `payment_method_id` is null by default; the spec types it a string.
        !(e.keyword === 'type' && e.instancePath.endsWith('/payment_method/payment_method_id')),
    );

  it('findWallet (the adapter GET /wallets/{id})', async () => {
    const res = await lago().wallets.findWallet('1a901a90-1a90-4a90-8a90-000000000001');
    expect(res.ok).toBe(true);
    expect(res.data.wallet.external_customer_id).toBe('hooli_1234');
  });

  it('findAllWallets for a customer, and org-wide (the adapter list and ping)', async () => {
    const mine = await lago().wallets.findAllWallets({
      external_customer_id: 'hooli_1234',
      page: 1,
      per_page: 100,
    });
    expect(mine.ok).toBe(true);
    expect(mine.data.wallets.map((w) => w.lago_id)).toContain(
      '1a901a90-1a90-1a90-1a90-1a901a901a90',
    );
    const all = await lago().wallets.findAllWallets({ page: 1, per_page: 1 } as never);
    expect(all.ok).toBe(true);
    expect(all.data.meta.total_count).toBeGreaterThan(1);
  });

  it('getCustomerWalletAlerts and getCustomerWalletAlert (the adapter alerts; one alert by code)', async () => {
    const list = await lago().customers.getCustomerWalletAlerts('hooli_1234', 'prepaid');
    expect(list.ok).toBe(true);
    expect(
      valid('/customers/{external_customer_id}/wallets/{wallet_code}/alerts', list.data),
    ).toEqual([]);
    const one = await lago().customers.getCustomerWalletAlert(
      'hooli_1234',
      'prepaid',
      'low_balance',
    );
    expect(one.ok).toBe(true);
    expect(one.data.alert.code).toBe('low_balance');
    expect(
      valid('/customers/{external_customer_id}/wallets/{wallet_code}/alerts/{code}', one.data),
    ).toEqual([]);
  });

  it('findAllWalletTransactions and findWalletTransaction (the adapter history and refetch)', async () => {
    const wallet = '1a901a90-1a90-4a90-8a90-000000000001';
    const page = await lago().wallets.findAllWalletTransactions(wallet, {
      page: 2,
      per_page: 2,
    });
    expect(page.ok).toBe(true);
    expect(valid('/wallets/{lago_id}/wallet_transactions', page.data)).toEqual([]);
    expect(page.data.meta).toMatchObject({ current_page: 2, next_page: 3, total_count: 8 });
    const debits = await lago().wallets.findAllWalletTransactions(wallet, {
      transaction_type: 'outbound',
    });
    expect(debits.data.wallet_transactions.map((t) => t.transaction_type)).toEqual([
      'outbound',
      'outbound',
      'outbound',
    ]);
    const one = await lago().walletTransactions.findWalletTransaction(
      page.data.wallet_transactions[0]!.lago_id,
    );
    expect(one.ok).toBe(true);
    // The client's type says the bare object; the server wraps it (NOTES §9.2).
    expect(
      (one.data as unknown as { wallet_transaction: { lago_id: string } }).wallet_transaction
        .lago_id,
    ).toBe(page.data.wallet_transactions[0]!.lago_id);
  });

  it('fetchJsonPublicKey (the webhook JWT key)', async () => {
    const res = await lago().webhooks.fetchJsonPublicKey();
    expect(res.ok).toBe(true);
    expect(Buffer.from(res.data.webhook.public_key, 'base64').toString()).toContain(
      'BEGIN PUBLIC KEY',
    );
  });
});

describe('Flexprice: @flexprice/sdk against the Flexprice sandbox', () => {
  const fp = () =>
    new Flexprice({ serverURL: `${s.flexprice.url}/v1`, apiKeyAuth: s.flexprice.apiKey });

  it('queryWallet with wallet_ids (the adapter by-id batch)', async () => {
    const res = await fp().wallets.queryWallet({
      walletIds: [SEEDED.hooliUsd, SEEDED.hooliClosed],
    });
    expect(res.items?.map((w) => w.id).sort()).toEqual(
      [SEEDED.hooliClosed, SEEDED.hooliUsd].sort(),
    );
  });

  it('getWalletBalance with the breakdown (the adapter real-time read)', async () => {
    const res = await fp().wallets.getWalletBalance(SEEDED.hooliUsd, 'credits_available_breakdown');
    expect(res.realTimeBalance).toBe('17.5');
  });

  it('getCustomerWallets by lookup key and by id, real-time (the adapter customer lists)', async () => {
    const byKey = await fp().wallets.getCustomerWallets({
      lookupKey: 'hooli_1234',
      includeRealTimeBalance: true,
      expand: 'credits_available_breakdown',
    });
    expect(byKey.map((w) => w.id).sort()).toEqual([SEEDED.hooliEur, SEEDED.hooliUsd].sort());
    const byId = await fp().wallets.getCustomerWallets({
      id: 'cust_01JBRGBK1G71HFE865V215DE1C',
      includeRealTimeBalance: true,
      expand: 'credits_available_breakdown',
    });
    expect(byId).toHaveLength(2);
  });

  it('queryCustomer by ids, getCustomer, getCustomerByExternalId (external-id resolution, ping)', async () => {
    const found = await fp().customers.queryCustomer({
      customerIds: ['cust_01JBRGBK1G71HFE865V215DE1C'],
      limit: 1,
      offset: 0,
    });
    expect(found.items?.[0]?.externalId).toBe('hooli_1234');
    // The health probe: one customer, no filter.
    expect((await fp().customers.queryCustomer({ limit: 1, offset: 0 })).items).toHaveLength(1);
    expect((await fp().customers.getCustomer('cust_01JBRGBK1G71HFE865V215DE1C')).externalId).toBe(
      'hooli_1234',
    );
    expect((await fp().customers.getCustomerByExternalId('hooli_1234')).id).toBe(
      'cust_01JBRGBK1G71HFE865V215DE1C',
    );
  });

  it('queryWalletTransaction (the adapter history: filters, sorts, offsets) and getWalletTransactions', async () => {
    const page = await fp().wallets.queryWalletTransaction({
      filters: [
        {
          field: 'wallet_id',
          operator: 'eq',
          dataType: 'string',
          value: { string: SEEDED.hooliUsd },
        },
        {
          field: 'transaction_reason',
          operator: 'in',
          dataType: 'array',
          value: { array: ['PURCHASED_CREDIT_DIRECT', 'PURCHASED_CREDIT_INVOICED'] },
        },
      ],
      sort: [
        { field: 'created_at', direction: 'desc' },
        { field: 'id', direction: 'asc' },
      ],
      limit: 1,
      offset: 1,
    } as never);
    expect(page.items?.map((t) => [t.id, t.transactionReason, t.amount])).toEqual([
      ['wtxn_01JDEJPP2G0000000000000002', 'PURCHASED_CREDIT_DIRECT', '30'],
    ]);
    // The next offset, not the one asked for (NOTES §1).
    expect(page.pagination).toMatchObject({ total: 2, limit: 1, offset: 2 });
    const listed = await fp().wallets.getWalletTransactions({
      idPathParameter: SEEDED.hooliUsd,
      limit: 2,
      offset: 4,
    });
    expect(listed.items?.map((t) => t.id)).toEqual([
      'wtxn_01JDEJPP2G0000000000000002',
      'wtxn_01JDEJPP2G0000000000000001',
    ]);
  });

  it('GET /wallets (undocumented; no SDK method) parses with the SDK list model', async () => {
    const body = await (
      await fetch(`${s.flexprice.url}/v1/wallets`, { headers: { 'x-api-key': s.flexprice.apiKey } })
    ).json();
    const parsed = ListResponseDtoWalletResponse$inboundSchema.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  it("seed 003, the provider's own documented example, parses; the SDK keeps PROMOTIONAL but drops alert_config", async () => {
    const [w] = await fp().wallets.getCustomerWallets({ lookupKey: 'flexprice_seed_003' });
    expect(w).toMatchObject({
      id: SEED_003_WALLETS[0]!.id,
      walletType: 'PROMOTIONAL',
      autoTopup: { amount: 123, threshold: 123 },
    });
    // The SDK knows only alert_settings: the documented alert_config never reaches its users.
    expect(Object.keys(w!)).not.toContain('alertConfig');
  });
});

describe('Polar: @polar-sh/sdk against the Polar sandbox', () => {
  const polar = () => new Polar({ serverURL: s.polar.url, accessToken: s.polar.accessToken });

  it('customers.list, get, getExternal (owner lookups, ping)', async () => {
    const page = await polar().customers.list({ limit: 100 });
    expect(page.result.items.map((c) => c.id)).toContain(HOOLI_POLAR);
    expect((await polar().customers.get({ id: HOOLI_POLAR })).externalId).toBe('hooli_1234');
    expect((await polar().customers.getExternal({ externalId: 'hooli_1234' })).id).toBe(
      HOOLI_POLAR,
    );
  });

  it('customers.getState and getStateExternal', async () => {
    const state = await polar().customers.getState({ id: HOOLI_POLAR });
    expect(state.activeMeters).toEqual([]);
    expect((await polar().customers.getStateExternal({ externalId: 'hooli_1234' })).id).toBe(
      HOOLI_POLAR,
    );
  });

  it('customerSessions.create, then the portal wallets list and get with its token', async () => {
    const session = await polar().customerSessions.create({ customerId: HOOLI_POLAR });
    const portal = new Polar({ serverURL: s.polar.url });
    const list = await portal.customerPortal.wallets.list(
      { customerSession: session.token },
      { limit: 100 },
    );
    expect(list.result.items.map((w) => w.id)).toEqual([HOOLI_POLAR_WALLET]);
    const one = await portal.customerPortal.wallets.get(
      { customerSession: session.token },
      { id: HOOLI_POLAR_WALLET },
    );
    expect(one.balance).toBe(5000);
  });

  it('the private org-level wallet routes (no SDK method since they went private) parse with the SDK wallet models', async () => {
    const auth = { authorization: `Bearer ${s.polar.accessToken}` };
    const list = await (
      await fetch(`${s.polar.url}/v1/wallets/?customer_id=${HOOLI_POLAR}&limit=100`, {
        headers: auth,
      })
    ).json();
    const parsedList = ListResourceCustomerWallet$inboundSchema.safeParse(list);
    expect(parsedList.success ? [] : parsedList.error.issues.slice(0, 3)).toEqual([]);
    const one = await (
      await fetch(`${s.polar.url}/v1/wallets/${HOOLI_POLAR_WALLET}`, { headers: auth })
    ).json();
    expect(CustomerWallet$inboundSchema.safeParse(one).success).toBe(true);
  });
});
