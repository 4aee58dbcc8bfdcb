import { type ASTNode, type ExecutionResult, GraphQLError } from 'graphql';
import type { ErrorCode } from '../errors.js';

/**
 * The one shape of every error a caller receives, on every transport: `extensions.code` and
 * `extensions.requestId` always; nothing internal (`http`, `unexpected`, `originalError`).
 */

/** Extensions that steer the gateway (status, masking) and never reach a caller. */
const INTERNAL_EXTENSIONS = new Set(['http', 'unexpected', 'originalError', 'stacktrace']);

/**
 * graphql-js quotes a wrong value in its message (a variable's, a literal's): a caller's megabyte
 * is not sent back to it. Longer messages keep their start.
 */
const MAX_MESSAGE_LENGTH = 1000;
const bounded = (message: string) =>
  message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;

/** GraphQL-over-HTTP: 400 under application/graphql-response+json, 200 under application/json. */
const REQUEST_ERROR_STATUS = { spec: true, status: 400 } as const;

/**
 * An error that refuses the whole request before execution: the response has no `data`, so a
 * client can tell it from a field error (and the HTTP status says so).
 */
export function requestError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  nodes?: readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes && { nodes }),
    extensions: { code, ...extensions, http: REQUEST_ERROR_STATUS },
  });
}

export interface ContractOptions {
  /** The error refused the request (no `data`), rather than one field. */
  readonly requestLevel: boolean;
  /**
   * Keep `http` (and `originalError`) for yoga, which sets the HTTP status from them and strips
   * them when it serialises; false for frames the gateway serialises itself (SSE fan-out, WebSocket).
   */
  readonly forYoga: boolean;
}

/**
 * The error as a caller sees it. An error that arrives without a code is one the gateway did not
 * raise on purpose: a refused request is BAD_REQUEST, anything else INTERNAL_SERVER_ERROR.
 */
export function contractError(
  error: GraphQLError,
  requestId: string,
  options: ContractOptions,
): GraphQLError {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.extensions ?? {}))
    if (!INTERNAL_EXTENSIONS.has(key)) extensions[key] = value;
  const coded = typeof extensions.code === 'string';
  if (!coded) extensions.code = options.requestLevel ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  extensions.requestId = requestId;
  if (options.forYoga) {
    let http = error.extensions?.http ?? (!coded && options.requestLevel && REQUEST_ERROR_STATUS);
    // Yoga marks a body it could not parse by that extension (dropped here) and answers it 400
    // under any Accept, as the spec asks: keep that status once the mark is gone.
    if (http && error.extensions?.originalError !== undefined)
      http = { ...(http as object), spec: false };
    if (http) extensions.http = http;
  }
  return new GraphQLError(bounded(error.message), {
    ...(error.nodes && { nodes: error.nodes }),
    ...(error.source && { source: error.source }),
    ...(error.positions && { positions: error.positions }),
    ...(error.path && { path: error.path }),
    // Never serialised; yoga looks through it to tell unexpected errors (HTTP 500) apart.
    ...(options.forYoga && error.originalError && { originalError: error.originalError }),
    extensions,
  });
}

/** A result whose errors all follow the contract (a result without errors is returned as is). */
export function contractResult<R extends ExecutionResult>(
  result: R,
  requestId: string,
  forYoga: boolean,
): R {
  if (!result.errors?.length) return result;
  const requestLevel = !('data' in result) || result.data === undefined;
  return {
    ...result,
    errors: result.errors.map((e) =>
      contractError(e instanceof GraphQLError ? e : new GraphQLError(String(e)), requestId, {
        requestLevel,
        forYoga,
      }),
    ),
  };
}
