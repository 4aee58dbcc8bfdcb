import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateEvent } from '@polar-sh/sdk/webhooks';
import { Ajv } from 'ajv';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as Svix } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { serializeCustomer } from '../../src/providers/flexprice/sandbox/serialize.js';
import { FLEXPRICE_SANDBOX_WEBHOOK_SECRET } from '../../src/providers/flexprice/sandbox/webhooks.js';
import { POLAR_SANDBOX_WEBHOOK_SECRET } from '../../src/providers/polar/sandbox/webhooks.js';
import { embeddedOpenApi, SEED_FILES, seedText } from '../contract/seed-examples.js';
import { countRequests, onlyProviders, type Stack, startStack } from '../helpers/stack.js';

/**
 * Webhook signatures judged by the providers' own libraries, both ways: what the sandboxes send
 * verifies with `svix` (Flexprice Cloud's signer) and with the Polar SDK's `validateEvent`, which
 * also parses the payload with Polar's own models; and deliveries those libraries sign are
 * accepted by the gateway. A Polar secret verifies in both of the forms the Polar SDK accepts.
 */

interface Delivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

let stack: Stack;
let capture: Server;
let captureUrl: string;
const captured: Delivery[] = [];
// Polar's newer secret format: `whsec_` plus base64 (NOTES polar §5 "Secret format").
const POLAR_WHSEC = `whsec_${Buffer.from('walletgate-polar-test-secret-0123').toString('base64')}`;

const flat = (h: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)]));

beforeAll(async () => {
  capture = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      captured.push({ headers: flat(req.headers), body });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => capture.listen(0, '127.0.0.1', r));
  captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/`;
  stack = await startStack({
    FLEXPRICE_WEBHOOK_SECRET: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
    POLAR_WEBHOOK_SECRET: POLAR_WHSEC,
    ...onlyProviders('FLEXPRICE', 'POLAR'),
  });
});
afterAll(async () => {
  await stack.close();
  await new Promise((r) => capture.close(r));
});

async function nextDelivery(trigger: () => Promise<unknown>): Promise<Delivery> {
  const before = captured.length;
  await trigger();
  for (let i = 0; i < 200 && captured.length === before; i++)
    await new Promise((r) => setTimeout(r, 10));
  expect(captured.length).toBeGreaterThan(before);
  return captured[captured.length - 1]!;
}

const control = (url: string, walletId: string, amount: string) =>
  fetch(`${url}/__sandbox/top-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ wallet_id: walletId, amount }),
  });

