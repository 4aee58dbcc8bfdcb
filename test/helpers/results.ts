import type { ExecutionResult } from 'graphql';

/**
 * Every error carries a fresh `extensions.requestId` (test/server/request-id.test.ts asserts
 * it); tests comparing error objects exactly drop it first.
 */
export function withoutRequestIds<T extends ExecutionResult<unknown>>(result: T): T {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map((e) => {
      const { requestId: _dropped, ...extensions } = (e.extensions ?? {}) as Record<
        string,
        unknown
      >;
      return { ...e, extensions } as never;
    }),
  };
}
