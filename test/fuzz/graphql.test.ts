import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec, decimalString } from '../../src/domain/money.js';
import { Unreadable, unreadableParts } from '../../src/domain/part.js';
import type { Wallet } from '../../src/domain/wallet.js';
import { GatewayError } from '../../src/errors.js';
import { jsonSafe, parseJsonExact } from '../../src/json.js';
import type { Result } from '../../src/providers/provider.js';
import { onlyProviders, type Stack, startStack } from '../helpers/stack.js';
import {
  checkGraphqlErrors,
  checkGraphqlWallet,
  exact,
  Problems,
  sameValue,
  significantDigits,
} from './support/check.js';
import { preview, toJsonText } from './support/json-text.js';
import { FUZZ_SEED, triage } from './support/known-bugs.js';
import { applyMutations, mutationsArb } from './support/mutate.js';
import { Tally } from './support/tally.js';
import type { ProviderName } from './support/targets.js';
import { type FuzzTarget, TARGETS } from './support/targets.js';

/**
 * GraphQL-level fuzz over real HTTP: each payload is served by the provider's sandbox (injectFault
 * with status 200 and the provider's real envelope for the route the adapter calls), the whole
 * gateway runs (yoga, Pothos, DataLoaders, the adapter's HTTP client and exact JSON parser), and the
 * caller's view is checked: HTTP 200; every error carries a documented code and none is a masked
 * "Unexpected error."; the wallet is either there with well-formed scalars (Decimal strings,
 * integer minorUnits, ISO DateTimes, valid enums, raw equal to the upstream object) or null with
 * UPSTREAM_BAD_RESPONSE. The unit-level translation of the same payload is the oracle: an invalid
 * payload must not come through, a valid one must, with the same numbers.
 *
 * One stack per provider (the others switched off), faults cleared after every payload.
 */

const VALID_PER_PROVIDER = 100;
const MUTATED_PER_PROVIDER = 100;
const API_KEY = 'fuzz-caller-key';

const MONEY = 'amount currency minorUnits formatted';
const THRESHOLD = 'level value condition metric recurring code alertCode';
const WALLET_FIELDS = `
  id provider providerWalletId customer { externalId providerCustomerId } name code status kind currency
  balance { ${MONEY} } ongoingBalance { ${MONEY} } ongoingUsage { ${MONEY} } ongoingBalanceIsCached
  credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }
  priority expiresAt terminatedAt lastTopUpAt lastConsumedAt createdAt updatedAt
  recurringTransactionRules {
    id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance status invoiced
    startedAt expiresAt createdAt cooldown { value unit }
  }
  alertSettings { enabled state thresholds { ${THRESHOLD} } critical { ${THRESHOLD} } warning { ${THRESHOLD} } info { ${THRESHOLD} } }
  metadata { key value }
  raw`;
// Plain strings (no graphql tag): these are not part of the codegen'd operations.
const WALLET_QUERY = `query FuzzWallet($id: ID!) { wallet(id: $id) { ${WALLET_FIELDS} } }`;
const NODES_QUERY = `query FuzzNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on Wallet { ${WALLET_FIELDS} } } }`;
const CUSTOMER_QUERY = `query FuzzCustomer($externalId: String!) { customer(externalId: $externalId) { wallets { ${WALLET_FIELDS} } } }`;

type Route = 'wallet' | 'nodes' | 'customer';
type J = Record<string, unknown>;

interface Case {
  readonly target: number;
  readonly population: 'spec' | 'wire';
  readonly payload: unknown;
  readonly route: Route;
}

const globalId = (provider: ProviderName, id: string) =>
  Buffer.from(`Wallet:${provider}:${id}`).toString('base64');
const LAGO_ID = '1a901a90-1a90-4a90-8a90-00000000f022';
const POLAR_ID = '7e0b7bd0-3b6e-4a9a-9d3f-00000000f022';
const FLEXPRICE_FALLBACK_ID = 'wallet_fuzz';
const FLEXPRICE_CUSTOMER = 'fuzz_customer';

/** How one payload reaches the gateway, and what the adapter would make of it on its own. */
interface Served {
  /** Installs the faults that serve the payload. */
  serve(text: string): void;
  readonly query: string;
  readonly variables: J;
  /** The wallet in the response, or null; `undefined` when the answer has the wrong shape. */
  pick(data: J | null | undefined): J | null | undefined;
  /** The adapter's own answer for this payload (the oracle), or a gateway code expected instead. */
  expect(input: unknown): Result<Wallet> | { readonly code: string };
}

