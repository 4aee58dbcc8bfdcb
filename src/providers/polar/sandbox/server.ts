import { addControlRoutes, isControlPath, positiveCents } from '../../../sandbox/control.js';
import {
  type Handler,
  type RunningSandbox,
  type SandboxRequest,
  type SandboxResponse,
  SandboxRouter,
  startSandboxServer,
} from '../../../sandbox/http.js';
import { emitWebhooks, type SandboxWebhooks } from '../../../sandbox/webhooks.js';
import {
  InvalidRequest,
  pageOf,
  pageParams,
  sortBy,
  uuidIssue,
  validationError,
} from './params.js';
import type { PolarCustomerSeed } from './seed.js';
import {
  serializeCustomer,
  serializeCustomerState,
  serializeList,
  serializeSession,
  serializeWallet,
} from './serialize.js';
import { PolarStore, type PolarWalletState } from './store.js';
import { type PolarWebhookTarget, polarChangeBody, polarOutgoing } from './webhooks.js';

export const POLAR_SANDBOX_ACCESS_TOKEN = 'polar_oat_sandbox_Wg7hQ2mN4xK8vR1t';
/** The versions this sandbox serves; a request without `Polar-Version` gets the current one (NOTES §0.6). */
export const POLAR_SANDBOX_VERSIONS = ['2026-04'] as const;
const CURRENT_VERSION = POLAR_SANDBOX_VERSIONS[0];
const PREFIX = '/v1';
const PORTAL_PREFIX = `${PREFIX}/customer-portal/`;
const ORG_WALLETS = new RegExp(`^${PREFIX}/wallets(/|$)`);

// Polar's error bodies (NOTES §6).
const routeNotFound: SandboxResponse = { status: 404, body: { detail: 'Not Found' } };
const resourceNotFound: SandboxResponse = {
  status: 404,
  body: { error: 'ResourceNotFound', detail: 'Not found' },
};
const unauthorized: SandboxResponse = {
  status: 401,
  body: { error: 'Unauthorized', detail: 'Unauthorized' },
  headers: { 'www-authenticate': 'Bearer realm="polar"' },
};

export interface PolarSandboxOptions {
  readonly port?: number;
  readonly accessToken?: string;
  readonly store?: PolarStore;
  /** False: the private org-level `/v1/wallets/*` routes answer 404 `{"detail":"Not Found"}`. */
  readonly orgWalletsEnabled?: boolean;
  /**
   * Fixed-window limit per bearer token (each customer session counts separately, NOTES §7). Over
   * it: 429 with an empty body and `retry-after` in seconds, like `asgi-ratelimit` (NOTES §0.7).
   * The window starts at a token's first request, so tests are deterministic.
   */
  readonly rateLimit?: { readonly requests: number; readonly windowSeconds: number };
  /** Where balance-change webhooks go (also settable later with setWebhookTarget). */
  readonly webhooks?: PolarWebhookTarget;
  /** Waits between attempts (Polar retries up to 10 times; the sandbox, fewer and faster). */
  readonly webhookRetryDelaysMs?: readonly number[];
}

export interface PolarSandbox extends RunningSandbox, SandboxWebhooks<PolarWebhookTarget> {
  readonly store: PolarStore;
  readonly accessToken: string;
  /** How many requests the rate limit turned away. */
  rateLimited(): number;
}

function bearer(req: SandboxRequest): string | undefined {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
}

const WALLET_SORT = ['created_at', 'balance'];
const walletKey = (w: PolarWalletState, property: string) =>
  property === 'balance' ? w.balance : w.created_at;

function walletPage(wallets: readonly PolarWalletState[], query: URLSearchParams): SandboxResponse {
  const params = pageParams(query, WALLET_SORT);
  const { items, totalCount } = pageOf(sortBy(wallets, params.sorting, walletKey), params);
  return { status: 200, body: serializeList(items.map(serializeWallet), totalCount, params.limit) };
}

/**
 * Every route: an InvalidRequest thrown while reading parameters becomes Polar's 422 body, and
 * the answer echoes `Polar-Version`.
 */
function handle(handler: Handler): Handler {
  return async (req) => {
    try {
      return echoVersion(await handler(req), req);
    } catch (e) {
      if (e instanceof InvalidRequest) return echoVersion(validationError(e.issues), req);
      throw e;
    }
  };
}

