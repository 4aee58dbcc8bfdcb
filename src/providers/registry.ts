import type { ProviderName } from '../domain/wallet.js';
import type { WalletProvider } from './provider.js';
import { PROVIDERS } from './registered.js';

/** The configured providers' adapters, in the registered order (src/providers/registered.ts). */
export class ProviderRegistry {
  private readonly byName: ReadonlyMap<ProviderName, WalletProvider>;

  constructor(providers: readonly WalletProvider[]) {
    this.byName = new Map(providers.map((p) => [p.name, p]));
  }

  get(name: ProviderName): WalletProvider | undefined {
    return this.byName.get(name);
  }

  list(): WalletProvider[] {
    return PROVIDERS.flatMap(({ name }) => this.byName.get(name) ?? []);
  }
}
