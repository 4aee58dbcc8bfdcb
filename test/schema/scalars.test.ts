import { type GraphQLScalarType, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decimalString } from '../../src/domain/money.js';
import { schema } from '../../src/schema/index.js';

const scalar = (name: string) => schema.getType(name) as GraphQLScalarType;

describe('Decimal', () => {
  const decimal = scalar('Decimal');

  it('accepts decimal strings and keeps them exact', () => {
    expect(decimalString(decimal.parseValue('0.1') as never)).toBe('0.1');
    expect(decimalString(decimal.parseValue('-12345678901234567890.123456789') as never)).toBe(
      '-12345678901234567890.123456789',
    );
    expect(decimalString(decimal.parseLiteral({ kind: Kind.STRING, value: '28.0' }) as never)).toBe(
      '28.0',
    );
  });

  it('refuses floats and ints, in variables and literals', () => {
    expect(() => decimal.parseValue(0.1)).toThrow(/string/);
    expect(() => decimal.parseValue(10)).toThrow(/string/);
    expect(() => decimal.parseLiteral({ kind: Kind.FLOAT, value: '0.1' })).toThrow(
      /string literal/,
    );
    expect(() => decimal.parseLiteral({ kind: Kind.INT, value: '10' })).toThrow(/string literal/);
  });

  it('refuses strings that are not plain decimals', () => {
    for (const bad of ['', 'abc', '1,5', 'NaN', 'Infinity', '0x10', '1.2.3'])
      expect(() => decimal.parseValue(bad)).toThrow(/decimal/);
  });

  it('serialises to a string', () => {
    expect(decimal.serialize('1.50')).toBe('1.50');
  });
});

describe('Currency', () => {
  const currency = scalar('Currency');
  it('upper-cases ISO 4217 codes and refuses others', () => {
    expect(currency.parseValue('jpy')).toBe('JPY');
    expect(() => currency.parseValue('XYZ')).toThrow(/ISO 4217/);
    expect(() => currency.parseValue(840)).toThrow(/ISO 4217/);
  });
});

describe('DateTime', () => {
  const dateTime = scalar('DateTime');
  it('serialises as ISO 8601 UTC with milliseconds and parses ISO strings only', () => {
    expect(dateTime.serialize(new Date('2022-09-14T16:35:31.123Z'))).toBe(
      '2022-09-14T16:35:31.123Z',
    );
    expect((dateTime.parseValue('2026-01-31T12:00:00Z') as Date).toISOString()).toBe(
      '2026-01-31T12:00:00.000Z',
    );
    expect(() => dateTime.parseValue('yesterday')).toThrow(/ISO 8601/);
    expect(() => dateTime.parseValue(1700000000)).toThrow(/ISO 8601/);
  });
});

describe('JSON', () => {
  it('prints integers beyond 2^53 as exact digit strings', () => {
    expect(
      scalar('JSON').serialize({ balance_cents: 92233720368547758070n, nested: [1n] }),
    ).toEqual({ balance_cents: '92233720368547758070', nested: ['1'] });
  });
});
