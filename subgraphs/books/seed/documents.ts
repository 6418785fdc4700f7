import { addDays } from '../../../shared/dates';
import type { Organization } from '../../../shared/integration/entities';
import { minorDigits } from '../../../shared/money';
import {
  calendarDate,
  dayBetween,
  earlier,
  earliest,
  hoursAfter,
  instantBetween,
  instantOn,
  later,
  startOf,
  TODAY,
  TODAY_DATE,
  YESTERDAY,
} from '../../../shared/seed/clock';
import { creatorOf, type Creators } from '../../../shared/seed/profileLevels';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import type { Deal } from '../../desk/entities/Deal';
import type { DealOutcome } from '../../desk/entities/DealStage';
import { roundMoney, subtractMoney } from '../domain/money';
import {
  dealEventAction,
  ESTIMATE_STATUSES,
  type EstimateStatus,
  estimateStatusOn,
  INVOICE_STATUSES,
  type InvoiceStatus,
  SALES_ORDER_STATUSES,
  type SalesOrderStatus,
  type TransactionKind,
} from '../domain/status';
import type { BooksDocument } from '../entities/document';
import type { Estimate } from '../entities/Estimate';
import type { EstimateLine } from '../entities/EstimateLine';
import type { Invoice } from '../entities/Invoice';
import type { InvoiceLine } from '../entities/InvoiceLine';
import type { SalesOrder } from '../entities/SalesOrder';
import type { SalesOrderLine } from '../entities/SalesOrderLine';
import { daysAgo, HISTORY_STARTS_ON } from './clock';
import { type ContactRecord, sinceOf } from './contacts';
import type { CatalogueItem } from './items';
import { drawLines, type LineDraft, price, type Priced } from './lines';
import { CONNECTED_AT } from './organizations';
import { NOTES } from './vocabulary';

const DAY_MS = 86_400_000;
/** Share of documents for a synced contact that an agent created from desk (BKS-9). */
const FROM_DESK_SHARE = 0.3;
const NOTES_SHARE = 0.25;
/** Days an estimate is valid for, and an invoice's usual payment terms. */
const VALIDITY_DAYS = 30;
const TERMS = [
  [15, 2],
  [30, 6],
  [45, 2],
] as const;
/** Share of a process rule's estimates that sales sent before the deal moved on. */
const DEAL_ESTIMATE_SENT_SHARE = 0.65;
/** Share of won deals' accepted estimates that have been turned into an invoice. */
const WON_INVOICED_SHARE = 0.6;
/** Documents of each kind the showcase contact is given before the others are drawn. */
const SHOWCASE_DOCUMENTS = 2;

const ESTIMATE_WEIGHTS = [
  ['DRAFT', 10],
  ['SENT', 15],
  ['ACCEPTED', 25],
  ['DECLINED', 15],
  ['EXPIRED', 15],
  ['INVOICED', 20],
] as const;
const INVOICE_WEIGHTS = [
  ['DRAFT', 6],
  ['SENT', 12],
  ['VIEWED', 8],
  ['OVERDUE', 12],
  ['PAID', 45],
  ['PARTIALLY_PAID', 7],
  ['UNPAID', 5],
  ['VOID', 5],
] as const;
const SALES_ORDER_WEIGHTS = [
  ['DRAFT', 10],
  ['OPEN', 25],
  ['PARTIALLY_INVOICED', 15],
  ['INVOICED', 40],
  ['VOID', 10],
] as const;
/** What became of an invoice made from an estimate or sales order, by whether it is due yet. */
const PAST_DUE_WEIGHTS = [
  ['PAID', 75],
  ['OVERDUE', 25],
] as const;
const NOT_DUE_WEIGHTS = [
  ['SENT', 35],
  ['VIEWED', 25],
  ['UNPAID', 10],
  ['PARTIALLY_PAID', 15],
  ['PAID', 15],
] as const;
/** Share of overdue invoices paid in part before their due date. */
const OVERDUE_PART_PAID_SHARE = 0.3;