function routeFor(
  stack: Stack,
  provider: ProviderName,
  c: Case,
  targets: readonly FuzzTarget[],
): Served {
  const target = targets[c.target]!;
  const byId = (
    provider: ProviderName,
    id: string,
  ): Pick<Served, 'query' | 'variables' | 'pick'> =>
    c.route === 'nodes'
      ? {
          query: NODES_QUERY,
          variables: { ids: [globalId(provider, id)] },
          pick: (d) =>
            Array.isArray(d?.nodes) && d.nodes.length === 1 ? (d.nodes[0] as J | null) : undefined,
        }
      : {
          query: WALLET_QUERY,
          variables: { id: globalId(provider, id) },
          pick: (d) => (d && 'wallet' in d ? (d.wallet as J | null) : undefined),
        };

  switch (provider) {
    case 'LAGO':
      return {
        ...byId('LAGO', LAGO_ID),
        serve(text) {
          // GET /api/v1/wallets/{lago_id} answers {"wallet": WalletObject} (NOTES §2).
          stack.sandboxes.lago.injectFault({
            method: 'GET',
            path: /^\/api\/v1\/wallets\/[^/]+$/,
            status: 200,
            body: `{"wallet":${text}}`,
          });
          // Wallet alerts (selected in the query) are a separate call: none here.
          stack.sandboxes.lago.injectFault({
            method: 'GET',
            path: /\/alerts$/,
            status: 200,
            body: {
              alerts: [],
              meta: {
                current_page: 0,
                next_page: null,
                prev_page: null,
                total_pages: 0,
                total_count: 0,
              },
            },
          });
        },
        expect: (input) => target.translate(input, null),
      };
    case 'POLAR':
      return {
        ...byId('POLAR', POLAR_ID),
        // GET /v1/wallets/{id} answers the bare Wallet (NOTES §2.1); the owner lookup hits the real sandbox.
        serve: (text) =>
          stack.sandboxes.polar.injectFault({
            method: 'GET',
            path: /^\/v1\/wallets\/[^/]+$/,
            status: 200,
            body: text,
          }),
        expect: (input) => target.translate(input, null),
      };
    case 'FLEXPRICE': {
      if (c.route === 'customer') {
        return {
          query: CUSTOMER_QUERY,
          variables: { externalId: FLEXPRICE_CUSTOMER },
          pick: (d) => {
            const wallets = (d?.customer as J | undefined)?.wallets;
            return Array.isArray(wallets) && wallets.length <= 1
              ? ((wallets[0] as J | undefined) ?? null)
              : undefined;
          },
          // GET /v1/customers/wallets answers a bare []WalletBalanceResponse (NOTES §2, §8.2).
          serve: (text) =>
            stack.sandboxes.flexprice.injectFault({
              method: 'GET',
              path: /^\/v1\/customers\/wallets$/,
              status: 200,
              body: `[${text}]`,
            }),
          expect: (input) => TARGETS.FLEXPRICE[1]!.translate(input, FLEXPRICE_CUSTOMER),
        };
      }
      const payloadId = (c.payload as { id?: unknown } | null)?.id;
      const asked =
        typeof payloadId === 'string' && payloadId !== '' ? payloadId : FLEXPRICE_FALLBACK_ID;
      return {
        ...byId('FLEXPRICE', asked),
        serve(text) {
          // POST /v1/wallets/search answers {items, pagination} (NOTES §2); active wallets are then
          // re-read through GET /v1/wallets/{id}/balance/real-time, served the same object.
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
        },
        expect(input) {
          // As FlexpriceProvider.walletsByIds: items are routed on a peek at four string fields.
          const w = input as J | null;
          const peek =
            !!w &&
            typeof w === 'object' &&
            !Array.isArray(w) &&
            ['id', 'customer_id', 'wallet_status', 'currency'].every(
              (k) => typeof w[k] === 'string',
            );
          if (!peek) return { code: 'UPSTREAM_BAD_RESPONSE' };
          if (w.id !== asked) return { code: 'WALLET_NOT_FOUND' };
          return (
            w.wallet_status === 'active' ? TARGETS.FLEXPRICE[1]! : TARGETS.FLEXPRICE[0]!
          ).translate(input, null);
        },
      };
    }
  }
}

type Oracle =
  | { readonly kind: 'wallet'; readonly wallet: Wallet }
  | { readonly kind: 'error'; readonly code: string };

function normalize(r: Result<Wallet> | { readonly code: string }): Oracle {
  if (r instanceof GatewayError) return { kind: 'error', code: r.code };
  if ('providerWalletId' in r) return { kind: 'wallet', wallet: r };
  return { kind: 'error', code: r.code };
}

/** A decimal so large that printing it would exhaust the heap (BUG-EXPONENT): never sent over HTTP. */
function hasHugeExponent(v: unknown, depth = 0): boolean {
  if (v instanceof Dec) return Math.abs(v.e) > 10_000;
  if (depth > 6 || v === null || typeof v !== 'object' || v instanceof Date) return false;
  return Object.values(v).some((x) => hasHugeExponent(x, depth + 1));
}

