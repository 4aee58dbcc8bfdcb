import { z } from 'zod';
import { type Dec, parseDecimal } from '../domain/money.js';
import { JsonNumber } from '../json.js';

/** Shared zod building blocks for wire formats. */

/** A decimal that arrives as a JSON string ("10.0"); never a JSON number. */
export const decimalString = z.string().refine((s) => {
  try {
    parseDecimal(s);
    return true;
  } catch {
    return false;
  }
}, 'expected a decimal string');

/**
 * A decimal as any provider may send it: a JSON string ("10.0"), or a JSON number read from its
 * own text (json.ts keeps `12.50` as "12.50"), so an amount sent as a number is exact too, scale
 * and all. Exponent notation and absurd lengths are refused, as parseDecimal does.
 */
export const decimal = z
  .union([z.string(), z.number(), z.bigint(), z.instanceof(JsonNumber)])
  .transform((v, ctx): Dec => {
    const text = v instanceof JsonNumber ? v.text : String(v);
    try {
      return parseDecimal(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a plain decimal' });
      return z.NEVER;
    }
  });

/** ISO 8601 timestamp with an offset or Z, any fraction precision. */
export const timestamp = z.iso.datetime({ offset: true });

/** An ordinary JSON integer (counts, pages). */
export const integer = z.number().int();

/** An integer that will reach a GraphQL Int (32-bit signed): anything wider is a bad payload. */
export const int32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

/** Money in minor units: beyond 2^53 it arrives as bigint (json.ts), never rounded. */
export const minorUnitsInteger = z.union([z.number().int(), z.bigint()]);

/** A timestamp read into a Date. */
export const date = timestamp.transform((s) => new Date(s));

export const plainObject = z
  .custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'expected an object',
  )
  .transform((v) => Object.entries(v));

/** A JSON object, read as its own entries in order (each value validated by the caller). */
export const plainObjectEntries = plainObject;

/**
 * A JSON object of string values, read as its own entries in order. A record would assign keys
 * one by one and lose a key named "__proto__" to the prototype.
 */
export const stringMapEntries = plainObject.pipe(z.array(z.tuple([z.string(), z.string()])));

/** The same, where values may be null (Lago wallet metadata). */
export const nullableStringMapEntries = plainObject.pipe(
  z.array(z.tuple([z.string(), z.string().nullable()])),
);