/**
 * Where a document of each status may be dated, in days before today: [oldest or null for the
 * start of the history, newest]. Drafts and documents still open are recent; a status that needs
 * time to have come about (expiry, an invoice made from it) leaves that time before today.
 */
const ESTIMATE_WINDOWS: Readonly<Record<EstimateStatus, readonly [number | null, number]>> = {
  DRAFT: [30, 1],
  SENT: [VALIDITY_DAYS - 1, 1],
  ACCEPTED: [null, 3],
  DECLINED: [null, 3],
  EXPIRED: [null, VALIDITY_DAYS + 1],
  INVOICED: [null, 5],
};
const SALES_ORDER_WINDOWS: Readonly<Record<SalesOrderStatus, readonly [number | null, number]>> = {
  DRAFT: [14, 1],
  OPEN: [60, 1],
  PARTIALLY_INVOICED: [null, 5],
  INVOICED: [null, 5],
  VOID: [null, 2],
};

/** Invoices' windows depend on their terms: unpaid ones not yet due were issued within them. */
function invoiceWindow(status: InvoiceStatus, terms: number): readonly [number | null, number] {
  switch (status) {
    case 'DRAFT':
      return [14, 1];
    case 'SENT':
    case 'VIEWED':
    case 'UNPAID':
    case 'PARTIALLY_PAID':
      return [terms, 1];
    case 'OVERDUE':
      return [null, terms + 1];
    case 'PAID':
    case 'VOID':
      return [null, 2];
  }
}

export interface Documents {
  estimates: Estimate[];
  estimateLines: EstimateLine[];
  invoices: Invoice[];
  invoiceLines: InvoiceLine[];
  salesOrders: SalesOrder[];
  salesOrderLines: SalesOrderLine[];
}

export interface DocumentsInput {
  records: readonly ContactRecord[];
  catalogues: ReadonlyMap<string, readonly CatalogueItem[]>;
  creators: Creators;
  /** Deals the process rule has acted on (contacts.ruledDeals), with their stages' outcomes. */
  deals: readonly Deal[];
  outcomeOf: (deal: Deal) => DealOutcome;
  /** The organization the integration is connected to, the only one process rules act in. */
  connected: Organization;
  organizations: readonly Organization[];
  scale: number;
}

/** Documents of each kind not made by a process rule, per organization, at any scale. */
function counts(organization: Organization, connected: Organization, scale: number) {
  const at = (minimum: number, perScale: number) => Math.max(minimum, Math.round(perScale * scale));
  return organization === connected
    ? { ESTIMATE: at(24, 240), INVOICE: at(36, 400), SALES_ORDER: at(15, 120) }
    : { ESTIMATE: at(4, 30), INVOICE: at(6, 50), SALES_ORDER: at(3, 15) };
}

/**
 * Every estimate, invoice and sales order with their lines. Numbers are left empty: they are
 * handed out afterwards in creation order (numberByCreation).
 */
export function generateDocuments(random: Random, input: DocumentsInput): Documents {
  const out: Documents = {
    estimates: [],
    estimateLines: [],
    invoices: [],
    invoiceLines: [],
    salesOrders: [],
    salesOrderLines: [],
  };
  const maker = new DocumentMaker(random, input, out);
  for (const organization of input.organizations) {
    const records = input.records.filter((record) => record.organization === organization);
    const { ESTIMATE, INVOICE, SALES_ORDER } = counts(organization, input.connected, input.scale);
    // Even the smallest seed shows every status in the connected organization.
    const cover = organization === input.connected;
    const estimates = statuses(random, ESTIMATE, ESTIMATE_WEIGHTS, cover ? ESTIMATE_STATUSES : []);
    const invoices = statuses(random, INVOICE, INVOICE_WEIGHTS, cover ? INVOICE_STATUSES : []);
    const orders = statuses(
      random,
      SALES_ORDER,
      SALES_ORDER_WEIGHTS,
      cover ? SALES_ORDER_STATUSES : [],
    );
    const contactsFor = (kind: TransactionKind, count: number) =>
      assignees(random, records, kind, count);
    contactsFor('ESTIMATE', estimates.length).forEach((record, index) =>
      maker.estimate(record, estimates[index]),
    );
    contactsFor('INVOICE', invoices.length).forEach((record, index) =>
      maker.invoice(record, invoices[index]),
    );
    contactsFor('SALES_ORDER', orders.length).forEach((record, index) =>
      maker.salesOrder(record, orders[index]),
    );
  }
  const byAccount = new Map(
    input.records.flatMap((record) =>
      record.organization === input.connected && record.account
        ? [[record.account.account.id, record] as const]
        : [],
    ),
  );
  for (const deal of input.deals) {
    const record = byAccount.get(deal.accountId);
    if (record) maker.dealEstimate(record, deal, input.outcomeOf(deal));
  }
  return out;
}

