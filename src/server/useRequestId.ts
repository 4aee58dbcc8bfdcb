import { randomUUID } from 'node:crypto';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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

function stamp(result: ExecutionResult, requestId: string): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map(
      (e) =>
        new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          originalError: e.originalError,
          extensions: { ...e.extensions, requestId },
        }),
    ),
  };
}

/**
 * Every response carries `x-request-id`; every error of a single result carries
 * `extensions.requestId` (validation, auth, masked "Unexpected error." alike), so a caller's
 * report can be matched with the log lines of that request.
 */
export function useRequestId(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const requestId = requestIdOf(request);
      if (Array.isArray(result))
        setResult(result.map((r) => stamp(r as ExecutionResult, requestId)) as never);
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(stamp(result as ExecutionResult, requestId) as never);
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
