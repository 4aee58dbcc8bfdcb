import { CustomerWallet$inboundSchema } from '@polar-sh/sdk/models/components/customerwallet.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { SEED_003_PLACEHOLDERS, SEED_003_WALLETS } from '../../src/providers/flexprice/sandbox/documents.js';
import { LAGO_SEED_001_WALLET } from '../../src/providers/lago/sandbox/documents.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { loadSpec } from '../helpers/openapi.js';
import {
  atPointer,
  attributeTypes,
  embeddedOpenApi,
  firstJsonValue,
  placeholderPointers,
  polarSeedWire,
  SEED_000_NO_EXAMPLE,
  SEED_FILES,
  sdkFieldTable,
  seedText,
  snakeCase,
  withReplacements,
} from './seed-examples.js';

/**
 * The seed documents are part of the contract. Each fixture the tests and the sandboxes use is
 * derived from a seed here, and differs from it only where the documentation wrote a placeholder,
 * each replacement listed and checked: the seed held a placeholder there, and the value is of the
 * type the seed documents. A changed seed fails these tests.
 */

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ seedDocuments: true });
});
afterAll(() => sandboxes.close());

describe('seed 001: Lago wallet object', () => {
  const text = seedText(SEED_FILES.lagoWallet);
  const example = firstJsonValue(text).value as { wallet: Record<string, unknown> };

  it('the sandbox document is the example, verbatim (there is no placeholder)', () => {
    expect(placeholderPointers(example)).toEqual([]);
    expect(LAGO_SEED_001_WALLET).toEqual(example.wallet);
  });

  it('every example value has the type its attribute list documents', () => {
    const types = attributeTypes(text, 'Attributes');
    expect(types.size).toBeGreaterThan(15);
    for (const [name, { type, required }] of types) {
      if (name === 'wallet') continue;
      const value = example.wallet[name];
      if (value === null && !required) continue;
      const actual = Array.isArray(value)
        ? 'array'
        : Number.isInteger(value)
          ? 'integer'
          : typeof value;
      expect([name, actual]).toEqual([name, type]);
    }
  });

  it('the Lago sandbox serves it byte for byte, by id and in the customer list', async () => {
    const auth = { authorization: `Bearer ${sandboxes.lago.apiKey}` };
    const id = String(example.wallet.lago_id);
    const one = await fetch(`${sandboxes.lago.url}/api/v1/wallets/${id}`, { headers: auth });
    expect(await one.json()).toEqual(example);
    const list = (await (
      await fetch(`${sandboxes.lago.url}/api/v1/wallets?external_customer_id=hooli_1234`, {
        headers: auth,
      })
    ).json()) as { wallets: unknown[] };
    expect(list.wallets).toContainEqual(example.wallet);
  });
});

