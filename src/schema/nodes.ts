import { builder } from './builder.js';
import { decodeGlobalId, invalidId } from './global-id.js';
import { WalletTransactionNode } from './transactions.js';
import { WalletNode } from './wallet.js';

/**
 * `nodes(ids:)`, written here rather than by the relay plugin so that each id is decoded on its
 * own: the plugin decodes the whole list as arguments, so one malformed id failed the field and,
 * the list being non-null, nulled the response. Here every item answers for itself (null plus an
 * error at ["nodes", i]) and its siblings are untouched.
 */

/**
 * One global id -> the Wallet, WalletTransaction or Customer it names, or an error (INVALID_ID)
 * for that id alone.
 */
export function nodeFor(id: string, ctx: Parameters<typeof WalletNode.getDataloader>[0]) {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(id);
  } catch (e) {
    return Promise.reject(e);
  }
  if (decoded.typename === 'Wallet') return WalletNode.getDataloader(ctx).load(decoded.id);
  if (decoded.typename === 'WalletTransaction')
    return WalletTransactionNode.getDataloader(ctx).load(decoded.id);
  // A customer is its external id (Customer.knownBy says whether any provider knows it).
  if (decoded.typename === 'Customer') return Promise.resolve({ externalId: decoded.id });
  return Promise.reject(invalidId());
}

builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      'Fetches objects by global ids, in order. Each id answers on its own: an unknown, hidden ' +
      'or malformed id gives null in its place plus an error at its index; the others are ' +
      'unaffected.',
    args: {
      ids: t.arg.idList({ required: true, description: 'Global ids, as returned in `id` fields.' }),
    },
    resolve: (_root, { ids }, ctx) => ids.map((id) => nodeFor(String(id), ctx)),
  }),
);
