/**
 * Seeded Polar organisation. Customers share external ids with the other sandboxes so that
 * `customer(externalId)` joins across providers:
 * - `hooli_1234`: a USD wallet of 5000 cents (NOTES §2.4's example wallet, id and all);
 * - `acme_42`: a USD wallet at -1250 cents (the customer owes $12.50, NOTES §3) and an EUR wallet
 *   (many wallets per customer, one per currency, NOTES §3);
 * - `polar_only_3`: known to Polar only;
 * - `globex_7`: a Polar customer with no wallet yet (wallets are created lazily: balance 0);
 * - one customer with no external id (Polar's `external_id` is optional).
 * Ids are uuid4; timestamps as Pydantic prints them (microseconds, or none when zero).
 */

export const POLAR_ORGANIZATION_ID = '1dbfc517-0bbf-4301-9ba8-555ca42b9737';

export interface PolarCustomerSeed {
  readonly id: string;
  readonly external_id: string | null;
  readonly email: string;
  readonly name: string | null;
  readonly created_at: string;
}

export interface PolarWalletSeed {
  readonly id: string;
  readonly customer_id: string;
  /** Lower-case, as the `String(3)` column holds it. */
  readonly currency: string;
  /** Cents; negative is debt. */
  readonly balance: bigint;
  readonly created_at: string;
  readonly modified_at: string | null;
}

export const POLAR_CUSTOMERS: readonly PolarCustomerSeed[] = [
  {
    id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
    external_id: 'hooli_1234',
    email: 'billing@hooli.example',
    name: 'Hooli',
    created_at: '2025-11-12T09:30:00.000120Z',
  },
  {
    id: 'a3c2e1f0-5b6d-4e7f-8a9b-0c1d2e3f4a42',
    external_id: 'acme_42',
    email: 'finance@acme.example',
    name: 'Acme Corp',
    created_at: '2025-11-20T16:02:44.318000Z',
  },
  {
    id: '5f0c1e2d-3b4a-4c5d-9e6f-7a8b9c0d1e03',
    external_id: 'polar_only_3',
    email: 'ops@polar-only.example',
    name: null,
    created_at: '2026-01-02T11:11:11Z',
  },
  {
    id: '6b7c8d9e-0f1a-4b2c-a3d4-e5f6a7b8c907',
    external_id: 'globex_7',
    email: 'accounts@globex.example',
    name: 'Globex',
    created_at: '2026-02-02T02:02:02.020202Z',
  },
  {
    id: '7c8d9e0f-1a2b-4c3d-b4e5-f6a7b8c9d0e1',
    external_id: null,
    email: 'anonymous@example.com',
    name: null,
    created_at: '2026-03-03T03:03:03.303303Z',
  },
];

export const POLAR_WALLETS: readonly PolarWalletSeed[] = [
  {
    id: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
    customer_id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
    currency: 'usd',
    balance: 5000n,
    created_at: '2025-11-12T09:34:05.123456Z',
    modified_at: null,
  },
  {
    id: 'b1e2d3c4-a5b6-4c7d-8e9f-0a1b2c3d4e51',
    customer_id: 'a3c2e1f0-5b6d-4e7f-8a9b-0c1d2e3f4a42',
    currency: 'usd',
    balance: -1250n,
    created_at: '2025-12-01T14:22:10.654321Z',
    modified_at: '2026-03-18T08:00:00.000001Z',
  },
  {
    id: 'c2f3e4d5-b6a7-4d8e-9fa0-1b2c3d4e5f62',
    customer_id: 'a3c2e1f0-5b6d-4e7f-8a9b-0c1d2e3f4a42',
    currency: 'eur',
    balance: 2599n,
    created_at: '2026-01-05T10:00:00Z',
    modified_at: null,
  },
  {
    id: 'd3a4f5e6-c7b8-4e9f-a0b1-2c3d4e5f6a73',
    customer_id: '5f0c1e2d-3b4a-4c5d-9e6f-7a8b9c0d1e03',
    currency: 'usd',
    balance: 120000n,
    created_at: '2026-01-02T11:15:00.250000Z',
    modified_at: null,
  },
  {
    id: 'e4b5a6f7-d8c9-4fa0-b1c2-3d4e5f6a7b84',
    customer_id: '7c8d9e0f-1a2b-4c3d-b4e5-f6a7b8c9d0e1',
    currency: 'usd',
    balance: 0n,
    created_at: '2026-03-03T03:05:00.000500Z',
    modified_at: null,
  },
];
