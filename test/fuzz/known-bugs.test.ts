import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Unreadable } from '../../src/domain/part.js';
import type { Wallet } from '../../src/domain/wallet.js';
import { GatewayError } from '../../src/errors.js';
import { parseJsonExact } from '../../src/json.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { checkAdapterResult, checkGraphqlErrors, Problems } from './support/check.js';
import type { ProviderName } from './support/targets.js';
import { TARGETS } from './support/targets.js';

/**
 * Exact reproductions of the bugs the fuzzer found in src/ (see KNOWN_BUGS in
 * support/known-bugs.ts). Each is `it.fails` while the bug is there, so the suite stays green.
 * When a fix lands its test fails with "expected to fail": flip it to `it` and delete the matching
 * KNOWN_BUGS entry, so the fuzz runs guard the fix from then on.
 */

const API_KEY = 'fuzz-known-bugs-key';
const b64 = (s: string) => Buffer.from(s).toString('base64');

// Payloads shaped as NOTES.md documents (§7 samples), one field changed per reproduction.
const LAGO_WALLET = {
  lago_id: '1a901a90-1a90-4a90-8a90-00000000b001',
  lago_customer_id: '1a901a90-1a90-4a90-8a90-00000000c001',
  external_customer_id: 'hooli_1234',
  billing_entity_code: 'default',
  status: 'active',
  currency: 'USD',
  name: 'Prepaid',
  code: null,
  purchase_order_number: null,
  rate_amount: '1.5',
  credits_balance: '28.0',
  credits_ongoing_balance: '8.0',
  credits_ongoing_usage_balance: '2.0',
  balance_cents: 1000,
  ongoing_balance_cents: 800,
  ongoing_usage_balance_cents: 200,
  consumed_credits: '2.0',
  created_at: '2022-04-29T08:59:51Z',
  expiration_at: null,
  last_balance_sync_at: '2022-04-29T08:59:51Z',
  last_consumed_credit_at: '2022-04-29T08:59:51Z',
  terminated_at: null,
  invoice_requires_successful_payment: false,
  paid_top_up_min_amount_cents: null,
  paid_top_up_max_amount_cents: null,
  priority: 50,
  recurring_transaction_rules: [],
  payment_method: { payment_method_id: null, payment_method_type: 'provider' },
};
const FLEXPRICE_WALLET = {
  id: 'wallet_01FUZZBUG',
  customer_id: 'cust_01FUZZBUG',
  currency: 'usd',
  balance: '100',
  credit_balance: '100',
  wallet_status: 'active',
  name: 'Prepaid Wallet - USD',
  description: '',
  metadata: { plan: 'pro' },
  auto_topup: { enabled: true, threshold: '5', amount: '50', invoicing: false },
  wallet_type: 'PRE_PAID',
  config: { allowed_price_types: ['USAGE'] },
  conversion_rate: '1',
  topup_conversion_rate: '1',
  environment_id: 'env_01',
  alert_state: 'ok',
  tenant_id: 'tenant_01',
  status: 'published',
  created_at: '2026-08-22T10:00:00.123456Z',
  updated_at: '2026-08-22T10:00:00.123456Z',
  created_by: 'user_01',
  updated_by: 'user_01',
  real_time_balance: '87.5',
  real_time_credit_balance: '87.5',
  balance_updated_at: '2026-08-22T10:00:00.123456Z',
  current_period_usage: '12.5',
  unpaid_invoices_amount: '0',
  credits_available_breakdown: { purchased: '0', free: '100' },
  is_cached_fallback: false,
};
const POLAR_WALLET = {
  id: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
  created_at: '2025-11-12T09:34:05.123456Z',
  modified_at: null,
  customer_id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
  balance: 5000,
  currency: 'usd',
};

/** The unit-level fuzz check of one payload given as JSON text: the problems it finds. */
function unitProblems(provider: ProviderName, text: string, target = 0): Problems {
  const input = parseJsonExact(text);
  const t = TARGETS[provider][target]!;
  const result = t.translate(input, null);
  const p = new Problems();
  if (checkAdapterResult(p, result, input, provider) === 'translated')
    t.checkMapping(p, input, result as never, null);
  return p;
}

const codes = (p: Problems) => p.list.map((x) => `${x.code} ${x.path}`);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    GATEWAY_API_KEYS: API_KEY,
    UPSTREAM_RETRIES: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
  });
});
afterAll(() => stack?.close());

