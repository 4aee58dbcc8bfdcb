import { httpUrl, optionalString } from '../../env.js';

/** Polar's environment variables (README "Configuration"); the token turns Polar on. */
export const POLAR_ENV = {
  POLAR_ACCESS_TOKEN: optionalString,
  POLAR_API_URL: httpUrl.default('https://api.polar.sh/v1'),
  POLAR_WEBHOOK_SECRET: optionalString,
};

export interface PolarSettings {
  readonly apiUrl: string;
  readonly accessToken: string;
  /** The endpoint secret; Polar's events only hint at balance changes, so Polar stays polled. */
  readonly webhookSecret?: string;
}

export function readPolarSettings(e: {
  POLAR_ACCESS_TOKEN?: string | undefined;
  POLAR_API_URL: string;
  POLAR_WEBHOOK_SECRET?: string | undefined;
}): PolarSettings {
  return {
    apiUrl: e.POLAR_API_URL,
    accessToken: e.POLAR_ACCESS_TOKEN ?? '',
    ...(e.POLAR_WEBHOOK_SECRET && { webhookSecret: e.POLAR_WEBHOOK_SECRET }),
  };
}
