import { createHmac, randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { serializeTransaction } from '../../src/providers/lago/sandbox/serialize.js';
import { LAGO_SANDBOX_HMAC_KEY } from '../../src/providers/lago/sandbox/webhooks.js';
import {
  type LiveSubscription,
  subscribeSse,
  subscribeWs,
  until,
} from '../helpers/live-clients.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { TransactionCreatedSubscription } from './operations.js';

/**
 * walletTransactionCreated end to end: a transaction in a sandbox store -> its signed webhook ->
 * verification -> one event to every SSE and graphql-ws subscriber; redeliveries and forgeries
 * publish nothing; where webhooks are not configured, the history is polled (source POLL).
 */
const QUERY = print(TransactionCreatedSubscription);
const LAGO_USD = '1a901a90-1a90-4a90-8a90-000000000001';
const JWT_SECRET = 'walletgate-test-jwt-secret-tx-events-0123456';
const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');

type Event = {
  walletTransactionCreated: {
    eventId: string;
    provider: string;
    change: string;
    source: string;
    transaction: {
      providerTransactionId: string;
      kind: string;
      status: string;
      direction: string;
      amount: { amount: string; currency: string };
      credits: string | null;
      createdAt: string | null;
    } | null;
    wallet: { providerWalletId: string; customer: { externalId: string | null } } | null;
  };
};
type Sub = LiveSubscription<{
  data?: Event;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}>;

const transactionDeliveries = (s: Stack) =>
  s.sandboxes.all
    .flatMap((x) => x.sandbox.webhookDeliveries)
    .filter((d) => /transaction/.test(d.eventType));

describe('walletTransactionCreated from verified webhooks (SSE and graphql-ws)', () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => {
    // Sandbox mode as `npm start`: every webhook secret configured, so nothing is polled.
    stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '600000' }, { sandboxMode: true });
    url = await stack.gateway.listen();
    stack.sandboxes.sendWebhooksTo(url);
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    await until(() => stack.gateway.live.openStreams === 0);
  });

  async function both(variables: Record<string, unknown>): Promise<[Sub, Sub]> {
    const sse = (await subscribeSse<Event>(url, QUERY, variables)) as Sub;
    const ws = (await subscribeWs<Event>(url, QUERY, variables)) as Sub;
    await until(() => stack.gateway.live.openStreams === 2);
    return [sse, ws];
  }

  it('one event per delivery, on both transports, mapped exactly: Lago and Flexprice', async () => {
    const [sse, ws] = await both({ customerExternalId: 'hooli_1234' });
    const deliveries = transactionDeliveries(stack).length;
    const granted = stack.sandboxes.lago.store.createTransaction(LAGO_USD, '2.0', 'granted');
    const [a, b] = await Promise.all([sse.next(), ws.next()]);
    expect(a).toEqual(b);
    expect(a.data!.walletTransactionCreated).toMatchObject({
      provider: 'LAGO',
      change: 'CREATED',
      source: 'WEBHOOK',
      transaction: {
        providerTransactionId: granted.lago_id,
        kind: 'GRANTED',
        status: 'SETTLED',
        direction: 'CREDIT',
        // 2.0 credits at rate 1.5.
        amount: { amount: '3.00', currency: 'USD' },
        credits: '2.0',
        createdAt: new Date(granted.created_at).toISOString(),
      },
      wallet: { providerWalletId: LAGO_USD, customer: { externalId: 'hooli_1234' } },
    });

    // A purchase: recorded pending, then its invoice is paid (wallet_transaction.updated).
    const purchase = stack.sandboxes.lago.store.createTransaction(LAGO_USD, '4.0', 'purchased');
    const pending = await sse.next();
    expect(pending.data!.walletTransactionCreated).toMatchObject({
      change: 'CREATED',
      transaction: { providerTransactionId: purchase.lago_id, status: 'PENDING' },
    });
    stack.sandboxes.lago.store.settleTransaction(purchase.lago_id);
    const settled = await sse.next();
    expect(settled.data!.walletTransactionCreated).toMatchObject({
      change: 'UPDATED',
      transaction: { providerTransactionId: purchase.lago_id, status: 'SETTLED' },
    });

    // Flexprice's minimal payload has no times: the transaction is read again from the list.
    const topUp = stack.sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '3', {
      reason: 'FREE_CREDIT_GRANT',
    });
    const flex = await sse.next();
    expect(flex.data!.walletTransactionCreated).toMatchObject({
      provider: 'FLEXPRICE',
      change: 'CREATED',
      source: 'WEBHOOK',
      transaction: {
        providerTransactionId: topUp.id,
        kind: 'GRANTED',
        amount: { amount: '6.00', currency: 'USD' },
        credits: '3',
        createdAt: new Date(topUp.created_at).toISOString(),
      },
    });
    await stack.sandboxes.lago.webhooksIdle();
    await stack.sandboxes.flexprice.webhooksIdle();
    await stack.gateway.live.idle();
    // Four transaction deliveries, four events: none twice, none lost.
    expect(transactionDeliveries(stack).length - deliveries).toBe(4);
    await until(() => ws.count === 4);
    expect([sse.count, ws.count]).toEqual([4, 4]);
    await Promise.all([sse.close(), ws.close()]);
  });

  it('a redelivery (same X-Lago-Unique-Key) and a forgery publish nothing', async () => {
    const [sse, ws] = await both({ walletId: gid(`LAGO:${LAGO_USD}`) });
    const store = stack.sandboxes.lago.store;
    const t = store.transactions.find((x) => x.lago_wallet_id === LAGO_USD)!;
    const body = JSON.stringify({
      webhook_type: 'wallet_transaction.created',
      object_type: 'wallet_transaction',
      organization_id: '9e0f9e0f-9e0f-4e0f-8e0f-000000000001',
      wallet_transaction: serializeTransaction(t, store.wallet(LAGO_USD)!),
    });
    const post = (signature: string, key: string) =>
      fetch(`${new URL(url).origin}/webhooks/lago`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-lago-signature': signature,
          'x-lago-signature-algorithm': 'hmac',
          'x-lago-unique-key': key,
        },
        body,
      });
    const hmac = createHmac('sha256', LAGO_SANDBOX_HMAC_KEY).update(body).digest('base64');
    const key = randomUUID();
    expect((await post(hmac, key)).status).toBe(202);
    const idOf = (e: { data?: Event }) =>
      e.data!.walletTransactionCreated.transaction?.providerTransactionId;
    const [a1, b1] = await Promise.all([sse.next(), ws.next()]);
    expect([idOf(a1), idOf(b1)]).toEqual([t.lago_id, t.lago_id]);
    expect((await post(hmac, key)).status).toBe(200);
    expect((await post(Buffer.from('forged').toString('base64'), randomUUID())).status).toBe(401);
    await stack.gateway.live.idle();
    // The next event each subscriber sees is the next real transaction, not a duplicate.
    const next = store.createTransaction(LAGO_USD, '1.0', 'granted');
    const [a2, b2] = await Promise.all([sse.next(), ws.next()]);
    expect([idOf(a2), idOf(b2)]).toEqual([next.lago_id, next.lago_id]);
    expect([sse.count, ws.count]).toEqual([2, 2]);
    await Promise.all([sse.close(), ws.close()]);
  });
});

