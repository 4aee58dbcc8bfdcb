import {
  type GraphQLInputType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import type { ErrorCode } from '../errors.js';
import {
  CursorError,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  MAX_PAGE_SIZE,
  type Positions,
} from '../paging/keyset.js';
import { decodeStreamCursor } from '../paging/streams.js';
import { decodeGlobalId } from './global-id.js';

/**
 * Argument checks a field declares in its `extensions`, run by the server (useArgumentChecks)
 * before execution, once variables are known: a wrong argument refuses the request as a whole
 * (HTTP 400 under application/graphql-response+json), with a code and the argument's name, just
 * as a variable of the wrong type does.
 */
export interface ArgumentProblem {
  readonly code: ErrorCode;
  readonly argument: string;
  readonly message: string;
}

export type ArgumentCheck = (
  args: Readonly<Record<string, unknown>>,
) => ArgumentProblem | undefined;

/** The extensions key under which a field keeps its ArgumentCheck. */
export const ARGUMENT_CHECK = 'walletgateArgumentCheck';

export const argumentCheck = (check: ArgumentCheck) => ({ [ARGUMENT_CHECK]: check });

/** `first` and `after` of a keyset connection. */
export const pageArguments: ArgumentCheck = (args) => {
  const first = args.first;
  if (typeof first === 'number' && (first < 0 || first > MAX_PAGE_SIZE))
    return {
      code: 'BAD_USER_INPUT',
      argument: 'first',
      message: `first must be between 0 and ${MAX_PAGE_SIZE} (the largest page), got ${first}`,
    };
  if (typeof args.after === 'string') {
    try {
      decodeCursor(args.after);
    } catch (e) {
      if (!(e instanceof CursorError)) throw e;
      return {
        code: 'BAD_USER_INPUT',
        argument: 'after',
        message: `after is not a cursor of this list: ${e.message}. Pass a cursor from \`endCursor\` or an edge's \`cursor\`, or leave it out to start from the beginning`,
      };
    }
  }
  return undefined;
};

/** `first` and `after` of a transaction history (cursors over the providers' own pages). */
export const transactionPageArguments: ArgumentCheck = (args) => {
  const first = args.first;
  if (typeof first === 'number' && (first < 0 || first > MAX_PAGE_SIZE))
    return {
      code: 'BAD_USER_INPUT',
      argument: 'first',
      message: `first must be between 0 and ${MAX_PAGE_SIZE} (the largest page), got ${first}`,
    };
  if (typeof args.after === 'string') {
    try {
      decodeStreamCursor(args.after);
    } catch (e) {
      if (!(e instanceof CursorError)) throw e;
      return {
        code: 'BAD_USER_INPUT',
        argument: 'after',
        message: `after is not a cursor of this list: ${e.message}. Pass a cursor from \`endCursor\` or an edge's \`cursor\`, or leave it out to start from the newest`,
      };
    }
  }
  return undefined;
};

/** The page a keyset connection's (already checked) arguments ask for. */
export function pageOf(args: { first?: number | null; after?: string | null }): {
  first: number;
  after: Positions | null;
} {
  return {
    first: args.first ?? DEFAULT_PAGE_SIZE,
    after: args.after ? decodeCursor(args.after) : null,
  };
}

/** A global id argument that must name one of `typenames`. */
export function globalIdArgument(argument: string, typenames: readonly string[]): ArgumentCheck {
  const expected = `a ${typenames.join(' or ')} id`;
  return (args) => {
    const value = args[argument];
    if (typeof value !== 'string') return undefined;
    let typename: string;
    try {
      ({ typename } = decodeGlobalId(value));
    } catch {
      return { code: 'INVALID_ID', argument, message: `${argument} is not ${expected}` };
    }
    return typenames.includes(typename)
      ? undefined
      : { code: 'INVALID_ID', argument, message: `${argument} is not ${expected}` };
  };
}

/** Bounds on what any argument may carry: no id, name or list is anywhere near these. */
export const INPUT_BOUNDS = {
  /** Characters of an ID or String (an id, an external id, a currency). */
  stringLength: 256,
  /** Characters of a cursor (`after`: positions in every provider's list). */
  cursorLength: 4096,
  /** Items of a list (`nodes(ids:)`). */
  listItems: 100,
} as const;

/**
 * The first argument value, at any depth of lists and input objects, beyond INPUT_BOUNDS. The
 * value is never echoed: the problem names where it is and the bound.
 */
export function outOfBounds(
  value: unknown,
  type: GraphQLInputType,
  path: string,
): ArgumentProblem | undefined {
  const argument = path;
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return undefined;
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return outOfBounds(value, nullable.ofType, path);
    if (value.length > INPUT_BOUNDS.listItems)
      return {
        code: 'BAD_USER_INPUT',
        argument,
        message: `${path} has ${value.length} items; at most ${INPUT_BOUNDS.listItems} are accepted`,
      };
    for (const [i, item] of value.entries()) {
      const problem = outOfBounds(item, nullable.ofType, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const problem = outOfBounds(
        (value as Record<string, unknown>)[name],
        field.type,
        `${path}.${name}`,
      );
      if (problem) return problem;
    }
    return undefined;
  }
  if (isScalarType(nullable) && typeof value === 'string') {
    const max = path === 'after' ? INPUT_BOUNDS.cursorLength : INPUT_BOUNDS.stringLength;
    if (value.length > max)
      return {
        code: 'BAD_USER_INPUT',
        argument,
        message: `${path} is ${value.length} characters long; at most ${max} are accepted`,
      };
  }
  return undefined;
}
