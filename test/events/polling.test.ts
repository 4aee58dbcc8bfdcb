import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';
import { BalanceChangedSubscription } from './operations.js';

const AUTH = { 'x-api-key': TEST_API_KEY };

/**
 * With no webhook secret configured, every provider is polled for the wallets someone watches
 * (Polar always is: it has no wallet webhooks). Changes arrive with source POLL.
 */
const QUERY = print(BalanceChangedSubscription);
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
const globalId = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');

let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '150' });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());
afterEach(async () => {
  await until(() => stack.gateway.live.poller.watchedTargets === 0);
  stack.sandboxes.polar.requests.length = 0;
});

describe('walletBalanceChanged fed by polling', () => {
  it('SSE: a Polar top-up arrives with source POLL, exact amounts and a re-read wallet', async () => {
    const sub = await subscribeSse(
      url,
      QUERY,
      { walletId: globalId(`POLAR:${POLAR_HOOLI}`) },
      AUTH,
    );
    expect(sub.headers?.get('content-type')).toMatch(/^text\/event-stream/);
    expect(sub.headers?.get('x-accel-buffering')).toBe('no');
    // Let the poller take its baseline before the change.
    await until(() => stack.sandboxes.polar.requests.length > 0);
    stack.sandboxes.polar.store.topUp(POLAR_HOOLI, 125);
    const { data, errors } = await sub.next();
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      walletBalanceChanged: {
        provider: 'POLAR',
        source: 'POLL',
        previousBalance: { amount: '50.00', currency: 'USD' },
        balance: { amount: '51.25', currency: 'USD' },
        delta: { amount: '1.25', currency: 'USD' },
        wallet: {
          providerWalletId: POLAR_HOOLI,
          balance: { amount: '51.25', currency: 'USD' },
          ongoingBalance: null,
        },
      },
    });
    await sub.close();
    stack.sandboxes.polar.store.consume(POLAR_HOOLI, 125);
  });

  it('WebSocket: the same change reaches a graphql-ws subscriber by customer', async () => {
    const sub = await subscribeWs(url, QUERY, { customerExternalId: 'hooli_1234' }, AUTH);
    await until(() => stack.sandboxes.polar.requests.length > 0);
    stack.sandboxes.polar.store.consume(POLAR_HOOLI, 1000);
    const { data } = await sub.next();
    expect(data).toMatchObject({
      walletBalanceChanged: {
        provider: 'POLAR',
        source: 'POLL',
        balance: { amount: '40.00' },
        delta: { amount: '-10.00' },
      },
    });
    await sub.close();
    stack.sandboxes.polar.store.topUp(POLAR_HOOLI, 1000);
  });

  it('the same balance twice is one event, and nothing is emitted without a change', async () => {
    const sub = await subscribeSse(
      url,
      QUERY,
      { walletId: globalId(`POLAR:${POLAR_HOOLI}`) },
      AUTH,
    );
    await until(() => stack.sandboxes.polar.requests.length > 0);
    stack.sandboxes.polar.store.topUp(POLAR_HOOLI, 1);
    await sub.next();
    const polls = stack.sandboxes.polar.requests.length;
    await until(() => stack.sandboxes.polar.requests.length >= polls + 3);
    expect(sub.count).toBe(1);
    await sub.close();
    stack.sandboxes.polar.store.consume(POLAR_HOOLI, 1);
  });

  it('the poller stops calling upstream when the last subscriber leaves', async () => {
    const a = await subscribeSse(url, QUERY, { walletId: globalId(`POLAR:${POLAR_HOOLI}`) }, AUTH);
    const b = await subscribeWs(url, QUERY, { walletId: globalId(`POLAR:${POLAR_HOOLI}`) }, AUTH);
    await until(() => stack.gateway.live.poller.watchedTargets === 1);
    await until(() => stack.sandboxes.polar.requests.length >= 3);
    await a.close();
    const stillPolling = stack.sandboxes.polar.requests.length;
    await until(() => stack.sandboxes.polar.requests.length > stillPolling + 1);
    await b.close();
    await until(() => stack.gateway.live.poller.watchedTargets === 0);
    const atStop = stack.sandboxes.polar.requests.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(stack.sandboxes.polar.requests.length).toBe(atStop);
  });

  it('refuses a subscription without arguments (no firehose of every customer)', async () => {
    const sub = await subscribeSse(url, QUERY, {}, AUTH);
    const { errors } = await sub.next();
    expect(errors?.[0]).toMatchObject({
      message: 'walletBalanceChanged needs exactly one of walletId or customerExternalId',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await sub.close();
  });
});
