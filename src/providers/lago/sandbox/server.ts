import { addControlRoutes, isControlPath, positiveDecimal } from '../../../sandbox/control.js';
import {
  type RunningSandbox,
  type SandboxRequest,
  type SandboxResponse,
  SandboxRouter,
  startSandboxServer,
} from '../../../sandbox/http.js';
import { emitWebhooks, type SandboxWebhooks } from '../../../sandbox/webhooks.js';
import { serializeAlert, serializeTransaction, serializeWallet } from './serialize.js';
import { LagoStore, type LagoTransactionState, type LagoWalletState } from './store.js';
import {
  LagoRsaKeys,
  type LagoWebhookTarget,
  lagoChangeBodies,
  lagoOutgoing,
  rubyEncode64,
} from './webhooks.js';

export const LAGO_SANDBOX_API_KEY = 'lago-sandbox-key-7f3c2a';
const ORGANIZATION_ID = '9e0f9e0f-9e0f-4e0f-8e0f-000000000001';
const PREFIX = '/api/v1';
const DEFAULT_PER_PAGE = 100;

// Lago's error bodies (NOTES §1).
const unauthorized: SandboxResponse = { status: 401, body: { status: 401, error: 'Unauthorized' } };
const notFound = (code: string): SandboxResponse => ({
  status: 404,
  body: { status: 404, error: 'Not Found', code },
});
const validationError = (details: Record<string, string[]>): SandboxResponse => ({
  status: 422,
  body: {
    status: 422,
    error: 'Unprocessable Entity',
    code: 'validation_errors',
    error_details: details,
  },
});

