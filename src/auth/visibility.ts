import type { Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Result } from '../providers/provider.js';
import { type Caller, canSee } from './caller.js';

/**
 * A customer caller gets the same answer for another customer's wallet as for a wallet that
 * does not exist: the same code and message, with no upstream detail that could tell them apart.
 * An error raised once the provider had shown the wallet exists (an unreadable wallet, a failed
 * real-time read) reaches only its owner; for anyone else, and where the owner could not be
 * told, it is answered as not found, as a made-up id is. Errors raised before existence was known
 * (the provider is down) are the same for every id and pass unchanged.
 */
export function visibleTo(caller: Caller, result: Result<Wallet>): Result<Wallet> {
  if (caller.kind !== 'customer') return result;
  if (result instanceof GatewayError) {
    if (result.code === 'WALLET_NOT_FOUND') return walletNotFound();
    if (result.existingWalletOf !== undefined && result.existingWalletOf !== caller.externalId)
      return walletNotFound();
    // An unreadable wallet whose owner cannot be read is existence-revealing: fail closed.
    if (result.code === 'UPSTREAM_BAD_RESPONSE' && result.existingWalletOf === undefined)
      return walletNotFound();
    return result;
  }
  return canSee(caller, result) ? result : walletNotFound();
}

export function walletNotFound(): GatewayError {
  return new GatewayError('WALLET_NOT_FOUND', 'Wallet not found');
}
