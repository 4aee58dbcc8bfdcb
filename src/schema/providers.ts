import {
  CAPABILITIES,
  CAPABILITY_NAMES,
  type ProviderCapabilities,
} from '../providers/capabilities.js';
import type { ProviderHealth, WalletProvider } from '../providers/provider.js';
import { providerNamed } from '../providers/registered.js';
import { builder } from './builder.js';
import { ProviderEnum } from './enums.js';

const HealthStatus = builder.enumType('ProviderHealthStatus', {
  description: 'Whether the provider answered a probe.',
  values: {
    UP: { description: 'The probe succeeded.' },
    DOWN: { description: 'The probe failed; see `errorCode`.' },
  } as const,
});

const ProviderHealthType = builder.objectRef<ProviderHealth>('ProviderHealth').implement({
  description:
    'The result of one cheap authenticated probe of the provider, made when this field is selected.',
  fields: (t) => ({
    status: t.field({ type: HealthStatus, description: 'UP or DOWN.', resolve: (h) => h.status }),
    latencyMs: t.int({
      nullable: true,
      description: 'Round trip of the probe, in milliseconds.',
      resolve: (h) => h.latencyMs,
    }),
    errorCode: t.string({
      nullable: true,
      description: 'The gateway error code of a failed probe (e.g. UPSTREAM_UNAVAILABLE).',
      resolve: (h) => h.error?.code ?? null,
    }),
    message: t.string({
      nullable: true,
      description: 'What went wrong, without secrets.',
      resolve: (h) => h.error?.message ?? null,
    }),
  }),
});

const CapabilitiesType = builder.objectRef<ProviderCapabilities>('ProviderCapabilities').implement({
  description: 'What a provider can answer, so a frontend can adapt.',
  // One Boolean per capability, described where the capabilities are defined.
  fields: (t) =>
    Object.fromEntries(
      CAPABILITY_NAMES.map((name) => [
        name,
        t.exposeBoolean(name, { description: CAPABILITIES[name].description }),
      ]),
    ),
});

// An adapter without a registration (a test double) claims nothing.
const NO_CAPABILITIES = Object.fromEntries(
  CAPABILITY_NAMES.map((name) => [name, false]),
) as unknown as ProviderCapabilities;

const CircuitState = builder.enumType('CircuitState', {
  description: "State of a provider's circuit breaker.",
  values: {
    CLOSED: { description: 'Calls go through.' },
    OPEN: {
      description:
        'The provider kept failing: calls are refused without an upstream request until a probe is due.',
    },
    HALF_OPEN: {
      description: 'One probe is in flight; its outcome closes or re-opens the circuit.',
    },
  } as const,
});

const ProviderInfo = builder.objectRef<WalletProvider>('ProviderInfo').implement({
  description: 'A provider configured on this gateway.',
  fields: (t) => ({
    name: t.field({ type: ProviderEnum, description: 'Which provider.', resolve: (p) => p.name }),
    capabilities: t.field({
      type: CapabilitiesType,
      description: 'What it supports.',
      resolve: (p) => providerNamed(p.name)?.capabilities ?? NO_CAPABILITIES,
    }),
    circuitState: t.field({
      type: CircuitState,
      description: 'Its circuit breaker, without an upstream call.',
      resolve: (p) => p.circuitState?.() ?? 'CLOSED',
    }),
    health: t.field({
      type: ProviderHealthType,
      description: 'A live probe (one upstream call). Server API keys only.',
      authScopes: { server: true },
      resolve: (p) => p.checkHealth(),
    }),
  }),
});

builder.queryField('providers', (t) =>
  t.field({
    type: [ProviderInfo],
    description: 'Every provider configured on this gateway, with its capabilities and health.',
    resolve: (_root, _args, ctx) => ctx.registry.list(),
  }),
);
