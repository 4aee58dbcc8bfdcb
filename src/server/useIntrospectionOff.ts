import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The entry points of introspection; `__typename` stays: clients need it. */
const ENTRY_POINTS = new Set(['__schema', '__type']);

const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (ENTRY_POINTS.has(node.name.value))
      context.reportError(
        new GraphQLError(
          `Introspection is off on this gateway (GRAPHQL_INTROSPECTION): "${node.name.value}" is not answered`,
          { nodes: node, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ),
      );
  },
});

/** Introspection off, as in production unless GRAPHQL_INTROSPECTION=true. */
export function useIntrospectionOff(): Plugin {
  return {
    onValidate: ({ addValidationRule }) => addValidationRule(noIntrospection),
  };
}
