import type { Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Result } from '../providers/provider.js';
import { type Caller, canSee } from './caller.js';

/**
 * A customer caller gets the same answer for another customer's wallet as for a wallet that
 * does not exist: the same code and message, with no upstream detail that could tell them apart.
 */
export function visibleTo(caller: Caller, result: Result<Wallet>): Result<Wallet> {
  if (caller.kind !== 'customer') return result;
  if (result instanceof GatewayError)
    return result.code === 'WALLET_NOT_FOUND' ? walletNotFound() : result;
  return canSee(caller, result) ? result : walletNotFound();
}

export function walletNotFound(): GatewayError {
  return new GatewayError('WALLET_NOT_FOUND', 'Wallet not found');
}
