import { Webhook } from 'standardwebhooks';
import { Dec } from '../../../domain/money.js';
import { addControlRoutes, isControlPath, positiveDecimal } from '../../../sandbox/control.js';
import {
  type RunningSandbox,
  type SandboxRequest,
  type SandboxResponse,
  SandboxRouter,
  startSandboxServer,
} from '../../../sandbox/http.js';
import { emitWebhooks, type SandboxWebhooks } from '../../../sandbox/webhooks.js';
import { FLEXPRICE_ENVIRONMENT_ID } from './seed.js';
import {
  serializeCustomer,
  serializeTransaction,
  serializeWallet,
  serializeWalletBalance,
} from './serialize.js';
import {
  FlexpriceStore,
  FlexpriceStoreError,
  type FlexpriceWalletState,
  TOP_UP_REASONS,
  type TransactionReason,
} from './store.js';
import { InvalidQuery, readQuery, runQuery } from './transactions.js';
import {
  FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
  type FlexpriceWebhookTarget,
  flexpriceChangeBody,
  flexpriceOutgoing,
} from './webhooks.js';

export const FLEXPRICE_SANDBOX_API_KEY = 'flexprice-sandbox-key-4b91d7';
const PREFIX = '/v1';
const BREAKDOWN = 'credits_available_breakdown';
// The hard-coded pagination of the wallet list routes (NOTES §0.5).
const WALLET_LIST_LIMIT = 50;
const DEFAULT_LIMIT = 50;

/** The standard error body (NOTES §1, `internal/errors/dto.go`). */
function errorBody(
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): SandboxResponse {
  return { status, body: { code, message, http_status_code: status, ...(details && { details }) } };
}
const walletNotFound = (id: string) =>
  errorBody(404, 'not_found', 'Wallet not found', { wallet_id: id });
const validation = (message: string) => errorBody(400, 'validation_error', message);

export interface FlexpriceSandbox extends RunningSandbox, SandboxWebhooks<FlexpriceWebhookTarget> {
  readonly store: FlexpriceStore;
  readonly apiKey: string;
}

export interface FlexpriceSandboxOptions {
  readonly port?: number;
  readonly apiKey?: string;
  readonly store?: FlexpriceStore;
  /** Where balance-change webhooks go (also settable later with setWebhookTarget). */
  readonly webhooks?: FlexpriceWebhookTarget;
  /** Waits between attempts (Svix retries on any non-2xx with the same message id). */
  readonly webhookRetryDelaysMs?: readonly number[];
}

/** Fails early, where the target is set, rather than silently at each delivery. */
function checkTarget(target: FlexpriceWebhookTarget): void {
  new Webhook(target.secret ?? FLEXPRICE_SANDBOX_WEBHOOK_SECRET);
}

/**
 * The auth middleware (NOTES §1): `x-api-key` first; otherwise an `Authorization` header is read
 * as a dashboard JWT, so an API key sent as `Bearer` is an invalid token, never a valid key.
 */
function authenticate(req: SandboxRequest, apiKey: string): SandboxResponse | undefined {
  const key = req.headers['x-api-key'];
  if (key === apiKey) {
    const environment = req.headers['x-environment-id'];
    if (environment !== undefined && environment !== FLEXPRICE_ENVIRONMENT_ID) {
      return {
        status: 403,
        body: { error: 'Access denied', message: 'Invalid or inaccessible environment' },
      };
    }
    return undefined;
  }
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    return {
      status: 401,
      body: {
        error: /^Bearer \S+$/.test(authorization)
          ? 'Invalid token'
          : 'Invalid authorization header format',
      },
    };
  }
  return { status: 401, body: { error: 'Unauthorized' } };
}

function wantsBreakdown(expand: string | null | undefined): boolean {
  return (expand ?? '')
    .split(',')
    .map((s) => s.trim())
    .includes(BREAKDOWN);
}

/** Inputs accept strings or numbers (NOTES §0.2). */
function decimalInput(value: unknown): Dec | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return 'invalid';
  try {
    return new Dec(value);
  } catch {
    return 'invalid';
  }
}

