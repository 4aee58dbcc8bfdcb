import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Dec } from '../domain/money.js';
import { argumentCheck, globalIdArgument } from './argument-checks.js';
import GatewayErrorsPlugin from './gateway-errors.js';
import { decodeGlobalId } from './global-id.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: {
    Decimal: { Input: Dec; Output: Dec | string };
    DateTime: { Input: Date; Output: Date };
    Currency: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  AuthScopes: {
    /** Server API keys (and the sandbox caller) see every customer. */
    server: boolean;
  };
}>({
  // The error boundary outermost, so it sees what every other plugin's resolver throws; then
  // scope-auth, so its checks wrap the remaining plugins' resolvers.
  plugins: [GatewayErrorsPlugin, ScopeAuthPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({ server: ctx.caller.kind !== 'customer' }),
    unauthorizedError: () =>
      new GraphQLError('Not authorized for this field', { extensions: { code: 'FORBIDDEN' } }),
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Malformed ids are INVALID_ID, coded like every other error.
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: {
      description:
        'Fetches a Wallet, a WalletTransaction or a Customer by its global id. A string that is not one is refused with INVALID_ID.',
      extensions: argumentCheck(
        globalIdArgument('id', ['Wallet', 'WalletTransaction', 'Customer']),
      ),
      args: { id: { description: 'A global id, as returned in `id` fields.' } },
    },
    // schema/nodes.ts defines `nodes` so that each id is decoded and answered on its own.
    nodesQueryOptions: false,
    nodeTypeOptions: { description: 'An object with a global id (Relay).' },
    idFieldOptions: { description: 'Opaque global id.' },
    pageInfoTypeOptions: {
      description: 'Where a page of a connection sits in the whole list (Relay).',
    },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: {
      description: 'Cursor of the last item of the page: pass it as `after` for the next page.',
    },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Paging information.' },
    cursorFieldOptions: { description: 'Opaque position of this item, for `after`/`before`.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: {
      description: 'Return at most this many items from the start (after `after`).',
    },
    lastArgOptions: {
      description: 'Return at most this many items from the end (before `before`).',
    },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
    defaultConnectionTypeOptions: { description: 'A page of a list (Relay connection).' },
    defaultEdgeTypeOptions: { description: 'An item of a list page with its cursor.' },
  },
});

builder.queryType({
  description: 'Read access to wallets across every configured billing provider.',
});
