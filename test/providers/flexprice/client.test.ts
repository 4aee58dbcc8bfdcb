import { describe, expect, it } from 'vitest';
import { mapFlexpriceError } from '../../../src/providers/flexprice/client.js';

/** The error mapper over the bodies NOTES §1 lists. */
describe('mapFlexpriceError', () => {
  const wallet = mapFlexpriceError('wallet');
  const customer = mapFlexpriceError('customer');
  const std = (code: string, status: number) => ({ code, message: 'x', http_status_code: status });

  it('a standard not_found is WALLET_NOT_FOUND on wallet routes and CUSTOMER_NOT_FOUND on customer routes', () => {
    expect(wallet(404, { ...std('not_found', 404), details: { wallet_id: 'w' } })).toEqual({
      code: 'WALLET_NOT_FOUND',
      upstreamCode: 'not_found',
      message: 'Wallet not found',
    });
    expect(customer(404, std('not_found', 404))).toEqual({
      code: 'CUSTOMER_NOT_FOUND',
      upstreamCode: 'not_found',
      message: 'Customer not found',
    });
  });

  it("gin's bare 404 (wrong base URL) is not a missing wallet", () => {
    expect(wallet(404, undefined)).toBeUndefined();
    expect(wallet(404, '404 page not found')).toBeUndefined();
  });

  it('auth bodies, rate limits and server errors map by status', () => {
    expect(wallet(401, { error: 'Unauthorized' })).toEqual({ code: 'UPSTREAM_UNAUTHORIZED' });
    expect(wallet(401, { error: 'Invalid token' })).toEqual({ code: 'UPSTREAM_UNAUTHORIZED' });
    expect(
      customer(403, { error: 'Access denied', message: 'Invalid or inaccessible environment' }),
    ).toEqual({ code: 'UPSTREAM_UNAUTHORIZED' });
    expect(wallet(403, { message: 'insufficient permissions' })).toEqual({
      code: 'UPSTREAM_UNAUTHORIZED',
    });
    expect(wallet(429, std('too_many_requests', 429))).toEqual({
      code: 'UPSTREAM_RATE_LIMITED',
      upstreamCode: 'too_many_requests',
    });
    expect(wallet(500, std('internal_error', 500))).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      upstreamCode: 'internal_error',
    });
    expect(wallet(503, std('service_unavailable', 503))).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      upstreamCode: 'service_unavailable',
    });
    expect(
      wallet(500, { error: 'Internal server error', message: 'Failed to resolve environment' }),
    ).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('other coded errors keep their upstream code', () => {
    expect(wallet(409, std('already_exists', 409))).toEqual({
      code: 'UPSTREAM_ERROR',
      upstreamCode: 'already_exists',
    });
    expect(wallet(400, std('validation_error', 400))).toEqual({
      code: 'UPSTREAM_ERROR',
      upstreamCode: 'validation_error',
    });
  });
});