async function query(q: string, variables: Record<string, unknown>) {
  try {
    return await stack.execute(q, variables as never, { 'x-api-key': API_KEY });
  } finally {
    stack.sandboxes.lago.clearFaults();
    stack.sandboxes.flexprice.clearFaults();
    stack.sandboxes.polar.clearFaults();
  }
}

const serveLago = (text: string) =>
  stack.sandboxes.lago.injectFault({
    method: 'GET',
    path: /^\/api\/v1\/wallets\/[^/]+$/,
    status: 200,
    body: `{"wallet":${text}}`,
  });
const serveFlexprice = (text: string) => {
  stack.sandboxes.flexprice.injectFault({
    method: 'POST',
    path: /^\/v1\/wallets\/search$/,
    status: 200,
    body: `{"items":[${text}],"pagination":{"total":1,"limit":50,"offset":0}}`,
  });
  stack.sandboxes.flexprice.injectFault({
    method: 'GET',
    path: /\/balance\/real-time$/,
    status: 200,
    body: text,
  });
};
const servePolar = (text: string) =>
  stack.sandboxes.polar.injectFault({
    method: 'GET',
    path: /^\/v1\/wallets\/[^/]+$/,
    status: 200,
    body: text,
  });

describe('BUG-EXPONENT: exponent notation is accepted in decimal strings, with no bound on the exponent', () => {
  it('unit: Flexprice balance "1e999" is refused (today: translated, Money.formatted "$∞")', () => {
    const p = unitProblems(
      'FLEXPRICE',
      JSON.stringify({ ...FLEXPRICE_WALLET, balance: '1e999' }),
      1,
    );
    expect(codes(p)).toEqual([]);
  });

  // Credits are a part of the wallet, not its core: refused means that part, not the wallet.
  const creditsRefused = (result: unknown) =>
    !(result instanceof GatewayError) && (result as Wallet).credits instanceof Unreadable;

  it('unit: Lago credits_balance "1e400000000" is refused (today: translated; printing it exhausts the heap)', () => {
    const result = TARGETS.LAGO[0]!.translate(
      parseJsonExact(JSON.stringify({ ...LAGO_WALLET, credits_balance: '1e400000000' })),
      null,
    );
    // A boolean on purpose: printing the Wallet in a failure message is what crashes.
    expect(creditsRefused(result)).toBe(true);
  });

  it('unit: a JSON number beyond double range in a decimal-string field (Lago credits_balance: 1.7976931348623157e309) is refused', () => {
    const text = JSON.stringify(LAGO_WALLET).replace(
      '"credits_balance":"28.0"',
      '"credits_balance":1.7976931348623157e309',
    );
    expect(creditsRefused(TARGETS.LAGO[0]!.translate(parseJsonExact(text), null))).toBe(true);
  });

  it('GraphQL: Flexprice real_time_balance "1e999" does not reach ongoingBalance as "$∞"', async () => {
    serveFlexprice(JSON.stringify({ ...FLEXPRICE_WALLET, real_time_balance: '1e999' }));
    const r = await query(
      'query($id: ID!) { wallet(id: $id) { ongoingBalance { amount formatted } } }',
      { id: b64(`Wallet:FLEXPRICE:${FLEXPRICE_WALLET.id}`) },
    );
    const money = (
      r.data as { wallet: { ongoingBalance: { amount: string; formatted: string } } | null }
    ).wallet?.ongoingBalance;
    expect(money?.formatted ?? '').not.toContain('∞');
  });
});

describe('BUG-INT32: unbounded integers reach GraphQL Int fields, where they fail as a masked "Unexpected error."', () => {
  it('GraphQL: Lago priority 2147483648 (spec 1..50) is a typed error, not a masked "Unexpected error."', async () => {
    serveLago(JSON.stringify({ ...LAGO_WALLET, priority: 2_147_483_648 }));
    const r = await query('query($id: ID!) { wallet(id: $id) { priority } }', {
      id: b64(`Wallet:LAGO:${LAGO_WALLET.lago_id}`),
    });
    const p = new Problems();
    checkGraphqlErrors(p, r.errors as never);
    expect(codes(p)).toEqual([]);
  });

  it('GraphQL: Flexprice auto_topup.cooldown.value 2147483648 is a typed error, not a masked "Unexpected error."', async () => {
    serveFlexprice(
      JSON.stringify({
        ...FLEXPRICE_WALLET,
        auto_topup: {
          ...FLEXPRICE_WALLET.auto_topup,
          cooldown: { value: 2_147_483_648, unit: 'second' },
        },
      }),
    );
    const r = await query(
      'query($id: ID!) { wallet(id: $id) { recurringTransactionRules { cooldown { value unit } } } }',
      { id: b64(`Wallet:FLEXPRICE:${FLEXPRICE_WALLET.id}`) },
    );
    const p = new Problems();
    checkGraphqlErrors(p, r.errors as never);
    expect(codes(p)).toEqual([]);
  });
});