function statuses<S>(
  random: Random,
  count: number,
  weights: readonly (readonly [S, number])[],
  cover: readonly S[],
): S[] {
  const picks = Array.from({ length: count }, () => random.weighted(weights));
  if (cover.length > 0) coverEveryValue(random, picks, cover);
  return picks;
}

/**
 * Whose each document is: the showcase contact gets a few of every kind, each contact made from
 * desk at least one invoice, the rest is drawn by the contacts' weights.
 */
function assignees(
  random: Random,
  records: readonly ContactRecord[],
  kind: TransactionKind,
  count: number,
): ContactRecord[] {
  const forced = [
    ...records
      .filter((record) => record.showcase)
      .flatMap((record) => Array.from({ length: SHOWCASE_DOCUMENTS }, () => record)),
    ...(kind === 'INVOICE' ? records.filter((record) => record.person) : []),
  ];
  const weighted = records.map((record) => [record, record.weight] as const);
  return [
    ...forced,
    ...Array.from({ length: Math.max(0, count - forced.length) }, () => random.weighted(weighted)),
  ].slice(0, count);
}

/** A day in a status's window that the contact already existed on. */
function dateIn(
  random: Random,
  record: ContactRecord,
  [oldest, newest]: readonly [number | null, number],
): string {
  const from = later(oldest === null ? HISTORY_STARTS_ON : daysAgo(oldest), sinceOf(record));
  const to = daysAgo(newest);
  if (from > to) {
    throw new Error(`contact ${record.contact.name} is too new for a document dated before ${to}`);
  }
  return dayBetween(random, from, to);
}

/** The latest instant an event may have: an hour before the story's now. */
const LAST_EVENT = hoursAfter(TODAY, -1);

const eventBetween = (random: Random, from: Date, to: Date) =>
  instantBetween(random, from, earliest(to, LAST_EVENT));

/** Builds the documents of one seed into `out`, sharing the random sequence. */
class DocumentMaker {
  constructor(
    private readonly random: Random,
    private readonly input: DocumentsInput,
    private readonly out: Documents,
  ) {}

  private lines(record: ContactRecord, date: string, minimum = 1): LineDraft[] {
    const catalogue = this.input.catalogues.get(record.organization.id) ?? [];
    return drawLines(this.random, catalogue, record.contact.currency, date, minimum);
  }

  /**
   * The columns every kind shares. A document not made by a rule or from another document may
   * have been made by an agent from desk (BKS-9) once books was connected, for a contact synced
   * with desk; a contact made from desk had all such documents made so.
   */
  private document(
    record: ContactRecord,
    date: string,
    createdAt: Date,
    priced: Priced,
    origin: { dealId: string | null; notes: string | null; mayComeFromDesk: boolean },
  ): Omit<BooksDocument, 'updatedAt'> {
    const { random } = this;
    const synced = record.account !== null || record.person !== null;
    const fromDesk =
      origin.mayComeFromDesk &&
      synced &&
      createdAt >= CONNECTED_AT &&
      (record.person !== null || random.chance(FROM_DESK_SHARE));
    return {
      id: random.uuid(),
      organizationId: record.organization.id,
      contactId: record.contact.id,
      number: '',
      date,
      subTotal: priced.subTotal,
      tax: priced.tax,
      total: priced.total,
      currency: record.contact.currency,
      notes: origin.notes,
      dealId: origin.dealId,
      createdBy: fromDesk ? creatorOf(random, this.input.creators, null) : null,
      createdAt,
    };
  }

