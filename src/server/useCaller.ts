import type { Plugin } from 'graphql-yoga';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { type AuthSettings, type Caller, callerKey, resolveCaller } from '../auth/caller.js';
import { consumeRate } from './limits.js';

/**
 * Puts `caller` on the context, for every transport: registered after the JWT plugin so the
 * verified token is there (over WebSocket the JWT plugin only runs while the context is built),
 * and charges the caller's rate limit.
 */
export function useCaller(
  auth: AuthSettings,
  limiter: RateLimiterAbstract | undefined,
  perMinute: number,
): Plugin<{ caller?: Caller }> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      const caller = resolveCaller(
        {
          apiKey: request?.headers.get('x-api-key') ?? null,
          jwtPayload: (context as { jwt?: { payload?: Record<string, unknown> } }).jwt?.payload,
        },
        auth,
      );
      await consumeRate(
        limiter,
        callerKey(caller, request?.headers.get('x-forwarded-for') ?? 'local'),
        perMinute,
      );
      extendContext({ caller });
    },
  };
}
