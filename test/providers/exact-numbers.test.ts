import { describe, expect, it } from 'vitest';
import { decimalString } from '../../src/domain/money.js';
import { JsonNumber, jsonSafe, parseJsonExact } from '../../src/json.js';
import { createLogger } from '../../src/logger.js';
import { flexpriceWalletCore } from '../../src/providers/flexprice/api.js';
import { translateWallet } from '../../src/providers/flexprice/translate.js';
import { translateItem } from '../../src/providers/items.js';
import { known, wallet } from '../helpers/parts.js';
import { WALLET_RESPONSE } from './flexprice/payloads.js';

/**
 * A decimal that arrives as a JSON number is read from its own text: exactly, scale and all,
 * never through a float (json.ts keeps every non-integer number as a JsonNumber).
 */

const silent = createLogger({ level: 'silent' });
const translate = (text: string) =>
  wallet(
    translateItem(
      'FLEXPRICE',
      flexpriceWalletCore,
      (w, r) => translateWallet(w, r, { externalId: null }),
      parseJsonExact(text),
      silent,
    ),
  );

describe('JSON numbers are read exactly', () => {
  it('a non-integer number keeps its text; integers stay numbers or bigints', () => {
    expect(parseJsonExact('{"a": 12.50, "b": 7, "c": 123456789012345678901234567890}')).toEqual({
      a: new JsonNumber('12.50'),
      b: 7,
      c: 123456789012345678901234567890n,
    });
  });

  it('money sent as numbers keeps its scale and every digit', () => {
    const text = JSON.stringify({ ...WALLET_RESPONSE, auto_topup: undefined })
      .replace('"balance":"100"', '"balance":12.50')
      .replace('"credit_balance":"100"', '"credit_balance":0.30000000000000001');
    const w = translate(text);
    expect(decimalString(w.balance.amount)).toBe('12.50');
    expect(decimalString(known(w.credits)!.balance)).toBe('0.30000000000000001');
  });

  it('raw shows a number as a JSON number where a double holds it, else as its exact text', () => {
    expect(jsonSafe(parseJsonExact('[12.50, 0.30000000000000001, 1e2]'))).toEqual([
      12.5,
      '0.30000000000000001',
      100,
    ]);
  });
});