describe('seed 003: Flexprice customer wallets', () => {
  const text = seedText(SEED_FILES.flexpriceCustomerWallets);
  const example = firstJsonValue(text).value;

  it('differs from the sandbox document only at the placeholders, each listed', () => {
    // Exactly the placeholders are replaced, no more, no less.
    expect(Object.keys(SEED_003_PLACEHOLDERS).sort()).toEqual(placeholderPointers(example).sort());
    for (const pointer of Object.keys(SEED_003_PLACEHOLDERS))
      expect([pointer, atPointer(example, pointer)]).toEqual([pointer, '<string>']);
    expect(SEED_003_WALLETS).toEqual(withReplacements(example, SEED_003_PLACEHOLDERS));
    expect(placeholderPointers(SEED_003_WALLETS)).toEqual([]);
  });

  it('each replacement has the documented type, and is a realistic value of it', () => {
    const top = attributeTypes(text, 'Response');
    // Nested fields are documented by the OpenAPI fragment of seed 004 (types.CreditBreakdown).
    const schemas = (embeddedOpenApi(seedText(SEED_FILES.flexpriceWalletCreated)).components as {
      schemas: Record<string, { properties: Record<string, { type?: string }> }>;
    }).schemas;
    for (const [pointer, value] of Object.entries(SEED_003_PLACEHOLDERS)) {
      const [, , field, nested] = pointer.split('/');
      const documented = nested
        ? schemas['types.CreditBreakdown']!.properties[nested]!.type
        : top.get(field!)?.type;
      expect([pointer, documented, typeof value]).toEqual([pointer, 'string', 'string']);
    }
    const w = SEED_003_WALLETS[0]!;
    // Flexprice's own formats (NOTES §1): decimals without exponent, lower-case ISO currency,
    // prefixed ULID ids, RFC 3339 timestamps; balance = credit_balance × conversion_rate.
    for (const k of ['balance', 'credit_balance', 'conversion_rate', 'topup_conversion_rate'])
      expect(String(w[k])).toMatch(/^\d+(\.\d+)?$/);
    expect(w.currency).toMatch(/^[a-z]{3}$/);
    expect(w.id).toMatch(/^wallet_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(w.customer_id).toMatch(/^cust_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(Number(w.balance)).toBe(Number(w.credit_balance) * Number(w.conversion_rate));
    expect(Number.isNaN(Date.parse(String(w.created_at)))).toBe(false);
  });

  it('keeps what makes it a legacy shape: PROMOTIONAL, JSON numbers, alert_config', () => {
    const w = SEED_003_WALLETS[0]!;
    expect(w.wallet_type).toBe('PROMOTIONAL');
    expect(w.auto_topup).toEqual({ amount: 123, enabled: true, invoicing: true, threshold: 123 });
    expect(w.alert_config).toEqual({ threshold: { type: 'amount', value: 123 } });
    expect(w.alert_enabled).toBe(true);
  });

  it('the Flexprice sandbox serves it for its customer, as GET /customers/wallets', async () => {
    const res = await fetch(
      `${sandboxes.flexprice.url}/v1/customers/wallets?lookup_key=flexprice_seed_003&include_real_time_balance=true`,
      { headers: { 'x-api-key': sandboxes.flexprice.apiKey } },
    );
    expect(await res.json()).toEqual(SEED_003_WALLETS);
  });
});

/**
 * Seed 000 documents Polar's Wallet as the SDK's field table: camelCase names, SDK types. The
 * wire is snake_case JSON (NOTES polar §8 "Field names"); the SDK's own inbound schema maps one to
 * the other, so it is the judge: the wire object derived here must parse with it into exactly the
 * table's fields and values.
 */
describe("seed 000: Polar's Wallet (an SDK field table)", () => {
  const fields = sdkFieldTable(seedText(SEED_FILES.polarWallet));
  const NO_EXAMPLE = SEED_000_NO_EXAMPLE;
  const wire = polarSeedWire();

  it('the table lists the six fields, and only the fields without an example are filled in', () => {
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['id', 'string', true],
      ['createdAt', 'DateTime', true],
      ['modifiedAt', 'DateTime', true],
      ['customerId', 'string', true],
      ['balance', 'int', true],
      ['currency', 'string', true],
    ]);
    expect(
      Object.keys(NO_EXAMPLE).sort(),
    ).toEqual(fields.filter((f) => f.example === '').map((f) => snakeCase(f.name)).sort());
    expect(wire).toEqual({
      id: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
      created_at: '2025-11-12T09:34:05.123456Z',
      modified_at: null,
      customer_id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
      balance: 5000,
      currency: 'usd',
    });
  });

  it("the Polar SDK's own schema reads the wire object back into exactly the table", () => {
    const sdk = CustomerWallet$inboundSchema.parse(wire) as Record<string, unknown>;
    expect(Object.keys(sdk).sort()).toEqual(fields.map((f) => f.name).sort());
    for (const f of fields.filter((x) => x.example !== ''))
      expect(String(sdk[f.name])).toBe(f.example);
    expect(sdk.createdAt).toBeInstanceOf(Date);
  });

  it("is valid for the Polar spec's CustomerWallet and the reconstructed private Wallet", () => {
    for (const [file, name] of [
      ['polar/openapi/polar-openapi-2026-04-16.json', 'CustomerWallet'],
      ['polar/openapi/polar-private-wallets.reconstructed.json', 'Wallet'],
    ] as const) {
      const spec = loadSpec(file);
      expect(spec.validate({ $ref: `spec#/components/schemas/${name}` }, wire)).toEqual([]);
    }
  });

  it('the Polar sandbox serves it as hooli_1234 wallet, on the org and portal routes', async () => {
    const res = await fetch(`${sandboxes.polar.url}/v1/wallets/${wire.id}`, {
      headers: { authorization: `Bearer ${sandboxes.polar.accessToken}` },
    });
    expect(await res.json()).toEqual(wire);
  });
});

describe('seed 004: Flexprice wallet.created webhook (an OpenAPI fragment)', () => {
  const doc = embeddedOpenApi(seedText(SEED_FILES.flexpriceWalletCreated));

  it('documents the ≤ v2.1.23 payload: a full WalletResponse plus the customer', () => {
    const schemas = (doc.components as { schemas: Record<string, { properties: object }> })
      .schemas;
    expect(Object.keys(schemas['webhookDto.WalletWebhookPayload']!.properties).sort()).toEqual([
      'alert',
      'customer',
      'event_type',
      'wallet',
    ]);
    expect(Object.keys(schemas.WalletResponse!.properties)).toContain('alert_settings');
  });

  it('compiles as a JSON schema (the webhook tests build their payloads against it)', () => {
    const ajv = new Ajv({ strict: false });
    ajv.addSchema({ $id: 'seed004', components: doc.components });
    expect(() => ajv.compile({ $ref: 'seed004#/components/schemas/webhookDto.WalletWebhookPayload' })).not.toThrow();
  });
});
