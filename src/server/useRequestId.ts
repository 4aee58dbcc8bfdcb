import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { contractResult } from './error-contract.js';

const ids = new WeakMap<Request, string>();
// A caller-supplied id is kept only when it is short and plain (it ends up in logs).
const ACCEPTABLE = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `x-request-id` when it is acceptable, else a new one. */
export function acceptRequestId(given: string | null | undefined): string {
  return given && ACCEPTABLE.test(given) ? given : randomUUID();
}

export function requestIdOf(request: Request | undefined): string {
  if (!request) return randomUUID();
  let id = ids.get(request);
  if (!id) {
    id = acceptRequestId(request.headers.get('x-request-id'));
    ids.set(request, id);
  }
  return id;
}

/**
 * Every HTTP response carries `x-request-id`; every error in it, single, batched or streamed by
 * yoga's own SSE path, follows the error contract (a code and `extensions.requestId`; validation,
 * auth, masked "Unexpected error." alike), so a caller's report can be matched with the log lines
 * of that request.
 */
export function useRequestId(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const requestId = requestIdOf(request);
      if (Array.isArray(result))
        setResult(
          result.map((r) => contractResult(r as ExecutionResult, requestId, true)) as never,
        );
      else if (isAsyncIterable(result))
        setResult(
          mapAsyncIterator(result as AsyncIterableIterator<ExecutionResult>, (r) =>
            contractResult(r, requestId, true),
          ) as never,
        );
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(contractResult(result as ExecutionResult, requestId, true) as never);
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
