import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import {
  FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
  flexpriceOutgoing,
} from '../../src/providers/flexprice/sandbox/webhooks.js';
import {
  type LiveSubscription,
  subscribeSse,
  subscribeWs,
  until,
} from '../helpers/live-clients.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { BalanceChangedSubscription } from './operations.js';

/**
 * Live balances fed by the sandboxes' signed webhooks, end to end: a change in a sandbox store
 * -> signed POST /webhooks/{provider} -> verification -> re-read -> SSE and WebSocket subscribers.
 */
const QUERY = print(BalanceChangedSubscription);
const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';

type Change = {
  walletBalanceChanged: {
    eventId: string;
    provider: string;
    source: string;
    previousBalance: { amount: string } | null;
    balance: { amount: string; currency: string };
    delta: { amount: string } | null;
    wallet: { providerWalletId: string } | null;
  };
};

let stack: Stack;
let url: string;
let origin: string;

beforeAll(async () => {
  // Sandbox mode as `npm start`: webhook secrets configured, polling effectively off for this test.
  stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '600000' }, { sandboxMode: true });
  url = await stack.gateway.listen();
  origin = new URL(url).origin;
  stack.sandboxes.sendWebhooksTo(url);
});
afterAll(() => stack.close());
afterEach(async () => {
  stack.sandboxes.lago.clearFaults();
  stack.sandboxes.flexprice.clearFaults();
  await until(() => stack.gateway.live.openStreams === 0);
});

async function both(
  variables: Record<string, unknown>,
): Promise<[LiveSubscription<{ data?: Change }>, LiveSubscription<{ data?: Change }>]> {
  const sse = await subscribeSse<Change>(url, QUERY, variables);
  const ws = await subscribeWs<Change>(url, QUERY, variables);
  await until(() => stack.gateway.live.openStreams === 2);
  return [sse as never, ws as never];
}

const postFlexprice = (body: string, headers: Record<string, string>) =>
  fetch(`${origin}/webhooks/flexprice`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('webhook-fed subscriptions, per provider, over SSE and WebSocket', () => {
  it('Lago: a top-up reaches both subscribers once, with source WEBHOOK and exact amounts', async () => {
    const [sse, ws] = await both({ customerExternalId: 'hooli_1234' });
    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '2.0');
    const [a, b] = await Promise.all([sse.next(), ws.next()]);
    expect(a.data).toMatchObject({
      walletBalanceChanged: {
        provider: 'LAGO',
        source: 'WEBHOOK',
        // The spendable (ongoing) balance: 26.0 credits at 1.5 -> 29.0 credits, 39.00 -> 42.00 USD.
        balance: { amount: '42.00', currency: 'USD' },
        wallet: { providerWalletId: LAGO_PREPAID },
      },
    });
    expect(b.data!.walletBalanceChanged.eventId).toBe(a.data!.walletBalanceChanged.eventId);
    await stack.gateway.live.idle();
    await new Promise((r) => setTimeout(r, 100));
    expect([sse.count, ws.count]).toEqual([1, 1]);
    await Promise.all([sse.close(), ws.close()]);
  });

  it('Flexprice: a top-up reaches both subscribers', async () => {
    const [sse, ws] = await both({
      walletId: Buffer.from(`Wallet:FLEXPRICE:${SEEDED.hooliUsd}`).toString('base64'),
    });
    stack.sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '5', {
      reason: 'PURCHASED_CREDIT_DIRECT',
    });
    const [a, b] = await Promise.all([sse.next(), ws.next()]);
    for (const event of [a, b]) {
      expect(event.data).toMatchObject({
        walletBalanceChanged: {
          provider: 'FLEXPRICE',
          source: 'WEBHOOK',
          wallet: { providerWalletId: SEEDED.hooliUsd },
        },
      });
    }
    await Promise.all([sse.close(), ws.close()]);
  });

  it('Polar: an order hint triggers a re-read; both subscribers see the top-up', async () => {
    const [sse, ws] = await both({ customerExternalId: 'hooli_1234' });
    // Polar has no wallet events: its sandbox sends order.paid, a hint to re-read the customer.
    stack.sandboxes.polar.store.topUp(POLAR_HOOLI, 250);
    const [a, b] = await Promise.all([sse.next(), ws.next()]);
    for (const event of [a, b]) {
      expect(event.data).toMatchObject({
        walletBalanceChanged: {
          provider: 'POLAR',
          source: 'WEBHOOK',
          balance: { amount: '52.50' },
          wallet: { providerWalletId: POLAR_HOOLI },
        },
      });
    }
    await Promise.all([sse.close(), ws.close()]);
  });
});

