import type { CORSOptions, Plugin } from 'graphql-yoga';
import type { CorsPolicy } from '../config.js';

/** Response headers browser code may read: the request id for reports, when to retry. */
const EXPOSED = ['x-request-id', 'retry-after'];

/**
 * CORS from the configured policy, for yoga's CORS handling (preflights answered with 204 and the
 * allowed method, headers and max age). An origin outside the allow-list gets no CORS headers at
 * all, so the browser refuses the response to it; credentials (cookies) are allowed only for
 * origins listed by name, never for `*`. The gateway authenticates by header, not cookie, so a
 * frontend needs no credentials mode at all.
 */
export function corsOptions(policy: CorsPolicy): (request: Request) => CORSOptions {
  const allowed = policy.kind === 'list' ? new Set(policy.origins) : undefined;
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || (allowed && !allowed.has(origin))) return false;
    return {
      origin: [origin],
      credentials: allowed !== undefined,
      methods: ['GET', 'POST', 'OPTIONS'],
      exposedHeaders: EXPOSED,
      maxAge: 600,
    };
  };
}

/** CORS headers differ by Origin, so every response says so to caches. */
export function useCorsVary(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (
        !vary
          ?.toLowerCase()
          .split(/\s*,\s*/)
          .includes('origin')
      )
        response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