  private notes(): string | null {
    return this.random.chance(NOTES_SHARE) ? this.random.pick(NOTES) : null;
  }

  private addEstimate(estimate: Estimate, priced: Priced): void {
    this.out.estimates.push(estimate);
    for (const line of priced.lines)
      this.out.estimateLines.push({ ...line, estimateId: estimate.id });
  }

  estimate(record: ContactRecord, status: EstimateStatus): void {
    const { random } = this;
    const date = dateIn(random, record, ESTIMATE_WINDOWS[status]);
    const createdAt = instantOn(random, date, record.contact.createdAt);
    const drafts = this.lines(record, date);
    const priced = price(random, drafts, record.contact.currency);
    const validFor = status === 'EXPIRED' || random.chance(0.85);
    const expiresOn = validFor ? addDays(date, VALIDITY_DAYS) : null;
    const base = this.document(record, date, createdAt, priced, {
      dealId: null,
      notes: this.notes(),
      mayComeFromDesk: true,
    });
    const estimate: Estimate = { ...base, status, expiresOn, updatedAt: createdAt };
    // The customer answers within three weeks, and always before today.
    const answeredOn = dayBetween(random, addDays(date, 1), earlier(addDays(date, 20), daysAgo(2)));
    switch (status) {
      case 'DRAFT':
        break;
      case 'SENT':
      case 'EXPIRED':
        // Expiry only changes the status (domain/status estimateStatusOn); the last change made
        // to the estimate is its sending.
        estimate.updatedAt = eventBetween(random, createdAt, hoursAfter(createdAt, 48));
        break;
      case 'ACCEPTED':
      case 'DECLINED':
        estimate.updatedAt = instantOn(random, answeredOn);
        break;
      case 'INVOICED': {
        const acceptedAt = instantOn(random, answeredOn);
        const invoicedOn = dayBetween(
          random,
          answeredOn,
          earlier(addDays(answeredOn, 5), YESTERDAY),
        );
        const invoice = this.invoiceFrom(
          record,
          drafts,
          instantOn(random, invoicedOn, acceptedAt),
          {
            estimateId: estimate.id,
            salesOrderId: null,
            dealId: null,
            notes: estimate.notes,
          },
        );
        estimate.updatedAt = invoice.createdAt;
        break;
      }
    }
    this.addEstimate(estimate, priced);
  }