function casesFor(
  provider: ProviderName,
  targets: readonly FuzzTarget[],
  mutated: boolean,
): fc.Arbitrary<Case> {
  const routes: Route[] =
    provider === 'FLEXPRICE' ? ['wallet', 'nodes', 'customer'] : ['wallet', 'nodes'];
  return fc.integer({ min: 0, max: targets.length - 1 }).chain((t) => {
    const target = targets[t]!;
    const tagged = fc.oneof(
      {
        weight: 1,
        arbitrary: target.spec.arbitrary.map((payload) => ({
          population: 'spec' as const,
          payload,
        })),
      },
      {
        weight: 2,
        arbitrary: target.wire.arbitrary.map((payload) => ({
          population: 'wire' as const,
          payload,
        })),
      },
    );
    const payloads = mutated
      ? fc
          .tuple(tagged, mutationsArb(target.fields))
          .map(([p, m]) => ({ ...p, payload: applyMutations(p.payload, m) }))
      : tagged;
    return fc
      .record({ payload: payloads, route: fc.constantFrom(...routes) })
      .map(({ payload, route }): Case => ({ target: t, ...payload, route }));
  });
}

async function feed(
  stack: Stack,
  provider: ProviderName,
  c: Case,
  tally: Tally,
  skipped: { count: number },
): Promise<void> {
  const targets = TARGETS[provider];
  const served = routeFor(stack, provider, c, targets);
  const text = toJsonText(c.payload);
  let input: unknown;
  let oracle: Oracle;
  try {
    input = parseJsonExact(text);
    oracle = normalize(served.expect(input));
  } catch {
    oracle = { kind: 'error', code: 'UPSTREAM_BAD_RESPONSE' }; // a body the HTTP client cannot parse
  }
  if (oracle.kind === 'wallet' && hasHugeExponent(oracle.wallet)) {
    skipped.count++;
    return;
  }

  const problems = new Problems();
  served.serve(text);
  let response: Awaited<ReturnType<Stack['execute']>>;
  try {
    response = await stack.execute(served.query, served.variables as never, {
      'x-api-key': API_KEY,
    });
  } finally {
    stack.sandboxes[
      provider === 'LAGO' ? 'lago' : provider === 'FLEXPRICE' ? 'flexprice' : 'polar'
    ].clearFaults();
  }
  if (response.status !== 200) problems.add('HTTP', '', `HTTP ${response.status}`);
  const codes = checkGraphqlErrors(problems, response.errors as never);
  const wallet = served.pick(response.data as J | null | undefined);

  if (wallet === undefined)
    problems.add('SHAPE', '', `unexpected data: ${preview(response.data, 300)}`);
  else if (oracle.kind === 'error') {
    if (wallet !== null)
      problems.add(
        'HTTP',
        '',
        `the adapter rejects this payload (${oracle.code}) but GraphQL answered a wallet`,
      );
    else if (!codes.includes(oracle.code))
      problems.add(
        'WRONG_CODE',
        '',
        `null wallet with codes ${JSON.stringify(codes)}, expected ${oracle.code}`,
      );
  } else {
    const domain = oracle.wallet;
    if (wallet === null) {
      // Only an upstream call of its own (Polar's owner lookup) may still fail a valid wallet, and with a typed code.
      if (provider !== 'POLAR' || codes.length === 0)
        problems.add(
          'HTTP',
          '',
          `the adapter translates this payload but GraphQL answered null (codes ${JSON.stringify(codes)})`,
        );
    } else {
      checkGraphqlWallet(problems, wallet, JSON.parse(JSON.stringify(jsonSafe(input))));
      const same = (path: string, got: unknown, want: unknown) => {
        if (got !== want)
          problems.add(
            'HTTP',
            path,
            `${JSON.stringify(got)?.slice(0, 80)} but the adapter says ${JSON.stringify(want)?.slice(0, 80)}`,
          );
      };
      same('id', wallet.id, globalId(provider, domain.providerWalletId));
      same('providerWalletId', wallet.providerWalletId, domain.providerWalletId);
      same('status', wallet.status, domain.status);
      same('kind', wallet.kind, domain.kind);
      same('currency', wallet.currency, domain.currency);
      same(
        'balance.amount',
        (wallet.balance as J | null)?.amount,
        decimalString(domain.balance.amount),
      );
      if (domain.credits && !(domain.credits instanceof Unreadable))
        same(
          'credits.balance',
          (wallet.credits as J | null)?.balance,
          decimalString(domain.credits.balance),
        );
      same(
        'recurringTransactionRules.length',
        (wallet.recurringTransactionRules as unknown[] | null)?.length,
        domain.recurringTransactionRules.filter((r) => !(r instanceof Unreadable)).length,
      );
      // Each unreadable part is an UPSTREAM_BAD_RESPONSE error naming it, and nothing more.
      const parts = unreadableParts(domain).map((u) => u.part);
      const reported = (response.errors ?? [])
        .map((e) => (e.extensions as J | undefined)?.part)
        .filter((x): x is string => typeof x === 'string');
      for (const part of reported)
        if (!parts.includes(part))
          problems.add('PART', part, 'an error names a part the adapter read fine');
      checkWireBalance(problems, provider, input as J, wallet);
    }
  }

  const { unknown, known } = triage(provider, problems.list);
  tally.knownBug(known);
  if (unknown.length > 0) {
    throw new Error(
      [
        `${targets[c.target]!.label} over GraphQL (${c.population}, route ${c.route}): ${unknown.length} problem(s)`,
        ...unknown.map((p) => `  ${p.code} ${p.path}: ${p.detail}`),
        `  errors: ${preview(response.errors, 1500)}`,
        `  payload: ${preview(c.payload)}`,
        `  (FUZZ_SEED=${FUZZ_SEED})`,
      ].join('\n'),
    );
  }
  tally.record(wallet ? 'translated' : 'typed-error', c.population);
}

