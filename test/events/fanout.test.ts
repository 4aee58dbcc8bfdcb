import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { type Stack, startStack } from '../helpers/stack.js';
import { BalanceChangedSubscription } from './operations.js';

/**
 * SSE subscribers with the same topic, document and variables share one group: one pubsub
 * listener and one execution per event, the same bytes written to each. WebSocket subscribers
 * keep yoga's own per-subscription path.
 */
const QUERY = print(BalanceChangedSubscription);
const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';

let stack: Stack;
let url: string;
const metric = async (pattern: RegExp) =>
  Number(pattern.exec(await (await fetch(`${new URL(url).origin}/metrics`)).text())?.[1]);
const groups = () => metric(/walletgate_sse_fanout_groups (\d+)/);

beforeAll(async () => {
  stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '600000' }, { sandboxMode: true });
  url = await stack.gateway.listen();
  stack.sandboxes.sendWebhooksTo(url);
});
afterAll(() => stack.close());

describe('SSE fan-out', () => {
  it('groups identical subscriptions, delivers every event to every member once, and ends groups with their last member', async () => {
    const same = await Promise.all(
      Array.from({ length: 5 }, () =>
        subscribeSse(url, QUERY, { customerExternalId: 'hooli_1234' }),
      ),
    );
    const other = await subscribeSse(
      url,
      'subscription { walletBalanceChanged(customerExternalId: "hooli_1234") { eventId balance { amount } } }',
      {},
    );
    const ws = await subscribeWs(url, QUERY, { customerExternalId: 'hooli_1234' });
    await until(() => stack.gateway.live.openStreams === 7);
    expect(await groups()).toBe(2);
    // Behind node:http, every member's frames skip the body stream and go straight to its socket.
    expect(await metric(/walletgate_sse_fanout_subscribers\{write="socket"\} (\d+)/)).toBe(6);
    expect(await metric(/walletgate_sse_fanout_subscribers\{write="stream"\} (\d+)/)).toBe(0);

    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '2.0');
    const events = await Promise.all([...same, other, ws].map((s) => s.next(5000)));
    const ids = new Set(
      events.map(
        (e) =>
          (e.data as { walletBalanceChanged: { eventId: string } }).walletBalanceChanged.eventId,
      ),
    );
    expect(ids.size).toBe(1);
    expect(events[0]!.data).toMatchObject({
      walletBalanceChanged: {
        provider: 'LAGO',
        source: 'WEBHOOK',
        wallet: { providerWalletId: LAGO_PREPAID },
      },
    });
    const amount = (events[0]!.data as { walletBalanceChanged: { balance: { amount: string } } })
      .walletBalanceChanged.balance.amount;
    expect(events[5]!.data).toEqual({
      walletBalanceChanged: { eventId: [...ids][0], balance: { amount } },
    });
    await stack.gateway.live.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect([...same, other, ws].map((s) => s.count)).toEqual([1, 1, 1, 1, 1, 1, 1]);

    await Promise.all([...same, other, ws].map((s) => s.close()));
    await until(() => stack.gateway.live.openStreams === 0);
    await until(async () => (await groups()) === 0);
  });
});
