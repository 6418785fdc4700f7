import type { EventType } from '../../../shared/events';
import {
  dealEventAction,
  type DealEvent,
  type EstimateStatus,
  type InvoiceState,
  type ProcessRule,
} from '../domain/status';

/*
 * What one desk deal event does to the deal's books documents (BKS-3), decided before anything is
 * written so the consumer only carries it out. domain/status dealEventAction holds the rule; this
 * adds what the consumer needs because events may arrive out of order.
 */

/** The deal events the process rules consume, by their event type. */
export const DEAL_EVENTS = {
  'desk.deal.created': 'CREATED',
  'desk.deal.won': 'WON',
  'desk.deal.lost': 'LOST',
} as const satisfies Partial<Record<EventType, DealEvent>>;

export type DealEventType = keyof typeof DEAL_EVENTS;

export function isDealEventType(type: EventType): type is DealEventType {
  return Object.hasOwn(DEAL_EVENTS, type);
}

/** The deal's newest estimate and invoice in the connected organization, with their ids. */
export interface DealDocumentRows {
  estimate: { id: string; status: EstimateStatus } | null;
  invoice: (InvoiceState & { id: string }) | null;
}

export type ProcessPlan =
  | { action: 'NONE' }
  /**
   * An estimate is created as a DRAFT: the process rule offers nothing to the customer by itself;
   * an agent checks it and e-mails it (BKS-11). One created for a deal already won or lost starts
   * ACCEPTED or DECLINED.
   */
  | {
      action: 'CREATE_ESTIMATE';
      status: Extract<EstimateStatus, 'DRAFT' | 'ACCEPTED' | 'DECLINED'>;
    }
  | {
      action: 'SET_ESTIMATE_STATUS';
      estimateId: string;
      status: Extract<EstimateStatus, 'ACCEPTED' | 'DECLINED'>;
    }
  | { action: 'CREATE_INVOICE' }
  | { action: 'VOID_INVOICE'; invoiceId: string };

/** dealEventAction only accepts, declines or voids a document the deal has. */
function existing<T>(document: T | null, action: string): T {
  if (document === null) throw new Error(`${action} without the document it acts on`);
  return document;
}

/**
 * The plan for one event under a rule, given the deal's documents in the connected organization.
 *
 * Under ESTIMATES a won or lost event may arrive before the created one (a retry reorders them, and
 * a deal created straight into a closed stage publishes both at once). Doing nothing then would
 * let the late created event make a DRAFT estimate for a deal already decided, so the estimate is
 * created right away, accepted or declined; the created event finds it and does nothing. The
 * schema's "void an estimate" is DECLINED: the estimate statuses have no VOID, and DECLINED is
 * what a lost deal makes of an offer.
 */
export function planDealEvent(
  rule: ProcessRule,
  event: DealEvent,
  documents: DealDocumentRows,
): ProcessPlan {
  const action = dealEventAction(rule, event, documents);
  switch (action) {
    case 'CREATE_ESTIMATE':
      return { action, status: 'DRAFT' };
    case 'ACCEPT_ESTIMATE':
    case 'DECLINE_ESTIMATE':
      return {
        action: 'SET_ESTIMATE_STATUS',
        estimateId: existing(documents.estimate, action).id,
        status: action === 'ACCEPT_ESTIMATE' ? 'ACCEPTED' : 'DECLINED',
      };
    case 'CREATE_INVOICE':
      return { action };
    case 'VOID_INVOICE':
      return { action, invoiceId: existing(documents.invoice, action).id };
    case 'NONE':
      if (rule === 'ESTIMATES' && documents.estimate === null && event !== 'CREATED') {
        return { action: 'CREATE_ESTIMATE', status: event === 'WON' ? 'ACCEPTED' : 'DECLINED' };
      }
      return { action };
  }
}