/** The balance a caller reads is the wire's, exactly: cents for Lago and Polar, the decimal string for Flexprice. */
function checkWireBalance(p: Problems, provider: ProviderName, wire: J, wallet: J): void {
  const balance = wallet.balance as J | null;
  if (!balance) return;
  if (provider === 'FLEXPRICE') {
    const want = typeof wire.balance === 'string' ? exact(wire.balance) : undefined;
    const got = typeof balance.amount === 'string' ? exact(balance.amount) : undefined;
    if (want && got && !sameValue(want, got))
      p.add(
        significantDigits(wire.balance as string) > 38 ? 'PRECISION' : 'WRONG_NUMBER',
        'balance.amount',
        `${String(balance.amount).slice(0, 60)} but the wire says ${String(wire.balance).slice(0, 60)}`,
      );
    return;
  }
  const cents = provider === 'LAGO' ? wire.balance_cents : wire.balance;
  if (typeof cents !== 'number' && typeof cents !== 'bigint') return;
  const want = BigInt(cents).toString();
  if (balance.minorUnits !== want)
    p.add(
      want.length > 38 ? 'PRECISION' : 'WRONG_NUMBER',
      'balance.minorUnits',
      `${String(balance.minorUnits)} but the wire says ${want}`,
    );
}

const PROVIDER_ORDER: readonly ProviderName[] = ['LAGO', 'FLEXPRICE', 'POLAR'];

describe.each(PROVIDER_ORDER)('%s adapter through GraphQL over real HTTP', (provider) => {
  let stack: Stack;
  const seed = FUZZ_SEED + 1000 + PROVIDER_ORDER.indexOf(provider) * 100;

  beforeAll(async () => {
    stack = await startStack({
      ...onlyProviders(provider),
      GATEWAY_API_KEYS: API_KEY,
      UPSTREAM_RETRIES: '0',
      // The fuzz selection is broad and the run makes a few hundred requests.
      RATE_LIMIT_PER_MINUTE: '0',
      LIMIT_MAX_COST: '1000000',
      LIMIT_MAX_TOKENS: '100000',
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(() => stack?.close());

  it.each([
    { label: 'schema-valid', mutated: false, runs: VALID_PER_PROVIDER, offset: 0 },
    { label: 'mutated', mutated: true, runs: MUTATED_PER_PROVIDER, offset: 1 },
  ] as const)(
    `$runs $label payloads: typed scalars or a typed error, never a masked one (seed ${FUZZ_SEED})`,
    async ({ label, mutated, runs, offset }) => {
      const tally = new Tally();
      const skipped = { count: 0 };
      await fc.assert(
        fc.asyncProperty(casesFor(provider, TARGETS[provider], mutated), (c) =>
          feed(stack, provider, c, tally, skipped),
        ),
        { seed: seed + offset, numRuns: runs },
      );
      console.log(
        tally.summary(`${provider} GraphQL/HTTP, ${label}`) +
          (skipped.count
            ? `; ${skipped.count} not sent (BUG-EXPONENT would exhaust the heap)`
            : ''),
      );
      expect(tally.payloads + skipped.count).toBe(runs);
      expect(tally.typedErrors).toBeGreaterThan(0);
      if (!mutated) expect(tally.translated).toBeGreaterThan(0);
    },
    120_000,
  );
});
