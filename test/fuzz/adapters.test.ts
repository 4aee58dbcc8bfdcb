import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Wallet } from '../../src/domain/wallet.js';
import { parseJsonExact } from '../../src/json.js';
import { SEED_003_WALLETS } from '../../src/providers/flexprice/sandbox/documents.js';
import { LAGO_SEED_001_WALLET } from '../../src/providers/lago/sandbox/documents.js';
import { polarSeedWire } from '../contract/seed-examples.js';
import { checkAdapterResult, Problems, viewOf } from './support/check.js';
import { preview, toJsonText } from './support/json-text.js';
import { FUZZ_SEED, triage } from './support/known-bugs.js';
import { applyMutations, mutationsArb } from './support/mutate.js';
import { Tally } from './support/tally.js';
import type { ProviderName } from './support/targets.js';
import { type FuzzTarget, TARGETS } from './support/targets.js';

/**
 * Unit-level fuzz: every adapter's validate + translate path (translateItem with the provider's
 * zod schema and translate function, as its index.ts calls it) over payloads generated from the
 * providers' OpenAPI files (test/fuzz/support/targets.ts) and mutated copies of them
 * (support/mutate.ts). Each payload goes through JSON text and the gateway's own exact parser
 * (src/json.ts), as an upstream body does.
 *
 * Every payload must be either translated into a Wallet whose every field is well typed and carries
 * the wire values exactly, or turned into a GatewayError UPSTREAM_BAD_RESPONSE for the provider.
 * Nothing may throw. The oracle is tolerance, not only safety: a payload whose identity, customer,
 * currency and balance are valid (FuzzTarget.coreValid, checked independently of src/) must become
 * a wallet with its balance, mutated or not; a part that cannot be read is an Unreadable naming
 * the provider and the wire field; a schema-valid wire-like payload loses no part at all.
 * Counts are printed per test.
 */

const VALID_PER_PROVIDER = 600;
const MUTATED_PER_PROVIDER = 600;
const SEED_MUTATIONS = 200;

interface Case {
  readonly population: 'spec' | 'wire';
  readonly payload: unknown;
  readonly externalId: string | null;
}

const externalIdArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom('hooli_1234', 'ext-1'),
  fc.string({ maxLength: 12 }),
);

function validCases(target: FuzzTarget): fc.Arbitrary<Case> {
  return fc
    .record({
      // Two wire-like payloads for one spec-literal payload: most translate, many do not.
      tagged: fc.oneof(
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
      ),
      externalId: externalIdArb,
    })
    .map(({ tagged, externalId }) => ({ ...tagged, externalId }));
}

function mutatedCases(target: FuzzTarget): fc.Arbitrary<Case> {
  return fc
    .tuple(validCases(target), mutationsArb(target.fields))
    .map(([c, mutations]) => ({ ...c, payload: applyMutations(c.payload, mutations) }));
}

