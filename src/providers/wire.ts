import { z } from 'zod';
import { type Dec, parseDecimal } from '../domain/money.js';
import { JsonNumber } from '../json.js';

/** Shared zod building blocks for wire formats. */

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

/**
 * A JSON object, read as its own entries in order (each value validated by the caller). A record
 * would assign keys one by one and lose a key named "__proto__" to the prototype.
 */
export const plainObjectEntries = z
  .custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'expected an object',
  )
  .transform((v) => Object.entries(v));
