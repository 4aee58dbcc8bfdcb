import type { Capability } from '../providers/capabilities.js';
import { PROVIDERS } from '../providers/registered.js';

/**
 * Descriptions that say where each provider's value comes from, composed from the registered
 * providers' field documentation (src/providers/<name>/fields.ts), so that a provider added to
 * the registry documents itself here too.
 */

/** `text`, then each registered provider's part for this schema coordinate, when it has one. */
export function perProvider(coordinate: string, text: string): string {
  const parts = PROVIDERS.flatMap((p) => {
    const doc = p.docs.fields[coordinate];
    return doc && doc.short !== undefined ? [`${p.docs.title}: ${doc.short ?? 'none'}`] : [];
  });
  return parts.length > 0 ? `${text} ${parts.join('; ')}.` : text;
}

/** The titles of the registered providers that have (or lack) a capability: `Lago, Flexprice`. */
export function providersWith(capability: Capability, has = true): string {
  return (
    PROVIDERS.filter((p) => p.capabilities[capability] === has)
      .map((p) => p.docs.title)
      .join(', ') || 'none'
  );
}
