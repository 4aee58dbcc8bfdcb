import type { ErrorObject } from 'ajv';
import type fc from 'fast-check';
import { normalizeCurrency } from '../../../src/domain/currency.js';
import { Dec, decimalString, type Money, minorUnits } from '../../../src/domain/money.js';
import type { Wallet } from '../../../src/domain/wallet.js';

/** The providers the fuzz targets cover. */
export type ProviderName = 'LAGO' | 'FLEXPRICE' | 'POLAR';

import { JsonNumber } from '../../../src/json.js';
import { createLogger } from '../../../src/logger.js';
import { flexpriceWalletCore } from '../../../src/providers/flexprice/api.js';
import { translateWallet as translateFlexprice } from '../../../src/providers/flexprice/translate.js';
import { translateItem } from '../../../src/providers/items.js';
import { lagoWalletCore } from '../../../src/providers/lago/api.js';
import { translateWallet as translateLago } from '../../../src/providers/lago/translate.js';
import { polarWalletCore } from '../../../src/providers/polar/api.js';
import { translateWallet as translatePolar } from '../../../src/providers/polar/translate.js';
import type { Result } from '../../../src/providers/provider.js';
import { embeddedOpenApi, SEED_FILES, seedText } from '../../contract/seed-examples.js';
import { loadSpec, type OpenApiSpec } from '../../helpers/openapi.js';
import { exact, type Problems, significantDigits, type WalletView } from './check.js';
import { type SchemaArbitraryOptions, schemaArbitrary } from './schema-arbitrary.js';

/**
 * What the fuzz tests feed each adapter: the wallet schemas the adapter consumes, reached from the
 * response schema of the route it calls, in two populations:
 *
 * - `spec`: the provider's OpenAPI file as published. It says things the servers never send
 *   (Lago's required `balance`, Flexprice's numeric auto_topup thresholds, any string as a
 *   money value): those must be translated or become typed errors, never crash.
 * - `wire`: the same file corrected where NOTES.md says the spec is wrong (each correction names
 *   its section, as test/sandbox/*-openapi.test.ts do) and narrowed to values the server's types
 *   can hold (decimal strings, real currency codes, always-emitted fields): schema-valid payloads
 *   that look like the real thing, so that most of them translate.
 *
 * Every generated payload is checked against its document with Ajv before it is used.
 */

type Json = Record<string, unknown>;
type Schemas = Record<string, Json & { properties?: Record<string, Json>; required?: string[] }>;

const silent = createLogger({ level: 'silent' });

export interface Population {
  readonly name: 'spec' | 'wire';
  readonly arbitrary: fc.Arbitrary<unknown>;
  /** Ajv errors of `payload` (a JSON.parse'd copy) against this population's document. */
  validate(payload: unknown): ErrorObject[];
}

export interface FuzzTarget {
  readonly provider: ProviderName;
  /** e.g. "Lago WalletObject". */
  readonly label: string;
  /** Where the schema comes from, for reports. */
  readonly source: string;
  /** Top-level property names, for field-targeted mutations. */
  readonly fields: readonly string[];
  readonly spec: Population;
  readonly wire: Population;
  /** The adapter's own validate + translate call, exactly as its index.ts makes it. */
  translate(raw: unknown, externalId: string | null): Result<Wallet>;
  /** Field-by-field: the wallet (as GraphQL shows it) carries the wire values it maps, exactly. */
  checkMapping(p: Problems, input: unknown, w: WalletView, externalId: string | null): void;
  /**
   * Whether the payload's identity, customer, currency and balance are valid: then it must
   * become a wallet with its balance (the tolerance oracle); otherwise it may cost the wallet.
   */
  coreValid(input: unknown): boolean;
}

function deref(doc: Json, ref: string): Json {
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((node, key) => node[key] as Json, doc);
}

/** The `$ref` of the wallet schema in a route's 200 response, unwrapping an envelope if there is one. */
function walletRef(
  doc: Json,
  path: string,
  method: string,
  envelope?: (resolved: Json) => Json,
): string {
  const operation = ((doc.paths as Json)[path] as Json)[method] as Json;
  const response = (operation.responses as Json)['200'] as Json;
  const schema = ((response.content as Json)['application/json'] as Json).schema as Json;
  const ref = envelope ? envelope(deref(doc, schema.$ref as string)).$ref : schema.$ref;
  if (typeof ref !== 'string')
    throw new Error(`no wallet $ref under ${method.toUpperCase()} ${path}`);
  return ref;
}

