import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_003_WALLETS } from '../../src/providers/flexprice/sandbox/documents.js';
import { LAGO_SEED_001_WALLET } from '../../src/providers/lago/sandbox/documents.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { polarSeedWire } from './seed-examples.js';

/**
 * Each seed example, served verbatim by its sandbox, translated by the gateway over real HTTP,
 * field by field with exact decimals (test/contract/seeds.test.ts proves the served documents are
 * the seeds').
 */

const MONEY = 'amount currency minorUnits';
const WALLET = `
  id provider providerWalletId customer { externalId providerCustomerId } name code status kind currency
  balance { ${MONEY} } ongoingBalance { ${MONEY} } ongoingUsage { ${MONEY} } ongoingBalanceIsCached
  credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }
  priority expiresAt terminatedAt lastTopUpAt lastConsumedAt createdAt updatedAt
  recurringTransactionRules {
    id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance
    status invoiced startedAt expiresAt createdAt cooldown { value unit }
  }
  alertSettings { enabled state thresholds { level value condition metric recurring code alertCode } }
  metadata { key value }
  raw`;
const CUSTOMER = `query Seeds($externalId: String!) { customer(externalId: $externalId) { wallets { ${WALLET} } } }`;
const BY_ID = `query SeedById($id: ID!) { wallet(id: $id) { ${WALLET} } }`;

type J = Record<string, unknown>;
const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({}, { seedDocuments: true });
});
afterAll(() => stack.close());

async function customerWallets(externalId: string): Promise<J[]> {
  const res = await stack.execute(CUSTOMER, { externalId });
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  return (res.data as { customer: { wallets: J[] } }).customer.wallets;
}

describe("seed 001: Lago's own example wallet", () => {
  const LAGO_ID = String(LAGO_SEED_001_WALLET.lago_id);
  const expected = {
    id: gid(`LAGO:${LAGO_ID}`),
    provider: 'LAGO',
    providerWalletId: LAGO_ID,
    customer: { externalId: 'hooli_1234', providerCustomerId: LAGO_ID },
    name: 'Prepaid',
    code: null,
    status: 'ACTIVE',
    kind: 'PREPAID',
    currency: 'USD',
    balance: { amount: '10.00', currency: 'USD', minorUnits: '1000' },
    ongoingBalance: { amount: '8.00', currency: 'USD', minorUnits: '800' },
    ongoingUsage: { amount: '2.00', currency: 'USD', minorUnits: '200' },
    ongoingBalanceIsCached: null,
    credits: {
      balance: '28.0',
      ongoingBalance: '8.0',
      ongoingUsage: '2.0',
      consumed: '2.0',
      rate: '1.5',
      topUpRate: '1.5',
      breakdown: null,
    },
    priority: null,
    expiresAt: null,
    terminatedAt: '2022-09-14T16:35:31.000Z',
    lastTopUpAt: null,
    lastConsumedAt: '2022-04-29T08:59:51.000Z',
    createdAt: '2022-04-29T08:59:51.000Z',
    updatedAt: null,
    // `rule_type: interval`, no method or status: an active fixed INTERVAL rule (NOTES §4
    // defaults); its threshold_credits is the interval rule's meaningless default, dropped.
    recurringTransactionRules: [
      {
        id: LAGO_ID,
        trigger: 'INTERVAL',
        interval: 'MONTHLY',
        method: 'FIXED',
        thresholdCredits: null,
        paidCredits: '20.0',
        grantedCredits: '10.0',
        targetOngoingBalance: null,
        status: 'ACTIVE',
        invoiced: null,
        startedAt: null,
        expiresAt: null,
        createdAt: '2022-04-29T08:59:51.000Z',
        cooldown: null,
      },
    ],
    // No code: Lago's alerts are addressed by wallet code, so there are none to ask for.
    alertSettings: null,
    metadata: [],
    raw: LAGO_SEED_001_WALLET,
  };

  it('customer(externalId: "hooli_1234") has it, with its balance, next to the modelled wallets', async () => {
    const wallets = await customerWallets('hooli_1234');
    expect(wallets.find((w) => w.providerWalletId === LAGO_ID)).toEqual(expected);
    expect(wallets.filter((w) => w.provider === 'LAGO')).toHaveLength(4);
  });

  it('wallet(id) reads it the same way', async () => {
    const res = await stack.execute(BY_ID, { id: expected.id });
    expect(res.errors).toBeUndefined();
    expect((res.data as { wallet: J }).wallet).toEqual(expected);
  });
});

