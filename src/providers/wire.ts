import { z } from 'zod';
import { parseDecimal } from '../domain/money.js';

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

/** ISO 8601 timestamp with an offset or Z, any fraction precision. */
export const timestamp = z.iso.datetime({ offset: true });

/** An ordinary JSON integer (counts, priorities, pages). */
export const integer = z.number().int();

/** Money in minor units: beyond 2^53 it arrives as bigint (json.ts), never rounded. */
export const minorUnitsInteger = z.union([z.number().int(), z.bigint()]);
