/*
 * The states of the integration and of its documents, and the rules that move them: what time and
 * payments make of an invoice, what expiry makes of an estimate, what invoicing makes of a sales
 * order, and what a process rule does when a desk deal is created, won or lost (BKS-3). The
 * tables' CHECK constraints repeat what one row can show of these rules.
 */

export const CONNECTION_STATUSES = ['NOT_SET_UP', 'CONNECTED', 'ENABLED', 'DISABLED'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const EDITIONS = ['INVOICE', 'BOOKS'] as const;
export type Edition = (typeof EDITIONS)[number];

export const PROCESS_RULES = ['ESTIMATES', 'INVOICES', 'NONE'] as const;
export type ProcessRule = (typeof PROCESS_RULES)[number];

export const TRANSACTION_KINDS = ['ESTIMATE', 'INVOICE', 'SALES_ORDER'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const ESTIMATE_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'INVOICED',
] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];

export const INVOICE_STATUSES = [
  'DRAFT',
  'SENT',
  'VIEWED',
  'OVERDUE',
  'PAID',
  'PARTIALLY_PAID',
  'UNPAID',
  'VOID',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const SALES_ORDER_STATUSES = [
  'DRAFT',
  'OPEN',
  'PARTIALLY_INVOICED',
  'INVOICED',
  'VOID',
] as const;
export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number];

/** The document number's prefix of each kind: EST-00001, INV-00001, SO-00001. */
export const NUMBER_PREFIXES: Readonly<Record<TransactionKind, string>> = {
  ESTIMATE: 'EST',
  INVOICE: 'INV',
  SALES_ORDER: 'SO',
};

/** BKS-7/8/9: sales orders exist only in the Books edition. */
export function kindsOf(edition: Edition): readonly TransactionKind[] {
  return edition === 'BOOKS' ? TRANSACTION_KINDS : ['ESTIMATE', 'INVOICE'];
}

/** Only drafts may have their lines, notes or dates changed; anything sent is a record. */
export function isEditable(status: EstimateStatus | InvoiceStatus | SalesOrderStatus): boolean {
  return status === 'DRAFT';
}

/**
 * Invoices whose balance the contact is asked for: issued, and neither settled nor void. UNPAID is
 * an invoice marked as sent without being e-mailed.
 */
export const OUTSTANDING_INVOICE_STATUSES: readonly InvoiceStatus[] = [
  'SENT',
  'VIEWED',
  'UNPAID',
  'PARTIALLY_PAID',
  'OVERDUE',
];

export interface InvoiceState {
  status: InvoiceStatus;
  dueOn: string;
  total: number;
  balanceDue: number;
}

/**
 * The status an invoice has on `today` given its payments (its balance) and its due date. Drafts
 * and void invoices stay as they are; an issued one is paid once nothing is due, overdue while
 * something is due after its due date, partially paid while part is, and otherwise keeps how it
 * was issued (sent, viewed or marked unpaid); one that owes everything again before its due date
 * (a payment was removed, the date moved) counts as sent.
 */
export function invoiceStatusOn(invoice: InvoiceState, today: string): InvoiceStatus {
  const { status, dueOn, total, balanceDue } = invoice;
  if (status === 'DRAFT' || status === 'VOID') return status;
  if (balanceDue <= 0) return 'PAID';
  if (dueOn < today) return 'OVERDUE';
  if (balanceDue < total) return 'PARTIALLY_PAID';
  if (status === 'SENT' || status === 'VIEWED' || status === 'UNPAID') return status;
  return 'SENT';
}

/** An invoice may be voided while nothing has been paid on it (BKS-3's "void the invoice"). */
export function isVoidable(invoice: InvoiceState): boolean {
  return (
    invoice.status !== 'VOID' && invoice.status !== 'PAID' && invoice.balanceDue === invoice.total
  );
}

/**
 * The status an estimate has on `today`: a sent estimate whose expiry date has passed has expired,
 * and an expired one whose date was moved on is sent again. Drafts never expire: they were never
 * offered.
 */
export function estimateStatusOn(
  estimate: { status: EstimateStatus; expiresOn: string | null },
  today: string,
): EstimateStatus {
  const { status, expiresOn } = estimate;
  const lapsed = expiresOn !== null && expiresOn < today;
  if (status === 'SENT' && lapsed) return 'EXPIRED';
  if (status === 'EXPIRED' && !lapsed) return 'SENT';
  return status;
}

/** Estimates still waiting for the customer's answer. */
const UNDECIDED_ESTIMATE_STATUSES: readonly EstimateStatus[] = ['DRAFT', 'SENT', 'EXPIRED'];

/**
 * What invoicing makes of a sales order: `invoiced` is the total of its invoices that are not
 * void. Drafts and void orders stay as they are.
 */
export function salesOrderStatusOf(
  order: { status: SalesOrderStatus; total: number },
  invoiced: number,
): SalesOrderStatus {
  if (order.status === 'DRAFT' || order.status === 'VOID') return order.status;
  if (invoiced <= 0) return 'OPEN';
  return invoiced < order.total ? 'PARTIALLY_INVOICED' : 'INVOICED';
}

export type DealEvent = 'CREATED' | 'WON' | 'LOST';

export type DealAction =
  | 'CREATE_ESTIMATE'
  | 'ACCEPT_ESTIMATE'
  | 'DECLINE_ESTIMATE'
  | 'CREATE_INVOICE'
  | 'VOID_INVOICE'
  | 'NONE';

/** The deal's documents as the process rule finds them; null where the deal has none. */
export interface DealDocuments {
  estimate: { status: EstimateStatus } | null;
  /** The newest invoice linked to the deal. */
  invoice: InvoiceState | null;
}

/**
 * BKS-3: what a deal event does under a process rule. ESTIMATES: a new deal gets an estimate, which
 * winning accepts and losing declines while the customer has not decided (losing also declines an
 * accepted one not yet invoiced: the deal fell through). INVOICES: winning creates an invoice
 * unless a live one exists, losing voids it while nothing is paid. Anything else does nothing, so
 * an event delivered twice changes nothing the second time.
 */
export function dealEventAction(
  rule: ProcessRule,
  event: DealEvent,
  documents: DealDocuments,
): DealAction {
  const { estimate, invoice } = documents;
  if (rule === 'ESTIMATES') {
    if (event === 'CREATED') return estimate === null ? 'CREATE_ESTIMATE' : 'NONE';
    if (estimate === null) return 'NONE';
    if (event === 'WON') {
      return UNDECIDED_ESTIMATE_STATUSES.includes(estimate.status) ? 'ACCEPT_ESTIMATE' : 'NONE';
    }
    return UNDECIDED_ESTIMATE_STATUSES.includes(estimate.status) || estimate.status === 'ACCEPTED'
      ? 'DECLINE_ESTIMATE'
      : 'NONE';
  }
  if (rule === 'INVOICES') {
    if (event === 'WON') {
      return invoice === null || invoice.status === 'VOID' ? 'CREATE_INVOICE' : 'NONE';
    }
    if (event === 'LOST' && invoice !== null && isVoidable(invoice)) return 'VOID_INVOICE';
  }
  return 'NONE';
}
