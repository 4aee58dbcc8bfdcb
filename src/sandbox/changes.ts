/**
 * A store's balance changes, for whoever listens (the webhook emitter). Listeners run
 * synchronously inside the mutation, so they see the state right after it; a listener that
 * throws is ignored, because a store mutation must never fail on account of a webhook.
 */
export class ChangeFeed<E> {
  private readonly listeners = new Set<(change: E) => void>();

  /** Returns the unsubscribe function. */
  on(listener: (change: E) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(change: E): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // See above: webhooks are best-effort.
      }
    }
  }
}