describe("seed 003: Flexprice's documented customer wallets", () => {
  const doc = SEED_003_WALLETS[0]!;
  const ID = String(doc.id);
  const expected = {
    id: gid(`FLEXPRICE:${ID}`),
    provider: 'FLEXPRICE',
    providerWalletId: ID,
    customer: { externalId: 'flexprice_seed_003', providerCustomerId: doc.customer_id },
    name: 'Promotional Wallet - USD',
    code: null,
    status: 'ACTIVE',
    kind: 'PROMOTIONAL',
    currency: 'USD',
    balance: { amount: '25.00', currency: 'USD', minorUnits: '2500' },
    // The documented answer carries no real-time figures.
    ongoingBalance: null,
    ongoingUsage: null,
    ongoingBalanceIsCached: null,
    credits: {
      balance: '25',
      ongoingBalance: null,
      ongoingUsage: null,
      consumed: null,
      rate: '1',
      topUpRate: '1',
      breakdown: { free: '25', purchased: '0' },
    },
    priority: null,
    expiresAt: null,
    terminatedAt: null,
    lastTopUpAt: null,
    lastConsumedAt: null,
    createdAt: '2025-02-10T09:00:00.000Z',
    updatedAt: '2025-02-10T09:00:00.000Z',
    // auto_topup {amount: 123, threshold: 123} as JSON numbers, read exactly.
    recurringTransactionRules: [
      {
        id: null,
        trigger: 'THRESHOLD',
        interval: null,
        method: 'FIXED',
        thresholdCredits: '123',
        paidCredits: '123',
        grantedCredits: null,
        targetOngoingBalance: null,
        status: 'ACTIVE',
        invoiced: true,
        startedAt: null,
        expiresAt: null,
        createdAt: null,
        cooldown: null,
      },
    ],
    // alert_config {threshold: {type: amount, value: 123}} + alert_enabled: one threshold.
    alertSettings: {
      enabled: true,
      state: 'OK',
      thresholds: [
        {
          level: null,
          value: '123',
          condition: 'BELOW',
          metric: 'BALANCE',
          recurring: false,
          code: null,
          alertCode: null,
        },
      ],
    },
    metadata: [],
    raw: doc,
  };

  it('customer(externalId) shows a PROMOTIONAL wallet with its auto top-up rule and its alert threshold', async () => {
    const wallets = await customerWallets('flexprice_seed_003');
    expect(wallets).toEqual([expected]);
  });

  it('wallet(id) reads it the same way (raw is the real-time route answer)', async () => {
    const res = await stack.execute(BY_ID, { id: expected.id });
    expect(res.errors).toBeUndefined();
    expect((res.data as { wallet: J }).wallet).toEqual({
      ...expected,
      ongoingBalanceIsCached: null,
      raw: { ...doc, is_cached_fallback: false },
    });
  });
});

describe("seed 000: Polar's Wallet", () => {
  it("is hooli_1234's Polar wallet: 5000 cents of usd, exactly", async () => {
    const wallets = await customerWallets('hooli_1234');
    const polar = wallets.find((w) => w.provider === 'POLAR');
    expect(polar).toMatchObject({
      providerWalletId: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
      customer: {
        externalId: 'hooli_1234',
        providerCustomerId: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
      },
      status: 'ACTIVE',
      kind: 'CREDIT_BALANCE',
      currency: 'USD',
      balance: { amount: '50.00', currency: 'USD', minorUnits: '5000' },
      credits: null,
      createdAt: '2025-11-12T09:34:05.123Z',
      updatedAt: null,
      recurringTransactionRules: [],
      alertSettings: null,
      metadata: [],
      // The wire object seed 000's table describes (test/contract/seeds.test.ts derives it).
      raw: polarSeedWire(),
    });
  });
});