describe('walletTransactionCreated by polling, where webhooks are not configured', () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => {
    // Real-provider mode without webhook secrets: Lago and Flexprice are polled (by hand here).
    stack = await startStack({
      BALANCE_POLL_INTERVAL_MS: '600000',
      AUTH_JWT_SECRET: JWT_SECRET,
    });
    url = await stack.gateway.listen();
  });
  afterAll(() => stack.close());

  it('a new transaction and a status change arrive with source POLL, once', async () => {
    const headers = stack.authHeaders;
    const sse = (await subscribeSse<Event>(
      url,
      QUERY,
      { customerExternalId: 'hooli_1234' },
      headers,
    )) as Sub;
    const ws = (await subscribeWs<Event>(
      url,
      QUERY,
      { customerExternalId: 'hooli_1234' },
      headers,
    )) as Sub;
    await until(() => stack.gateway.live.openStreams === 2);
    const poller = stack.gateway.live.transactionPoller;
    expect(poller.watchedTargets).toBe(2);
    // The baseline: what is there now is not news.
    await poller.pollOnce();
    await new Promise((r) => setTimeout(r, 50));
    const granted = stack.sandboxes.lago.store.createTransaction(LAGO_USD, '2.0', 'granted');
    stack.sandboxes.flexprice.store.completeTransaction('wtxn_01JDEJPP2G0000000000000006');
    await poller.pollOnce();
    const events = [await sse.next(), await sse.next()].map(
      (e) => e.data!.walletTransactionCreated,
    );
    expect(
      events
        .map((e) => [
          e.provider,
          e.change,
          e.source,
          e.transaction?.providerTransactionId,
          e.transaction?.status,
        ])
        .sort(),
    ).toEqual([
      ['FLEXPRICE', 'UPDATED', 'POLL', 'wtxn_01JDEJPP2G0000000000000006', 'SETTLED'],
      ['LAGO', 'CREATED', 'POLL', granted.lago_id, 'SETTLED'],
    ]);
    await until(() => ws.count === 2);
    // A round with nothing new publishes nothing.
    await poller.pollOnce();
    await new Promise((r) => setTimeout(r, 100));
    expect([sse.count, ws.count]).toEqual([2, 2]);
    await Promise.all([sse.close(), ws.close()]);
    await until(() => poller.watchedTargets === 0);
  });

  it('access: another customer’s wallet is refused like a missing one; Polar has no history', async () => {
    const token = await new SignJWT({ sub: 'acme_42' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const foreign = await subscribeSse(
      url,
      QUERY,
      { walletId: gid(`LAGO:${LAGO_USD}`) },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect((await foreign.next()).errors?.[0]).toMatchObject({
      message: 'Wallet not found',
      extensions: { code: 'WALLET_NOT_FOUND' },
    });
    await foreign.close();
    const polar = await subscribeWs(
      url,
      QUERY,
      { walletId: gid('POLAR:7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11') },
      stack.authHeaders,
    );
    expect((await polar.next()).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_SUPPORTED',
      provider: 'POLAR',
    });
    await polar.close();
  });
});