/** Lago's `meta` (pagination.rb): nil pages become 0 when the list is empty. */
function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
): { page: T[]; meta: Record<string, number | null> } {
  const perPage = Math.max(
    1,
    Number(query.get('per_page') ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE,
  );
  const current = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const totalPages = Math.ceil(items.length / perPage);
  const page = items.slice((current - 1) * perPage, current * perPage);
  if (items.length === 0)
    return {
      page,
      meta: { current_page: 0, next_page: null, prev_page: null, total_pages: 0, total_count: 0 },
    };
  return {
    page,
    meta: {
      current_page: current,
      next_page: current < totalPages ? current + 1 : null,
      prev_page: current > 1 ? current - 1 : null,
      total_pages: totalPages,
      total_count: items.length,
    },
  };
}

/** created_at DESC, id ASC (base_query.rb). */
function lagoOrder(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): number {
  return (
    String(b.created_at).localeCompare(String(a.created_at)) ||
    String(a.lago_id).localeCompare(String(b.lago_id))
  );
}

export interface LagoSandbox extends RunningSandbox, SandboxWebhooks<LagoWebhookTarget> {
  readonly store: LagoStore;
  readonly apiKey: string;
  /** The `iss` of the sandbox's webhook JWTs: its own base URL, as Lago uses its LAGO_API_URL. */
  readonly webhookIssuer: string;
}

export interface LagoSandboxOptions {
  readonly port?: number;
  readonly apiKey?: string;
  readonly store?: LagoStore;
  /** Where balance-change webhooks go (also settable later with setWebhookTarget). */
  readonly webhooks?: LagoWebhookTarget;
  /** Waits between attempts; Lago makes 3 attempts in all (NOTES §8 "Delivery"). */
  readonly webhookRetryDelaysMs?: readonly number[];
}

// Lago counts only these as delivered; any other status, 2xx included, is a failure (NOTES §8).
const LAGO_DELIVERED = new Set([200, 201, 202, 204]);

export async function startLagoSandbox(options: LagoSandboxOptions = {}): Promise<LagoSandbox> {
  const store = options.store ?? new LagoStore();
  const apiKey = options.apiKey ?? LAGO_SANDBOX_API_KEY;
  const serialize = (w: LagoWalletState) =>
    serializeWallet(w, store.customer(w.external_customer_id)?.lago_id ?? '', new Date());
  const keys = new LagoRsaKeys();
  let issuer = '';
  const webhooks = emitWebhooks(
    store.changes,
    (change, target) =>
      lagoChangeBodies(change, { organizationId: ORGANIZATION_ID, serializeWallet: serialize }).map(
        ({ eventType, body }) => lagoOutgoing(eventType, body, target, keys, issuer),
      ),
    {
      target: options.webhooks,
      retryDelaysMs: options.webhookRetryDelaysMs,
      isSuccess: (status) => LAGO_DELIVERED.has(status),
    },
  );
  const publicKey = async (): Promise<string> => rubyEncode64(await keys.publicKeyPem());

  const listWallets = (req: SandboxRequest, externalId: string | null): SandboxResponse => {
    if (externalId !== null && !store.customer(externalId)) return notFound('customer_not_found');
    const currency = req.query.get('currency');
    const matches = (w: Readonly<Record<string, unknown>>) =>
      (externalId === null || w.external_customer_id === externalId) &&
      (!currency || w.currency === currency);
    // Filtered before serialising: the filter's fields are copied verbatim by serialize, and
    // serialising the whole organisation per request made the list cost grow with it.
    const wallets = [
      ...store.wallets.filter(matches).map(serialize),
      ...store.documents.filter(matches),
    ].sort(lagoOrder);
    const { page, meta } = paginate(wallets, req.query);
    return { status: 200, body: { wallets: page, meta } };
  };

  /** The wallet an alerts route addresses; the alerts controller orders by status, active first (NOTES §9.12). */
  const walletForAlerts = (
    req: SandboxRequest,
  ): { wallet: LagoWalletState } | { refused: SandboxResponse } => {
    if (!store.customer(req.params.customer!)) return { refused: notFound('customer_not_found') };
    const w = store.wallets
      .filter((x) => x.external_customer_id === req.params.customer && x.code === req.params.code)
      .sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1))[0];
    return w ? { wallet: w } : { refused: notFound('wallet_not_found') };
  };

  const router = new SandboxRouter()
    // Since v1.47 an absent external_customer_id lists the whole organisation (NOTES §2).
    .on('GET', `${PREFIX}/wallets`, (req) =>
      listWallets(req, req.query.get('external_customer_id')),
    )
    .on('GET', `${PREFIX}/wallets/:id`, (req) => {
      const w = store.wallet(req.params.id!);
      const document = store.document(req.params.id!);
      if (document) return { status: 200, body: { wallet: document } };
      return w ? { status: 200, body: { wallet: serialize(w) } } : notFound('wallet_not_found');
    })
    .on('GET', `${PREFIX}/customers/:customer/wallets`, (req) =>
      listWallets(req, req.params.customer!),
    )
    .on('GET', `${PREFIX}/customers/:customer/wallets/:code`, (req) => {
      if (!store.customer(req.params.customer!)) return notFound('customer_not_found');
      const w = store.walletByCode(req.params.customer!, req.params.code!);
      return w ? { status: 200, body: { wallet: serialize(w) } } : notFound('wallet_not_found');
    })
    .on('GET', `${PREFIX}/customers/:customer/wallets/:code/alerts`, (req) => {
      const found = walletForAlerts(req);
      if ('refused' in found) return found.refused;
      const w = found.wallet;
      const alerts = store.alerts.filter((a) => a.lago_wallet_id === w.lago_id);
      const { page, meta } = paginate(alerts, req.query);
      return {
        status: 200,
        body: { alerts: page.map((a) => serializeAlert(a, ORGANIZATION_ID, w.code)), meta },
      };
    })
    // One alert by its code (spec getCustomerWalletAlert): `{"alert": {...}}`.
    .on('GET', `${PREFIX}/customers/:customer/wallets/:code/alerts/:alert`, (req) => {
      const found = walletForAlerts(req);
      if ('refused' in found) return found.refused;
      const w = found.wallet;
      const alert = store.alerts.find(
        (a) => a.lago_wallet_id === w.lago_id && a.code === req.params.alert,
      );
      return alert
        ? { status: 200, body: { alert: serializeAlert(alert, ORGANIZATION_ID, w.code) } }
        : notFound('alert_not_found');
    })
    // A wallet's history (NOTES §2): filters Lago does not recognise are ignored, not refused.
    .on('GET', `${PREFIX}/wallets/:id/wallet_transactions`, (req) => {
      const w = store.wallet(req.params.id!);
      if (!w) {
        // Seed 001's wallet is a document with no recorded history: an empty list, like a
        // wallet that has never moved.
        if (!store.document(req.params.id!)) return notFound('wallet_not_found');
        return {
          status: 200,
          body: { wallet_transactions: [], meta: paginate([], req.query).meta },
        };
      }
      const { page, meta } = paginate(
        store.transactionsOf(w.lago_id).filter((t) => matchesTransactionQuery(t, req.query)),
        req.query,
      );
      return {
        status: 200,
        body: { wallet_transactions: page.map((t) => serializeTransaction(t, w)), meta },
      };
    })
    // Wrapped in `wallet_transaction`, whatever the spec's schema says (NOTES §9.2).
    .on('GET', `${PREFIX}/wallet_transactions/:id`, (req) => {
      const t = store.transaction(req.params.id!);
      const w = t && store.wallet(t.lago_wallet_id);
      return t && w
        ? {
            status: 200,
            body: { wallet_transaction: serializeTransaction(t, w, { single: true }) },
          }
        : notFound('wallet_transaction_not_found');
    })
    .on('POST', `${PREFIX}/wallet_transactions`, (req) => topUp(store, req))
    // The JWT verification key (NOTES §2 "Other endpoints", §8): Base64.encode64 of the PEM.
    .on('GET', `${PREFIX}/webhooks/json_public_key`, async () => ({
      status: 200,
      body: { webhook: { public_key: await publicKey() } },
    }))
    // The deprecated text/plain twin.
    .on('GET', `${PREFIX}/webhooks/public_key`, async () => ({
      status: 200,
      body: await publicKey(),
    }));

  addTransactionControlRoutes(router, store);
  const activeWallet = (id: string) => {
    const w = store.wallet(id);
    if (w && w.status !== 'active') throw new Error('wallet_is_terminated');
    return w;
  };
  addControlRoutes(router, {
    parseAmount: positiveDecimal,
    topUp: (id, credits) => activeWallet(id) && serialize(store.grantCredits(id, credits)),
    consume: (id, credits) => activeWallet(id) && serialize(store.consumeCredits(id, credits)),
  });

  const running = await startSandboxServer(
    {
      router,
      // The server takes the second word of the header (base_controller.rb#auth_token).
      guard: (req) =>
        isControlPath(req.path) || req.headers.authorization?.split(' ')[1] === apiKey
          ? undefined
          : unauthorized,
      notFound: { status: 404, body: { status: 404, error: 'Not Found', code: 'route_not_found' } },
      methodNotAllowed: {
        status: 405,
        body: { status: 405, error: 'Method Not Allowed', code: 'method_not_allowed' },
      },
      badJson: { status: 400, body: { status: 400, error: 'BadRequest: invalid JSON' } },
    },
    options.port,
  );
  issuer = running.url;
  return {
    ...running,
    store,
    apiKey,
    webhookIssuer: issuer,
    ...webhooks,
    close: async () => {
      webhooks.close();
      await running.close();
    },
  };
}

