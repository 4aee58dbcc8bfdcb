import { readFileSync } from 'node:fs';
import { type APQStore, createInMemoryAPQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ConfigError, type TrustedDocumentsConfig } from '../config.js';

const APQ_KEY_PREFIX = 'walletgate:apq:';
const APQ_TTL_SECONDS = 24 * 60 * 60;

const manifestSchema = z.record(z.string().min(1), z.string().min(1));

/** A persisted-documents manifest as codegen's client preset writes it: `{ "<hash>": "<document>" }`. */
export function loadManifest(path: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(
      `Invalid configuration: TRUSTED_DOCUMENTS_MANIFEST: cannot read ${path} as JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success)
    throw new ConfigError(
      'Invalid configuration: TRUSTED_DOCUMENTS_MANIFEST: expected { "<hash>": "<document>" }, as codegen\'s client preset writes it (persistedDocuments: true)',
    );
  return new Map(Object.entries(manifest.data));
}

/**
 * Where automatic persisted queries are kept: the trusted-documents manifest first (known without
 * registering), then Redis when configured (shared by every replica; a Redis that is not ready is
 * skipped, not waited for), then this replica's memory.
 */
function apqStore(manifest: ReadonlyMap<string, string>, redis: Redis | undefined): APQStore {
  const memory = createInMemoryAPQStore({ max: 1000, ttl: APQ_TTL_SECONDS * 1000 });
  const shared = () => (redis?.status === 'ready' ? redis : undefined);
  return {
    async get(hash) {
      const known = manifest.get(hash) ?? (await memory.get(hash));
      if (known) return known;
      return (
        (await shared()
          ?.get(APQ_KEY_PREFIX + hash)
          .catch(() => null)) ?? null
      );
    },
    async set(hash, query) {
      await memory.set(hash, query);
      await shared()
        ?.set(APQ_KEY_PREFIX + hash, query, 'EX', APQ_TTL_SECONDS)
        .catch(() => undefined);
    },
  };
}

const refusal = (message: string, code: string, status: number) => () =>
  createGraphQLError(message, { extensions: { code, http: { status } } });

/**
 * Persisted documents. By default: automatic persisted queries (Apollo's protocol: a hash alone is
 * answered PersistedQueryNotFound until the client sends the query once) plus, when a manifest is
 * configured, its documents by hash. With `only`: the manifest's documents and nothing else, the
 * production mode that keeps unknown documents out entirely.
 */
export function usePersistedDocuments(
  config: TrustedDocumentsConfig,
  redis: Redis | undefined,
): Plugin[] {
  const manifest = config.manifestPath ? loadManifest(config.manifestPath) : new Map();
  if (!config.only) return [useAPQ({ store: apqStore(manifest, redis) })];
  return [
    usePersistedOperations({
      allowArbitraryOperations: false,
      getPersistedOperation: (hash) => manifest.get(hash) ?? null,
      customErrors: {
        notFound: refusal(
          "The document is not among this gateway's trusted documents (TRUSTED_DOCUMENTS_MANIFEST)",
          'PERSISTED_QUERY_NOT_IN_LIST',
          404,
        ),
        persistedQueryOnly: refusal(
          'This gateway runs trusted documents only: send the hash of a document in its manifest (extensions.persistedQuery.sha256Hash), not a query',
          'PERSISTED_QUERY_ONLY',
          400,
        ),
        keyNotFound: refusal(
          'Send the hash of a trusted document in extensions.persistedQuery.sha256Hash',
          'BAD_REQUEST',
          400,
        ),
      },
    }),
  ];
}
