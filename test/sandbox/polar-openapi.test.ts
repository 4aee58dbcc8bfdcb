import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolarSandbox, startPolarSandbox } from '../../src/providers/polar/sandbox/server.js';
import { loadSpec } from '../helpers/openapi.js';

/**
 * The Polar sandbox's responses, checked against Polar's own public spec (customers, sessions,
 * portal) and against the reconstructed spec of the private org-level wallet routes. No in-memory
 * adjustment is needed: the only documented difference, the `error` key the server adds to 422
 * bodies (NOTES §6), is allowed by `HTTPValidationError` (it does not forbid extra keys).
 */
const publicSpec = loadSpec('polar/openapi/polar-openapi-2026-04-16.json');
const privateSpec = loadSpec('polar/openapi/polar-private-wallets.reconstructed.json');
const component = (name: string) => ({ $ref: `spec#/components/schemas/${name}` });

const HOOLI = '992fae2a-2a17-4b7a-8d9e-e287cf90131b';
const ACME = 'a3c2e1f0-5b6d-4e7f-8a9b-0c1d2e3f4a42';
const GLOBEX = '6b7c8d9e-0f1a-4b2c-a3d4-e5f6a7b8c907';

let polar: PolarSandbox;
const org = () => ({ authorization: `Bearer ${polar.accessToken}`, 'polar-version': '2026-04' });
async function call(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
) {
  const res = await fetch(`${polar.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.headers ?? org()),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
  };
}
async function session(customerId: string): Promise<string> {
  const { status, body } = await call('/v1/customer-sessions/', {
    method: 'POST',
    body: { customer_id: customerId },
  });
  expect(status).toBe(201);
  return body.token as string;
}

beforeAll(async () => {
  polar = await startPolarSandbox();
});
afterAll(() => polar.close());

describe('Polar sandbox: private org-level wallet routes against the reconstructed spec (NOTES §2.1)', () => {
  it('GET /v1/wallets/ with a repeated customer_id answers both customers, as ListResource[Wallet]', async () => {
    const { status, body, headers } = await call(
      `/v1/wallets/?customer_id=${HOOLI}&customer_id=${ACME}&limit=100`,
    );
    expect(status).toBe(200);
    expect(
      privateSpec.validate(privateSpec.responseSchema('/v1/wallets/', 'get', 200), body),
    ).toEqual([]);
    expect((body.items as { customer_id: string }[]).map((w) => w.customer_id).sort()).toEqual(
      [ACME, ACME, HOOLI].sort(),
    );
    expect(body.pagination).toEqual({ total_count: 3, max_page: 1 });
    expect(headers.get('polar-version')).toBe('2026-04');
  });

  it('every seeded wallet matches Wallet; the NOTES §2.4 example is served verbatim', async () => {
    const schema = privateSpec.responseSchema('/v1/wallets/{id}', 'get', 200);
    for (const w of polar.store.wallets) {
      const { status, body } = await call(`/v1/wallets/${w.id}`);
      expect(status).toBe(200);
      expect(privateSpec.validate(schema, body)).toEqual([]);
    }
    expect((await call('/v1/wallets/7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11')).body).toEqual({
      id: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
      created_at: '2025-11-12T09:34:05.123456Z',
      modified_at: null,
      customer_id: HOOLI,
      balance: 5000,
      currency: 'usd',
    });
  });

  it('a negative balance goes out as a negative JSON integer', async () => {
    const { body } = await call(`/v1/wallets/?customer_id=${ACME}&sorting=balance`);
    expect(
      (body.items as { balance: number; currency: string }[]).map((w) => [w.currency, w.balance]),
    ).toEqual([
      ['usd', -1250],
      ['eur', 2599],
    ]);
  });

  it('pagination: max_page = ceil(total/limit); a page past the end says total 0, max_page 0 (NOTES §0.8)', async () => {
    const first = await call('/v1/wallets/?limit=2&page=1');
    expect(first.body.pagination).toEqual({ total_count: 5, max_page: 3 });
    expect((await call('/v1/wallets/?limit=2&page=3')).body.pagination).toEqual({
      total_count: 5,
      max_page: 3,
    });
    const past = await call('/v1/wallets/?limit=2&page=4');
    expect(past.body).toEqual({ items: [], pagination: { total_count: 0, max_page: 0 } });
    expect(
      privateSpec.validate(privateSpec.responseSchema('/v1/wallets/', 'get', 200), past.body),
    ).toEqual([]);
  });

  it('limit above 100 is clamped silently; limit<=0, page<=0 and a bad uuid are 422 RequestValidationError', async () => {
    const clamped = await call('/v1/wallets/?limit=500');
    expect(clamped.status).toBe(200);
    expect(clamped.body.pagination).toEqual({ total_count: 5, max_page: 1 });
    const schema = privateSpec.responseSchema('/v1/wallets/', 'get', 422);
    for (const query of ['limit=0', 'page=0', 'page=-1', 'customer_id=not-a-uuid']) {
      const { status, body } = await call(`/v1/wallets/?${query}`);
      expect(status).toBe(422);
      expect(body.error).toBe('RequestValidationError');
      expect(privateSpec.validate(schema, body)).toEqual([]);
    }
    expect((await call('/v1/wallets/?customer_id=nope')).body.detail).toEqual([
      {
        type: 'uuid_parsing',
        loc: ['query', 'customer_id', 0],
        msg: 'Input should be a valid UUID',
        input: 'nope',
      },
    ]);
  });

  it('an unknown wallet is 404 ResourceNotFound', async () => {
    const { status, body } = await call('/v1/wallets/00000000-0000-4000-8000-000000000000');
    expect({ status, body }).toEqual({
      status: 404,
      body: { error: 'ResourceNotFound', detail: 'Not found' },
    });
    expect(
      privateSpec.validate(privateSpec.responseSchema('/v1/wallets/{id}', 'get', 404), body),
    ).toEqual([]);
  });

  it('switched off, the private routes answer an unknown-route 404 {"detail":"Not Found"} (NOTES §0.1)', async () => {
    polar.store.orgWalletsEnabled = false;
    try {
      expect(await call('/v1/wallets/').then((r) => [r.status, r.body])).toEqual([
        404,
        { detail: 'Not Found' },
      ]);
      expect(await call(`/v1/wallets/${HOOLI}`).then((r) => [r.status, r.body])).toEqual([
        404,
        { detail: 'Not Found' },
      ]);
    } finally {
      polar.store.orgWalletsEnabled = true;
    }
  });
});

describe('Polar sandbox: public routes against polar-openapi-2026-04-16.json', () => {
  it('GET /v1/customers/external/{external_id} matches Customer; unknown is 404 ResourceNotFound', async () => {
    const { status, body } = await call('/v1/customers/external/hooli_1234');
    expect(status).toBe(200);
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customers/external/{external_id}', 'get', 200),
        body,
      ),
    ).toEqual([]);
    expect(body).toMatchObject({ id: HOOLI, external_id: 'hooli_1234', type: 'individual' });
    const missing = await call('/v1/customers/external/nobody');
    expect([missing.status, missing.body]).toEqual([
      404,
      { error: 'ResourceNotFound', detail: 'Not found' },
    ]);
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customers/external/{external_id}', 'get', 404),
        missing.body,
      ),
    ).toEqual([]);
  });

  it('GET /v1/customers/ and /v1/customers/{id} match ListResource[Customer] and Customer', async () => {
    const list = await call('/v1/customers/?limit=100');
    expect(
      publicSpec.validate(publicSpec.responseSchema('/v1/customers/', 'get', 200), list.body),
    ).toEqual([]);
    expect(list.body.pagination).toEqual({ total_count: 5, max_page: 1 });
    const one = await call(`/v1/customers/${GLOBEX}`);
    expect(
      publicSpec.validate(publicSpec.responseSchema('/v1/customers/{id}', 'get', 200), one.body),
    ).toEqual([]);
  });

  it('POST /v1/customer-sessions/ answers 201 CustomerSession, expiring in 1 h (NOTES §0.2)', async () => {
    for (const body of [{ customer_id: ACME }, { external_customer_id: 'acme_42' }]) {
      const res = await call('/v1/customer-sessions/', { method: 'POST', body });
      expect(res.status).toBe(201);
      expect(
        publicSpec.validate(
          publicSpec.responseSchema('/v1/customer-sessions/', 'post', 201),
          res.body,
        ),
      ).toEqual([]);
      expect(res.body.customer_id).toBe(ACME);
      const ttl =
        Date.parse(res.body.expires_at as string) - Date.parse(res.body.created_at as string);
      expect(ttl).toBe(3_600_000);
    }
  });

  it('an unknown customer is a 422 validation error, not a 404', async () => {
    const res = await call('/v1/customer-sessions/', {
      method: 'POST',
      body: { customer_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.status).toBe(422);
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customer-sessions/', 'post', 422),
        res.body,
      ),
    ).toEqual([]);
  });

  it('GET /v1/customer-portal/wallets/ with a session token answers that customer only, as ListResource[CustomerWallet]', async () => {
    const token = await session(ACME);
    const portal = { authorization: `Bearer ${token}`, 'polar-version': '2026-04' };
    const { status, body } = await call('/v1/customer-portal/wallets/?limit=100', {
      headers: portal,
    });
    expect(status).toBe(200);
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customer-portal/wallets/', 'get', 200),
        body,
      ),
    ).toEqual([]);
    expect((body.items as { customer_id: string }[]).every((w) => w.customer_id === ACME)).toBe(
      true,
    );
    expect(body.pagination).toEqual({ total_count: 2, max_page: 1 });

    const own = await call('/v1/customer-portal/wallets/b1e2d3c4-a5b6-4c7d-8e9f-0a1b2c3d4e51', {
      headers: portal,
    });
    expect(own.status).toBe(200);
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customer-portal/wallets/{id}', 'get', 200),
        own.body,
      ),
    ).toEqual([]);
    // Another customer's wallet is invisible to this session.
    const other = await call('/v1/customer-portal/wallets/7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11', {
      headers: portal,
    });
    expect([other.status, other.body]).toEqual([
      404,
      { error: 'ResourceNotFound', detail: 'Not found' },
    ]);
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customer-portal/wallets/{id}', 'get', 404),
        other.body,
      ),
    ).toEqual([]);
  });

  it('a customer with no wallet has an empty list (wallets are lazy, NOTES §3)', async () => {
    const token = await session(GLOBEX);
    const { body } = await call('/v1/customer-portal/wallets/', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(body).toEqual({ items: [], pagination: { total_count: 0, max_page: 0 } });
  });
});

describe('Polar sandbox: auth, versioning and errors (NOTES §0.6, §6)', () => {
  it('401 is {"error":"Unauthorized","detail":"Unauthorized"} with WWW-Authenticate, matching Unauthorized', async () => {
    for (const headers of [{ authorization: 'Bearer wrong' }, {} as Record<string, string>]) {
      const res = await call('/v1/wallets/', { headers });
      expect([res.status, res.body]).toEqual([
        401,
        { error: 'Unauthorized', detail: 'Unauthorized' },
      ]);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="/);
      expect(publicSpec.validate(component('Unauthorized'), res.body)).toEqual([]);
    }
    // The organisation token does not open the portal, and a session token does not open org routes.
    expect((await call('/v1/customer-portal/wallets/')).status).toBe(401);
    const token = await session(HOOLI);
    expect(
      (await call('/v1/wallets/', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });

  it('Polar-Version is echoed (the current one when absent); an unknown version is 404 {"detail":"Not Found"}', async () => {
    expect((await call('/v1/customers/external/hooli_1234')).headers.get('polar-version')).toBe(
      '2026-04',
    );
    expect(
      (
        await call('/v1/customers/external/hooli_1234', {
          headers: { authorization: `Bearer ${polar.accessToken}` },
        })
      ).headers.get('polar-version'),
    ).toBe('2026-04');
    const unknown = await call('/v1/customers/external/hooli_1234', {
      headers: { ...org(), 'polar-version': '2019-01' },
    });
    expect([unknown.status, unknown.body]).toEqual([404, { detail: 'Not Found' }]);
  });

  it('an unknown route is 404 {"detail":"Not Found"} even without a token', async () => {
    expect(await call('/v1/nope', { headers: {} }).then((r) => [r.status, r.body])).toEqual([
      404,
      { detail: 'Not Found' },
    ]);
  });

  it('rate limited: 429 with an EMPTY body and Retry-After (NOTES §0.7)', async () => {
    const limited = await startPolarSandbox({ rateLimit: { requests: 1, windowSeconds: 30 } });
    try {
      const headers = { authorization: `Bearer ${limited.accessToken}` };
      expect((await fetch(`${limited.url}/v1/wallets/`, { headers })).status).toBe(200);
      const res = await fetch(`${limited.url}/v1/wallets/`, { headers });
      expect(res.status).toBe(429);
      expect(await res.text()).toBe('');
      expect(res.headers.get('content-type')).toBeNull();
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
      expect(limited.rateLimited()).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe('the validator can fail', () => {
  it('rejects a deliberately broken wallet, list and customer', async () => {
    const { body } = await call('/v1/wallets/7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11');
    const walletSchema = privateSpec.responseSchema('/v1/wallets/{id}', 'get', 200);
    expect(
      privateSpec.validate(walletSchema, { ...body, balance: '5000' }).map((e) => e.instancePath),
    ).toEqual(['/balance']);
    const { modified_at: _dropped, ...withoutModifiedAt } = body;
    expect(privateSpec.validate(walletSchema, withoutModifiedAt)).not.toEqual([]);
    expect(
      publicSpec.validate(publicSpec.responseSchema('/v1/customer-portal/wallets/', 'get', 200), {
        items: [{ ...body, balance: 50.5 }],
        pagination: { total_count: 1, max_page: 1 },
      }),
    ).not.toEqual([]);
    const customer = (await call('/v1/customers/external/hooli_1234')).body;
    expect(
      publicSpec.validate(
        publicSpec.responseSchema('/v1/customers/external/{external_id}', 'get', 200),
        { ...customer, type: 'robot' },
      ),
    ).not.toEqual([]);
  });
});