const CREDITS = /^\d+(\.\d+)?$/;

/**
 * `POST /wallet_transactions` ("Top up a wallet", NOTES §2, §5): paid credits become a pending
 * purchase behind an invoice, granted credits settle at once, voided credits leave at once. The
 * answer is an array of 0 to 3 transactions, in that order.
 */
function topUp(store: LagoStore, req: SandboxRequest): SandboxResponse {
  const input = (req.body as { wallet_transaction?: Record<string, unknown> } | undefined)
    ?.wallet_transaction;
  if (!input)
    return {
      status: 400,
      body: {
        status: 400,
        error: 'BadRequest: param is missing or the value is empty: wallet_transaction',
      },
    };
  const w = typeof input.wallet_id === 'string' ? store.wallet(input.wallet_id) : undefined;
  // An unknown wallet is a 422 here, not a 404 (NOTES §9.6).
  if (!w) return validationError({ wallet_id: ['wallet_not_found'] });
  if (w.status !== 'active') return validationError({ wallet_id: ['wallet_is_terminated'] });
  const amounts = (['paid', 'granted', 'voided'] as const).map((kind) => {
    const value = input[`${kind}_credits`];
    return {
      kind,
      value: typeof value === 'string' || value === undefined ? value : String(value),
    };
  });
  const invalid = amounts.find((a) => a.value !== undefined && !CREDITS.test(a.value));
  if (invalid)
    return validationError({
      [`${invalid.kind}_credits`]: [`invalid_${invalid.kind}_credits`, 'invalid_amount'],
    });
  const voided = amounts[2]!.value;
  if (voided !== undefined && Number(voided) > Number(w.credits_balance))
    return validationError({ voided_credits: ['insufficient_credits'] });
  const name = typeof input.name === 'string' ? input.name : null;
  const metadata = Array.isArray(input.metadata)
    ? (input.metadata as { key?: unknown; value?: unknown }[]).flatMap((m) =>
        typeof m?.key === 'string' && typeof m.value === 'string'
          ? [{ key: m.key, value: m.value }]
          : [],
      )
    : [];
  const created: LagoTransactionState[] = [];
  for (const { kind, value } of amounts) {
    if (value === undefined || Number(value) === 0) continue;
    const transactionKind =
      kind === 'paid' ? 'purchased' : kind === 'granted' ? 'granted' : 'voided';
    created.push(store.createTransaction(w.lago_id, value, transactionKind, { name, metadata }));
  }
  return {
    status: 200,
    body: { wallet_transactions: created.map((t) => serializeTransaction(t, w)) },
  };
}

