import { formatMoney, minorDigits } from './money';

describe('minorDigits', () => {
  it('is 0 for yen, 2 for dollars and euros, and never more than the columns hold', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('KWD')).toBe(2);
  });

  it('refuses what is not a currency code', () => {
    expect(() => minorDigits('dollars')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats amounts as people read them', () => {
    expect(formatMoney(48_000, 'JPY')).toBe('¥48,000');
    expect(formatMoney(1_234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(-12.3, 'USD')).toBe('-$12.30');
  });

  it('gives the same text for the same currency again (one cached format)', () => {
    expect(formatMoney(1_000_000, 'JPY')).toBe(formatMoney(1_000_000, 'JPY'));
  });
});
