import type { ErrorCode } from '../../errors.js';
import { GatewayError } from '../../errors.js';
import type { ErrorMapper } from '../http.js';
import { polarDetailBody, polarErrorBody } from './api.js';

/**
 * Polar error bodies (NOTES §6) -> gateway codes. The body may be empty (429, §0.7) or not JSON:
 * every read goes through safeParse, nothing is assumed.
 *
 * `notFound` is what a 404 `ResourceNotFound` means on the route family the client serves:
 * WALLET_NOT_FOUND on wallet routes, CUSTOMER_NOT_FOUND on customer routes. A 404 *without*
 * `error` is FastAPI's unknown-route answer (`{"detail":"Not Found"}`), also sent for an unknown
 * `Polar-Version`: it keeps the default code and no upstreamCode, so it is never mistaken for
 * "this wallet/customer does not exist".
 */
export function polarErrorMapper(
  notFound: Extract<ErrorCode, 'WALLET_NOT_FOUND' | 'CUSTOMER_NOT_FOUND'>,
): ErrorMapper {
  return (status, body) => {
    const upstreamCode = upstreamCodeOf(body);
    if (status === 404 && upstreamCode === 'ResourceNotFound') {
      return {
        code: notFound,
        upstreamCode,
        message: notFound === 'WALLET_NOT_FOUND' ? 'Wallet not found' : 'Customer not found',
      };
    }
    if (status === 401 || status === 403)
      return { code: 'UPSTREAM_UNAUTHORIZED', ...(upstreamCode && { upstreamCode }) };
    if (status === 429) return { code: 'UPSTREAM_RATE_LIMITED' };
    if (status >= 500)
      return { code: 'UPSTREAM_UNAVAILABLE', ...(upstreamCode && { upstreamCode }) };
    return { code: 'UPSTREAM_ERROR', ...(upstreamCode && { upstreamCode }) };
  };
}

/** The `error` class name, or for a bare FastAPI 422 the first validation error's `type`. */
function upstreamCodeOf(body: unknown): string | undefined {
  const polar = polarErrorBody.safeParse(body);
  if (polar.success) return polar.data.error;
  const fastapi = polarDetailBody.safeParse(body);
  if (fastapi.success && Array.isArray(fastapi.data.detail)) return fastapi.data.detail[0]?.type;
  return undefined;
}

function upstreamStatus(e: unknown): number | undefined {
  if (!(e instanceof GatewayError)) return undefined;
  const status = e.extensions.upstreamStatus;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The private org-level wallet routes are gone or closed to this token (NOTES §0.1, §9.2):
 * an unknown-route 404 (no `error` class), 405, or 403 (the token lacks `wallets:read`).
 * A 404 `ResourceNotFound` is a missing wallet, not a missing route.
 */
export function isOrgRouteUnavailable(e: unknown): boolean {
  const status = upstreamStatus(e);
  if (status === 403 || status === 405) return true;
  return status === 404 && (e as GatewayError).extensions.upstreamCode === undefined;
}

/** A customer session token that expired early or was revoked. */
export function isSessionRejected(e: unknown): boolean {
  return upstreamStatus(e) === 401;
}
