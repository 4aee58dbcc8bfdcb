import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

/** Customer tokens signed by an identity provider and checked against its JWKS (AUTH_JWKS_URL). */
let stack: Stack;
let jwks: Server;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const { port } = jwks.address() as AddressInfo;
  stack = await startStack({
    AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    AUTH_JWT_CLAIM: 'customer_id',
    AUTH_JWT_ISSUER: 'https://id.example',
  });
});
afterAll(async () => {
  await stack.close();
  await new Promise((r) => jwks.close(r));
});

const sign = (claims: Record<string, unknown>, issuer = 'https://id.example', kid = 'idp-key-1') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(issuer)
    .setExpirationTime('10m')
    .sign(privateKey);

describe('JWKS-verified customer tokens', () => {
  it('accepts a token signed by the JWKS key and reads the configured claim', async () => {
    const res = await stack.execute(
      '{ customer(externalId: "acme_42") { wallets { customer { externalId } } } }',
      {},
      { authorization: `Bearer ${await sign({ customer_id: 'acme_42', sub: 'user-7' })}` },
    );
    expect(res.status).toBe(200);
    const wallets = (res.data as { customer: { wallets: { customer: { externalId: string } }[] } })
      .customer.wallets;
    expect(wallets.length).toBeGreaterThan(0);
    expect(new Set(wallets.map((w) => w.customer.externalId))).toEqual(new Set(['acme_42']));
  });

  it('refuses a token from another issuer or an unknown key', async () => {
    expect(
      (
        await stack.execute(
          '{ providers { name } }',
          {},
          {
            authorization: `Bearer ${await sign({ customer_id: 'acme_42' }, 'https://evil.example')}`,
          },
        )
      ).status,
    ).toBe(401);
    const other = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ customer_id: 'acme_42' })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setIssuer('https://id.example')
      .setExpirationTime('10m')
      .sign(other.privateKey);
    expect(
      (await stack.execute('{ providers { name } }', {}, { authorization: `Bearer ${foreign}` }))
        .status,
    ).toBe(401);
  });

  it('holds RS256 tokens to the same policy: exp required, no crit, no iat from the future', async () => {
    const refusal = async (jwt: SignJWT, crit?: string) => {
      const signed = await jwt.sign(privateKey, crit ? { crit: { [crit]: true } } : {});
      const res = await stack.execute(
        '{ providers { name } }',
        {},
        { authorization: `Bearer ${signed}` },
      );
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return res.errors?.[0]?.message;
    };
    const claims = () =>
      new SignJWT({ customer_id: 'acme_42' })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
        .setIssuer('https://id.example');
    expect(await refusal(claims())).toBe('Token refused: no "exp" claim');
    expect(
      await refusal(
        new SignJWT({ customer_id: 'acme_42' })
          .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1', crit: ['x-idp'], 'x-idp': 1 })
          .setIssuer('https://id.example')
          .setExpirationTime('10m'),
        'x-idp',
      ),
    ).toMatch(/"crit"/);
    const nextYear = Math.floor(Date.now() / 1000) + 365 * 86_400;
    expect(
      await refusal(
        claims()
          .setIssuedAt(nextYear)
          .setExpirationTime(nextYear + 600),
      ),
    ).toBe('Token refused: "iat" is in the future');
  });
});