  /**
   * The ESTIMATES rule (BKS-3) at work on a deal: the deal's creation created a draft estimate for
   * its account's books contact, which sales mostly sent; winning accepted it, and many accepted
   * ones have been invoiced since; losing declined it. Each step is the one domain/status
   * dealEventAction prescribes.
   */
  dealEstimate(record: ContactRecord, deal: Deal, outcome: DealOutcome): void {
    const { random } = this;
    const expect = (action: string, wanted: string) => {
      if (action !== wanted)
        throw new Error(`deal ${deal.id}: the rule says ${action}, not ${wanted}`);
    };
    expect(
      dealEventAction('ESTIMATES', 'CREATED', { estimate: null, invoice: null }),
      'CREATE_ESTIMATE',
    );
    const createdAt = new Date(deal.createdAt.getTime() + random.int(5, 120) * 1000);
    const date = calendarDate(createdAt);
    const drafts = this.lines(record, date);
    const priced = price(random, drafts, record.contact.currency);
    const base = this.document(record, date, createdAt, priced, {
      dealId: deal.id,
      notes: `Deal: ${deal.name}`,
      mayComeFromDesk: false,
    });
    const expiresOn = addDays(date, VALIDITY_DAYS);
    const estimate: Estimate = { ...base, status: 'DRAFT', expiresOn, updatedAt: createdAt };
    const decidedAt = deal.closedAt ?? TODAY;
    if (random.chance(DEAL_ESTIMATE_SENT_SHARE)) {
      const sentAt = eventBetween(random, hoursAfter(createdAt, 1), hoursAfter(createdAt, 96));
      if (sentAt < decidedAt) {
        estimate.status = 'SENT';
        estimate.updatedAt = sentAt;
      }
    }
    estimate.status = estimateStatusOn(estimate, calendarDate(decidedAt));
    if (deal.closedAt && outcome !== 'OPEN') {
      const action = dealEventAction('ESTIMATES', outcome, { estimate, invoice: null });
      expect(action, outcome === 'WON' ? 'ACCEPT_ESTIMATE' : 'DECLINE_ESTIMATE');
      estimate.status = outcome === 'WON' ? 'ACCEPTED' : 'DECLINED';
      estimate.updatedAt = new Date(deal.closedAt.getTime() + random.int(5, 120) * 1000);
      if (outcome === 'WON' && random.chance(WON_INVOICED_SHARE)) {
        const invoicedAt = eventBetween(
          random,
          hoursAfter(estimate.updatedAt, 1),
          hoursAfter(estimate.updatedAt, 72),
        );
        const invoice = this.invoiceFrom(record, drafts, invoicedAt, {
          estimateId: estimate.id,
          salesOrderId: null,
          dealId: deal.id,
          notes: estimate.notes,
        });
        estimate.status = 'INVOICED';
        estimate.updatedAt = invoice.createdAt;
      }
    }
    this.addEstimate(estimate, priced);
  }

  private addInvoice(invoice: Invoice, priced: Priced): Invoice {
    this.out.invoices.push(invoice);
    for (const line of priced.lines) this.out.invoiceLines.push({ ...line, invoiceId: invoice.id });
    return invoice;
  }

  /** What is still due under a status: all, none, or the part a payment left (domain/status). */
  private balanceDue(status: InvoiceStatus, total: number, currency: string): number {
    const { random } = this;
    // What a payment of a fifth to four fifths leaves, at least one minor unit either way.
    const leftAfterPart = () => {
      const unit = 10 ** -minorDigits(currency);
      const paid = roundMoney(total * (0.2 + 0.6 * random.next()), currency);
      return subtractMoney(total, Math.min(Math.max(paid, unit), subtractMoney(total, unit)));
    };
    switch (status) {
      case 'PAID':
      case 'VOID':
        return 0;
      case 'PARTIALLY_PAID':
        return leftAfterPart();
      case 'OVERDUE':
        return random.chance(OVERDUE_PART_PAID_SHARE) ? leftAfterPart() : total;
      default:
        return total;
    }
  }

  /**
   * When the invoice last changed, by what its status says happened: sending, the customer
   * opening it, a payment, voiding. Becoming overdue only changes the status.
   */
  private invoiceUpdatedAt(status: InvoiceStatus, createdAt: Date, dueOn: string): Date {
    const { random } = this;
    const soon = (hours: number) => hoursAfter(createdAt, hours);
    switch (status) {
      case 'DRAFT':
        return createdAt;
      case 'SENT':
      case 'UNPAID':
      case 'OVERDUE':
        return eventBetween(random, createdAt, soon(2));
      case 'VIEWED':
        return eventBetween(random, soon(1), soon(72));
      case 'PARTIALLY_PAID':
      case 'PAID':
        return eventBetween(random, soon(1), new Date(startOf(dueOn).getTime() + 10 * DAY_MS));
      case 'VOID':
        return eventBetween(random, soon(1), soon(30 * 24));
    }
  }

