/**
 * Identical upstream reads in flight share one answer (resilience/in-flight.ts), so the callers
 * that rode on it hold the very same wire objects. This shares what is made of each of them too:
 * a wire item is validated and translated once, and every caller gets that one result (domain
 * values are never mutated after translation, so sharing them is safe). Keyed by the wire object
 * itself, so nothing outlives the answer it came from; a new upstream answer is new objects and
 * is translated anew.
 */
export class TranslatedOnce<T> {
  private readonly results = new WeakMap<object, Map<string | null, T>>();

  /**
   * `translate()` once per wire object and `context`: the context names whatever else the
   * translation reads (an external id known from the request), so two contexts never share.
   */
  get(raw: unknown, context: string | null, translate: () => T): T {
    if (raw === null || typeof raw !== 'object') return translate();
    let byContext = this.results.get(raw);
    if (!byContext) {
      byContext = new Map();
      this.results.set(raw, byContext);
    } else if (byContext.has(context)) return byContext.get(context)!;
    const result = translate();
    byContext.set(context, result);
    return result;
  }
}
