import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * GraphiQL's page is megabytes of HTML: it is sent compressed, revalidated by ETag, and off
 * outside sandbox mode unless GRAPHIQL says otherwise. Raw node:http, so the bytes on the wire
 * are counted (fetch would decompress them).
 */
interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function gateway(env: Record<string, string>, sandboxMode: boolean) {
  const stack = await startStack(env, { sandboxMode });
  return { stack, url: await stack.gateway.listen() };
}

describe('GraphiQL in sandbox mode', () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => ({ stack, url } = await gateway({}, true)));
  afterAll(() => stack.close());

  it('is compressed per Accept-Encoding (br, then gzip), the same page under each', async () => {
    const plain = await get(url, { accept: BROWSER });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.body.toString()).toContain('<title>Walletgate</title>');

    const br = await get(url, { accept: BROWSER, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gz = await get(url, { accept: BROWSER, 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);

    // The amplification a client without a cache gets: a third of the page or less.
    expect(br.body.length * 3).toBeLessThan(plain.body.length);
    expect(gz.body.length * 3).toBeLessThan(plain.body.length);
    for (const res of [plain, br, gz]) {
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toBe(plain.headers.etag);
    }
  }, 30_000);

  it('answers 304 with no body to If-None-Match, quickly', async () => {
    const first = await get(url, { accept: BROWSER, 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const startedAt = Date.now();
    for (const tag of [etag, etag.slice(2), `"other", ${etag}`]) {
      const again = await get(url, {
        accept: BROWSER,
        'accept-encoding': 'br',
        'if-none-match': tag,
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const changed = await get(url, { accept: BROWSER, 'if-none-match': '"other"' });
    expect(changed.status).toBe(200);
  });

  it('GRAPHIQL=false turns it off in sandbox mode too', async () => {
    const off = await gateway({ GRAPHIQL: 'false' }, true);
    try {
      expect((await get(off.url, { accept: BROWSER })).status).toBe(404);
    } finally {
      await off.stack.close();
    }
  });
});

describe('GraphiQL outside sandbox mode', () => {
  it('is off by default: 404 GRAPHIQL_DISABLED with a request id, never the page', async () => {
    const { stack, url } = await gateway({}, false);
    try {
      const res = await get(url, {
        accept: BROWSER,
        'accept-encoding': 'gzip, br',
        'x-request-id': 'graphiql-probe-1',
      });
      expect(res.status).toBe(404);
      expect(res.body.length).toBeLessThan(1000);
      const body = JSON.parse(res.body.toString()) as {
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.errors).toEqual([
        {
          message:
            'GraphiQL is off on this gateway (GRAPHIQL); send GraphQL requests as JSON to this URL',
          extensions: { code: 'GRAPHIQL_DISABLED', requestId: 'graphiql-probe-1' },
        },
      ]);
      // GraphQL over GET is untouched.
      const query = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json', 'x-api-key': stack.authHeaders['x-api-key']! },
      });
      expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await stack.close();
    }
  });

  it('GRAPHIQL=true serves it, compressed', async () => {
    const { stack, url } = await gateway({ GRAPHIQL: 'true' }, false);
    try {
      const res = await get(url, { accept: BROWSER, 'accept-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toContain('<title>Walletgate</title>');
    } finally {
      await stack.close();
    }
  }, 30_000);
});
