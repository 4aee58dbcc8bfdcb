import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { GatewayContext } from '../context.js';
import type { Dec } from '../domain/money.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: {
    Decimal: { Input: Dec; Output: Dec | string };
    DateTime: { Input: Date; Output: Date };
    Currency: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Fetches any object by its global id (today: a Wallet).' },
    nodesQueryOptions: { description: 'Fetches objects by global ids, in order; an unknown id gives null plus an error.' },
  },
});

builder.queryType({ description: 'Read access to wallets across every configured billing provider.' });
