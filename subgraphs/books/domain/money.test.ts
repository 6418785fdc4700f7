import {
  documentTotals,
  fitsCurrency,
  lineAmount,
  lineProblems,
  lineTax,
  MAX_AMOUNT,
  roundMoney,
  subtractMoney,
  sumMoney,
  totalsFit,
} from './money';

describe('fitsCurrency', () => {
  it('takes whole yen and cents of a dollar, nothing finer', () => {
    expect(fitsCurrency(48_000, 'JPY')).toBe(true);
    expect(fitsCurrency(100.5, 'JPY')).toBe(false);
    expect(fitsCurrency(1234.5, 'USD')).toBe(true);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: still thirty cents.
    expect(fitsCurrency(0.1 + 0.2, 'USD')).toBe(true);
    expect(fitsCurrency(0.001, 'USD')).toBe(false);
  });
});

describe('lineAmount', () => {
  it('multiplies exactly and rounds half away from zero to the currency', () => {
    expect(lineAmount(3, 19.99, 'USD')).toBe(59.97);
    // 0.1 × 0.7 is 0.06999… in floating point; in integers it is 0.07.
    expect(lineAmount(0.7, 0.1, 'USD')).toBe(0.07);
    expect(lineAmount(1.005, 1, 'USD')).toBe(1.01);
    expect(lineAmount(2.5, 0.01, 'USD')).toBe(0.03);
    expect(lineAmount(1.5, 15_001, 'JPY')).toBe(22_502);
    expect(lineAmount(0.125, 3_300, 'JPY')).toBe(413);
  });

  it('keeps large products exact', () => {
    expect(lineAmount(999_999.999, 99_999.99, 'USD')).toBe(99_999_989_900.0);
    expect(lineAmount(1_000_000, 9_999.99, 'JPY')).toBe(9_999_990_000);
  });
});

describe('lineTax', () => {
  it('takes the percent of the amount, rounded per line to the currency', () => {
    expect(lineTax(22_502, 10, 'JPY')).toBe(2_250);
    expect(lineTax(22_505, 10, 'JPY')).toBe(2_251);
    expect(lineTax(100, 8.875, 'USD')).toBe(8.88);
    expect(lineTax(99.99, 8.875, 'USD')).toBe(8.87);
    expect(lineTax(1_234, 0, 'JPY')).toBe(0);
  });
});

describe('documentTotals', () => {
  it('adds up each line rounded on its own, so the tax is what the lines show', () => {
    const totals = documentTotals(
      [
        { quantity: 1, rate: 105, taxRate: 10 },
        { quantity: 1, rate: 105, taxRate: 10 },
        { quantity: 2, rate: 1_500, taxRate: 8 },
      ],
      'JPY',
    );
    expect(totals).toEqual({
      lines: [
        { amount: 105, tax: 11 },
        { amount: 105, tax: 11 },
        { amount: 3_000, tax: 240 },
      ],
      subTotal: 3_210,
      // 21 on the sum of the first two, but each line rounds its own 10.5 up.
      tax: 262,
      total: 3_472,
    });
  });

  it('sums cents without floating-point error', () => {
    const totals = documentTotals(
      Array.from({ length: 10 }, () => ({ quantity: 1, rate: 0.1, taxRate: 0 })),
      'USD',
    );
    expect(totals.subTotal).toBe(1);
    expect(totals.total).toBe(1);
  });

  it('tells when the sums no longer fit the columns', () => {
    const line = { quantity: 1_000_000, rate: 999_999.99, taxRate: 10 };
    expect(totalsFit(documentTotals([line], 'USD'))).toBe(false);
    expect(totalsFit(documentTotals([{ ...line, quantity: 1 }], 'USD'))).toBe(true);
    expect(MAX_AMOUNT).toBe(999_999_999_999.99);
  });
});

describe('lineProblems', () => {
  it('accepts what the columns hold', () => {
    expect(lineProblems({ quantity: 0.125, rate: 12.5, taxRate: 8.875 })).toEqual([]);
    expect(lineProblems({ quantity: 1_000_000, rate: 0, taxRate: 100 })).toEqual([]);
  });

  it('names each input that the columns cannot hold', () => {
    const fields = (line: { quantity: number; rate: number; taxRate: number }) =>
      lineProblems(line).map((problem) => problem.field);
    expect(fields({ quantity: 0, rate: 1, taxRate: 10 })).toEqual(['quantity']);
    expect(fields({ quantity: 1.0005, rate: 1, taxRate: 10 })).toEqual(['quantity']);
    expect(fields({ quantity: 1_000_001, rate: 1, taxRate: 10 })).toEqual(['quantity']);
    expect(fields({ quantity: 1, rate: -1, taxRate: 10 })).toEqual(['rate']);
    expect(fields({ quantity: 1, rate: 1.005, taxRate: 10 })).toEqual(['rate']);
    expect(fields({ quantity: 1, rate: 1, taxRate: 100.5 })).toEqual(['taxRate']);
    expect(fields({ quantity: Number.NaN, rate: Infinity, taxRate: -1 })).toEqual([
      'quantity',
      'rate',
      'taxRate',
    ]);
  });
});

describe('sums and rounding', () => {
  it('adds and subtracts in cents', () => {
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(subtractMoney(1_234.56, 234.5)).toBe(1_000.06);
  });

  it('rounds a share of an amount to the currency', () => {
    expect(roundMoney(1_234.5, 'JPY')).toBe(1_235);
    expect(roundMoney(10.005_01, 'USD')).toBe(10.01);
    expect(roundMoney(3.333_3, 'USD')).toBe(3.33);
  });
});