export async function startFlexpriceSandbox(
  options: FlexpriceSandboxOptions = {},
): Promise<FlexpriceSandbox> {
  const store = options.store ?? new FlexpriceStore();
  const apiKey = options.apiKey ?? FLEXPRICE_SANDBOX_API_KEY;
  const webhooks = emitWebhooks(
    store.changes,
    (change, target) => {
      const { eventType, body } = flexpriceChangeBody(store, change);
      return [flexpriceOutgoing(eventType, body, target)];
    },
    { target: options.webhooks, retryDelaysMs: options.webhookRetryDelaysMs, checkTarget },
  );

  const walletList = (
    wallets: FlexpriceWalletState[],
    breakdown: boolean,
    documents: readonly unknown[],
  ): SandboxResponse => {
    const items = [...wallets.map((w) => serializeWallet(store, w, { breakdown })), ...documents];
    return {
      status: 200,
      body: { items, pagination: { total: items.length, limit: WALLET_LIST_LIMIT, offset: 0 } },
    };
  };

  const router = new SandboxRouter()
    // Undocumented query twin of /wallets/search (NOTES §2, §8.7).
    .on('GET', `${PREFIX}/wallets`, (req) => {
      const status = req.query.get('status');
      return walletList(
        store.allWallets().filter((w) => !status || w.wallet_status === status),
        wantsBreakdown(req.query.get('expand')),
        store.documents.filter((d) => !status || d.wallet_status === status),
      );
    })
    // Only wallet_ids and status are applied; no pagination, no customer filter (NOTES §2, §8.4).
    .on('POST', `${PREFIX}/wallets/search`, (req) => {
      const filter = (req.body ?? {}) as {
        wallet_ids?: unknown;
        status?: unknown;
        expand?: unknown;
      };
      if (
        filter.wallet_ids !== undefined &&
        (!Array.isArray(filter.wallet_ids) ||
          filter.wallet_ids.some((id) => typeof id !== 'string'))
      ) {
        return validation('Invalid filter parameters');
      }
      const ids = filter.wallet_ids as string[] | undefined;
      const wallets = store
        .allWallets()
        .filter(
          (w) =>
            (!ids || ids.length === 0 || ids.includes(w.id)) &&
            (typeof filter.status !== 'string' || w.wallet_status === filter.status),
        );
      return walletList(
        wallets,
        wantsBreakdown(typeof filter.expand === 'string' ? filter.expand : undefined),
        store.documents.filter(
          (d) =>
            (!ids || ids.length === 0 || ids.includes(String(d.id))) &&
            (typeof filter.status !== 'string' || d.wallet_status === filter.status),
        ),
      );
    })
    .on('GET', `${PREFIX}/wallets/:id`, (req) => {
      const document = store.document(req.params.id!);
      if (document) return { status: 200, body: document };
      const w = store.wallet(req.params.id!);
      return w ? { status: 200, body: serializeWallet(store, w) } : walletNotFound(req.params.id!);
    })
    .on('GET', `${PREFIX}/wallets/:id/balance/real-time`, (req) => {
      const document = store.document(req.params.id!);
      if (document) return { status: 200, body: { ...document, is_cached_fallback: false } };
      const w = store.wallet(req.params.id!);
      if (!w) return walletNotFound(req.params.id!);
      return {
        status: 200,
        body: serializeWalletBalance(store, w, {
          realTime: true,
          breakdown: wantsBreakdown(req.query.get('expand')),
        }),
      };
    })
    .on('POST', `${PREFIX}/wallets/:id/top-up`, (req) => topUp(store, req))
    // A wallet's history: the filter in the query string; `expand` is not applied here (§3.7).
    .on('GET', `${PREFIX}/wallets/:id/transactions`, (req) => {
      const input: Record<string, unknown> = Object.fromEntries(req.query);
      for (const name of ['limit', 'offset'])
        if (typeof input[name] === 'string')
          input[name] = /^\d+$/.test(input[name] as string) ? Number(input[name]) : Number.NaN;
      delete input.expand;
      return transactionQuery(store, input, req.params.id!);
    })
    // Any wallet's or customer's transactions: the filter in the body, `filters[]`, sorts, expand.
    .on('POST', `${PREFIX}/wallets/transactions/search`, (req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const expand = body.expand ?? req.query.get('expand') ?? undefined;
      return transactionQuery(store, { ...body, expand }, undefined);
    })
    // Registered before /customers/:id so "wallets" is not read as a customer id.
    .on('GET', `${PREFIX}/customers/wallets`, (req) => {
      const id = req.query.get('id');
      const lookupKey = req.query.get('lookup_key');
      if (!id === !lookupKey) return validation('either id or lookup_key is required');
      const customer = id ? store.customer(id) : store.customerByLookupKey(lookupKey!);
      if (!customer) {
        return id
          ? errorBody(404, 'not_found', `Customer with ID ${id} was not found`, { customer_id: id })
          : errorBody(404, 'not_found', `Customer with lookup key ${lookupKey} was not found`, {
              lookup_key: lookupKey,
            });
      }
      const realTime = req.query.get('include_real_time_balance') === 'true';
      // expand applies only together with include_real_time_balance (NOTES §2).
      const breakdown = realTime && wantsBreakdown(req.query.get('expand'));
      return {
        status: 200,
        body: [
          ...store
            .activeWalletsOf(customer.id)
            .map((w) => serializeWalletBalance(store, w, { realTime, breakdown })),
          ...store.documentsOf(customer.id),
        ],
      };
    })
    .on('POST', `${PREFIX}/customers/search`, (req) => {
      const filter = (req.body ?? {}) as {
        customer_ids?: unknown;
        external_id?: unknown;
        limit?: unknown;
        offset?: unknown;
      };
      const limit = typeof filter.limit === 'number' ? filter.limit : DEFAULT_LIMIT;
      const offset = typeof filter.offset === 'number' ? filter.offset : 0;
      if (
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > 1000 ||
        !Number.isInteger(offset) ||
        offset < 0
      )
        return validation('Invalid filter parameters');
      const ids = Array.isArray(filter.customer_ids) ? filter.customer_ids : undefined;
      const customers = [...store.customers]
        .sort((a, b) => b.created_at.localeCompare(a.created_at))
        .filter(
          (c) =>
            (!ids || ids.length === 0 || ids.includes(c.id)) &&
            (typeof filter.external_id !== 'string' || c.external_id === filter.external_id),
        );
      // The response offset is the *next* offset (NOTES §1 "Pagination (response)").
      return {
        status: 200,
        body: {
          items: customers.slice(offset, offset + limit).map(serializeCustomer),
          pagination: { total: customers.length, limit, offset: offset + limit },
        },
      };
    })
    // Registered before /customers/:id, like /customers/wallets (spec getCustomerByExternalId).
    .on('GET', `${PREFIX}/customers/external/:externalId`, (req) => {
      const c = store.customerByLookupKey(req.params.externalId!);
      return c
        ? { status: 200, body: serializeCustomer(c) }
        : errorBody(
            404,
            'not_found',
            `Customer with external ID ${req.params.externalId} was not found`,
            { external_id: req.params.externalId },
          );
    })
    .on('GET', `${PREFIX}/customers/:id`, (req) => {
      const c = store.customer(req.params.id!);
      return c
        ? { status: 200, body: serializeCustomer(c) }
        : errorBody(404, 'not_found', `Customer with ID ${req.params.id} was not found`, {
            customer_id: req.params.id,
          });
    })
    // Active wallets only; an unknown customer gives [] (NOTES §2, §8.6).
    .on('GET', `${PREFIX}/customers/:id/wallets`, (req) => ({
      status: 200,
      body: [
        ...store
          .activeWalletsOf(req.params.id!)
          .map((w) =>
            serializeWallet(store, w, { breakdown: wantsBreakdown(req.query.get('expand')) }),
          ),
        ...store.documentsOf(req.params.id!),
      ],
    }));

  // A pending purchase's invoice is paid; the period's usage is invoiced and paid from the wallet.
  router
    .on('POST', '/__sandbox/settle', (req) => {
      const id = (req.body as { transaction_id?: unknown } | undefined)?.transaction_id;
      if (typeof id !== 'string' || !store.transaction(id))
        return { status: 404, body: { error: 'transaction not found' } };
      try {
        return { status: 200, body: serializeTransaction(store.completeTransaction(id)) };
      } catch (e) {
        if (e instanceof FlexpriceStoreError) return errorBody(e.status, e.code, e.message);
        throw e;
      }
    })
    .on('POST', '/__sandbox/pay-usage', (req) => {
      const id = (req.body as { wallet_id?: unknown } | undefined)?.wallet_id;
      if (typeof id !== 'string' || !store.wallet(id))
        return { status: 404, body: { error: 'wallet not found' } };
      const t = store.payUsageInvoice(id);
      return { status: 200, body: t ? serializeTransaction(t) : null };
    });
  addControlRoutes(router, {
    parseAmount: positiveDecimal,
    topUp: (id, credits) => {
      const w = store.wallet(id);
      if (!w) return undefined;
      store.topUp(id, credits, { reason: 'PURCHASED_CREDIT_DIRECT' });
      return serializeWallet(store, w);
    },
    consume: (id, credits) =>
      store.wallet(id) && serializeWallet(store, store.consume(id, credits)),
  });

  const running = await startSandboxServer(
    {
      router,
      guard: (req) => (isControlPath(req.path) ? undefined : authenticate(req, apiKey)),
      // gin's default for unknown routes and methods.
      notFound: { status: 404, body: '404 page not found' },
      methodNotAllowed: { status: 404, body: '404 page not found' },
      badJson: validation('Invalid request format'),
    },
    options.port,
  );

  return {
    ...running,
    store,
    apiKey,
    ...webhooks,
    close: async () => {
      webhooks.close();
      await running.close();
    },
  };
}

