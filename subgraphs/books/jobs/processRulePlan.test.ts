import type { DealEvent, InvoiceState, ProcessRule } from '../domain/status';
import { type DealDocumentRows, isDealEventType, planDealEvent } from './processRulePlan';

const NONE: DealDocumentRows = { estimate: null, invoice: null };
const estimate = (status: 'DRAFT' | 'ACCEPTED' | 'DECLINED'): DealDocumentRows => ({
  estimate: { id: 'e1', status },
  invoice: null,
});
const invoice = (state: Partial<InvoiceState>): DealDocumentRows => ({
  estimate: null,
  invoice: {
    id: 'i1',
    status: 'DRAFT',
    dueOn: '2026-12-01',
    total: 100,
    balanceDue: 100,
    ...state,
  },
});

describe('isDealEventType', () => {
  it('takes the three deal events and nothing else', () => {
    expect(isDealEventType('desk.deal.created')).toBe(true);
    expect(isDealEventType('desk.deal.won')).toBe(true);
    expect(isDealEventType('desk.deal.lost')).toBe(true);
    expect(isDealEventType('desk.crm_task.created')).toBe(false);
  });
});

describe('planDealEvent', () => {
  it('ESTIMATES: created makes a draft, won accepts it, lost declines it', () => {
    expect(planDealEvent('ESTIMATES', 'CREATED', NONE)).toEqual({
      action: 'CREATE_ESTIMATE',
      status: 'DRAFT',
    });
    expect(planDealEvent('ESTIMATES', 'WON', estimate('DRAFT'))).toEqual({
      action: 'SET_ESTIMATE_STATUS',
      estimateId: 'e1',
      status: 'ACCEPTED',
    });
    expect(planDealEvent('ESTIMATES', 'LOST', estimate('ACCEPTED'))).toEqual({
      action: 'SET_ESTIMATE_STATUS',
      estimateId: 'e1',
      status: 'DECLINED',
    });
  });

  it('ESTIMATES: a won or lost deal without an estimate gets one already decided', () => {
    expect(planDealEvent('ESTIMATES', 'WON', NONE)).toEqual({
      action: 'CREATE_ESTIMATE',
      status: 'ACCEPTED',
    });
    expect(planDealEvent('ESTIMATES', 'LOST', NONE)).toEqual({
      action: 'CREATE_ESTIMATE',
      status: 'DECLINED',
    });
  });

  it('ESTIMATES: a created event after the estimate exists, or a repeated outcome, does nothing', () => {
    expect(planDealEvent('ESTIMATES', 'CREATED', estimate('DRAFT'))).toEqual({ action: 'NONE' });
    expect(planDealEvent('ESTIMATES', 'CREATED', estimate('ACCEPTED'))).toEqual({
      action: 'NONE',
    });
    expect(planDealEvent('ESTIMATES', 'WON', estimate('ACCEPTED'))).toEqual({ action: 'NONE' });
    expect(planDealEvent('ESTIMATES', 'LOST', estimate('DECLINED'))).toEqual({ action: 'NONE' });
  });

  it('INVOICES: won creates one invoice, lost voids it while unpaid', () => {
    expect(planDealEvent('INVOICES', 'WON', NONE)).toEqual({ action: 'CREATE_INVOICE' });
    expect(planDealEvent('INVOICES', 'WON', invoice({}))).toEqual({ action: 'NONE' });
    expect(planDealEvent('INVOICES', 'LOST', invoice({}))).toEqual({
      action: 'VOID_INVOICE',
      invoiceId: 'i1',
    });
    expect(
      planDealEvent('INVOICES', 'LOST', invoice({ status: 'PARTIALLY_PAID', balanceDue: 40 })),
    ).toEqual({ action: 'NONE' });
    expect(planDealEvent('INVOICES', 'LOST', NONE)).toEqual({ action: 'NONE' });
    // Won again after the deal was lost and reopened: the void invoice is replaced.
    expect(planDealEvent('INVOICES', 'WON', invoice({ status: 'VOID', balanceDue: 0 }))).toEqual({
      action: 'CREATE_INVOICE',
    });
  });

  it('INVOICES ignores created, and NONE ignores everything', () => {
    expect(planDealEvent('INVOICES', 'CREATED', NONE)).toEqual({ action: 'NONE' });
    const events: DealEvent[] = ['CREATED', 'WON', 'LOST'];
    const rule: ProcessRule = 'NONE';
    for (const event of events) {
      expect(planDealEvent(rule, event, NONE)).toEqual({ action: 'NONE' });
      expect(planDealEvent(rule, event, invoice({}))).toEqual({ action: 'NONE' });
    }
  });
});
