import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { graphiqlOptions } from './graphiql.js';
import { requestIdOf } from './useRequestId.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

interface Page {
  readonly etag: string;
  readonly bodies: Readonly<Record<Encoding, Uint8Array>>;
}

/**
 * GraphiQL's page, rendered and compressed once: the offline bundle is megabytes of HTML, which
 * every request would otherwise render and send whole. Brotli at quality 6 and gzip at level 6
 * come within a few percent of their best sizes in a fraction of the time.
 */
async function renderPage(): Promise<Page> {
  // Loaded on the first GraphiQL request: the bundle is tens of MB of heap that a gateway nobody
  // opens GraphiQL on never needs.
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = Buffer.from(renderGraphiQL(graphiqlOptions()));
  const [br, gz] = await Promise.all([
    brotli(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
    gzipped(html, { level: 6 }),
  ]);
  // Weak: the same page under every encoding.
  const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  return { etag, bodies: { br, gzip: gz, identity: html } };
}

/** The best encoding the client accepts (`q=0` refuses one), br before gzip. */
export function chooseEncoding(acceptEncoding: string | null): Encoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

const matches = (ifNoneMatch: string | null, etag: string) =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });

/**
 * GraphiQL at `GET /graphql` for browsers (`Accept: text/html`, as yoga decides it), compressed
 * per Accept-Encoding and revalidated by ETag (304 with no body). With GRAPHIQL off, such a
 * request is answered 404 `GRAPHIQL_DISABLED` (a few hundred bytes, never the page). First in the
 * plugin list, before CSRF prevention, which would refuse a browser's navigation.
 */
export function useGraphiQLPage(endpoint: string, enabled: boolean): Plugin {
  let page: Promise<Page> | undefined;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !request.headers.get('accept')?.includes('text/html')) return;
      if (url.pathname !== endpoint && url.pathname !== `${endpoint}/`) return;
      if (!enabled) {
        const requestId = requestIdOf(request);
        const message =
          'GraphiQL is off on this gateway (GRAPHIQL); send GraphQL requests as JSON to this URL';
        return endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [{ message, extensions: { code: 'GRAPHIQL_DISABLED', requestId } }],
            }),
            {
              status: 404,
              headers: {
                'content-type': 'application/json; charset=utf-8',
                'x-request-id': requestId,
              },
            },
          ),
        );
      }
      page ??= renderPage();
      // A failed render is tried again by the next request.
      page.catch(() => {
        page = undefined;
      });
      return page.then(({ etag, bodies }) => {
        const headers: Record<string, string> = {
          etag,
          'cache-control': 'no-cache',
          vary: 'Accept-Encoding',
        };
        if (matches(request.headers.get('if-none-match'), etag))
          return endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        const encoding = chooseEncoding(request.headers.get('accept-encoding'));
        const body = bodies[encoding];
        endResponse(
          new fetchAPI.Response(body as unknown as BodyInit, {
            status: 200,
            headers: {
              ...headers,
              'content-type': 'text/html; charset=utf-8',
              'content-length': String(body.byteLength),
              ...(encoding !== 'identity' && { 'content-encoding': encoding }),
            },
          }),
        );
      });
    },
  };
}
