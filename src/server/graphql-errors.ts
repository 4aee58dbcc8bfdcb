import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { GatewayError } from '../errors.js';

/**
 * Where the gateway's own errors become GraphQL errors on their way out. Adapters and services
 * raise GatewayErrors without knowing GraphQL; resolvers' errors are converted by the schema's
 * error plugin (schema/gateway-errors.ts), errors recorded beside the data (`partialErrors`) here,
 * and anything that escapes both is converted by the masking rather than hidden.
 */

/**
 * A GatewayError as the caller sees it: its message, its extensions and its place in the response
 * (`located`: where a resolver threw it). No `originalError`: yoga treats an error wrapping a
 * non-GraphQL error as unexpected (HTTP 500), and this one is expected by definition.
 */
export function toGraphQLError(error: GatewayError, located?: GraphQLError): GraphQLError {
  const path = located?.path ?? error.placedAt;
  return new GraphQLError(error.message, {
    ...(located && { nodes: located.nodes, source: located.source, positions: located.positions }),
    ...(path && { path }),
    extensions: error.extensions,
  });
}

/** The GatewayError an error is, or wraps (graphql-js wraps what a resolver throws). */
function gatewayErrorIn(error: unknown): GatewayError | undefined {
  if (error instanceof GatewayError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof GatewayError)
    return error.originalError;
  return undefined;
}

/**
 * yoga's masking, with GatewayErrors passed through: their messages are written by the gateway
 * and their extensions carry the documented codes. Anything else unexpected is masked as
 * "Unexpected error." (INTERNAL_SERVER_ERROR) exactly as yoga masks it.
 */
export function maskUnexpectedErrors(error: unknown, message: string, isDev?: boolean): Error {
  const gateway = gatewayErrorIn(error);
  if (gateway) return toGraphQLError(gateway, error instanceof GraphQLError ? error : undefined);
  return maskError(error, message, isDev);
}

/** A recorded error, ready for a response's `errors`. */
export function asResponseError(error: GraphQLError | GatewayError): GraphQLError {
  return error instanceof GatewayError ? toGraphQLError(error) : error;
}
