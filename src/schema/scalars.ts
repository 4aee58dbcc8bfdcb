import { GraphQLError, Kind } from 'graphql';
import { normalizeCurrency } from '../domain/currency.js';
import { Dec, decimalString, parseDecimal } from '../domain/money.js';
import { jsonSafe } from '../json.js';
import { builder } from './builder.js';

function decimalInput(value: unknown): Dec {
  // A float has already lost precision before it reaches us: refuse it rather than guess.
  if (typeof value !== 'string')
    throw new GraphQLError('Decimal must be a string such as "10.50", not a number');
  try {
    return parseDecimal(value);
  } catch {
    throw new GraphQLError(
      `Decimal expects a plain decimal string, got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
}

builder.scalarType('Decimal', {
  description:
    'An exact decimal number, sent as a string ("28.0", "-1.25"). Never a float: numbers are refused as input.',
  serialize: (value) =>
    typeof value === 'string'
      ? value
      : decimalString(value instanceof Dec ? value : new Dec(value)),
  parseValue: decimalInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Decimal must be a string literal such as "10.50", not a number');
    return decimalInput(ast.value);
  },
});

function dateInput(value: unknown): Date {
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new GraphQLError('DateTime expects an ISO 8601 string such as "2026-01-31T12:00:00Z"');
  return d;
}

builder.scalarType('DateTime', {
  // graphql-scalars' DateTime carries no specifiedByURL and serialises Date objects; this one sends
  // the documented string, which that spec (RFC 3339 profile) allows.
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
  description:
    'A point in time, as an ISO 8601 string in UTC with milliseconds ("2026-01-31T12:00:00.000Z").',
  serialize: (value) => value.toISOString(),
  parseValue: dateInput,
  parseLiteral: (ast) => dateInput(ast.kind === Kind.STRING ? ast.value : undefined),
});

function currencyInput(value: unknown): string {
  const code = typeof value === 'string' ? normalizeCurrency(value) : undefined;
  if (!code) throw new GraphQLError('Currency expects an ISO 4217 code such as "USD"');
  return code;
}

builder.scalarType('Currency', {
  specifiedByURL: 'https://www.iso.org/iso-4217-currency-codes.html',
  description:
    'An upper-case ISO 4217 currency code ("USD", "JPY", "KWD"). Input is case-insensitive.',
  serialize: (value) => value,
  parseValue: currencyInput,
  parseLiteral: (ast) => currencyInput(ast.kind === Kind.STRING ? ast.value : undefined),
});

function jsonLiteral(ast: import('graphql').ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(jsonLiteral);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    default:
      throw new GraphQLError('JSON literals cannot contain variables');
  }
}

builder.scalarType('JSON', {
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc8259',
  description:
    'Any JSON value, passed through untouched (integers beyond 2^53 come out as exact digit strings).',
  serialize: jsonSafe,
  parseValue: (value) => value,
  parseLiteral: jsonLiteral,
});
