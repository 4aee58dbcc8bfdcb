import { print } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLEXPRICE_SANDBOX_WEBHOOK_SECRET } from '../../src/providers/flexprice/sandbox/webhooks.js';
import { LAGO_SANDBOX_HMAC_KEY } from '../../src/providers/lago/sandbox/webhooks.js';
import { POLAR_SANDBOX_WEBHOOK_SECRET } from '../../src/providers/polar/sandbox/webhooks.js';
import { BalanceChangedSubscription } from '../events/operations.js';
import { subscribeSse } from '../helpers/live-clients.js';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';
import { CustomerWalletsQuery } from '../operations.js';

/**
 * Secrets never leak: run a broad mix of operations (successes, refusals, upstream failures
 * whose bodies echo credentials, forged webhooks) with every secret configured, then scan every
 * response body and every log line for every secret.
 */
const JWT_SECRET = 'jwt-secret-for-the-scan-0123456789abcdef';
const SECOND_KEY = 'second-server-key-9f8e7d';

let stack: Stack;
let url: string;
const seen: string[] = [];

const record = async (res: Response) => {
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return text;
};

beforeAll(async () => {
  stack = await startStack({
    GATEWAY_API_KEYS: `${TEST_API_KEY},${SECOND_KEY}`,
    AUTH_JWT_SECRET: JWT_SECRET,
    LAGO_WEBHOOK_HMAC_KEY: LAGO_SANDBOX_HMAC_KEY,
    FLEXPRICE_WEBHOOK_SECRET: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
    POLAR_WEBHOOK_SECRET: POLAR_SANDBOX_WEBHOOK_SECRET,
    LOG_LEVEL: 'trace',
    UPSTREAM_RETRIES: '1',
  });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

describe('no configured secret reaches a response or a log line', () => {
  it('holds across successes, refusals, upstream failures and forged webhooks', async () => {
    const origin = new URL(url).origin;
    const token = await new SignJWT({ sub: 'hooli_1234' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const forgedToken = await new SignJWT({ sub: 'hooli_1234' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-00'));
    const post = (
      query: string,
      headers: Record<string, string>,
      variables: Record<string, unknown> = {},
    ) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      }).then(record);
    const all = print(CustomerWalletsQuery);

    await post(all, { 'x-api-key': TEST_API_KEY }, { externalId: 'hooli_1234' });
    await post(all, { 'x-api-key': SECOND_KEY }, { externalId: 'acme_42' });
    await post(all, { authorization: `Bearer ${token}` }, { externalId: 'hooli_1234' });
    await post(all, { authorization: `Bearer ${forgedToken}` }, { externalId: 'hooli_1234' });
    await post(all, { 'x-api-key': `${TEST_API_KEY}x` }, { externalId: 'hooli_1234' });
    await post('{ providers { name health { status errorCode message } } }', {
      'x-api-key': TEST_API_KEY,
    });

    // Upstream errors whose bodies echo the credentials the gateway sent.
    const { lago, flexprice, polar } = stack.sandboxes;
    lago.injectFault({ status: 500, body: { status: 500, error: `boom ${lago.apiKey}` } });
    flexprice.injectFault({ status: 401, body: { error: `bad key ${flexprice.apiKey}` } });
    polar.injectFault({
      status: 422,
      body: { error: 'RequestValidationError', detail: [{ msg: `token ${polar.accessToken}` }] },
    });
    await post(all, { 'x-api-key': TEST_API_KEY }, { externalId: 'hooli_1234' });
    await post('{ providers { name health { status errorCode message } } }', {
      'x-api-key': TEST_API_KEY,
    });
    lago.clearFaults();
    flexprice.clearFaults();
    polar.clearFaults();

    // Forged and stale webhooks, signed with the right secret on another body or with a wrong one.
    for (const provider of ['lago', 'flexprice', 'polar']) {
      await fetch(`${origin}/webhooks/${provider}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-lago-signature': 'forged',
          'x-lago-signature-algorithm': 'hmac',
          'x-lago-unique-key': 'k',
          'svix-id': 'msg_1',
          'svix-timestamp': '1',
          'svix-signature': 'v1,forged',
          'webhook-id': 'w',
          'webhook-timestamp': '1',
          'webhook-signature': 'v1,forged',
        },
        body: JSON.stringify({
          webhook_type: 'wallet.updated',
          secret_echo: LAGO_SANDBOX_HMAC_KEY.slice(0, 4),
        }),
      }).then(record);
    }
    // A real signed delivery from the sandboxes, and a subscription stream.
    stack.sandboxes.sendWebhooksTo(url);
    const sub = await subscribeSse(
      url,
      print(BalanceChangedSubscription),
      { customerExternalId: 'hooli_1234' },
      { authorization: `Bearer ${token}` },
    );
    stack.sandboxes.lago.store.grantCredits('1a901a90-1a90-4a90-8a90-000000000001', '1.0');
    seen.push(JSON.stringify(await sub.next()));
    await sub.close();
    await stack.gateway.live.idle();
    await Promise.all([lago.webhooksIdle(), flexprice.webhooksIdle(), polar.webhooksIdle()]);
    seen.push(
      await (await fetch(`${origin}/metrics`)).text(),
      await (await fetch(`${origin}/readyz`)).text(),
    );

    const secrets = {
      'server API key': TEST_API_KEY,
      'second server API key': SECOND_KEY,
      'JWT secret': JWT_SECRET,
      'customer JWT': token,
      'forged JWT': forgedToken,
      'Lago API key': lago.apiKey,
      'Flexprice API key': flexprice.apiKey,
      'Polar access token': polar.accessToken,
      'Lago HMAC key': LAGO_SANDBOX_HMAC_KEY,
      'Flexprice webhook secret': FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
      'Polar webhook secret': POLAR_SANDBOX_WEBHOOK_SECRET,
    };
    expect(stack.logs.length).toBeGreaterThan(50);
    expect(seen.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      for (const line of stack.logs)
        if (line.includes(secret)) leaks.push(`${name} in log: ${line.slice(0, 200)}`);
      for (const body of seen)
        if (body.includes(secret)) leaks.push(`${name} in response: ${body.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
  });
});
