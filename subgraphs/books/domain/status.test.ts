import {
  dealEventAction,
  type DealEvent,
  ESTIMATE_STATUSES,
  type EstimateStatus,
  estimateStatusOn,
  INVOICE_STATUSES,
  type InvoiceState,
  invoiceStatusOn,
  isEditable,
  isVoidable,
  kindsOf,
  type ProcessRule,
  salesOrderStatusOf,
} from './status';

const TODAY = '2026-10-30';

describe('kindsOf', () => {
  it('offers sales orders in the Books edition only (BKS-7/9)', () => {
    expect(kindsOf('INVOICE')).toEqual(['ESTIMATE', 'INVOICE']);
    expect(kindsOf('BOOKS')).toEqual(['ESTIMATE', 'INVOICE', 'SALES_ORDER']);
  });
});

describe('isEditable', () => {
  it('lets only drafts change', () => {
    expect(INVOICE_STATUSES.filter(isEditable)).toEqual(['DRAFT']);
    expect(ESTIMATE_STATUSES.filter(isEditable)).toEqual(['DRAFT']);
  });
});

describe('invoiceStatusOn', () => {
  const invoice = (over: Partial<InvoiceState>): InvoiceState => ({
    status: 'SENT',
    dueOn: '2026-11-15',
    total: 1_000,
    balanceDue: 1_000,
    ...over,
  });

  it('leaves drafts and void invoices alone whatever their dates and balance', () => {
    expect(invoiceStatusOn(invoice({ status: 'DRAFT', dueOn: '2026-01-01' }), TODAY)).toBe('DRAFT');
    expect(invoiceStatusOn(invoice({ status: 'VOID', balanceDue: 0 }), TODAY)).toBe('VOID');
  });

  it('keeps how an invoice was issued while it is owed in full and not yet due', () => {
    for (const status of ['SENT', 'VIEWED', 'UNPAID'] as const) {
      expect(invoiceStatusOn(invoice({ status }), TODAY)).toBe(status);
    }
    // Due today is not overdue yet.
    expect(invoiceStatusOn(invoice({ dueOn: TODAY }), TODAY)).toBe('SENT');
  });

  it('is overdue the day after its due date while anything is due, paid in part or not', () => {
    expect(invoiceStatusOn(invoice({ dueOn: '2026-10-29' }), TODAY)).toBe('OVERDUE');
    expect(
      invoiceStatusOn(
        invoice({ status: 'PARTIALLY_PAID', dueOn: '2026-10-29', balanceDue: 400 }),
        TODAY,
      ),
    ).toBe('OVERDUE');
  });

  it('is partially paid while part is due, and paid once nothing is', () => {
    expect(invoiceStatusOn(invoice({ status: 'VIEWED', balanceDue: 400 }), TODAY)).toBe(
      'PARTIALLY_PAID',
    );
    expect(
      invoiceStatusOn(invoice({ status: 'OVERDUE', dueOn: '2026-01-01', balanceDue: 0 }), TODAY),
    ).toBe('PAID');
  });

  it('counts an invoice owing everything again before its due date as sent', () => {
    expect(invoiceStatusOn(invoice({ status: 'PAID' }), TODAY)).toBe('SENT');
    expect(invoiceStatusOn(invoice({ status: 'OVERDUE', dueOn: '2026-12-01' }), TODAY)).toBe(
      'SENT',
    );
  });
});

describe('isVoidable', () => {
  it('allows voiding while nothing has been paid', () => {
    const base = { dueOn: '2026-11-15', total: 1_000 };
    expect(isVoidable({ ...base, status: 'OVERDUE', balanceDue: 1_000 })).toBe(true);
    expect(isVoidable({ ...base, status: 'DRAFT', balanceDue: 1_000 })).toBe(true);
    expect(isVoidable({ ...base, status: 'OVERDUE', balanceDue: 600 })).toBe(false);
    expect(isVoidable({ ...base, status: 'PAID', balanceDue: 0 })).toBe(false);
    expect(isVoidable({ ...base, status: 'VOID', balanceDue: 0 })).toBe(false);
  });
});

describe('estimateStatusOn', () => {
  it('expires a sent estimate the day after its expiry date, and revives it when moved on', () => {
    expect(estimateStatusOn({ status: 'SENT', expiresOn: TODAY }, TODAY)).toBe('SENT');
    expect(estimateStatusOn({ status: 'SENT', expiresOn: '2026-10-29' }, TODAY)).toBe('EXPIRED');
    expect(estimateStatusOn({ status: 'EXPIRED', expiresOn: '2026-11-29' }, TODAY)).toBe('SENT');
    expect(estimateStatusOn({ status: 'SENT', expiresOn: null }, TODAY)).toBe('SENT');
  });

  it('never expires drafts or decided estimates', () => {
    for (const status of ['DRAFT', 'ACCEPTED', 'DECLINED', 'INVOICED'] as const) {
      expect(estimateStatusOn({ status, expiresOn: '2026-01-01' }, TODAY)).toBe(status);
    }
  });
});

