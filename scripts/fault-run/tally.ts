/**
 * What the fault run counts in each answer: typed errors (with `extensions.code`), untyped ones,
 * and numbers that differ from the sandboxes' truth. Balances do not move during a run, so any
 * difference is a wrong answer, never a race.
 */

export const WALLETS_QUERY = `query FaultRunWallets($externalId: String!) {
  customer(externalId: $externalId) {
    wallets { id provider balance { amount currency } }
    balances { amount currency }
  }
}`;

interface Money {
  readonly amount: string;
  readonly currency: string;
}

interface WalletsAnswer {
  readonly data?: {
    readonly customer?: {
      readonly wallets?: readonly { id: string; provider: string; balance: Money }[] | null;
      readonly balances?: readonly Money[] | null;
    } | null;
  } | null;
  readonly errors?: readonly { message?: string; extensions?: { code?: unknown } }[];
}

/** One customer's truth: each wallet's balance and the per-currency totals. */
export interface CustomerTruth {
  readonly wallets: ReadonlyMap<string, string>;
  readonly balances: string;
}

const money = (m: Money) => `${m.amount} ${m.currency}`;

export function truthOf(body: string): CustomerTruth {
  const answer = JSON.parse(body) as WalletsAnswer;
  const customer = answer.data?.customer;
  if (answer.errors?.length || !customer?.wallets || !customer.balances)
    throw new Error(`the truth could not be read: ${body.slice(0, 500)}`);
  return {
    wallets: new Map(customer.wallets.map((w) => [w.id, money(w.balance)])),
    balances: customer.balances.map(money).join(', '),
  };
}

export class Tally {
  responses = 0;
  readonly statuses = new Map<number, number>();
  readonly typed = new Map<string, number>();
  untyped = 0;
  readonly untypedSamples: string[] = [];
  /** A wallet balance or a complete total that differs from the truth. */
  wrongNumbers = 0;
  /** A wallet the answer did not list although it reported no error. */
  silentlyMissing = 0;
  readonly wrongSamples: string[] = [];
  /** Answers with data and no error at all. */
  clean = 0;
  /** Answers with at least one error. */
  withErrors = 0;
  /** Per condition (the fault shown, Redis up or down): answers, and those with no error. */
  readonly byCondition = new Map<string, { answers: number; clean: number }>();

  record(status: number, body: string, truth: CustomerTruth, condition: string): void {
    this.responses++;
    const row = this.byCondition.get(condition) ?? { answers: 0, clean: 0 };
    this.byCondition.set(condition, row);
    row.answers++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    let answer: WalletsAnswer;
    try {
      answer = JSON.parse(body) as WalletsAnswer;
    } catch {
      this.untypedError(`HTTP ${status}, not JSON: ${body.slice(0, 200)}`);
      return;
    }
    const errors = answer.errors ?? [];
    if (errors.length > 0) this.withErrors++;
    for (const e of errors) {
      const code = e.extensions?.code;
      if (typeof code === 'string' && code !== '')
        this.typed.set(code, (this.typed.get(code) ?? 0) + 1);
      else this.untypedError(`HTTP ${status}: ${JSON.stringify(e).slice(0, 200)}`);
    }
    if (errors.length === 0 && !answer.data?.customer) {
      this.untypedError(`HTTP ${status}, neither data nor errors: ${body.slice(0, 200)}`);
      return;
    }
    const customer = answer.data?.customer;
    if (!customer) return;
    for (const w of customer.wallets ?? []) {
      const expected = truth.wallets.get(w.id);
      if (expected !== money(w.balance))
        this.wrong(`${w.provider} wallet ${w.id}: ${money(w.balance)}, truth ${expected}`);
    }
    if (errors.length > 0) return;
    this.clean++;
    row.clean++;
    const listed = new Set((customer.wallets ?? []).map((w) => w.id));
    for (const id of truth.wallets.keys()) if (!listed.has(id)) this.silentlyMissing++;
    const totals = (customer.balances ?? []).map(money).join(', ');
    if (totals !== truth.balances) this.wrong(`totals ${totals}, truth ${truth.balances}`);
  }

  private untypedError(sample: string): void {
    this.untyped++;
    if (this.untypedSamples.length < 5) this.untypedSamples.push(sample);
  }

  private wrong(sample: string): void {
    this.wrongNumbers++;
    if (this.wrongSamples.length < 5) this.wrongSamples.push(sample);
  }
}
