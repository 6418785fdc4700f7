import { afterPayment, paymentProblems, paymentRefusal } from './payments';
import { INVOICE_STATUSES, type InvoiceState, OUTSTANDING_INVOICE_STATUSES } from './status';

const TODAY = '2026-11-20';

const yen = { date: '2026-11-01', balanceDue: 50_000, currency: 'JPY' };
const dollars = { date: '2026-11-01', balanceDue: 1234.5, currency: 'USD' };

describe('paymentRefusal', () => {
  it('takes payments on exactly the outstanding statuses and says why not on the others', () => {
    for (const status of INVOICE_STATUSES) {
      expect({ status, takes: paymentRefusal(status) === null }).toEqual({
        status,
        takes: OUTSTANDING_INVOICE_STATUSES.includes(status),
      });
    }
    expect(paymentRefusal('DRAFT')).toMatch(/draft/);
    expect(paymentRefusal('VOID')).toMatch(/void/);
    expect(paymentRefusal('PAID')).toMatch(/paid in full/);
  });
});

describe('paymentProblems', () => {
  it('accepts part or all of the balance, from the invoice date to today', () => {
    expect(paymentProblems({ amount: 1, date: yen.date }, yen, TODAY)).toEqual([]);
    expect(paymentProblems({ amount: 50_000, date: TODAY }, yen, TODAY)).toEqual([]);
    expect(paymentProblems({ amount: 0.01, date: TODAY }, dollars, TODAY)).toEqual([]);
    expect(paymentProblems({ amount: 1234.5, date: TODAY }, dollars, TODAY)).toEqual([]);
  });

  it('refuses nothing, less than nothing and what is not a number', () => {
    for (const amount of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(paymentProblems({ amount, date: TODAY }, yen, TODAY)).toEqual([
        { field: 'amount', message: `amount must be more than 0, got ${amount}` },
      ]);
    }
  });

  it('refuses amounts finer than the currency: fractions of a yen, tenths of a cent', () => {
    expect(paymentProblems({ amount: 100.5, date: TODAY }, yen, TODAY)).toEqual([
      { field: 'amount', message: 'JPY is paid in whole units, got 100.5' },
    ]);
    expect(paymentProblems({ amount: 10.005, date: TODAY }, dollars, TODAY)).toEqual([
      { field: 'amount', message: 'USD amounts have at most 2 decimals, got 10.005' },
    ]);
  });

  it('refuses more than the balance due, by as little as the minor unit', () => {
    expect(paymentProblems({ amount: 50_001, date: TODAY }, yen, TODAY)).toEqual([
      { field: 'amount', message: 'amount ¥50,001 is more than the balance due of ¥50,000' },
    ]);
    expect(paymentProblems({ amount: 1234.51, date: TODAY }, dollars, TODAY)).toEqual([
      {
        field: 'amount',
        message: 'amount $1,234.51 is more than the balance due of $1,234.50',
      },
    ]);
  });

  it('refuses a day before the invoice and a day after today, together with the amount', () => {
    expect(paymentProblems({ amount: 1000, date: '2026-10-31' }, yen, TODAY)).toEqual([
      { field: 'date', message: "date 2026-10-31 is before the invoice's date 2026-11-01" },
    ]);
    expect(paymentProblems({ amount: 1000, date: '2026-11-21' }, yen, TODAY)).toEqual([
      { field: 'date', message: 'date 2026-11-21 is in the future (today is 2026-11-20)' },
    ]);
    expect(
      paymentProblems({ amount: 0, date: '2026-11-21' }, yen, TODAY).map((p) => p.field),
    ).toEqual(['amount', 'date']);
  });
});

describe('afterPayment', () => {
  const invoice: InvoiceState = {
    status: 'SENT',
    dueOn: '2026-11-30',
    total: 50_000,
    balanceDue: 50_000,
  };

  it('leaves part due as PARTIALLY_PAID and nothing due as PAID', () => {
    expect(afterPayment(invoice, 20_000, TODAY)).toEqual({
      balanceDue: 30_000,
      status: 'PARTIALLY_PAID',
    });
    expect(
      afterPayment({ ...invoice, status: 'PARTIALLY_PAID', balanceDue: 30_000 }, 30_000, TODAY),
    ).toEqual({ balanceDue: 0, status: 'PAID' });
  });

  it('keeps an invoice past its due date OVERDUE until it is paid in full', () => {
    const overdue = { ...invoice, status: 'OVERDUE' as const, dueOn: '2026-11-10' };
    expect(afterPayment(overdue, 20_000, TODAY)).toEqual({
      balanceDue: 30_000,
      status: 'OVERDUE',
    });
    expect(afterPayment(overdue, 50_000, TODAY)).toEqual({ balanceDue: 0, status: 'PAID' });
  });

  it('subtracts cents exactly', () => {
    const cents = { ...invoice, total: 0.3, balanceDue: 0.3 };
    expect(afterPayment(cents, 0.1, TODAY).balanceDue).toBe(0.2);
    expect(afterPayment({ ...cents, balanceDue: 0.2 }, 0.2, TODAY)).toEqual({
      balanceDue: 0,
      status: 'PAID',
    });
  });
});
