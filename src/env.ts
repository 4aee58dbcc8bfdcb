import { z } from 'zod';

/** Zod readers for environment variables, shared by config.ts and the providers' config files. */

/** A non-empty string; empty values never reach zod (config.ts drops them as unset). */
export const optionalString = z.string().trim().min(1).optional();

/** An http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/ });

export const positiveInt = z.coerce.number().int().positive();
