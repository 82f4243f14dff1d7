import { describe, expect, it } from 'vitest';
import { formatMoney, maxBillCents, parseMoney } from './money.ts';

describe('formatting money', () => {
  it.each([
    [12550, 'USD', 'en-US', '$125.50'],
    [0, 'USD', 'en-US', '$0.00'],
    [5, 'USD', 'en-US', '$0.05'],
    [100_000_000, 'USD', 'en-US', '$1,000,000.00'],
    [12550, 'JPY', 'en-US', '¥12,550'],
    [12550, 'KWD', 'en-US', 'KWD 12.550'],
  ])('shows %i minor units of %s as %s', (cents, currency, locale, text) => {
    expect(formatMoney(cents, currency, locale).replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('caps a bill at one million dollars', () => {
    expect(maxBillCents).toBe(100_000_000);
  });
});

describe('reading money a person typed', () => {
  it.each([
    ['125.5', 12550],
    ['125.50', 12550],
    ['125', 12500],
    ['125.', 12500],
    ['0.05', 5],
    ['1,250.00', 125000],
    [' 1 250.00 ', 125000],
    ['0', 0],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each(['', '.', '.5', '-5', '12.345', 'abc', '1e3', '$12', '12.3.4', 'NaN'])('refuses %j', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  it('honours currencies without or with more minor digits', () => {
    expect(parseMoney('12550', 0)).toBe(12550);
    expect(parseMoney('12.5', 0)).toBeUndefined();
    expect(parseMoney('12.345', 3)).toBe(12345);
  });

  it('always gives whole cents, never a float', () => {
    for (const text of ['0.1', '0.29', '1.15', '4.35', '1234.56']) {
      expect(Number.isInteger(parseMoney(text))).toBe(true);
    }
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('4.35')).toBe(435);
  });
});
