import { z } from 'zod';
import { httpUrl, optionalString } from '../../env.js';

/** Flexprice's environment variables (README "Configuration"); the key turns Flexprice on. */
export const FLEXPRICE_ENV = {
  FLEXPRICE_API_KEY: optionalString,
  FLEXPRICE_API_URL: httpUrl.default('https://us.api.flexprice.io/v1'),
  FLEXPRICE_ENVIRONMENT_ID: optionalString,
  FLEXPRICE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a Svix secret (whsec_…)')
    .optional(),
};

export interface FlexpriceSettings {
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Only for config-file keys; database-issued keys are bound to one environment (NOTES §0.1). */
  readonly environmentId?: string;
  /** The Svix endpoint secret; without it there is no webhook route and Flexprice is polled. */
  readonly webhookSecret?: string;
}

export function readFlexpriceSettings(e: {
  FLEXPRICE_API_KEY?: string | undefined;
  FLEXPRICE_API_URL: string;
  FLEXPRICE_ENVIRONMENT_ID?: string | undefined;
  FLEXPRICE_WEBHOOK_SECRET?: string | undefined;
}): FlexpriceSettings {
  return {
    apiUrl: e.FLEXPRICE_API_URL,
    apiKey: e.FLEXPRICE_API_KEY ?? '',
    ...(e.FLEXPRICE_ENVIRONMENT_ID && { environmentId: e.FLEXPRICE_ENVIRONMENT_ID }),
    ...(e.FLEXPRICE_WEBHOOK_SECRET && { webhookSecret: e.FLEXPRICE_WEBHOOK_SECRET }),
  };
}
