import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { GatewayContext } from '../context.js';
import { type Readable, Unreadable } from '../domain/part.js';
import { GatewayError } from '../errors.js';

/**
 * How the schema answers parts of a wallet that could not be read (domain/part.ts): a nullable
 * field is null with an UPSTREAM_BAD_RESPONSE error at its own path; an item of a list is left
 * out, with the error at the list's path. Either way the wallet, its balance and its siblings
 * answer as usual.
 */

export function unreadableError(u: Unreadable): GatewayError {
  return new GatewayError(
    'UPSTREAM_BAD_RESPONSE',
    `${u.provider} sent ${u.part} in a form the gateway cannot read`,
    { provider: u.provider, part: u.part },
  );
}

/** The part's value; an unreadable part throws, which GraphQL turns into null plus an error here. */
export function readable<T>(value: Readable<T>): T {
  if (value instanceof Unreadable) throw unreadableError(value);
  return value;
}

/**
 * A service's answer: its value, with the errors that cost parts of it recorded at this field's
 * path (they join the response's `errors`, and the data stays).
 */
export function withErrorsRecorded<T>(
  answer: { readonly value: T; readonly errors: readonly GatewayError[] },
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): T {
  if (answer.errors.length > 0) {
    const path = responsePathAsArray(info.path);
    for (const error of answer.errors) ctx.partialErrors.push(error.withPath(path));
  }
  return answer.value;
}

/** The readable items of a list; each unreadable one adds an error at the list's path. */
export function readableList<T>(
  items: readonly Readable<T>[],
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (item instanceof Unreadable)
      ctx.partialErrors.push(unreadableError(item).withPath(responsePathAsArray(info.path)));
    else kept.push(item);
  }
  return kept;
}

/** The `fresh` argument of the queries that read wallets. */
export const FRESH_DESCRIPTION =
  "true: read past the gateway's wallet cache, from the providers now (slower; `fetchedAt` " +
  "says when each provider answered). false: a cached copy within its provider's freshness " +
  'policy may answer.';
