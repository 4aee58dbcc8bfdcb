import {
  FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
  flexpriceOutgoing,
} from '../../src/providers/flexprice/sandbox/webhooks.js';

/**
 * A Flexprice `wallet.transaction.created` delivery for a credit of `amount` to `walletId`,
 * Svix-signed with the sandbox's secret as Flexprice signs it. `post` sends the very same bytes
 * and headers to a gateway's webhook route, so posting twice is a provider's retry.
 */
export function flexpriceCreditDelivery(transactionId: string, walletId: string, amount: string) {
  const body = JSON.stringify({
    event_type: 'wallet.transaction.created',
    transaction: {
      id: transactionId,
      wallet_id: walletId,
      customer_id: 'c',
      type: 'credit',
      amount,
      credit_amount: amount,
      transaction_status: 'completed',
      reference_type: 'EXTERNAL',
      transaction_reason: 'PURCHASED_CREDIT_DIRECT',
      currency: 'usd',
    },
  });
  const headers = flexpriceOutgoing('wallet.transaction.created', body, {
    url: '',
    secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
  }).headers() as Record<string, string>;
  return {
    body,
    headers,
    post: (gatewayUrl: string) =>
      fetch(`${new URL(gatewayUrl).origin}/webhooks/flexprice`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }),
  };
}
