import { decodeGlobalID } from '@pothos/plugin-relay';
import { GatewayError } from '../errors.js';

/**
 * Reads a Relay global id (base64 of `Typename:id`). Anything else is INVALID_ID, with a message
 * of ours: the id itself is not echoed (it may be huge, or someone else's).
 */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  try {
    return decodeGlobalID(globalId);
  } catch {
    throw invalidId();
  }
}

export function invalidId(expected = 'a Walletgate global id'): GatewayError {
  return new GatewayError(
    'INVALID_ID',
    `Not ${expected}: ids come from the \`id\` field of a Wallet, WalletTransaction or Customer`,
  );
}
