import SchemaBuilder, { BasePlugin, isThenable, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { GraphQLError } from 'graphql';
import { GatewayError } from '../errors.js';

/**
 * The schema boundary of the gateway's errors. Adapters and services raise GatewayErrors, which
 * know nothing of GraphQL; this plugin wraps every resolver (and every subscribe function) so that
 * a GatewayError thrown or rejected there reaches graphql-js as a GraphQLError with the same
 * message and extensions. graphql-js then locates it as usual and yoga's masking lets it through.
 * Items of a list answered as promises (a loader per item) are converted one by one.
 */

export function asGraphQLError(error: unknown): unknown {
  return error instanceof GatewayError
    ? new GraphQLError(error.message, { extensions: error.extensions })
    : error;
}

function rethrow(error: unknown): never {
  throw asGraphQLError(error);
}

function convertRejections(value: unknown): unknown {
  if (isThenable(value)) return Promise.resolve(value).then(convertRejections, rethrow);
  if (Array.isArray(value) && value.some((item) => isThenable(item) || Array.isArray(item)))
    return value.map(convertRejections);
  return value;
}

function guarded<C>(
  resolver: GraphQLFieldResolver<unknown, C, object>,
): GraphQLFieldResolver<unknown, C, object> {
  return (parent, args, context, info) => {
    try {
      return convertRejections(resolver(parent, args, context, info));
    } catch (error) {
      return rethrow(error);
    }
  };
}

export class GatewayErrorsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return guarded(resolver);
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    return subscribe && guarded(subscribe);
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      gatewayErrors: GatewayErrorsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('gatewayErrors', GatewayErrorsPlugin);

export default 'gatewayErrors' as const;