/** The customer a `CustomerSessionCustomerIDCreate | CustomerSessionCustomerExternalIDCreate` body names. */
function sessionSubject(store: PolarStore, body: unknown): PolarCustomerSeed {
  const { customer_id: id, external_customer_id: externalId } = (body ?? {}) as {
    customer_id?: unknown;
    external_customer_id?: unknown;
  };
  if (typeof id === 'string') {
    requireUuid(id, ['body', 'customer_id']);
    const customer = store.customer(id.toLowerCase());
    if (customer) return customer;
  } else if (typeof externalId === 'string') {
    const customer = store.customerByExternalId(externalId);
    if (customer) return customer;
  } else {
    throw new InvalidRequest([
      { type: 'missing', loc: ['body', 'customer_id'], msg: 'Field required', input: body ?? null },
    ]);
  }
  // customer_session/service.py answers an unknown customer with a validation error, not a 404.
  const loc = typeof id === 'string' ? 'customer_id' : 'external_customer_id';
  throw new InvalidRequest([
    {
      type: 'value_error',
      loc: ['body', loc],
      msg: 'Value error, Customer does not exist.',
      input: id ?? externalId,
    },
  ]);
}

function requireUuid(value: string, loc: readonly (string | number)[]): void {
  const issue = uuidIssue(value, loc);
  if (issue) throw new InvalidRequest([issue]);
}

