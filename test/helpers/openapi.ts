import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { contractSpecPath } from '../../scripts/sync-contract.js';

/**
 * Checks sandbox responses against a provider's OpenAPI file, as copied into test/contract/ by
 * `npm run sync-contract` (`relativePath` names the file as the shared providers folder beside the repository holds it).
 * `adjust` edits the spec in memory before compiling, to apply the spec errors NOTES.md lists
 * (each adjustment in a test names its NOTES.md section).
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const CONTRACT = new URL('../contract/', import.meta.url);

type Json = Record<string, unknown>;

export interface OpenApiSpec {
  readonly document: Json;
  /** The JSON schema of an operation's response body. */
  responseSchema(path: string, method: string, status: number | string, contentType?: string): Json;
  /** Validates `body`; returns Ajv's errors (empty when valid). */
  validate(schema: Json, body: unknown): ErrorObject[];
}

export function loadSpec(
  source: string | { readonly document: Json; readonly name: string },
  adjust?: (doc: Json) => void,
): OpenApiSpec {
  const relativePath = typeof source === 'string' ? source : source.name;
  // An in-memory document (the OpenAPI fragment a seed page embeds) is copied, never adjusted in place.
  const document =
    typeof source === 'string'
      ? (JSON.parse(readFileSync(new URL(contractSpecPath(source), CONTRACT), 'utf8')) as Json)
      : (structuredClone(source.document) as Json);
  adjust?.(document);
  const is31 = String(document.openapi ?? '').startsWith('3.1');
  const ajv = is31
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv as unknown as Ajv);
  for (const extra of [
    'uuid4',
    'int32',
    'int64',
    'float',
    'double',
    'byte',
    'binary',
    'password',
    'decimal',
  ])
    ajv.addFormat(extra, true);
  // Only components are registered: paths hold operation objects, not schemas.
  ajv.addSchema({
    $id: 'spec',
    components: document.components ?? {},
    definitions: (document as Json).definitions ?? {},
  });
  const compiled = new Map<Json, ReturnType<Ajv['compile']>>();

  return {
    document,
    responseSchema(path, method, status, contentType = 'application/json') {
      const operation = ((document.paths as Json)[path] as Json | undefined)?.[
        method.toLowerCase()
      ] as Json | undefined;
      if (!operation) throw new Error(`${method} ${path} is not in ${relativePath}`);
      let response = (operation.responses as Json)[String(status)] as Json | undefined;
      if (!response)
        throw new Error(`${method} ${path} has no ${status} response in ${relativePath}`);
      if (typeof response.$ref === 'string') response = resolveRef(document, response.$ref);
      const schema = ((response.content as Json | undefined)?.[contentType] as Json | undefined)
        ?.schema as Json | undefined;
      if (!schema) throw new Error(`${method} ${path} ${status} has no ${contentType} schema`);
      return rebase(schema);
    },
    validate(schema, body) {
      let validator = compiled.get(schema);
      if (!validator) {
        validator = ajv.compile(schema);
        compiled.set(schema, validator);
      }
      return validator(body) ? [] : [...(validator.errors ?? [])];
    },
  };
}

function resolveRef(document: Json, ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((node, key) => node[key] as Json, document);
}

/** Points local refs (`#/components/...`) at the registered spec schema. */
function rebase(schema: Json): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec#/')) as Json;
}