describe('delivery checks', () => {
  const realDelivery = () => {
    const body = JSON.stringify({
      event_type: 'wallet.transaction.created',
      transaction: {
        id: 'wtxn_1',
        wallet_id: SEEDED.hooliUsd,
        customer_id: 'cust_x',
        type: 'credit',
        amount: '1',
        credit_amount: '1',
        credit_balance_before: '1',
        credit_balance_after: '2',
        transaction_status: 'completed',
        reference_type: 'EXTERNAL',
        transaction_reason: 'PURCHASED_CREDIT_DIRECT',
        currency: 'usd',
      },
    });
    return {
      body,
      webhook: flexpriceOutgoing('wallet.transaction.created', body, {
        url: '',
        secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
      }),
    };
  };
  const flexReads = () =>
    stack.sandboxes.flexprice.requests.filter((r) => !r.path.startsWith('/__sandbox')).length;

  it('forged, stale and unsigned deliveries are refused and publish nothing (no re-read either)', async () => {
    const sub = await subscribeSse(url, QUERY, { customerExternalId: 'hooli_1234' });
    const reads = flexReads();
    const { body, webhook } = realDelivery();
    const headers = await webhook.headers();
    const forged = await postFlexprice(body, {
      ...headers,
      'svix-signature': 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    });
    expect(forged.status).toBe(401);
    const tampered = await postFlexprice(body.replace('"1"', '"1000"'), headers);
    expect(tampered.status).toBe(401);
    const stale = flexpriceOutgoing('wallet.transaction.created', body, {
      url: '',
      secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
    });
    const staleHeaders = await stale.headers();
    // Re-signed with a timestamp 10 minutes old: a replay outside the 5-minute tolerance.
    const old = new Date(Date.now() - 10 * 60_000);
    const { Webhook } = await import('standardwebhooks');
    const resigned = {
      ...staleHeaders,
      'svix-timestamp': String(Math.floor(old.getTime() / 1000)),
      'svix-signature': new Webhook(FLEXPRICE_SANDBOX_WEBHOOK_SECRET).sign(
        staleHeaders['svix-id']!,
        old,
        body,
      ),
    };
    expect((await postFlexprice(body, resigned)).status).toBe(400);
    expect((await postFlexprice(body, {})).status).toBe(401);
    await stack.gateway.live.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.count).toBe(0);
    expect(flexReads()).toBe(reads);
    await sub.close();
  });

  it('a duplicate delivery (a provider retry, or a replay within tolerance) yields one event', async () => {
    stack.sandboxes.flexprice.setWebhookTarget(undefined);
    const sub = await subscribeSse<Change>(url, QUERY, { customerExternalId: 'hooli_1234' });
    try {
      stack.sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '1', {
        reason: 'PURCHASED_CREDIT_DIRECT',
      });
      const { body, webhook } = realDelivery();
      const first = await postFlexprice(body, await webhook.headers());
      const second = await postFlexprice(body, await webhook.headers());
      expect([first.status, second.status]).toEqual([202, 200]);
      expect(await second.json()).toEqual({ status: 'duplicate' });
      const event = await sub.next();
      expect(event.data!.walletBalanceChanged).toMatchObject({
        provider: 'FLEXPRICE',
        source: 'WEBHOOK',
      });
      // A new delivery for a balance that did not move publishes nothing either.
      const again = realDelivery();
      expect((await postFlexprice(again.body, await again.webhook.headers())).status).toBe(202);
      await stack.gateway.live.idle();
      await new Promise((r) => setTimeout(r, 200));
      expect(sub.count).toBe(1);
    } finally {
      await sub.close();
      stack.sandboxes.sendWebhooksTo(url);
    }
  });

  it('a valid delivery is acknowledged at once even when the re-read is slow', async () => {
    stack.sandboxes.flexprice.setWebhookTarget(undefined);
    const sub = await subscribeSse<Change>(url, QUERY, { customerExternalId: 'hooli_1234' });
    try {
      stack.sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '1', {
        reason: 'PURCHASED_CREDIT_DIRECT',
      });
      stack.sandboxes.flexprice.injectFault({
        path: /^\/v1\/wallets\/search$/,
        delayMs: 3000,
        times: 1,
      });
      const { body, webhook } = realDelivery();
      const started = Date.now();
      const res = await postFlexprice(body, await webhook.headers());
      expect(res.status).toBe(202);
      // Acknowledged long before the 3 s re-read finishes.
      expect(Date.now() - started).toBeLessThan(2000);
      const event = await sub.next(8000);
      expect(event.data!.walletBalanceChanged.provider).toBe('FLEXPRICE');
    } finally {
      await sub.close();
      stack.sandboxes.sendWebhooksTo(url);
    }
  });

  it('webhooks for an unknown provider path or with the wrong method are refused', async () => {
    expect((await fetch(`${origin}/webhooks/stripe`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    expect((await fetch(`${origin}/webhooks/lago`)).status).toBe(405);
  });
});

describe('re-reads after a webhook', () => {
  const delivery = () => {
    const body = JSON.stringify({
      event_type: 'wallet.transaction.created',
      transaction: {
        id: 'wtxn_f',
        wallet_id: SEEDED.hooliUsd,
        customer_id: 'c',
        type: 'credit',
        amount: '1',
        credit_amount: '1',
        credit_balance_before: '0',
        credit_balance_after: '1',
        transaction_status: 'completed',
        reference_type: 'EXTERNAL',
        transaction_reason: 'PURCHASED_CREDIT_DIRECT',
        currency: 'usd',
      },
    });
    const webhook = flexpriceOutgoing('wallet.transaction.created', body, {
      url: '',
      secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
    });
    return { body, webhook };
  };

  it('never ride on a read that started before the change (no lost update)', async () => {
    const sub = await subscribeSse<Change>(url, QUERY, { customerExternalId: 'hooli_1234' });
    try {
      // A first change sets the gateway's baseline for this wallet.
      stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '1.0');
      const baseline = await sub.next(5000);
      const before = baseline.data!.walletBalanceChanged.balance.amount;
      await stack.gateway.live.idle();
      // A query's read of the wallet is in flight, holding the balance from before the next change...
      stack.sandboxes.lago.injectFault({
        path: new RegExp(`^/api/v1/wallets/${LAGO_PREPAID}$`),
        lagMs: 800,
        times: 1,
      });
      const walletId = Buffer.from(`Wallet:LAGO:${LAGO_PREPAID}`).toString('base64');
      const slowRead = stack.execute('query($id: ID!) { wallet(id: $id) { balance { amount } } }', {
        id: walletId,
      });
      await new Promise((r) => setTimeout(r, 100));
      // ...when the balance changes and Lago's signed webhook arrives: the re-read must not share it.
      stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '4.0');
      const event = await sub.next(5000);
      expect(event.data!.walletBalanceChanged).toMatchObject({
        provider: 'LAGO',
        source: 'WEBHOOK',
        wallet: { providerWalletId: LAGO_PREPAID },
      });
      // 4.0 credits at 1.5 USD each.
      expect(Number(event.data!.walletBalanceChanged.balance.amount) - Number(before)).toBeCloseTo(
        6,
        5,
      );
      await slowRead;
    } finally {
      await sub.close();
    }
  });

  it('a failed re-read is retried, so a provider hiccup does not drop the change', async () => {
    stack.sandboxes.flexprice.setWebhookTarget(undefined);
    const sub = await subscribeSse<Change>(url, QUERY, { customerExternalId: 'hooli_1234' });
    try {
      stack.sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '2', {
        reason: 'PURCHASED_CREDIT_DIRECT',
      });
      stack.sandboxes.flexprice.injectFault({
        path: /^\/v1\/wallets\/search$/,
        status: 503,
        times: 1,
      });
      const { body, webhook } = delivery();
      expect((await postFlexprice(body, await webhook.headers())).status).toBe(202);
      const event = await sub.next(8000);
      expect(event.data!.walletBalanceChanged).toMatchObject({
        provider: 'FLEXPRICE',
        source: 'WEBHOOK',
      });
    } finally {
      await sub.close();
      stack.sandboxes.sendWebhooksTo(url);
    }
  });
});
