import {
  createInlineSigningKeyProvider,
  createRemoteJwksSigningKeyProvider,
  extractFromHeader,
  useJWT,
} from '@graphql-yoga/plugin-jwt';
import type { Plugin } from 'graphql-yoga';
import type { AuthSettings } from '../auth/caller.js';
import type { GatewayConfig } from '../config.js';

/** Verifies customer JWTs (HS256 secret or a JWKS) and puts the payload at `context.jwt`. */
export function useCustomerJwt(config: GatewayConfig): Plugin | undefined {
  const jwt = config.auth.jwt;
  if (!jwt) return undefined;
  return useJWT({
    signingKeyProviders: [
      jwt.secret
        ? createInlineSigningKeyProvider(jwt.secret)
        : createRemoteJwksSigningKeyProvider({ jwksUri: jwt.jwksUrl! }),
    ],
    tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
    tokenVerification: {
      algorithms: jwt.secret ? ['HS256'] : ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      ...(jwt.issuer && { issuer: jwt.issuer }),
      ...(jwt.audience && { audience: jwt.audience }),
    },
    // A forged or expired token is refused outright; no token falls through to API keys or anonymous.
    reject: { missingToken: false, invalidToken: true },
  });
}

export function authSettings(config: GatewayConfig): AuthSettings {
  return {
    apiKeys: config.auth.apiKeys,
    jwtClaim: config.auth.jwt?.claim ?? 'sub',
    allowAnonymous: config.sandbox,
  };
}