/** `status`, `transaction_status`, `transaction_type` and `metadata[key]` (NOTES §2). */
function matchesTransactionQuery(t: LagoTransactionState, query: URLSearchParams): boolean {
  const known = {
    status: ['pending', 'settled', 'failed'],
    transaction_status: ['purchased', 'granted', 'voided', 'invoiced'],
    transaction_type: ['inbound', 'outbound'],
  } as const;
  for (const [name, values] of Object.entries(known) as [keyof typeof known, readonly string[]][]) {
    const wanted = query.get(name);
    // A value the server does not recognise is ignored (wallet_transactions_query.rb).
    if (wanted && values.includes(wanted) && t[name] !== wanted) return false;
  }
  for (const [param, value] of query) {
    const key = /^metadata\[(.+)\]$/.exec(param)?.[1];
    if (key !== undefined && !t.metadata.some((m) => m.key === key && m.value === value))
      return false;
  }
  return true;
}

/**
 * `POST /__sandbox/settle` and `/__sandbox/fail` with `{transaction_id}`: a pending purchase's
 * invoice is paid (the credits arrive) or its payment fails, as Lago's payment flow would do.
 */
function addTransactionControlRoutes(router: SandboxRouter, store: LagoStore): void {
  const handle = (action: 'settleTransaction' | 'failTransaction') => (req: SandboxRequest) => {
    const id = (req.body as { transaction_id?: unknown } | undefined)?.transaction_id;
    if (typeof id !== 'string')
      return { status: 400, body: { error: 'transaction_id is required' } };
    const t = store.transaction(id);
    if (!t) return { status: 404, body: { error: 'transaction not found' } };
    try {
      const updated = store[action](id);
      return {
        status: 200,
        body: {
          wallet_transaction: serializeTransaction(updated, store.wallet(updated.lago_wallet_id)!),
        },
      };
    } catch (e) {
      return { status: 422, body: { error: e instanceof Error ? e.message : String(e) } };
    }
  };
  router
    .on('POST', '/__sandbox/settle', handle('settleTransaction'))
    .on('POST', '/__sandbox/fail', handle('failTransaction'));
}