function population(
  name: 'spec' | 'wire',
  spec: OpenApiSpec,
  ref: string,
  options: Omit<SchemaArbitraryOptions, 'document'>,
): Population {
  const arbitrary = schemaArbitrary({ $ref: ref }, { ...options, document: spec.document });
  const validation = { $ref: `spec${ref}` };
  return { name, arbitrary, validate: (payload) => spec.validate(validation, payload) };
}

const SPEC_OPTIONS = {
  optionalPresence: 0.5,
  extraProperties: true,
  integerMagnitude: 10n ** 30n,
  dateTimes: 'rfc3339',
} as const;
// bigint columns (Lago balance_cents, Polar's summed cents) reach 2^63.
const WIRE_OPTIONS = {
  optionalPresence: 0.75,
  extraProperties: false,
  integerMagnitude: 2n ** 63n - 1n,
  dateTimes: 'wire',
} as const;

const nullable = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });

// ---------------------------------------------------------------------------------------------
// What a wallet needs to exist (the tolerance oracle's premise), checked independently of src/

const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
const isoCurrency = (v: unknown) =>
  typeof v === 'string' && /^[A-Za-z]{3}$/.test(v.trim()) && normalizeCurrency(v) !== undefined;
const isInteger = (v: unknown) =>
  (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
/** A plain decimal as a string or a JSON number (json.ts keeps non-integers as JsonNumber). */
const plain = (v: unknown) => {
  const text =
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'bigint'
        ? String(v)
        : v instanceof JsonNumber
          ? v.text
          : undefined;
  return (
    text !== undefined &&
    /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) &&
    text.replace(/[^0-9]/g, '').length <= 60
  );
};

// ---------------------------------------------------------------------------------------------
// Checks shared by the mapping checks

function wireDecimal(p: Problems, path: string, d: unknown, wire: unknown): void {
  if (!(d instanceof Dec) || typeof wire !== 'string') return; // types are checkWallet's business
  const want = exact(wire);
  if (!want || d.e > 300 || d.e < -100_000) return; // absurd exponents are reported as EXPONENT
  const got = exact(decimalString(d))!;
  const scale = Math.max(got.scale, want.scale);
  if (
    got.digits * 10n ** BigInt(scale - got.scale) !==
    want.digits * 10n ** BigInt(scale - want.scale)
  ) {
    p.add(
      significantDigits(wire) > 38 ? 'PRECISION' : 'WRONG_NUMBER',
      path,
      `${decimalString(d).slice(0, 60)} but the wire says ${wire.slice(0, 60)}`,
    );
  }
}

function wireMinor(p: Problems, path: string, m: Money | null | undefined, wire: unknown): void {
  if (!m || !(m.amount instanceof Dec) || m.amount.e > 300 || m.amount.e < -100_000) return;
  if (typeof wire !== 'number' && typeof wire !== 'bigint') return;
  const got = minorUnits(m);
  const want = BigInt(wire).toString();
  if (got !== want)
    p.add(
      want.replace('-', '').length > 38 ? 'PRECISION' : 'WRONG_NUMBER',
      `${path}.minorUnits`,
      `${got} but the wire says ${want} minor units`,
    );
}

/** Metadata entries are the wire map's own keys, `__proto__` included, with their values. */
function wireMetadata(p: Problems, w: WalletView, wire: unknown): void {
  // A value that is not a map is unreadable as a whole (and reported so), not mapped.
  if (Array.isArray(wire)) return;
  const map = wire && typeof wire === 'object' ? (wire as Json) : {};
  // Entries whose value is not a string (or null) are unreadable on their own, so not mapped.
  const keys = Object.keys(map).filter((k) => typeof map[k] === 'string' || map[k] === null);
  const got = new Map(w.metadata.map((e) => [e.key, e.value]));
  for (const k of keys) {
    if (!got.has(k))
      p.add(
        k === '__proto__' ? 'PROTO_KEY' : 'WIRE',
        `metadata[${JSON.stringify(k)}]`,
        'a wire metadata key is missing',
      );
    else if (got.get(k) !== map[k])
      p.add(
        'WIRE',
        `metadata[${JSON.stringify(k)}]`,
        `${JSON.stringify(got.get(k))} but the wire says ${JSON.stringify(map[k])}`,
      );
  }
  if (w.metadata.length > keys.length)
    p.add('WIRE', 'metadata', `${w.metadata.length} entries for ${keys.length} wire keys`);
}

