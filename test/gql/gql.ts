/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CustomerWallets($externalId: String!, $filter: CustomerWalletFilter) {\n    customer(externalId: $externalId) {\n      externalId\n      balances { amount currency minorUnits formatted }\n      wallets(filter: $filter) {\n        id\n        provider\n        providerWalletId\n        customer { externalId providerCustomerId }\n        name\n        code\n        status\n        kind\n        currency\n        balance { amount currency minorUnits formatted }\n        ongoingBalance { amount currency minorUnits }\n        ongoingUsage { amount currency minorUnits }\n        ongoingBalanceIsCached\n        credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }\n        priority\n        expiresAt\n        terminatedAt\n        lastTopUpAt\n        lastConsumedAt\n        createdAt\n        updatedAt\n        recurringTransactionRules {\n          id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance\n          status invoiced startedAt expiresAt createdAt cooldown { value unit }\n        }\n        metadata { key value }\n        raw\n      }\n    }\n  }\n": typeof types.CustomerWalletsDocument,
    "\n  query CustomerWalletAlerts($externalId: String!) {\n    customer(externalId: $externalId) {\n      wallets {\n        providerWalletId\n        alertSettings {\n          enabled\n          state\n          thresholds { level value condition metric recurring code alertCode }\n          critical { value }\n          warning { value }\n          info { value }\n        }\n      }\n    }\n  }\n": typeof types.CustomerWalletAlertsDocument,
    "\n  query WalletBalance($id: ID!) {\n    wallet(id: $id) { id provider providerWalletId status balance { amount currency minorUnits } }\n  }\n": typeof types.WalletBalanceDocument,
    "\n  query WalletsConnection($filter: WalletFilter, $first: Int, $after: String) {\n    wallets(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id provider providerWalletId currency status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.WalletsConnectionDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Wallet { providerWalletId balance { amount currency } } }\n  }\n": typeof types.NodesDocument,
    "\n  query Providers {\n    providers {\n      name\n      capabilities { credits ongoingBalance recurringRules alerts webhooks batchWalletsById batchWalletsByCustomer }\n      health { status latencyMs errorCode message }\n    }\n  }\n": typeof types.ProvidersDocument,
};
const documents: Documents = {
    "\n  query CustomerWallets($externalId: String!, $filter: CustomerWalletFilter) {\n    customer(externalId: $externalId) {\n      externalId\n      balances { amount currency minorUnits formatted }\n      wallets(filter: $filter) {\n        id\n        provider\n        providerWalletId\n        customer { externalId providerCustomerId }\n        name\n        code\n        status\n        kind\n        currency\n        balance { amount currency minorUnits formatted }\n        ongoingBalance { amount currency minorUnits }\n        ongoingUsage { amount currency minorUnits }\n        ongoingBalanceIsCached\n        credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }\n        priority\n        expiresAt\n        terminatedAt\n        lastTopUpAt\n        lastConsumedAt\n        createdAt\n        updatedAt\n        recurringTransactionRules {\n          id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance\n          status invoiced startedAt expiresAt createdAt cooldown { value unit }\n        }\n        metadata { key value }\n        raw\n      }\n    }\n  }\n": types.CustomerWalletsDocument,
    "\n  query CustomerWalletAlerts($externalId: String!) {\n    customer(externalId: $externalId) {\n      wallets {\n        providerWalletId\n        alertSettings {\n          enabled\n          state\n          thresholds { level value condition metric recurring code alertCode }\n          critical { value }\n          warning { value }\n          info { value }\n        }\n      }\n    }\n  }\n": types.CustomerWalletAlertsDocument,
    "\n  query WalletBalance($id: ID!) {\n    wallet(id: $id) { id provider providerWalletId status balance { amount currency minorUnits } }\n  }\n": types.WalletBalanceDocument,
    "\n  query WalletsConnection($filter: WalletFilter, $first: Int, $after: String) {\n    wallets(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id provider providerWalletId currency status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.WalletsConnectionDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Wallet { providerWalletId balance { amount currency } } }\n  }\n": types.NodesDocument,
    "\n  query Providers {\n    providers {\n      name\n      capabilities { credits ongoingBalance recurringRules alerts webhooks batchWalletsById batchWalletsByCustomer }\n      health { status latencyMs errorCode message }\n    }\n  }\n": types.ProvidersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerWallets($externalId: String!, $filter: CustomerWalletFilter) {\n    customer(externalId: $externalId) {\n      externalId\n      balances { amount currency minorUnits formatted }\n      wallets(filter: $filter) {\n        id\n        provider\n        providerWalletId\n        customer { externalId providerCustomerId }\n        name\n        code\n        status\n        kind\n        currency\n        balance { amount currency minorUnits formatted }\n        ongoingBalance { amount currency minorUnits }\n        ongoingUsage { amount currency minorUnits }\n        ongoingBalanceIsCached\n        credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }\n        priority\n        expiresAt\n        terminatedAt\n        lastTopUpAt\n        lastConsumedAt\n        createdAt\n        updatedAt\n        recurringTransactionRules {\n          id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance\n          status invoiced startedAt expiresAt createdAt cooldown { value unit }\n        }\n        metadata { key value }\n        raw\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerWallets($externalId: String!, $filter: CustomerWalletFilter) {\n    customer(externalId: $externalId) {\n      externalId\n      balances { amount currency minorUnits formatted }\n      wallets(filter: $filter) {\n        id\n        provider\n        providerWalletId\n        customer { externalId providerCustomerId }\n        name\n        code\n        status\n        kind\n        currency\n        balance { amount currency minorUnits formatted }\n        ongoingBalance { amount currency minorUnits }\n        ongoingUsage { amount currency minorUnits }\n        ongoingBalanceIsCached\n        credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }\n        priority\n        expiresAt\n        terminatedAt\n        lastTopUpAt\n        lastConsumedAt\n        createdAt\n        updatedAt\n        recurringTransactionRules {\n          id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance\n          status invoiced startedAt expiresAt createdAt cooldown { value unit }\n        }\n        metadata { key value }\n        raw\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerWalletAlerts($externalId: String!) {\n    customer(externalId: $externalId) {\n      wallets {\n        providerWalletId\n        alertSettings {\n          enabled\n          state\n          thresholds { level value condition metric recurring code alertCode }\n          critical { value }\n          warning { value }\n          info { value }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerWalletAlerts($externalId: String!) {\n    customer(externalId: $externalId) {\n      wallets {\n        providerWalletId\n        alertSettings {\n          enabled\n          state\n          thresholds { level value condition metric recurring code alertCode }\n          critical { value }\n          warning { value }\n          info { value }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletBalance($id: ID!) {\n    wallet(id: $id) { id provider providerWalletId status balance { amount currency minorUnits } }\n  }\n"): (typeof documents)["\n  query WalletBalance($id: ID!) {\n    wallet(id: $id) { id provider providerWalletId status balance { amount currency minorUnits } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletsConnection($filter: WalletFilter, $first: Int, $after: String) {\n    wallets(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id provider providerWalletId currency status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query WalletsConnection($filter: WalletFilter, $first: Int, $after: String) {\n    wallets(filter: $filter, first: $first, after: $after) {\n      edges { cursor node { id provider providerWalletId currency status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Wallet { providerWalletId balance { amount currency } } }\n  }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Wallet { providerWalletId balance { amount currency } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Providers {\n    providers {\n      name\n      capabilities { credits ongoingBalance recurringRules alerts webhooks batchWalletsById batchWalletsByCustomer }\n      health { status latencyMs errorCode message }\n    }\n  }\n"): (typeof documents)["\n  query Providers {\n    providers {\n      name\n      capabilities { credits ongoingBalance recurringRules alerts webhooks batchWalletsById batchWalletsByCustomer }\n      health { status latencyMs errorCode message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;