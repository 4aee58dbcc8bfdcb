import {
  createInlineSigningKeyProvider,
  createRemoteJwksSigningKeyProvider,
  type ExtractTokenFunction,
  useJWT,
} from '@graphql-yoga/plugin-jwt';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { bearerToken } from '../auth/bearer.js';
import { type AuthSettings, unauthenticated } from '../auth/caller.js';
import { checkTokenPolicy, type TokenPolicy } from '../auth/token-policy.js';
import type { GatewayConfig } from '../config.js';
import { withErrorsMapped } from './withErrorsMapped.js';

/**
 * The JWT plugin answers a token that is not a JWT at all with a code-less 400: every refused
 * token is 401 UNAUTHENTICATED here, whatever was wrong with it. Anything else (a JWKS that cannot
 * be fetched) stays an unexpected error.
 */
function refusedToken(e: unknown): unknown {
  if (e instanceof GraphQLError && e.extensions?.code === 'UNAUTHENTICATED') return e;
  const status =
    e instanceof GraphQLError ? (e.extensions?.http as { status?: number })?.status : 0;
  return status === 400 || status === 401
    ? unauthenticated('Invalid or expired token in Authorization: Bearer')
    : e;
}

/** With no JWT configured, a bearer token is refused rather than silently ignored. */
function refuseBearerTokens(): Plugin {
  return {
    // Context building runs on every transport (over WebSocket the header may come from connectionParams).
    onContextBuilding({ context }) {
      if ((context as { request?: Request }).request?.headers.has('authorization'))
        throw unauthenticated(
          'This gateway accepts no bearer tokens (no AUTH_JWT_SECRET or AUTH_JWKS_URL): send a server key in x-api-key',
        );
    },
  };
}

/**
 * The token of the one `Authorization: Bearer` credential, held to the policy the JWT library
 * does not check (it verifies the signature, `exp` and `nbf` afterwards).
 */
function policedBearerToken(policy: TokenPolicy): ExtractTokenFunction {
  return ({ request }) => {
    const header = request?.headers.get('authorization');
    if (header == null) return undefined;
    const token = bearerToken(header);
    checkTokenPolicy(token, policy, Math.floor(Date.now() / 1000));
    return { prefix: 'Bearer', token };
  };
}

/** Verifies customer JWTs (HS256 secret or a JWKS) and puts the payload at `context.jwt`. */
export function useCustomerJwt(config: GatewayConfig): Plugin {
  const jwt = config.auth.jwt;
  if (!jwt) return refuseBearerTokens();
  const plugin = useJWT({
    signingKeyProviders: [
      jwt.secret
        ? createInlineSigningKeyProvider(jwt.secret)
        : createRemoteJwksSigningKeyProvider({ jwksUri: jwt.jwksUrl! }),
    ],
    tokenLookupLocations: [policedBearerToken(jwt.policy)],
    tokenVerification: {
      clockTolerance: jwt.policy.clockSkewS,
      algorithms: jwt.secret ? ['HS256'] : ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      ...(jwt.issuer && { issuer: jwt.issuer }),
      ...(jwt.audience && { audience: jwt.audience }),
    },
    // A forged or expired token is refused outright; no token falls through to API keys or anonymous.
    reject: { missingToken: false, invalidToken: true },
  });
  return withErrorsMapped(plugin, refusedToken) as Plugin;
}

export function authSettings(config: GatewayConfig): AuthSettings {
  return {
    apiKeys: config.auth.apiKeys,
    jwtClaim: config.auth.jwt?.claim ?? 'sub',
    allowAnonymous: config.sandbox,
  };
}