  invoice(record: ContactRecord, status: InvoiceStatus): void {
    const { random } = this;
    const terms = random.weighted(TERMS);
    const date = dateIn(random, record, invoiceWindow(status, terms));
    const createdAt = instantOn(random, date, record.contact.createdAt);
    const priced = price(random, this.lines(record, date), record.contact.currency);
    const dueOn = addDays(date, terms);
    const base = this.document(record, date, createdAt, priced, {
      dealId: null,
      notes: this.notes(),
      mayComeFromDesk: true,
    });
    this.addInvoice(
      {
        ...base,
        status,
        dueOn,
        balanceDue: this.balanceDue(status, priced.total, record.contact.currency),
        estimateId: null,
        salesOrderId: null,
        updatedAt: this.invoiceUpdatedAt(status, createdAt, dueOn),
      },
      priced,
    );
  }

  /**
   * An invoice made in books from an accepted estimate or a sales order, with the same lines; how
   * far it got depends on whether it is due yet.
   */
  private invoiceFrom(
    record: ContactRecord,
    drafts: readonly LineDraft[],
    createdAt: Date,
    source: Pick<Invoice, 'estimateId' | 'salesOrderId' | 'dealId' | 'notes'>,
  ): Invoice {
    const { random } = this;
    const date = calendarDate(createdAt);
    const dueOn = addDays(date, VALIDITY_DAYS);
    const status: InvoiceStatus = random.weighted(
      dueOn < TODAY_DATE ? PAST_DUE_WEIGHTS : NOT_DUE_WEIGHTS,
    );
    const priced = price(random, drafts, record.contact.currency);
    const base = this.document(record, date, createdAt, priced, {
      dealId: source.dealId,
      notes: source.notes,
      mayComeFromDesk: false,
    });
    return this.addInvoice(
      {
        ...base,
        status,
        dueOn,
        balanceDue: this.balanceDue(status, priced.total, record.contact.currency),
        estimateId: source.estimateId,
        salesOrderId: source.salesOrderId,
        updatedAt: this.invoiceUpdatedAt(status, createdAt, dueOn),
      },
      priced,
    );
  }

  salesOrder(record: ContactRecord, status: SalesOrderStatus): void {
    const { random } = this;
    const date = dateIn(random, record, SALES_ORDER_WINDOWS[status]);
    const createdAt = instantOn(random, date, record.contact.createdAt);
    // Part of an order can be invoiced only when it has more than one line.
    const drafts = this.lines(record, date, status === 'PARTIALLY_INVOICED' ? 2 : 1);
    const priced = price(random, drafts, record.contact.currency);
    const base = this.document(record, date, createdAt, priced, {
      dealId: null,
      notes: this.notes(),
      mayComeFromDesk: true,
    });
    const order: SalesOrder = {
      ...base,
      status,
      shipmentOn: random.chance(0.8) ? addDays(date, random.int(3, 21)) : null,
      updatedAt: createdAt,
    };
    if (status === 'OPEN')
      order.updatedAt = eventBetween(random, createdAt, hoursAfter(createdAt, 2));
    if (status === 'VOID') {
      order.updatedAt = eventBetween(
        random,
        hoursAfter(createdAt, 1),
        hoursAfter(createdAt, 20 * 24),
      );
    }
    if (status === 'INVOICED' || status === 'PARTIALLY_INVOICED') {
      const billed =
        status === 'INVOICED' ? drafts : drafts.slice(0, random.int(1, drafts.length - 1));
      const invoicedOn = dayBetween(
        random,
        addDays(date, 1),
        earlier(addDays(date, 10), YESTERDAY),
      );
      const invoice = this.invoiceFrom(record, billed, instantOn(random, invoicedOn, createdAt), {
        estimateId: null,
        salesOrderId: order.id,
        dealId: null,
        notes: order.notes,
      });
      order.updatedAt = invoice.createdAt;
    }
    this.out.salesOrders.push(order);
    for (const line of priced.lines) {
      this.out.salesOrderLines.push({ ...line, salesOrderId: order.id });
    }
  }
}