const deliver = (provider: 'flexprice' | 'polar', headers: Record<string, string>, body: string) =>
  stack.gateway.yoga.fetch(`http://gateway/webhooks/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('Flexprice: svix', () => {
  it("the sandbox's deliveries verify with svix, as Flexprice Cloud signs them", async () => {
    stack.sandboxes.flexprice.setWebhookTarget({ url: captureUrl });
    const d = await nextDelivery(() =>
      control(stack.sandboxes.flexprice.url, SEEDED.hooliUsd, '1'),
    );
    stack.sandboxes.flexprice.setWebhookTarget(undefined);
    expect(new Svix(FLEXPRICE_SANDBOX_WEBHOOK_SECRET).verify(d.body, d.headers)).toMatchObject({
      event_type: expect.stringMatching(/^wallet\./),
    });
  });

  it('a seed-004 wallet.created payload signed by svix is accepted, and its wallet re-read', async () => {
    // The documented (≤ v2.1.23) payload: the full WalletResponse plus the customer, built from the
    // sandbox's own answers and checked against the seed's schema.
    const auth = { headers: { 'x-api-key': stack.sandboxes.flexprice.apiKey } };
    const wallet = await (
      await fetch(`${stack.sandboxes.flexprice.url}/v1/wallets/${SEEDED.hooliUsd}`, auth)
    ).json();
    const customer = serializeCustomer(stack.sandboxes.flexprice.store.customers[0]!);
    const payload = { event_type: 'wallet.created', wallet, customer };
    const doc = embeddedOpenApi(seedText(SEED_FILES.flexpriceWalletCreated));
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'seed004', components: doc.components });
    const validate = ajv.compile({
      $ref: 'seed004#/components/schemas/webhookDto.WalletWebhookPayload',
    });
    // Seed 004 types auto_topup and alert thresholds as numbers and leaves an absent alert level
    // out; the server sends strings and nulls (NOTES flexprice §3.6, §8.3). The documented form
    // is what is signed here.
    const documented = JSON.parse(JSON.stringify(payload), (key, v) =>
      ['threshold', 'amount'].includes(key) && typeof v === 'string'
        ? Number(v)
        : ['critical', 'warning', 'info'].includes(key) && v === null
          ? undefined
          : v,
    );
    expect(validate(documented) ? [] : validate.errors).toEqual([]);

    const body = JSON.stringify(documented);
    const id = `msg_${Date.now()}`;
    const svix = new Svix(FLEXPRICE_SANDBOX_WEBHOOK_SECRET);
    const headers = {
      'svix-id': id,
      'svix-timestamp': String(Math.floor(Date.now() / 1000)),
      'svix-signature': svix.sign(id, new Date(), body),
    };
    const before = countRequests(stack.sandboxes.flexprice.requests, 'POST', /\/wallets\/search$/);
    const res = await deliver('flexprice', headers, body);
    expect(res.status).toBe(202);
    await stack.gateway.live.idle();
    expect(
      countRequests(stack.sandboxes.flexprice.requests, 'POST', /\/wallets\/search$/),
    ).toBeGreaterThan(before);
    // svix's own signature with a wrong secret is refused.
    const wrong = new Svix(`whsec_${Buffer.from('not the secret at all!!').toString('base64')}`);
    const forged = { ...headers, 'svix-signature': wrong.sign(id, new Date(), body) };
    expect((await deliver('flexprice', forged, body)).status).toBe(401);
  });
});

describe("Polar: the Polar SDK's validateEvent and standardwebhooks", () => {
  it("the sandbox's order.paid verifies and parses with the Polar SDK", async () => {
    stack.sandboxes.polar.setWebhookTarget({ url: captureUrl });
    const d = await nextDelivery(() =>
      control(stack.sandboxes.polar.url, '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11', '100'),
    );
    stack.sandboxes.polar.setWebhookTarget(undefined);
    const event = validateEvent(d.body, d.headers, POLAR_SANDBOX_WEBHOOK_SECRET);
    expect(event.type).toBe('order.paid');
    expect((event.data as { customer: { externalId: string } }).customer.externalId).toBe(
      'hooli_1234',
    );
  });

  it('a whsec_ secret: both signing forms the Polar SDK accepts are accepted, others refused', async () => {
    stack.sandboxes.polar.setWebhookTarget({ url: captureUrl, secret: POLAR_WHSEC });
    const d = await nextDelivery(() =>
      control(stack.sandboxes.polar.url, '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11', '100'),
    );
    stack.sandboxes.polar.setWebhookTarget(undefined);
    const now = new Date();
    const sign = (signer: StandardWebhook, id: string) => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signer.sign(id, now, d.body),
    });
    // 1. The UTF-8 bytes of the whole secret: what Polar's server does (the sandbox's own form).
    const utf8 = sign(new StandardWebhook(Buffer.from(POLAR_WHSEC).toString('base64')), 'a-1');
    expect(validateEvent(d.body, utf8, POLAR_WHSEC).type).toBe('order.paid');
    expect((await deliver('polar', utf8, d.body)).status).toBe(202);
    expect((await deliver('polar', d.headers, d.body)).status).toBe(202);
    // 2. The base64-decoded body after whsec_: any Standard Webhooks signer given the secret.
    const decoded = sign(new StandardWebhook(POLAR_WHSEC), 'a-2');
    expect((await deliver('polar', decoded, d.body)).status).toBe(202);
    // Another secret, in either form, is a forgery.
    const other = `whsec_${Buffer.from('someone else entirely').toString('base64')}`;
    expect((await deliver('polar', sign(new StandardWebhook(other), 'a-3'), d.body)).status).toBe(
      401,
    );
  });
});