/** `POST /wallets/{id}/top-up` (NOTES §3.5). */
function topUp(store: FlexpriceStore, req: SandboxRequest): SandboxResponse {
  const w = store.wallet(req.params.id!);
  if (!w) return walletNotFound(req.params.id!);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const reason = body.transaction_reason;
  if (typeof reason !== 'string' || !TOP_UP_REASONS.includes(reason as TransactionReason)) {
    return validation('transaction_reason is required and must be a top-up reason');
  }
  const creditsToAdd = decimalInput(body.credits_to_add);
  const amount = decimalInput(body.amount);
  if (creditsToAdd === 'invalid' || amount === 'invalid')
    return validation('Invalid request format');
  // credits_to_add wins; an amount converts at the top-up rate (NOTES §3.5).
  const credits = creditsToAdd ?? amount?.div(w.topup_conversion_rate);
  if (!credits) return validation('either credits_to_add or amount is required');
  const idempotencyKey =
    typeof body.idempotency_key === 'string' && body.idempotency_key !== ''
      ? body.idempotency_key
      : undefined;
  try {
    const transaction = store.topUp(w.id, credits, {
      reason: reason as TransactionReason,
      idempotencyKey,
      description: typeof body.description === 'string' ? body.description : undefined,
    });
    return {
      status: 200,
      body: {
        wallet_transaction: serializeTransaction(transaction),
        ...(transaction.invoice_id && { invoice_id: transaction.invoice_id }),
        wallet: serializeWallet(store, w),
      },
    };
  } catch (e) {
    if (e instanceof FlexpriceStoreError) return errorBody(e.status, e.code, e.message, e.details);
    throw e;
  }
}

function transactionQuery(
  store: FlexpriceStore,
  input: Record<string, unknown>,
  walletId: string | undefined,
): SandboxResponse {
  try {
    return runQuery(store, readQuery(input, walletId));
  } catch (e) {
    if (e instanceof InvalidQuery) return validation(e.message);
    throw e;
  }
}
