import { unauthenticated } from './caller.js';

// RFC 6750's b68token, once: a second scheme, a second token or a comma (two headers joined)
// makes the header ambiguous, and an ambiguous credential is refused rather than guessed at.
const ONE_BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The one token of an `Authorization: Bearer <token>` header; anything else is 401. */
export function bearerToken(header: string): string {
  const token = ONE_BEARER.exec(header.trim())?.[1];
  if (!token)
    throw unauthenticated(
      'Authorization must hold exactly one credential: "Bearer <token>", once, with no other scheme',
    );
  return token;
}
