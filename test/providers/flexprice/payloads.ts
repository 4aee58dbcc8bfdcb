/** A WalletResponse shaped exactly as NOTES §7 prints it (string money, lower-case currency, microsecond timestamps). */
export const WALLET_RESPONSE = {
  id: 'wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ', customer_id: 'cust_01K2ABCDEFGHJKMNPQRSTVWXYZ', currency: 'usd', balance: '100', credit_balance: '100',
  wallet_status: 'active', name: 'Prepaid Wallet - USD', description: '', metadata: { plan: 'pro' },
  auto_topup: { enabled: true, threshold: '5', amount: '50', invoicing: false },
  wallet_type: 'PRE_PAID', config: { allowed_price_types: ['USAGE'] }, conversion_rate: '1',
  topup_conversion_rate: '1', environment_id: 'env_01K0000000000000000000000',
  alert_settings: { critical: { threshold: '0', condition: 'below' }, warning: { threshold: '10', condition: 'below' }, info: null, alert_enabled: true },
  alert_state: 'ok', tenant_id: 'tenant_01K0000000000000000000000', status: 'published',
  created_at: '2026-08-22T10:00:00.123456Z', updated_at: '2026-08-22T10:00:00.123456Z',
  created_by: 'user_01K0000000000000000000000', updated_by: 'user_01K0000000000000000000000',
};
