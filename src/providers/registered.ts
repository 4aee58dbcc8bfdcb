import { flexprice } from './flexprice/index.js';
import { lago } from './lago/index.js';
import type { ProviderModule } from './module.js';
import { polar } from './polar/index.js';

/**
 * Every provider the gateway can front, one line each, in the order lists and tables show them.
 * Adding a provider is adding its folder and its line here (docs/adding-a-provider.md).
 */
export const PROVIDERS = [lago, flexprice, polar] as const satisfies readonly ProviderModule[];

export type RegisteredProvider = (typeof PROVIDERS)[number];

/** The registration of a provider name (`LAGO`), if there is one. */
export function providerNamed(name: string): RegisteredProvider | undefined {
  return PROVIDERS.find((p) => p.name === name);
}

/** The registration of a provider id (`lago`), if there is one. */
export function providerWithId(id: string): RegisteredProvider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export function isProviderName(name: string): boolean {
  return providerNamed(name) !== undefined;
}
