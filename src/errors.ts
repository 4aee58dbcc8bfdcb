import type { ProviderName } from './domain/wallet.js';

/** Every `extensions.code` the gateway emits; the README documents each one. */
export const ERROR_CODES = {
  WALLET_NOT_FOUND: 'No wallet with this id exists (or it is not visible to the caller).',
  CUSTOMER_NOT_FOUND: 'The provider knows no customer with this external id.',
  TRANSACTION_NOT_FOUND:
    'No wallet transaction with this id exists (or it is not visible to the caller).',
  NOT_SUPPORTED:
    'The provider does not offer this (a transaction history, a filter): `providers { capabilities }` says what each offers.',
  INVALID_ID:
    'The id is not a Walletgate global id of the expected type (HTTP 400 for wallet(id:) and node(id:); an item error in nodes(ids:)).',
  PROVIDER_NOT_CONFIGURED: 'The id or filter names a provider this gateway is not configured for.',
  UPSTREAM_UNAVAILABLE: 'The provider could not be reached, timed out or answered 5xx.',
  UPSTREAM_RATE_LIMITED: 'The provider answered 429 and retries were exhausted.',
  UPSTREAM_UNAUTHORIZED: "The provider refused the gateway's credentials (401/403).",
  UPSTREAM_BAD_RESPONSE:
    'The provider answered with a payload that does not match its documented wire format.',
  UPSTREAM_ERROR: 'The provider answered with an error the gateway has no specific code for.',
  UNAUTHENTICATED:
    'No, or invalid, credentials: a bad API key, a malformed, forged or expired JWT, a JWT without the customer claim, a bearer token where none is accepted (HTTP 401).',
  FORBIDDEN: 'The caller may not read this field (provider health is for server keys).',
  BAD_USER_INPUT:
    'An argument or variable is wrong: a cursor that is not one of ours, `first` outside 0..100, a variable of the wrong type, walletBalanceChanged without exactly one argument, a string over 256 characters or a list over 100 items (HTTP 400; extensions.argument names it).',
  GRAPHQL_PARSE_FAILED:
    'The document is not GraphQL, or has more tokens than LIMIT_MAX_TOKENS or deeper brackets than LIMIT_MAX_NESTING (HTTP 400; extensions.limit names the limit).',
  GRAPHQL_VALIDATION_FAILED:
    'The document does not validate against the schema, or exceeds a query limit: depth, cost, aliases, directives (HTTP 400; extensions.limit names the limit).',
  BAD_REQUEST:
    'Not a well-formed GraphQL-over-HTTP request: an invalid JSON body, no query, a mutation over GET (HTTP 400).',
  OPERATION_RESOLUTION_FAILURE:
    'operationName names no operation of the document, or the document has several and none is named (HTTP 400).',
  CSRF_CHECK_FAILED:
    'A request a cross-site page could send unseen (a GET or a form POST) without a header proving otherwise: send JSON, a credential header or x-graphql-yoga-csrf (HTTP 403).',
  PERSISTED_QUERY_NOT_FOUND:
    "Automatic persisted queries: the hash is not known yet; send it again with the query (Apollo's PersistedQueryLink does) (HTTP 404).",
  PERSISTED_QUERY_MISMATCH:
    'Automatic persisted queries: the query does not hash to the sha256Hash sent with it (HTTP 400).',
  PERSISTED_QUERY_ONLY:
    'This gateway runs trusted documents only (TRUSTED_DOCUMENTS_ONLY): send the id of a document in its manifest, not a query (HTTP 400).',
  PERSISTED_QUERY_NOT_IN_LIST:
    "The document id is not in the gateway's trusted-documents manifest (HTTP 404).",
  GRAPHIQL_DISABLED:
    'A browser asked for GraphiQL (GET /graphql, Accept: text/html) on a gateway with GRAPHIQL off (HTTP 404).',
  RATE_LIMITED: "The caller's per-minute operation budget is spent (HTTP 429 with Retry-After).",
  REQUEST_TOO_LARGE: 'The request body exceeds LIMIT_MAX_BODY_BYTES (HTTP 413).',
  LENGTH_REQUIRED:
    'A request body without Content-Length (chunked) is refused, so its size is known up front (HTTP 411).',
  REQUEST_TIMEOUT:
    'The request headers and body were not received within LIMIT_REQUEST_TIMEOUT_MS (HTTP 408; the connection is closed).',
  TOO_MANY_CONNECTIONS:
    'The remote address already holds LIMIT_CONNECTIONS_PER_CLIENT WebSocket connections and SSE streams (HTTP 429 with Retry-After).',
  TOO_MANY_SUBSCRIPTIONS:
    'The graphql-ws socket already runs LIMIT_SUBSCRIPTIONS_PER_SOCKET operations: this one gets an error message (the socket stays open).',
  SHUTTING_DOWN:
    'The gateway is shutting down and the request did not finish within SHUTDOWN_GRACE_MS (HTTP 503).',
  WEBHOOK_UNAVAILABLE:
    'A webhook delivery the gateway cannot take now (a signing key it could not fetch): HTTP 503 with Retry-After, in the body of POST /webhooks/*; the provider sends it again.',
  INTERNAL_SERVER_ERROR:
    'An unexpected error, masked as "Unexpected error."; extensions.requestId finds it in the logs.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface GatewayErrorOptions {
  readonly provider?: ProviderName;
  /** Upstream HTTP status, when there was one. */
  readonly upstreamStatus?: number;
  /** The provider's own error code (e.g. Lago `wallet_not_found`). */
  readonly upstreamCode?: string;
  /** The provider's id of the wallet the error is about, where it could be read. */
  readonly walletId?: string;
  /** The provider's id of the wallet transaction the error is about, where it could be read. */
  readonly transactionId?: string;
  /** The wire field that could not be read, for a part of a wallet (`recurring_transaction_rules[0]`). */
  readonly part?: string;
  /**
   * Set when the error arose after the provider showed the wallet exists: whose it is, where the
   * gateway could tell (null otherwise). Never serialised; access rules read it so that another
   * customer's wallet answers exactly like one that does not exist.
   */
  readonly existingWalletOf?: string | null;
  /** The provider's part of a page (a list across providers) is missing: later pages bring it. */
  readonly incomplete?: boolean;
  /**
   * The provider failed and the gateway answered its wallets from its cache instead (as read at
   * `fetchedAt`, within WALLET_CACHE_STALE_IF_ERROR_MS).
   */
  readonly stale?: boolean;
  /** The argument a BAD_USER_INPUT is about. */
  readonly argument?: string;
  readonly cause?: unknown;
}