export async function startPolarSandbox(options: PolarSandboxOptions = {}): Promise<PolarSandbox> {
  const store = options.store ?? new PolarStore();
  if (options.orgWalletsEnabled !== undefined) store.orgWalletsEnabled = options.orgWalletsEnabled;
  const accessToken = options.accessToken ?? POLAR_SANDBOX_ACCESS_TOKEN;
  const windows = new Map<string, { start: number; count: number }>();
  let rateLimited = 0;
  const webhooks = emitWebhooks(
    store.changes,
    (change, target) => {
      const webhook = polarChangeBody(store, change);
      return webhook ? [polarOutgoing(webhook.eventType, webhook.body, target)] : [];
    },
    { target: options.webhooks, retryDelaysMs: options.webhookRetryDelaysMs },
  );

  const portalCustomer = (req: SandboxRequest) => store.sessionCustomer(bearer(req) ?? '')!;

  const router = new SandboxRouter()
    // Private org-level routes (NOTES §2.1).
    .on(
      'GET',
      `${PREFIX}/wallets`,
      handle((req) => {
        const customerIds = req.query.getAll('customer_id');
        const issues = customerIds.flatMap(
          (id, i) => uuidIssue(id, ['query', 'customer_id', i]) ?? [],
        );
        if (issues.length > 0) throw new InvalidRequest(issues);
        const wanted = new Set(customerIds.map((id) => id.toLowerCase()));
        return walletPage(
          store.wallets.filter((w) => wanted.size === 0 || wanted.has(w.customer_id)),
          req.query,
        );
      }),
    )
    .on(
      'GET',
      `${PREFIX}/wallets/:id`,
      handle((req) => {
        requireUuid(req.params.id!, ['path', 'id']);
        const w = store.wallet(req.params.id!.toLowerCase());
        return w ? { status: 200, body: serializeWallet(w) } : resourceNotFound;
      }),
    )
    // Public customer routes.
    .on(
      'GET',
      `${PREFIX}/customers`,
      handle((req) => {
        const params = pageParams(req.query, ['created_at', 'email', 'name']);
        const { items, totalCount } = pageOf(
          sortBy(store.customers, params.sorting, (c, p) => String(c[p as 'created_at'] ?? '')),
          params,
        );
        return {
          status: 200,
          body: serializeList(items.map(serializeCustomer), totalCount, params.limit),
        };
      }),
    )
    .on(
      'GET',
      `${PREFIX}/customers/external/:external_id`,
      handle((req) => {
        const c = store.customerByExternalId(req.params.external_id!);
        return c ? { status: 200, body: serializeCustomer(c) } : resourceNotFound;
      }),
    )
    // Customer state (spec customers:get_state / get_state_external, NOTES §4): carries no wallet.
    .on(
      'GET',
      `${PREFIX}/customers/external/:external_id/state`,
      handle((req) => {
        const c = store.customerByExternalId(req.params.external_id!);
        return c ? { status: 200, body: serializeCustomerState(c) } : resourceNotFound;
      }),
    )
    .on(
      'GET',
      `${PREFIX}/customers/:id/state`,
      handle((req) => {
        requireUuid(req.params.id!, ['path', 'id']);
        const c = store.customer(req.params.id!.toLowerCase());
        return c ? { status: 200, body: serializeCustomerState(c) } : resourceNotFound;
      }),
    )
    .on(
      'GET',
      `${PREFIX}/customers/:id`,
      handle((req) => {
        requireUuid(req.params.id!, ['path', 'id']);
        const c = store.customer(req.params.id!.toLowerCase());
        return c ? { status: 200, body: serializeCustomer(c) } : resourceNotFound;
      }),
    )
    .on(
      'POST',
      `${PREFIX}/customer-sessions`,
      handle((req) => {
        const customer = sessionSubject(store, req.body);
        return { status: 201, body: serializeSession(store.createSession(customer.id), customer) };
      }),
    )
    // Public customer-portal routes, authenticated by a customer session (NOTES §2.2).
    .on(
      'GET',
      `${PREFIX}/customer-portal/wallets`,
      handle((req) => {
        const customerId = portalCustomer(req);
        return walletPage(
          store.wallets.filter((w) => w.customer_id === customerId),
          req.query,
        );
      }),
    )
    .on(
      'GET',
      `${PREFIX}/customer-portal/wallets/:id`,
      handle((req) => {
        requireUuid(req.params.id!, ['path', 'id']);
        const w = store.wallet(req.params.id!.toLowerCase());
        return w && w.customer_id === portalCustomer(req)
          ? { status: 200, body: serializeWallet(w) }
          : resourceNotFound;
      }),
    );

  addControlRoutes(router, {
    parseAmount: positiveCents,
    topUp: (id, cents) => store.wallet(id) && serializeWallet(store.topUp(id, cents)),
    consume: (id, cents) => store.wallet(id) && serializeWallet(store.consume(id, cents)),
  });

  /** Middleware order as upstream: version, routing, rate limit, then the route's auth. */
  const guard = (req: SandboxRequest): SandboxResponse | undefined => {
    if (isControlPath(req.path)) return undefined;
    if (!servedVersion(req)) return routeNotFound;
    // Unknown routes, and the private routes when switched off, are 404 whoever asks.
    if (!router.match(req.method, req.path)) return routeNotFound;
    if (ORG_WALLETS.test(req.path) && !store.orgWalletsEnabled) return routeNotFound;
    const token = bearer(req);
    if (options.rateLimit) {
      const key = token ?? 'anonymous';
      const now = Date.now();
      const windowMs = options.rateLimit.windowSeconds * 1000;
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) windows.set(key, (w = { start: now, count: 0 }));
      if (++w.count > options.rateLimit.requests) {
        rateLimited++;
        return {
          status: 429,
          headers: { 'retry-after': String(Math.ceil((w.start + windowMs - now) / 1000)) },
        };
      }
    }
    const authorised = req.path.startsWith(PORTAL_PREFIX)
      ? token !== undefined && store.sessionCustomer(token) !== undefined
      : token === accessToken;
    return authorised ? undefined : unauthorized;
  };

  const running = await startSandboxServer(
    {
      router,
      guard: (req) => echoVersion(guard(req), req),
      notFound: routeNotFound,
      methodNotAllowed: { status: 405, body: { detail: 'Method Not Allowed' } },
      badJson: validationError([
        { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error' },
      ]),
    },
    options.port,
  );
  return {
    ...running,
    store,
    accessToken,
    rateLimited: () => rateLimited,
    ...webhooks,
    close: async () => {
      webhooks.close();
      await running.close();
    },
  };
}

/** `Polar-Version` is echoed on every answer in a served version (`kit/versioning.py`). */
function echoVersion<R extends SandboxResponse | undefined>(res: R, req: SandboxRequest): R {
  const version = servedVersion(req);
  return res && version ? { ...res, headers: { ...res.headers, 'polar-version': version } } : res;
}

/** The asked version, the current one when none is asked, undefined when it is not served. */
function servedVersion(req: SandboxRequest): string | undefined {
  const asked = req.headers['polar-version'];
  if (typeof asked !== 'string') return CURRENT_VERSION;
  return (POLAR_SANDBOX_VERSIONS as readonly string[]).includes(asked) ? asked : undefined;
}
