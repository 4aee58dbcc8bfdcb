/** Counts per fuzz test, printed at its end: the report the issue asks for. */
export class Tally {
  payloads = 0;
  translated = 0;
  typedErrors = 0;
  readonly byPopulation = new Map<string, { translated: number; typedErrors: number }>();
  readonly knownBugs = new Map<string, number>();

  record(outcome: 'translated' | 'typed-error', population?: string): void {
    this.payloads++;
    if (outcome === 'translated') this.translated++;
    else this.typedErrors++;
    if (population) {
      const p = this.byPopulation.get(population) ?? { translated: 0, typedErrors: 0 };
      if (outcome === 'translated') p.translated++;
      else p.typedErrors++;
      this.byPopulation.set(population, p);
    }
  }

  knownBug(counts: ReadonlyMap<string, number>): void {
    for (const [id] of counts) this.knownBugs.set(id, (this.knownBugs.get(id) ?? 0) + 1);
  }

  summary(label: string): string {
    const pops = [...this.byPopulation]
      .map(([name, c]) => `${name}: ${c.translated}/${c.typedErrors}`)
      .join(', ');
    const bugs =
      this.knownBugs.size > 0
        ? `; payloads hitting known bugs: ${[...this.knownBugs].map(([id, n]) => `${id}×${n}`).join(', ')}`
        : '';
    return (
      `[fuzz] ${label}: ${this.payloads} payloads → ${this.translated} translated, ` +
      `${this.typedErrors} typed ` +
      `errors${pops ? ` (translated/typed by population: ${pops})` : ''}${bugs}`
    );
  }
}
