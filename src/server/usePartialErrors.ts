import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { asResponseError } from './graphql-errors.js';

/** The result with the errors resolvers recorded in `context.partialErrors` appended, then cleared. */
export function withPartialErrors<R extends ExecutionResult>(context: unknown, result: R): R {
  const extra = (context as GatewayContext).partialErrors;
  if (!extra || extra.length === 0 || !('data' in result)) return result;
  const errors = [...(result.errors ?? []), ...extra.map(asResponseError)];
  extra.length = 0;
  return { ...result, errors };
}

/**
 * Appends the errors resolvers recorded in `context.partialErrors` to each execution result, so
 * a list can keep the data of healthy providers (or a wallet its readable rules) and still say
 * which part failed: for queries, and for every event of a subscription.
 */
export function usePartialErrors(): Plugin<GatewayContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if ('data' in result) setResult(withPartialErrors(args.contextValue, result));
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ args }) {
          return {
            onNext({ result, setResult }) {
              setResult(withPartialErrors(args.contextValue, result));
            },
          };
        },
      };
    },
  };
}
