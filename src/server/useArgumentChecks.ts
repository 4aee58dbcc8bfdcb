import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ARGUMENT_CHECK, type ArgumentCheck, outOfBounds } from '../schema/argument-checks.js';
import { requestError } from './error-contract.js';
import { withoutSuggestions } from './useSuggestionsBlocked.js';

/**
 * Every field's declared ArgumentCheck over the fields an operation selects (fragments included),
 * with argument values as execution would see them. `variables` undefined checks literals only
 * (arguments given by a variable are left out), as a validation-time look needs.
 */
export function argumentErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const roots = operation
    ? [operation]
    : document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const queued = new Set<string>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [...roots];
  const errors: GraphQLError[] = [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !queued.has(spread.name.value)) {
            queued.add(spread.name.value);
            pending.push(fragment);
          }
        },
        Field(field) {
          const def = typeInfo.getFieldDef();
          const check = def?.extensions?.[ARGUMENT_CHECK] as ArgumentCheck | undefined;
          if (!def || (!check && !field.arguments?.length)) return;
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(def, field, variables ?? {});
          } catch {
            // A missing or mistyped argument: validation or execution reports it.
            return;
          }
          // Sizes first: an id too long to be one is refused as such, never decoded or sent on.
          const problem =
            def.args.reduce<ReturnType<ArgumentCheck>>(
              (found, arg) => found ?? outOfBounds(args[arg.name], arg.type, arg.name),
              undefined,
            ) ?? check?.(args);
          if (problem)
            errors.push(
              requestError(problem.code, problem.message, { argument: problem.argument }, [field]),
            );
        },
      }),
    );
  }
  return errors;
}

/**
 * Before execution: the operation must exist, variables must coerce (else OPERATION_RESOLUTION_FAILURE
 * and BAD_USER_INPUT, codes graphql-js leaves out), and every ArgumentCheck must pass. A refusal
 * stops the request with no `data`, so it is a request error (HTTP 400 under
 * application/graphql-response+json), on every transport.
 */
export function useArgumentChecks(options: { suggestions: boolean }): Plugin {
  const message = options.suggestions ? (m: string) => m : withoutSuggestions;
  const check = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    rawVariables: unknown,
  ): GraphQLError[] => {
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return [
        requestError(
          'OPERATION_RESOLUTION_FAILURE',
          operationName
            ? `The document has no operation named "${operationName.slice(0, 100)}"`
            : 'The document has several operations: say which one in operationName',
        ),
      ];
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      (rawVariables ?? {}) as Record<string, unknown>,
      { maxErrors: 20 },
    );
    if (coerced.errors)
      return coerced.errors.map((e) =>
        requestError('BAD_USER_INPUT', message(e.message), {}, e.nodes ? [...e.nodes] : undefined),
      );
    return argumentErrors(schema, document, operation, coerced.coerced);
  };
  const hook = ({
    args,
    setResultAndStopExecution,
  }: {
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      operationName?: string | null;
      variableValues?: unknown;
    };
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    const errors = check(args.schema, args.document, args.operationName, args.variableValues);
    if (errors.length > 0) setResultAndStopExecution({ errors });
  };
  return { onExecute: hook as never, onSubscribe: hook as never };
}