describe('BUG-PRECISION: values beyond 40 significant digits are silently rounded (decimal.js precision 40)', () => {
  it('unit: Lago balance_cents 10^45+1 keeps its exact minor units', () => {
    const text = JSON.stringify(LAGO_WALLET).replace(
      '"balance_cents":1000',
      `"balance_cents":${10n ** 45n + 1n}`,
    );
    expect(codes(unitProblems('LAGO', text))).toEqual([]);
  });

  it('unit: Flexprice balance "1234567890123456789012345678901234567890.12" keeps its exact minor units', () => {
    expect(
      codes(
        unitProblems(
          'FLEXPRICE',
          JSON.stringify({
            ...FLEXPRICE_WALLET,
            balance: '1234567890123456789012345678901234567890.12',
          }),
          1,
        ),
      ),
    ).toEqual([]);
  });

  it('GraphQL: Lago balance_cents 123456789012345678901234567890123456789012345 comes out as the same minorUnits', async () => {
    const cents = '123456789012345678901234567890123456789012345';
    serveLago(
      JSON.stringify(LAGO_WALLET).replace('"balance_cents":1000', `"balance_cents":${cents}`),
    );
    const r = await query('query($id: ID!) { wallet(id: $id) { balance { minorUnits } } }', {
      id: b64(`Wallet:LAGO:${LAGO_WALLET.lago_id}`),
    });
    expect(
      (r.data as { wallet: { balance: { minorUnits: string } } }).wallet.balance.minorUnits,
    ).toBe(cents);
  });
});

describe('BUG-PROTO-META: a metadata key named "__proto__" is dropped (z.record assigns keys onto a plain object)', () => {
  it('unit: Lago metadata {"__proto__":"x","a":"1"} keeps both entries', () => {
    const text = JSON.stringify(LAGO_WALLET).replace(
      '"priority":50',
      '"priority":50,"metadata":{"__proto__":"x","a":"1"}',
    );
    expect(codes(unitProblems('LAGO', text))).toEqual([]);
  });

  it('unit: Flexprice metadata {"__proto__":"x","plan":"pro"} keeps both entries', () => {
    const text = JSON.stringify(FLEXPRICE_WALLET).replace(
      '"metadata":{"plan":"pro"}',
      '"metadata":{"__proto__":"x","plan":"pro"}',
    );
    expect(codes(unitProblems('FLEXPRICE', text, 1))).toEqual([]);
  });
});