describe('salesOrderStatusOf', () => {
  it('follows what its invoices add up to', () => {
    const order = { status: 'OPEN' as const, total: 1_000 };
    expect(salesOrderStatusOf(order, 0)).toBe('OPEN');
    expect(salesOrderStatusOf(order, 400)).toBe('PARTIALLY_INVOICED');
    expect(salesOrderStatusOf(order, 1_000)).toBe('INVOICED');
    expect(salesOrderStatusOf({ ...order, status: 'INVOICED' }, 0)).toBe('OPEN');
    expect(salesOrderStatusOf({ ...order, status: 'DRAFT' }, 1_000)).toBe('DRAFT');
    expect(salesOrderStatusOf({ ...order, status: 'VOID' }, 400)).toBe('VOID');
  });
});

describe('dealEventAction (BKS-3)', () => {
  const none = { estimate: null, invoice: null };
  const withEstimate = (status: EstimateStatus) => ({ estimate: { status }, invoice: null });
  const unpaid: InvoiceState = {
    status: 'SENT',
    dueOn: '2026-11-15',
    total: 1_000,
    balanceDue: 1_000,
  };

  it('creates, accepts and declines estimates under ESTIMATES', () => {
    expect(dealEventAction('ESTIMATES', 'CREATED', none)).toBe('CREATE_ESTIMATE');
    expect(dealEventAction('ESTIMATES', 'CREATED', withEstimate('DRAFT'))).toBe('NONE');
    for (const status of ['DRAFT', 'SENT', 'EXPIRED'] as const) {
      expect(dealEventAction('ESTIMATES', 'WON', withEstimate(status))).toBe('ACCEPT_ESTIMATE');
      expect(dealEventAction('ESTIMATES', 'LOST', withEstimate(status))).toBe('DECLINE_ESTIMATE');
    }
    expect(dealEventAction('ESTIMATES', 'LOST', withEstimate('ACCEPTED'))).toBe('DECLINE_ESTIMATE');
    for (const status of ['ACCEPTED', 'DECLINED', 'INVOICED'] as const) {
      expect(dealEventAction('ESTIMATES', 'WON', withEstimate(status))).toBe('NONE');
    }
    expect(dealEventAction('ESTIMATES', 'LOST', withEstimate('INVOICED'))).toBe('NONE');
    expect(dealEventAction('ESTIMATES', 'WON', none)).toBe('NONE');
  });

  it('creates and voids invoices under INVOICES, never voiding one with payments', () => {
    expect(dealEventAction('INVOICES', 'CREATED', none)).toBe('NONE');
    expect(dealEventAction('INVOICES', 'WON', none)).toBe('CREATE_INVOICE');
    expect(dealEventAction('INVOICES', 'WON', { estimate: null, invoice: unpaid })).toBe('NONE');
    expect(
      dealEventAction('INVOICES', 'WON', {
        estimate: null,
        invoice: { ...unpaid, status: 'VOID', balanceDue: 0 },
      }),
    ).toBe('CREATE_INVOICE');
    expect(dealEventAction('INVOICES', 'LOST', { estimate: null, invoice: unpaid })).toBe(
      'VOID_INVOICE',
    );
    expect(
      dealEventAction('INVOICES', 'LOST', {
        estimate: null,
        invoice: { ...unpaid, status: 'PARTIALLY_PAID', balanceDue: 10 },
      }),
    ).toBe('NONE');
    expect(dealEventAction('INVOICES', 'LOST', none)).toBe('NONE');
  });

  it('does nothing under NONE, and nothing more when an event comes twice', () => {
    const rules: ProcessRule[] = ['ESTIMATES', 'INVOICES', 'NONE'];
    const events: DealEvent[] = ['CREATED', 'WON', 'LOST'];
    for (const event of events) expect(dealEventAction('NONE', event, none)).toBe('NONE');
    // What each action leaves behind, applied a second time, is left alone.
    const after = {
      CREATE_ESTIMATE: withEstimate('DRAFT'),
      ACCEPT_ESTIMATE: withEstimate('ACCEPTED'),
      DECLINE_ESTIMATE: withEstimate('DECLINED'),
      CREATE_INVOICE: { estimate: null, invoice: unpaid },
      VOID_INVOICE: {
        estimate: null,
        invoice: { ...unpaid, status: 'VOID' as const, balanceDue: 0 },
      },
    };
    for (const rule of rules) {
      for (const event of events) {
        for (const start of [none, withEstimate('SENT'), { estimate: null, invoice: unpaid }]) {
          const first = dealEventAction(rule, event, start);
          if (first === 'NONE') continue;
          expect({
            rule,
            event,
            first,
            second: dealEventAction(rule, event, after[first]),
          }).toEqual({ rule, event, first, second: 'NONE' });
        }
      }
    }
  });
});
