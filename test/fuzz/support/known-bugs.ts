import type { Problem } from './check.js';
import type { ProviderName } from './targets.js';

/**
 * The fixed seed every fuzz run starts from (override with FUZZ_SEED=<n> to explore; a failure
 * prints the seed and fast-check's replay path).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);

export interface KnownBug {
  readonly id: string;
  readonly title: string;
  readonly matches: (provider: ProviderName, problem: Problem) => boolean;
}

/**
 * Bugs the fuzzer found in src/ that are not fixed yet. A problem matching one of these is counted
 * and printed but does not fail the fuzz run; every other problem does. Each bug also has an
 * `it.fails` reproduction in known-bugs.test.ts: when a fix lands, that test starts failing ("expected
 * to fail"); flip it to `it` and delete the entry here, so the fuzzer guards the fix from then on.
 */
export const KNOWN_BUGS: readonly KnownBug[] = [
  // Empty: the eight bugs the first runs found (BUG-EXPONENT, BUG-INT32, BUG-PROTO-META,
  // BUG-PRECISION, BUG-CURRENCY-FOLD, BUG-DEEP-RAW, BUG-EMPTY-ID, BUG-POLAR-OWNER) are fixed; their
  // reproductions in known-bugs.test.ts now guard the fixes.
];

export interface Triage {
  readonly unknown: Problem[];
  readonly known: Map<string, number>;
}

export function triage(provider: ProviderName, problems: readonly Problem[]): Triage {
  const unknown: Problem[] = [];
  const known = new Map<string, number>();
  for (const problem of problems) {
    const bug = KNOWN_BUGS.find((b) => b.matches(provider, problem));
    if (bug) known.set(bug.id, (known.get(bug.id) ?? 0) + 1);
    else unknown.push(problem);
  }
  return { unknown, known };
}
