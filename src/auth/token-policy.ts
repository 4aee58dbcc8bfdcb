import { decodeJwt, decodeProtectedHeader } from 'jose';
import { unauthenticated } from './caller.js';

/** What a customer token must carry besides a valid signature, issuer and audience. */
export interface TokenPolicy {
  /** Refuse tokens without `exp`: such a token could never be revoked. */
  readonly requireExp: boolean;
  /** Seconds of disagreement allowed between the issuer's clock and ours (`iat`, `nbf`, `exp`). */
  readonly clockSkewS: number;
  /** The longest `exp - iat` accepted, when set. */
  readonly maxLifetimeS?: number;
}

const refused = (why: string) => unauthenticated(`Token refused: ${why}`);

/**
 * Checks what the JWT library does not: `crit`, a required `exp`, an `iat` from the future and
 * the token's lifetime. Runs before the signature check; it only ever refuses, so reading the
 * unverified token cannot let anything in.
 */
export function checkTokenPolicy(token: string, policy: TokenPolicy, nowS: number): void {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw refused('not a JWT');
  }
  // No extension is understood here, so any critical one must be refused (RFC 7515 §4.1.11).
  if (header.crit !== undefined) throw refused('the "crit" header names extensions not supported');
  const { exp, iat, nbf } = claims;
  for (const [name, value] of Object.entries({ exp, iat, nbf }))
    if (value !== undefined && typeof value !== 'number')
      throw refused(`"${name}" is not a NumericDate`);
  if (policy.requireExp && exp === undefined) throw refused('no "exp" claim');
  if (iat !== undefined && iat > nowS + policy.clockSkewS) throw refused('"iat" is in the future');
  if (policy.maxLifetimeS !== undefined && exp !== undefined) {
    const lifetime = exp - (iat ?? nowS);
    if (lifetime > policy.maxLifetimeS)
      throw refused(`it lives longer than ${policy.maxLifetimeS} s`);
  }
}