/** Where an error sits in a GraphQL response: field names and list indexes from the root. */
export type ErrorPath = readonly (string | number)[];

/**
 * An error the caller may see. Messages are written here, never copied from upstream bodies or
 * exceptions, so no key, URL or stack can leak through them. Adapters raise these without knowing
 * GraphQL: the schema and server boundary (src/server/graphql-errors.ts) turns each into a
 * GraphQLError carrying `extensions`, and graphql-js copies them onto errors thrown in resolvers.
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly provider: ProviderName | undefined;
  /** See GatewayErrorOptions.existingWalletOf; undefined when the wallet's existence is unknown. */
  readonly existingWalletOf: string | null | undefined;
  /** What a caller sees beside the message: the code and the options that describe the error. */
  readonly extensions: Readonly<Record<string, unknown>>;
  /**
   * Set by `withPath`: where in the response the error belongs, when no resolver threw it. (Not
   * named `path`: graphql-js takes any thrown error with an array `path` for a located
   * GraphQLError.)
   */
  readonly placedAt: ErrorPath | undefined;
  readonly #options: GatewayErrorOptions;

  constructor(
    code: ErrorCode,
    message: string,
    options: GatewayErrorOptions = {},
    path?: ErrorPath,
  ) {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
    this.provider = options.provider;
    this.existingWalletOf = options.existingWalletOf;
    this.placedAt = path;
    this.extensions = {
      code,
      ...(options.provider && { provider: options.provider }),
      ...(options.upstreamStatus !== undefined && { upstreamStatus: options.upstreamStatus }),
      ...(options.upstreamCode && { upstreamCode: options.upstreamCode }),
      ...(options.walletId !== undefined && { walletId: options.walletId }),
      ...(options.transactionId !== undefined && { transactionId: options.transactionId }),
      ...(options.part !== undefined && { part: options.part }),
      ...(options.incomplete && { incomplete: true }),
      ...(options.stale && { stale: true }),
      ...(options.argument !== undefined && { argument: options.argument }),
    };
    this.#options = options;
    // Kept off the caller's error (not serialised) but available to logs.
    if (options.cause !== undefined)
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }

  /** The same error, attached to a place in the response (a list item a provider could not give). */
  withPath(path: ErrorPath): GatewayError {
    return new GatewayError(this.code, this.message, this.#options, path);
  }

  /** The same error (code, provider, upstream details) told differently, with more to say. */
  restated(
    message: string,
    more: Pick<GatewayErrorOptions, 'incomplete' | 'stale'> = {},
  ): GatewayError {
    return new GatewayError(
      this.code,
      message,
      { ...this.#options, ...more, cause: this },
      this.placedAt,
    );
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError;
}
