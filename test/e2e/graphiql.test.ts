import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../helpers/live-clients.js';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * GraphiQL in a real headless Chromium (Debian's, installed by .ci/run; never a downloaded
 * browser): it loads offline, runs its default query against the sandbox, and every request the
 * page makes goes to the gateway.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';

let stack: Stack;
let browser: Browser;
let url: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  // As `npm start` runs it: sandbox mode, anonymous access.
  stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '600000' }, { sandboxMode: true });
  url = await stack.gateway.listen();
  stack.sandboxes.sendWebhooksTo(url);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('GraphiQL', () => {
  it('runs the default query offline and shows the sandbox customer', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));

    await page.goto(url, { waitUntil: 'load' });
    const run = page.locator('button.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    // The editor holds the default query: the sandbox customer's wallets.
    await expect
      .poll(async () => page.locator('.graphiql-query-editor').innerText(), { timeout: 15_000 })
      .toContain('hooli_1234');
    const answered = page.waitForResponse(
      (r) =>
        r.url().startsWith(url) &&
        r.request().method() === 'POST' &&
        (r.request().postData() ?? '').includes('CustomerWallets'),
    );
    await run.click();
    const body = (await (await answered).json()) as {
      data: { customer: { wallets: { provider: string }[] } };
    };
    expect(new Set(body.data.customer.wallets.map((w) => w.provider))).toEqual(
      new Set(['LAGO', 'FLEXPRICE', 'POLAR']),
    );

    // The pane renders what is in view: the customer and its per-currency totals come first.
    const result = page.locator('.graphiql-response');
    await expect.poll(async () => result.innerText(), { timeout: 20_000 }).toContain('"132.00"');
    const text = await result.innerText();
    expect(text).toContain('"hooli_1234"');
    expect(text).toContain('"150050"');

    const origin = new URL(url).origin;
    const outside = requested.filter(
      (r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'),
    );
    expect(outside).toEqual([]);
    expect(
      requested.filter((r) => r.startsWith(`${origin}/graphql`)).length,
    ).toBeGreaterThanOrEqual(2);
    await page.close();
  }, 90_000);

  it('opens with example tabs and runs the live subscription tab: an event appears after a top-up', async () => {
    const page = await browser.newPage();
    const posted: { headers: Record<string, string>; body: string }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().startsWith(url))
        posted.push({ headers: r.headers(), body: r.postData() ?? '' });
    });
    // GraphiQL tells a subscription from a query by the schema: let it load first.
    const introspected = page.waitForResponse(
      (r) => (r.request().postData() ?? '').includes('IntrospectionQuery'),
      { timeout: 30_000 },
    );
    await page.goto(url, { waitUntil: 'load' });
    await introspected;
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(async () => tabs.count(), { timeout: 30_000 }).toBe(3);
    expect(await tabs.allInnerTexts()).toEqual(['CustomerWallets', 'LiveBalances', 'WalletPages']);

    // The tabs are drag-reorderable: a synthetic pointer click can land as a drag, a click event cannot.
    await page.locator('#graphiql-session-tab-1').dispatchEvent('click');
    await expect
      .poll(async () => page.locator('.graphiql-query-editor').innerText(), { timeout: 15_000 })
      .toContain('walletBalanceChanged');
    // A click while GraphiQL is still settling the tab switch can be lost: click until it posts.
    const sent = () => posted.some((p) => p.body.includes('LiveBalances'));
    for (let attempt = 0; attempt < 5 && !sent(); attempt++) {
      await page.locator('button.graphiql-execute-button').click();
      await until(sent, 3000).catch(() => undefined);
    }
    // The stream is open at the gateway (Chromium may report no response for it until it ends).
    await until(() => stack.gateway.live.openStreams === 1, 20_000).catch((e: unknown) => {
      throw new Error(
        `no stream opened; the page posted: ${JSON.stringify(posted.map((p) => p.body.slice(0, 60)))}`,
        { cause: e },
      );
    });

    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '4.0');
    const result = page.locator('.graphiql-response');
    await expect
      .poll(async () => result.innerText(), { timeout: 20_000 })
      .toContain('walletBalanceChanged');
    const text = await result.innerText();
    expect(text).toContain('"LAGO"');
    expect(text).toContain('"WEBHOOK"');
    // Nobody typed a header: the subscription went out as a JSON POST, which CSRF prevention allows.
    const subscription = posted.find((p) => p.body.includes('LiveBalances'))!;
    expect(subscription.headers['content-type']).toContain('application/json');
    expect(subscription.headers.accept).toBe('text/event-stream');
    expect(subscription.headers.accept).toBe('text/event-stream');
    expect(subscription.headers['x-graphql-yoga-csrf']).toBeUndefined();
    await page.close();
    await until(() => stack.gateway.live.openStreams === 0, 10_000);
  }, 90_000);
});
