import { GraphQLError } from 'graphql';
import type { ProviderName } from './domain/wallet.js';

/** Every `extensions.code` the gateway emits; the README documents each one. */
export const ERROR_CODES = {
  WALLET_NOT_FOUND: 'No wallet with this id exists (or it is not visible to the caller).',
  CUSTOMER_NOT_FOUND: 'The provider knows no customer with this external id.',
  INVALID_ID: 'The id is not a Walletgate global id.',
  PROVIDER_NOT_CONFIGURED: 'The id or filter names a provider this gateway is not configured for.',
  UPSTREAM_UNAVAILABLE: 'The provider could not be reached, timed out or answered 5xx.',
  UPSTREAM_RATE_LIMITED: 'The provider answered 429 and retries were exhausted.',
  UPSTREAM_UNAUTHORIZED: "The provider refused the gateway's credentials (401/403).",
  UPSTREAM_BAD_RESPONSE:
    'The provider answered with a payload that does not match its documented wire format.',
  UPSTREAM_ERROR: 'The provider answered with an error the gateway has no specific code for.',
  UNAUTHENTICATED:
    'No, or invalid, credentials: a bad API key, a forged or expired JWT, a JWT without the customer claim (HTTP 401).',
  FORBIDDEN: 'The caller may not read this field (provider health is for server keys).',
  BAD_USER_INPUT:
    'The arguments are wrong (e.g. walletBalanceChanged without exactly one of its arguments).',
  RATE_LIMITED: "The caller's per-minute operation budget is spent (HTTP 429 with Retry-After).",
  REQUEST_TOO_LARGE: 'The request body exceeds LIMIT_MAX_BODY_BYTES (HTTP 413).',
  LENGTH_REQUIRED:
    'A request body without Content-Length (chunked) is refused, so its size is known up front (HTTP 411).',
  SHUTTING_DOWN:
    'The gateway is shutting down and the request did not finish within SHUTDOWN_GRACE_MS (HTTP 503).',
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
  /** The wire field that could not be read, for a part of a wallet (`recurring_transaction_rules[0]`). */
  readonly part?: string;
  /**
   * Set when the error arose after the provider showed the wallet exists: whose it is, where the
   * gateway could tell (null otherwise). Never serialised; access rules read it so that another
   * customer's wallet answers exactly like one that does not exist.
   */
  readonly existingWalletOf?: string | null;
  readonly cause?: unknown;
}

/**
 * An error the caller may see. Messages are written here, never copied from upstream bodies or
 * exceptions, so no key, URL or stack can leak through them.
 */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;
  readonly provider: ProviderName | undefined;
  /** See GatewayErrorOptions.existingWalletOf; undefined when the wallet's existence is unknown. */
  readonly existingWalletOf: string | null | undefined;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, {
      extensions: {
        code,
        ...(options.provider && { provider: options.provider }),
        ...(options.upstreamStatus !== undefined && { upstreamStatus: options.upstreamStatus }),
        ...(options.upstreamCode && { upstreamCode: options.upstreamCode }),
        ...(options.walletId !== undefined && { walletId: options.walletId }),
        ...(options.part !== undefined && { part: options.part }),
      },
    });
    this.name = 'GatewayError';
    this.code = code;
    this.provider = options.provider;
    this.existingWalletOf = options.existingWalletOf;
    // Kept off the GraphQL error (not serialised) but available to logs.
    if (options.cause !== undefined)
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }

  /** The same error, attached to a different place in the response. */
  withPath(path: readonly (string | number)[]): GraphQLError {
    return new GraphQLError(this.message, { path, extensions: this.extensions });
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError;
}
