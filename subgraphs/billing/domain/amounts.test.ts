import {
  creditNoteBalance,
  creditNoteStatusOf,
  invoiceAmountPaid,
  invoiceBalanceDue,
  type Ledger,
  ledgerFigures,
  multiplyMoney,
  paymentUnusedAmount,
  prorate,
  sumMoney,
} from './amounts';

describe('money', () => {
  it('adds and multiplies to the cent without floating-point error', () => {
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(multiplyMoney(19.99, 3)).toBe(59.97);
  });

  it('prorates to what the currency is paid in', () => {
    expect(prorate(4000, 10, 30, 'JPY')).toBe(1333);
    expect(prorate(29, 10, 30, 'USD')).toBe(9.67);
  });
});

describe('derived amounts', () => {
  it('pays an invoice by payments and credits, and asks for the rest while it is open', () => {
    const paid = invoiceAmountPaid([1000, 500.5], [250]);
    expect(paid).toBe(1750.5);
    expect(invoiceBalanceDue('PARTIALLY_PAID', 3000, paid)).toBe(1249.5);
    for (const status of ['DRAFT', 'SENT', 'OVERDUE'] as const) {
      expect(invoiceBalanceDue(status, 3000, 0)).toBe(3000);
    }
    for (const status of ['PAID', 'VOID', 'WRITTEN_OFF'] as const) {
      expect(invoiceBalanceDue(status, 3000, 1000)).toBe(0);
    }
  });

  it('keeps on a credit note what was neither applied nor refunded', () => {
    expect(creditNoteBalance('OPEN', 1000, [300], [200])).toBe(500);
    expect(creditNoteBalance('CLOSED', 1000, [600], [400])).toBe(0);
    expect(creditNoteBalance('VOID', 1000, [], [])).toBe(0);
    expect(creditNoteStatusOf(500)).toBe('OPEN');
    expect(creditNoteStatusOf(0)).toBe('CLOSED');
  });

  it('leaves unused what a payment was not applied to', () => {
    expect(paymentUnusedAmount(10000, [3000, 4000])).toBe(3000);
    expect(paymentUnusedAmount(10000, [])).toBe(10000);
  });

  it('sums a customer: unused credits, credit balance and what is outstanding', () => {
    const ledger: Ledger = {
      invoices: [
        { id: 'paid', status: 'PAID', total: 3000 },
        { id: 'part', status: 'PARTIALLY_PAID', total: 5000 },
        { id: 'overdue', status: 'OVERDUE', total: 1200 },
        { id: 'draft', status: 'DRAFT', total: 999 },
        { id: 'void', status: 'VOID', total: 700 },
      ],
      payments: [
        { id: 'exact', amount: 2000 },
        { id: 'more', amount: 3000 },
      ],
      paymentApplications: [
        { paymentId: 'exact', invoiceId: 'paid', amount: 2000 },
        { paymentId: 'more', invoiceId: 'part', amount: 2000 },
      ],
      creditNotes: [
        { id: 'open', status: 'OPEN', total: 1500 },
        { id: 'closed', status: 'CLOSED', total: 400 },
        { id: 'void', status: 'VOID', total: 800 },
      ],
      creditApplications: [
        { creditNoteId: 'open', invoiceId: 'paid', amount: 1000 },
        { creditNoteId: 'closed', invoiceId: 'part', amount: 400 },
      ],
      refunds: [{ creditNoteId: 'open', amount: 100 }],
    };
    const figures = ledgerFigures(ledger);
    expect(figures.invoices.get('paid')).toEqual({ amountPaid: 3000, balanceDue: 0 });
    expect(figures.invoices.get('part')).toEqual({ amountPaid: 2400, balanceDue: 2600 });
    expect(figures.invoices.get('draft')).toEqual({ amountPaid: 0, balanceDue: 999 });
    expect(figures.creditNotes.get('open')).toBe(400);
    expect(figures.creditNotes.get('closed')).toBe(0);
    expect(figures.payments.get('more')).toBe(1000);
    expect(figures.unusedCredits).toBe(400);
    expect(figures.creditBalance).toBe(1400);
    // Drafts are not asked for yet; void invoices not at all.
    expect(figures.outstanding).toBe(3800);
  });
});
