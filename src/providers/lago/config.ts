import { httpUrl, optionalString } from '../../env.js';

/** Lago's environment variables (README "Configuration"); the key turns Lago on. */
export const LAGO_ENV = {
  LAGO_API_KEY: optionalString,
  LAGO_API_URL: httpUrl.default('https://api.getlago.com/api/v1'),
  LAGO_WEBHOOK_HMAC_KEY: optionalString,
  // Set when Lago's webhook endpoint signs with JWT: deliveries then need no shared secret, and
  // this names the expected `iss` (the Lago server's own LAGO_API_URL).
  LAGO_WEBHOOK_JWT_ISSUER: httpUrl.optional(),
};

export interface LagoSettings {
  readonly apiUrl: string;
  readonly apiKey: string;
  /**
   * Set once someone declares Lago's webhook endpoint points here (an HMAC key, or the JWT issuer
   * to expect); JWT-signed deliveries verify with Lago's public key even without it.
   */
  readonly webhooks?: { readonly hmacKey?: string; readonly jwtIssuer?: string };
}

export function readLagoSettings(e: {
  LAGO_API_KEY?: string | undefined;
  LAGO_API_URL: string;
  LAGO_WEBHOOK_HMAC_KEY?: string | undefined;
  LAGO_WEBHOOK_JWT_ISSUER?: string | undefined;
}): LagoSettings {
  return {
    apiUrl: e.LAGO_API_URL,
    apiKey: e.LAGO_API_KEY ?? '',
    ...((e.LAGO_WEBHOOK_HMAC_KEY || e.LAGO_WEBHOOK_JWT_ISSUER) && {
      webhooks: {
        ...(e.LAGO_WEBHOOK_HMAC_KEY && { hmacKey: e.LAGO_WEBHOOK_HMAC_KEY }),
        ...(e.LAGO_WEBHOOK_JWT_ISSUER && { jwtIssuer: e.LAGO_WEBHOOK_JWT_ISSUER }),
      },
    }),
  };
}
