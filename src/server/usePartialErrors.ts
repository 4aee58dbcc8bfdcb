import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

/**
 * Appends the errors resolvers recorded in `context.partialErrors` to the execution result, so
 * a list can keep the data of healthy providers and still say which provider failed.
 */
export function usePartialErrors(): Plugin<GatewayContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          const extra = (args.contextValue as GatewayContext).partialErrors;
          if (extra.length === 0 || !('data' in result)) return;
          setResult({ ...result, errors: [...(result.errors ?? []), ...extra] });
        },
      };
    },
  };
}
