/**
 * Lago's webhook JWT public key: decoding its wire form and caching it. The key changes only when
 * an install rotates `LAGO_RSA_PRIVATE_KEY`, so one fetch serves every delivery; a signature that
 * fails may mean a rotation, so the verifier may ask for a refresh, which is granted at most once
 * per interval (a flood of forged JWTs must not become a flood of upstream calls).
 */

/** `Base64.encode64(pem)` (MIME base64, newlines included) -> the PEM; undefined if it is not one. */
export function decodeLagoPublicKey(encoded: string): string | undefined {
  // Node's base64 decoder skips the newlines Ruby's encode64 inserts every 60 characters.
  const pem = Buffer.from(encoded, 'base64').toString('utf8');
  return /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.test(pem) ? pem : undefined;
}

/** Gives the PEM; `refresh` asks for a fresh fetch (honoured at most once per interval). */
export type LagoPublicKeySource = (options?: { readonly refresh?: boolean }) => Promise<string>;

export interface PublicKeyCacheOptions {
  /** Minimum time between two fetches asked for by `refresh`. Default 60 s. */
  readonly minRefreshIntervalMs?: number;
  readonly now?: () => number;
}

/** Caches `fetchKey`: concurrent callers share one fetch; a failed fetch is not cached. */
export function cachePublicKey(
  fetchKey: () => Promise<string>,
  options: PublicKeyCacheOptions = {},
): LagoPublicKeySource {
  const minInterval = options.minRefreshIntervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  let current: Promise<string> | undefined;
  let fetchedAt = -Infinity;

  const fetchOnce = (): Promise<string> => {
    fetchedAt = now();
    const pending = fetchKey();
    current = pending;
    pending.catch(() => {
      if (current === pending) {
        current = undefined;
        fetchedAt = -Infinity;
      }
    });
    return pending;
  };

  return (opts) => {
    if (!current) return fetchOnce();
    if (opts?.refresh && now() - fetchedAt >= minInterval) return fetchOnce();
    return current;
  };
}

/**
 * The `iss` Lago puts in its JWTs is its own `LAGO_API_URL` (NOTES §8): the base URL without the
 * `/api/v1` prefix the gateway's config may carry. Cloud US is `https://api.getlago.com`.
 */
export function lagoWebhookIssuer(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}