describe('BUG-DEEP-RAW: a deeply nested unknown field passes validation, then breaks the JSON scalar (raw)', () => {
  it('GraphQL: a Polar wallet with "x": [[[…]]] nested 2,000-8,000 deep never yields a masked error or HTTP 500', async () => {
    const outcomes: string[] = [];
    for (let depth = 2000; depth <= 8000; depth += 500) {
      servePolar(
        JSON.stringify(POLAR_WALLET).replace(
          /}$/,
          `,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
        ),
      );
      const r = await query('query($id: ID!) { wallet(id: $id) { balance { amount } raw } }', {
        id: b64(`Wallet:POLAR:${POLAR_WALLET.id}`),
      });
      const p = new Problems();
      checkGraphqlErrors(p, r.errors as never);
      if (r.status !== 200 || p.list.length > 0)
        outcomes.push(`depth ${depth}: HTTP ${r.status} ${codes(p).join(', ')}`);
    }
    expect(outcomes).toEqual([]);
  });
});

describe('BUG-EMPTY-ID: Lago ids may be empty strings', () => {
  it('unit: a Lago wallet with lago_id "" is refused', () => {
    expect(codes(unitProblems('LAGO', JSON.stringify({ ...LAGO_WALLET, lago_id: '' })))).toEqual(
      [],
    );
  });

  it('GraphQL: a Lago wallet with lago_id "" is refused as a bad payload, so no unfetchable id is handed out', async () => {
    serveLago(JSON.stringify({ ...LAGO_WALLET, lago_id: '' }));
    const r = await query('query($id: ID!) { wallet(id: $id) { id } }', {
      id: b64(`Wallet:LAGO:${LAGO_WALLET.lago_id}`),
    });
    expect({ codes: r.errors?.map((e) => e.extensions?.code), data: r.data }).toEqual({
      codes: ['UPSTREAM_BAD_RESPONSE'],
      data: { wallet: null },
    });
  });
});

describe("BUG-POLAR-OWNER: Polar looks up a wallet's owner before validating the wallet", () => {
  it('GraphQL: a Polar wallet with no id and customer_id "usd" is UPSTREAM_BAD_RESPONSE, with no GET /v1/customers/usd', async () => {
    const before = stack.sandboxes.polar.requests.length;
    servePolar(
      '{"created_at":"1970-01-01T00:00:00Z","modified_at":null,"customer_id":"usd","balance":0,"currency":"usd"}',
    );
    const r = await query('query($id: ID!) { wallet(id: $id) { id } }', {
      id: b64(`Wallet:POLAR:${POLAR_WALLET.id}`),
    });
    const lookups = stack.sandboxes.polar.requests
      .slice(before)
      .filter((q) => q.path === '/v1/customers/usd');
    expect({
      codes: (r.errors ?? []).map((e) => e.extensions?.code),
      lookups: lookups.length,
    }).toEqual({ codes: ['UPSTREAM_BAD_RESPONSE'], lookups: 0 });
  });
});

describe('BUG-CURRENCY-FOLD: non-ASCII currency text is upper-cased into a real ISO code', () => {
  it('unit: Polar currency "uſd" (long s) is refused, not read as USD', () => {
    expect(
      codes(unitProblems('POLAR', JSON.stringify({ ...POLAR_WALLET, currency: 'uſd' }))),
    ).toEqual([]);
  });

  it('unit: Flexprice currency "ıls" (dotless i) is refused, not read as ILS', () => {
    expect(
      codes(unitProblems('FLEXPRICE', JSON.stringify({ ...FLEXPRICE_WALLET, currency: 'ıls' }), 1)),
    ).toEqual([]);
  });
});

describe('the reproductions are valid payloads apart from the one field (so each it.fails fails for its own reason)', () => {
  it('the base payloads translate with no problem', () => {
    expect(codes(unitProblems('LAGO', JSON.stringify(LAGO_WALLET)))).toEqual([]);
    expect(codes(unitProblems('FLEXPRICE', JSON.stringify(FLEXPRICE_WALLET), 1))).toEqual([]);
    expect(codes(unitProblems('POLAR', JSON.stringify(POLAR_WALLET)))).toEqual([]);
  });

  it('over GraphQL too', async () => {
    serveLago(JSON.stringify(LAGO_WALLET));
    const lago = await query(
      'query($id: ID!) { wallet(id: $id) { priority balance { minorUnits } } }',
      { id: b64(`Wallet:LAGO:${LAGO_WALLET.lago_id}`) },
    );
    expect(lago).toMatchObject({
      status: 200,
      data: { wallet: { priority: 50, balance: { minorUnits: '1000' } } },
    });
    expect(lago.errors).toBeUndefined();
    serveFlexprice(JSON.stringify(FLEXPRICE_WALLET));
    const flex = await query(
      'query($id: ID!) { wallet(id: $id) { ongoingBalance { formatted } recurringTransactionRules { cooldown { value } } } }',
      { id: b64(`Wallet:FLEXPRICE:${FLEXPRICE_WALLET.id}`) },
    );
    expect(flex.errors).toBeUndefined();
    expect(flex.data).toEqual({
      wallet: {
        ongoingBalance: { formatted: '$87.50' },
        recurringTransactionRules: [{ cooldown: null }],
      },
    });
    servePolar(JSON.stringify(POLAR_WALLET));
    const polar = await query('query($id: ID!) { wallet(id: $id) { balance { amount } raw } }', {
      id: b64(`Wallet:POLAR:${POLAR_WALLET.id}`),
    });
    expect(polar.errors).toBeUndefined();
    expect(polar.data).toEqual({ wallet: { balance: { amount: '50.00' }, raw: POLAR_WALLET } });
  });
});