function same(p: Problems, path: string, got: unknown, want: unknown): void {
  if (got !== want)
    p.add(
      'WIRE',
      path,
      `${JSON.stringify(got)?.slice(0, 80)} but the wire says ${JSON.stringify(want)?.slice(0, 80)}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Lago

const LAGO_DECIMAL = { type: 'string', pattern: '^[0-9]{1,12}\\.[0-9]{1,5}$' };

function lagoTarget(): FuzzTarget {
  const file = 'lago/openapi/openapi.yaml';
  const pure = loadSpec(file);
  const wire = loadSpec(file, (doc) => {
    const s = (doc.components as { schemas: Schemas }).schemas;
    const wallet = s.WalletObject!;
    const rule = s.WalletRecurringTransactionRule!;
    // NOTES §9.1: `balance` is required by the spec but no longer serialized.
    wallet.required = wallet.required!.filter((f) => f !== 'balance');
    // NOTES §3: decimal(30,5) columns serialized as strings ("10.0"). The spec's pattern has an
    // unescaped dot ("1x5" matches it); these are the strings Rails prints.
    for (const f of [
      'rate_amount',
      'credits_balance',
      'consumed_credits',
      'credits_ongoing_usage_balance',
    ])
      wallet.properties![f] = LAGO_DECIMAL;
    // NOTES §3: credits_ongoing_balance = credits_balance - usage, which goes below zero
    // (ongoing_balance_cents "can be ≤ 0").
    wallet.properties!.credits_ongoing_balance = {
      type: 'string',
      pattern: '^-?[0-9]{1,12}\\.[0-9]{1,5}$',
    };
    // NOTES §3, §9.7: metadata is a map sent only when not empty; keys ≤ 100, values ≤ 255.
    wallet.properties!.metadata = {
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: ['string', 'null'], maxLength: 255 },
    };
    // NOTES §4: at most one rule per wallet.
    (wallet.properties!.recurring_transaction_rules as Json).maxItems = 1;
    for (const f of ['threshold_credits', 'paid_credits', 'granted_credits'])
      rule.properties![f] = LAGO_DECIMAL;
    rule.properties!.target_ongoing_balance = {
      type: ['string', 'null'],
      pattern: LAGO_DECIMAL.pattern,
    };
    // NOTES §4: transaction_metadata is an array of {key, value}.
    ((rule.properties!.transaction_metadata as Json).items as Json).required = ['key', 'value'];
    // NOTES §3/§7: payment_method_id is null by default (as test/sandbox/lago-openapi.test.ts).
    (s.PaymentMethodReference!.properties!.payment_method_id as Json).type = ['string', 'null'];
  });
  const ref = walletRef(
    pure.document,
    '/wallets/{lago_id}',
    'get',
    (wrapper) => (wrapper.properties as Json).wallet as Json,
  );
  const fields = Object.keys(deref(pure.document, ref).properties as Json);
  return {
    provider: 'LAGO',
    label: 'Lago WalletObject',
    source: `lago/openapi/openapi.yaml ${ref} (GET /wallets/{lago_id} → {wallet})`,
    fields: [...fields, 'balance'],
    spec: population('spec', pure, ref, SPEC_OPTIONS),
    wire: population('wire', wire, ref, WIRE_OPTIONS),
    // As LagoProvider.translate (src/providers/lago/adapter.ts).
    translate: (raw) =>
      translateItem('LAGO', lagoWalletCore, translateLago, raw, silent, 'lago_id'),
    coreValid: (input) => {
      const l = (input ?? {}) as Json;
      return (
        typeof input === 'object' &&
        nonEmpty(l.lago_id) &&
        nonEmpty(l.lago_customer_id) &&
        typeof l.external_customer_id === 'string' &&
        isoCurrency(l.currency) &&
        isInteger(l.balance_cents)
      );
    },
    checkMapping(p, input, w) {
      const l = input as Json;
      same(p, 'providerWalletId', w.providerWalletId, l.lago_id);
      same(p, 'customer.providerCustomerId', w.customer.providerCustomerId, l.lago_customer_id);
      same(p, 'customer.externalId', w.customer.externalId, l.external_customer_id);
      same(
        p,
        'status',
        w.status,
        l.status === 'active' ? 'ACTIVE' : l.status === 'terminated' ? 'TERMINATED' : 'UNKNOWN',
      );
      if (w.priority !== null) same(p, 'priority', w.priority, l.priority ?? null);
      wireMinor(p, 'balance', w.balance, l.balance_cents);
      wireMinor(p, 'ongoingBalance', w.ongoingBalance, l.ongoing_balance_cents);
      wireMinor(p, 'ongoingUsage', w.ongoingUsage, l.ongoing_usage_balance_cents);
      if (w.credits) {
        wireDecimal(p, 'credits.balance', w.credits.balance, l.credits_balance);
        wireDecimal(
          p,
          'credits.ongoingBalance',
          w.credits.ongoingBalance,
          l.credits_ongoing_balance,
        );
        wireDecimal(
          p,
          'credits.ongoingUsage',
          w.credits.ongoingUsage,
          l.credits_ongoing_usage_balance,
        );
        wireDecimal(p, 'credits.consumed', w.credits.consumed, l.consumed_credits);
        wireDecimal(p, 'credits.rate', w.credits.rate, l.rate_amount);
      }
      const rules = l.recurring_transaction_rules;
      if (
        Array.isArray(rules) &&
        rules.every((r) => r && typeof r === 'object' && !Array.isArray(r))
      )
        same(
          p,
          'recurringTransactionRules.length',
          w.recurringTransactionRules.length,
          rules.length,
        );
      wireMetadata(p, w, l.metadata);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Flexprice

// shopspring String(): no exponent, trailing zeros trimmed; numeric(20,9) (NOTES §1).
const GO_DECIMAL = { type: 'string', pattern: '^-?(0|[1-9][0-9]{0,10})(\\.[0-9]{0,8}[1-9])?$' };
// numeric(10,5), and a rate ≤ 0 is replaced by 1 at creation (NOTES §3.3): always positive.
const GO_RATE = {
  type: 'string',
  pattern: '^([1-9][0-9]{0,4}(\\.[0-9]{0,4}[1-9])?|0\\.[0-9]{0,3}[1-9])$',
};
// Stored lower-case and validated as ISO 4217 (NOTES §1).
const FLEXPRICE_CURRENCIES = {
  type: 'string',
  enum: ['usd', 'eur', 'gbp', 'inr', 'jpy', 'kwd', 'chf', 'bhd', 'clf'],
};

/** Seed 004's embedded OpenAPI fragment: the documented WalletResponse, numbers and all. */
const SEED_004 = {
  name: `seeds/${SEED_FILES.flexpriceWalletCreated}`,
  document: embeddedOpenApi(seedText(SEED_FILES.flexpriceWalletCreated)),
};

function flexpriceTarget(
  kind: 'WalletResponse' | 'WalletBalanceResponse',
  origin: 'spec' | 'seed004' = 'spec',
): FuzzTarget {
  const file = origin === 'spec' ? 'flexprice/openapi/swagger-3-0.json' : SEED_004;
  const pure = loadSpec(file);
  const wire = loadSpec(file, (doc) => {
    const s = (doc.components as { schemas: Schemas }).schemas;
    // NOTES §0.2, §3.6, §8.3: auto_topup threshold and amount are decimal strings, not numbers.
    s['types.AutoTopup']!.properties!.threshold = GO_DECIMAL;
    s['types.AutoTopup']!.properties!.amount = GO_DECIMAL;
    s['types.AutoTopup']!.required = ['enabled', 'threshold', 'amount', 'invoicing'];
    // NOTES §3.6: cooldown is {value, unit}; types.Duration's `enum: ["3600000000000"]` is a swag artifact.
    // (Seed 004 documents no cooldown at all.)
    if (s['types.Duration']) {
      delete s['types.Duration'].enum;
      s['types.Duration'].required = ['value', 'unit'];
      // The value reaches a GraphQL Int (a Go int; no real cooldown is 68 years of seconds).
      s['types.Duration'].properties = {
        ...s['types.Duration'].properties,
        value: { type: 'integer', minimum: -(2 ** 31), maximum: 2 ** 31 - 1 },
      };
    }
    // NOTES §3.6, §7: absent alert levels come as null; thresholds are decimal strings.
    for (const level of ['critical', 'warning', 'info'])
      s['types.AlertSettings']!.properties![level] = nullable({
        $ref: '#/components/schemas/types.AlertThreshold',
      });
    s['types.AlertThreshold']!.properties!.threshold = GO_DECIMAL;
    s['types.AlertThreshold']!.required = ['threshold', 'condition'];
    s['types.CreditBreakdown']!.properties!.free = GO_DECIMAL;
    s['types.CreditBreakdown']!.properties!.purchased = GO_DECIMAL;
    s['types.CreditBreakdown']!.required = ['free', 'purchased'];
    for (const name of ['WalletResponse', 'WalletBalanceResponse']) {
      const w = s[name];
      if (!w) continue;
      // NOTES §3.1: metadata is an object or null.
      w.properties!.metadata = nullable({ $ref: '#/components/schemas/types.Metadata' });
      for (const f of [
        'balance',
        'credit_balance',
        'real_time_balance',
        'real_time_credit_balance',
        'current_period_usage',
        'unpaid_invoices_amount',
      ]) {
        if (w.properties![f]) w.properties![f] = GO_DECIMAL;
      }
      // NOTES §1: ids are `<prefix>_<ULID>`, never empty.
      w.properties!.id = { type: 'string', minLength: 1 };
      w.properties!.customer_id = { type: 'string', minLength: 1 };
      w.properties!.conversion_rate = GO_RATE;
      w.properties!.topup_conversion_rate = GO_RATE;
      w.properties!.currency = FLEXPRICE_CURRENCIES;
      // NOTES §3.1/§3.2: the fields without omitempty are always emitted.
      w.required = [
        'id',
        'customer_id',
        'currency',
        'balance',
        'credit_balance',
        'wallet_status',
        'description',
        'wallet_type',
        'config',
        'conversion_rate',
        'topup_conversion_rate',
        'environment_id',
        'alert_state',
        'tenant_id',
        'status',
        'created_at',
        'updated_at',
        'created_by',
        'updated_by',
        ...(name === 'WalletBalanceResponse' ? ['is_cached_fallback'] : []),
      ];
    }
  });
  const ref =
    origin === 'seed004'
      ? // The wallet of the documented wallet.created payload.
        walletRef(
          pure.document,
          '/webhook-events/wallet.created',
          'post',
          (payload) => (payload.properties as Json).wallet as Json,
        )
      : kind === 'WalletResponse'
        ? // The by-id batch: POST /wallets/search answers {items: WalletResponse[], pagination}.
          walletRef(
            pure.document,
            '/wallets/search',
            'post',
            (list) => ((list.properties as Json).items as Json).items as Json,
          )
        : // Active wallets are re-read through GET /wallets/{id}/balance/real-time.
          walletRef(pure.document, '/wallets/{id}/balance/real-time', 'get');
  const fields = Object.keys(deref(pure.document, ref).properties as Json);
  return {
    provider: 'FLEXPRICE',
    label: origin === 'seed004' ? 'Flexprice seed-004 WalletResponse' : `Flexprice ${kind}`,
    source:
      origin === 'seed004'
        ? `${SEED_004.name} ${ref} (the documented wallet.created payload's wallet)`
        : `flexprice/openapi/swagger-3-0.json ${ref} ` +
          `(${kind === 'WalletResponse' ? 'POST /wallets/search items' : 'GET /wallets/{id}/balance/real-time'})`,
    fields,
    spec: population('spec', pure, ref, SPEC_OPTIONS),
    wire: population('wire', wire, ref, WIRE_OPTIONS),
    // As FlexpriceProvider.translate / translateBalance / customerWalletList (src/providers/flexprice/adapter.ts).
    translate: (raw, externalId) =>
      translateItem(
        'FLEXPRICE',
        flexpriceWalletCore,
        (w, r) => translateFlexprice(w, r, { externalId }),
        raw,
        silent,
      ),
    coreValid: (input) => {
      const f = (input ?? {}) as Json;
      return (
        typeof input === 'object' &&
        nonEmpty(f.id) &&
        nonEmpty(f.customer_id) &&
        isoCurrency(f.currency) &&
        plain(f.balance)
      );
    },
    checkMapping(p, input, w, externalId) {
      const f = input as Json;
      same(p, 'providerWalletId', w.providerWalletId, f.id);
      same(p, 'customer.providerCustomerId', w.customer.providerCustomerId, f.customer_id);
      same(p, 'customer.externalId', w.customer.externalId, externalId);
      same(
        p,
        'status',
        w.status,
        (typeof f.wallet_status === 'string' &&
          ({ active: 'ACTIVE', frozen: 'FROZEN', closed: 'TERMINATED' } as Json)[
            f.wallet_status
          ]) ||
          'UNKNOWN',
      );
      same(
        p,
        'kind',
        w.kind,
        (typeof f.wallet_type === 'string' &&
          ({ PRE_PAID: 'PREPAID', POST_PAID: 'POSTPAID', PROMOTIONAL: 'PROMOTIONAL' } as Json)[
            f.wallet_type
          ]) ||
          'UNKNOWN',
      );
      wireDecimal(p, 'balance.amount', w.balance.amount, f.balance);
      if (w.ongoingBalance)
        wireDecimal(p, 'ongoingBalance.amount', w.ongoingBalance.amount, f.real_time_balance);
      if (w.credits) {
        wireDecimal(p, 'credits.balance', w.credits.balance, f.credit_balance);
        wireDecimal(p, 'credits.rate', w.credits.rate, f.conversion_rate);
        if (w.credits.topUpRate !== null)
          wireDecimal(
            p,
            'credits.topUpRate',
            w.credits.topUpRate,
            f.topup_conversion_rate || f.conversion_rate,
          );
      }
      wireMetadata(p, w, f.metadata);
      const topUp = f.auto_topup as Json | null | undefined;
      if (!topUp || (typeof topUp === 'object' && !Array.isArray(topUp)))
        same(
          p,
          'recurringTransactionRules.length',
          w.recurringTransactionRules.length,
          topUp ? 1 : 0,
        );
      const rule = w.recurringTransactionRules[0];
      if (topUp && rule) {
        wireDecimal(
          p,
          'recurringTransactionRules[0].thresholdCredits',
          rule.thresholdCredits,
          topUp.threshold,
        );
        wireDecimal(p, 'recurringTransactionRules[0].paidCredits', rule.paidCredits, topUp.amount);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Polar

// NOTES §2.4, §8: a lower-case 3-letter ISO code ("usd"); multi-currency exists (eur in tests).
const POLAR_CURRENCIES = {
  type: 'string',
  enum: ['usd', 'eur', 'gbp', 'jpy', 'kwd', 'cad', 'sek'],
};

function polarTarget(kind: 'Wallet' | 'CustomerWallet'): FuzzTarget {
  const file =
    kind === 'Wallet'
      ? 'polar/openapi/polar-private-wallets.reconstructed.json'
      : 'polar/openapi/polar-openapi-2026-04-16.json';
  const route = kind === 'Wallet' ? '/v1/wallets/{id}' : '/v1/customer-portal/wallets/{id}';
  const pure = loadSpec(file);
  const wire = loadSpec(file, (doc) => {
    const s = (doc.components as { schemas: Schemas }).schemas;
    s[kind]!.properties!.currency = POLAR_CURRENCIES;
  });
  const ref = walletRef(pure.document, route, 'get');
  return {
    provider: 'POLAR',
    label: `Polar ${kind}`,
    source: `${file} ${ref} (GET ${route})`,
    fields: Object.keys(deref(pure.document, ref).properties as Json),
    spec: population('spec', pure, ref, SPEC_OPTIONS),
    wire: population('wire', wire, ref, WIRE_OPTIONS),
    // As PolarProvider.translate (src/providers/polar/adapter.ts): one schema for both shapes.
    translate: (raw, externalId) =>
      translateItem(
        'POLAR',
        polarWalletCore,
        (w, r) => translatePolar(w, r, externalId),
        raw,
        silent,
      ),
    coreValid: (input) => {
      const pw = (input ?? {}) as Json;
      return (
        typeof input === 'object' &&
        nonEmpty(pw.id) &&
        nonEmpty(pw.customer_id) &&
        isoCurrency(pw.currency) &&
        isInteger(pw.balance)
      );
    },
    checkMapping(p, input, w, externalId) {
      const pw = input as Json;
      same(p, 'providerWalletId', w.providerWalletId, pw.id);
      same(p, 'customer.providerCustomerId', w.customer.providerCustomerId, pw.customer_id);
      same(p, 'customer.externalId', w.customer.externalId, externalId);
      same(p, 'status', w.status, 'ACTIVE');
      same(p, 'kind', w.kind, 'CREDIT_BALANCE');
      same(p, 'credits', w.credits, null);
      wireMinor(p, 'balance', w.balance, pw.balance);
      if (w.createdAt !== null)
        same(p, 'createdAt', w.createdAt.getTime(), Date.parse(pw.created_at as string));
    },
  };
}

export const TARGETS: Readonly<Record<ProviderName, readonly FuzzTarget[]>> = {
  LAGO: [lagoTarget()],
  FLEXPRICE: [
    flexpriceTarget('WalletResponse'),
    flexpriceTarget('WalletBalanceResponse'),
    flexpriceTarget('WalletResponse', 'seed004'),
  ],
  POLAR: [polarTarget('Wallet'), polarTarget('CustomerWallet')],
};
