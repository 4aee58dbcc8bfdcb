import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Every form graphql-js suggests in: fields, arguments, types, input fields, enum values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export const withoutSuggestions = (message: string) => message.replace(SUGGESTION, '');

function masked(error: Error): Error {
  const message = withoutSuggestions(error.message);
  if (message === error.message || !(error instanceof GraphQLError)) return error;
  return new GraphQLError(message, {
    ...(error.nodes && { nodes: error.nodes }),
    ...(error.source && { source: error.source }),
    ...(error.positions && { positions: error.positions }),
    extensions: error.extensions,
  });
}

/**
 * "Did you mean …" leaves out of validation errors: outside sandbox mode they would map the
 * schema for a caller who may not introspect it. (Variable coercion errors are masked where they
 * are raised, in useArgumentChecks.)
 */
export function useSuggestionsBlocked(): Plugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map(masked));
      },
  };
}