/** One payload through the adapter; throws (failing the property) on any unknown problem. */
function feed(target: FuzzTarget, c: Case, tally: Tally, kind: 'valid' | 'mutated'): void {
  const text = toJsonText(c.payload);
  if (kind === 'valid') {
    const errors =
      c.population === 'spec'
        ? target.spec.validate(JSON.parse(text))
        : target.wire.validate(JSON.parse(text));
    if (errors.length > 0)
      throw new Error(
        `generator bug: a ${c.population} payload is not valid for its schema: ${JSON.stringify(errors.slice(0, 3))}\n${preview(c.payload)}`,
      );
  }
  let input: unknown;
  try {
    input = parseJsonExact(text);
  } catch {
    // src/providers/http.ts turns a body it cannot parse into UPSTREAM_BAD_RESPONSE.
    tally.record('typed-error', c.population);
    return;
  }
  const problems = new Problems();
  let result: unknown;
  try {
    result = target.translate(input, c.externalId);
  } catch (e) {
    problems.add('THREW', '', `${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
  }
  const outcome =
    problems.list.length > 0
      ? 'broken'
      : checkAdapterResult(problems, result, input, target.provider);
  if (outcome === 'translated') {
    const unreadable: string[] = [];
    const view = viewOf(new Problems(), result as Wallet, target.provider, unreadable);
    target.checkMapping(problems, input, view, c.externalId);
    // A payload that looks like the real thing reads whole: no part of it is unreadable.
    if (kind === 'valid' && c.population === 'wire' && unreadable.length > 0)
      problems.add('UNREADABLE', unreadable.join(', '), 'a valid wire payload lost parts');
  }
  // The tolerance oracle: valid identity, customer, currency and balance make a wallet, whatever
  // else the payload holds; only those may cost it.
  if (outcome === 'typed-error' && target.coreValid(input))
    problems.add('INTOLERANT', '', 'a wallet with a valid identity and balance was lost');
  const { unknown, known } = triage(target.provider, problems.list);
  tally.knownBug(known);
  if (unknown.length > 0 || outcome === 'broken') {
    throw new Error(
      [
        `${target.label} (${c.population}${kind === 'mutated' ? ', mutated' : ''}, externalId ${JSON.stringify(c.externalId)}): ${unknown.length} problem(s)`,
        ...unknown.map((p) => `  ${p.code} ${p.path}: ${p.detail}`),
        `  payload: ${preview(c.payload)}`,
        `  (FUZZ_SEED=${FUZZ_SEED})`,
      ].join('\n'),
    );
  }
  tally.record(outcome, c.population);
}

const PROVIDER_ORDER: readonly ProviderName[] = ['LAGO', 'FLEXPRICE', 'POLAR'];

describe.each(PROVIDER_ORDER)(
  '%s adapter: validate + translate over generated payloads',
  (provider) => {
    const targets = TARGETS[provider];
    const seedOffset = PROVIDER_ORDER.indexOf(provider) * 100;
    const share = (total: number) => Math.ceil(total / targets.length);

    it(`${VALID_PER_PROVIDER} schema-valid payloads: valid identity, customer, currency and balance always make a wallet; anything else is a typed UPSTREAM_BAD_RESPONSE (seed ${FUZZ_SEED})`, () => {
      const tally = new Tally();
      targets.forEach((target, i) => {
        fc.assert(
          fc.property(validCases(target), (c) => feed(target, c, tally, 'valid')),
          { seed: FUZZ_SEED + seedOffset + i, numRuns: share(VALID_PER_PROVIDER) },
        );
      });
      console.log(
        tally.summary(
          `${provider} unit, schema-valid (${targets.map((t) => t.label).join(' + ')})`,
        ),
      );
      expect(tally.payloads).toBeGreaterThanOrEqual(VALID_PER_PROVIDER);
      // The generator makes real wallets, not only garbage, and the spec's own oddities are refused.
      expect(tally.translated).toBeGreaterThan(0);
      expect(tally.typedErrors).toBeGreaterThan(0);
    });

    it(`${MUTATED_PER_PROVIDER} mutated payloads: nothing throws, nothing wrong-typed gets through, a valid core still makes a wallet (seed ${FUZZ_SEED})`, () => {
      const tally = new Tally();
      targets.forEach((target, i) => {
        fc.assert(
          fc.property(mutatedCases(target), (c) => feed(target, c, tally, 'mutated')),
          { seed: FUZZ_SEED + seedOffset + 50 + i, numRuns: share(MUTATED_PER_PROVIDER) },
        );
      });
      console.log(tally.summary(`${provider} unit, mutated`));
      expect(tally.payloads).toBeGreaterThanOrEqual(MUTATED_PER_PROVIDER);
      expect(tally.typedErrors).toBeGreaterThan(0);
    });
  },
);

// The seeds' own examples, as fixed payloads and as the start of mutations: the documents the
// project was commissioned from must read whole, and tolerantly once mutated.
const SEED_EXAMPLES: readonly [ProviderName, string, Record<string, unknown>, number][] = [
  ['LAGO', 'seed 001 wallet', LAGO_SEED_001_WALLET as Record<string, unknown>, 0],
  ['FLEXPRICE', 'seed 003 wallet', SEED_003_WALLETS[0] as Record<string, unknown>, 0],
  ['POLAR', 'seed 000 wallet', polarSeedWire(), 0],
];

describe.each(SEED_EXAMPLES)('%s %s', (provider, _label, example, targetIndex) => {
  const target = TARGETS[provider][targetIndex]!;

  it('reads whole: a wallet with no unreadable part', () => {
    const input = parseJsonExact(JSON.stringify(example));
    const result = target.translate(input, 'hooli_1234');
    const problems = new Problems();
    expect(checkAdapterResult(problems, result, input, provider)).toBe('translated');
    const unreadable: string[] = [];
    viewOf(problems, result as Wallet, provider, unreadable);
    expect([unreadable, problems.list]).toEqual([[], []]);
  });

  it(`${SEED_MUTATIONS} mutations: a valid core still makes a wallet, nothing throws (seed ${FUZZ_SEED})`, () => {
    const tally = new Tally();
    fc.assert(
      fc.property(mutationsArb(Object.keys(example)), externalIdArb, (mutations, externalId) =>
        feed(
          target,
          { population: 'wire', payload: applyMutations(example, mutations), externalId },
          tally,
          'mutated',
        ),
      ),
      { seed: FUZZ_SEED + 900, numRuns: SEED_MUTATIONS },
    );
    console.log(tally.summary(`${provider} ${_label}, mutated`));
    expect(tally.translated).toBeGreaterThan(0);
  });
});

afterAll(() => {
  // No payload (`__proto__`, `constructor.prototype` keys included) reached a shared prototype.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
