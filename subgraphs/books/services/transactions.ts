import { addDays } from '../../../shared/dates';
import type { EntityManager } from 'typeorm';
import { badUserInput, notFound } from '../../../shared/errors';
import { checkLineCount, PAYMENT_TERMS_DAYS, today } from '../../../shared/integration/documents';
import { nextNumber } from '../../../shared/integration/numbering';
import { isUuid } from '../../../shared/loaders';
import { optionalText } from '../../../shared/validation';
import type { BooksContext } from '../context';
import { BOOKS_SCHEMA } from '../database';
import { documentTotals, lineProblems, totalsFit } from '../domain/money';
import {
  estimateStatusOn,
  invoiceStatusOn,
  isEditable,
  NUMBER_PREFIXES,
  type TransactionKind,
} from '../domain/status';
import {
  type BooksContact,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Item,
  SalesOrder,
  SalesOrderLine,
  Transaction,
} from '../entities';
import type { BooksDocumentRow } from '../models';
import { enabledConnection } from './connection';

export interface LineItemInput {
  itemId?: string | null;
  description?: string | null;
  quantity: number;
  rate?: number | null;
  taxRate?: number | null;
}

export interface CreateTransactionInput {
  accountId?: string | null;
  contactId?: string | null;
  dealId?: string | null;
  lineItems: LineItemInput[];
  notes?: string | null;
  date?: string | null;
  dueOn?: string | null;
}

export interface UpdateTransactionInput {
  lineItems?: LineItemInput[] | null;
  notes?: string | null;
  dueOn?: string | null;
}

/** Each kind's table. */
export const DOCUMENT: Record<
  TransactionKind,
  typeof Estimate | typeof Invoice | typeof SalesOrder
> = {
  ESTIMATE: Estimate,
  INVOICE: Invoice,
  SALES_ORDER: SalesOrder,
};

/** Where each kind's lines are kept, for replacing a draft's lines. */
const LINE_TABLES: Record<TransactionKind, { table: string; parent: string }> = {
  ESTIMATE: { table: 'estimate_line', parent: 'estimate_id' },
  INVOICE: { table: 'invoice_line', parent: 'invoice_id' },
  SALES_ORDER: { table: 'sales_order_line', parent: 'sales_order_id' },
};

/** Each kind's own date that dueOn sets. */
const DUE_FIELDS: Record<TransactionKind, string> = {
  ESTIMATE: 'expiresOn',
  INVOICE: 'dueOn',
  SALES_ORDER: 'shipmentOn',
};

/** The kind of a document loaded from one of the three tables. */
/**
 * A transaction's status as of `on`. A stored status is what the last write made of it; time alone
 * takes an issued invoice past its due date to OVERDUE and a sent estimate past its expiry to
 * EXPIRED (domain/status), so whatever shows a status shows it as of today.
 */
export function statusOn(row: BooksDocumentRow, on: string): string {
  if (row instanceof Invoice) return invoiceStatusOn(row, on);
  if (row instanceof Estimate) return estimateStatusOn(row, on);
  return row.status;
}

export function kindOf(row: BooksDocumentRow): TransactionKind {
  if (row instanceof Estimate) return 'ESTIMATE';
  if (row instanceof Invoice) return 'INVOICE';
  return 'SALES_ORDER';
}

/** Each line with its item's defaults filled in, its amount and tax, and the document's sums. */
async function priceLines(
  manager: EntityManager,
  organizationId: string,
  currency: string,
  inputs: readonly LineItemInput[],
) {
  checkLineCount(inputs);
  const itemIds = inputs.map((line) => line.itemId).filter((id): id is string => !!id);
  const items = new Map(
    (itemIds.length
      ? await manager.findBy(
          Item,
          itemIds.filter(isUuid).map((id) => ({ id, organizationId })),
        )
      : []
    ).map((item) => [item.id, item]),
  );
  const lines = inputs.map((input, index) => {
    const field = `lineItems[${index}]`;
    const item = input.itemId ? items.get(input.itemId) : undefined;
    if (input.itemId && !item) throw notFound('BooksItem', input.itemId);
    const description = optionalText(input.description) ?? item?.name;
    if (!description) {
      throw badUserInput(`${field}.description is required for a line without an item`, { field });
    }
    const rate = input.rate ?? item?.rate;
    if (rate === undefined) {
      throw badUserInput(`${field}.rate is required for a line without an item`, { field });
    }
    const line = { quantity: input.quantity, rate, taxRate: input.taxRate ?? item?.taxRate ?? 0 };
    const [problem] = lineProblems(line);
    if (problem) {
      throw badUserInput(`${field}: ${problem.message}`, { field: `${field}.${problem.field}` });
    }
    return { ...line, description, itemId: item?.id ?? null, position: index + 1 };
  });
  const totals = documentTotals(lines, currency);
  if (!totalsFit(totals)) {
    throw badUserInput('The lines add up to more than a document may hold', { field: 'lineItems' });
  }
  return {
    lines: lines.map((line, index) => ({ ...line, amount: totals.lines[index].amount })),
    subTotal: totals.subTotal,
    tax: totals.tax,
    total: totals.total,
  };
}

type PricedLine = Awaited<ReturnType<typeof priceLines>>['lines'][number];

async function insertLines(
  manager: EntityManager,
  kind: TransactionKind,
  documentId: string,
  lines: readonly PricedLine[],
): Promise<void> {
  if (kind === 'ESTIMATE') {
    await manager.insert(
      EstimateLine,
      lines.map((line) => ({ ...line, estimateId: documentId })),
    );
  } else if (kind === 'INVOICE') {
    await manager.insert(
      InvoiceLine,
      lines.map((line) => ({ ...line, invoiceId: documentId })),
    );
  } else {
    await manager.insert(
      SalesOrderLine,
      lines.map((line) => ({ ...line, salesOrderId: documentId })),
    );
  }
}

function checkDueOn(date: string, dueOn: string | null): void {
  if (dueOn !== null && dueOn < date) {
    throw badUserInput(`dueOn ${dueOn} is before the date ${date}`, { field: 'dueOn' });
  }
}

/** Exactly one of them names the desk record whose books contact something is for. */
export interface DeskRecordInput {
  accountId?: string | null;
  contactId?: string | null;
}

/**
 * BKS-9/BKS-10: the books contact of the desk account or contact. Desk is asked first, as the
 * caller, so a record they may not see is NOT_FOUND like one that does not exist; a record not
 * synced yet is refused, with what it must be synced `before` (e.g. "before invoices attach").
 */
export async function syncedBooksContact(
  ctx: BooksContext,
  input: DeskRecordInput,
  before: string,
): Promise<BooksContact> {
  if (!input.accountId === !input.contactId) {
    throw badUserInput('Give exactly one of accountId and contactId', { field: 'input' });
  }
  const [type, id] = input.accountId
    ? (['Account', input.accountId] as const)
    : (['Contact', input.contactId as string] as const);
  if (!isUuid(id)) throw notFound(type, id);
  const field = type === 'Account' ? 'account' : 'contact';
  const found = await ctx
    .desk()
    .request<Record<string, { id: string; name: string } | null>>(
      `query BooksRecord($id: ID!) { ${field}(id: $id) { id name } }`,
      { id },
    );
  const record = found[field];
  if (!record) throw notFound(type, id);
  const contact = await (
    type === 'Account' ? ctx.loaders.contactByAccount : ctx.loaders.contactByDeskContact
  ).load(id);
  if (!contact) {
    throw badUserInput(
      `${type === 'Account' ? 'Accounts' : 'Contacts'} must be synced to books ${before}: ${record.name} has no books contact yet; run startBooksSync(dataType: CONTACTS) first`,
      { field: type === 'Account' ? 'accountId' : 'contactId' },
    );
  }
  return contact;
}

/** BKS-9: transactions are made from an account or a contact, never from a deal. */
async function booksContactOf(
  ctx: BooksContext,
  input: CreateTransactionInput,
): Promise<BooksContact> {
  if (input.dealId) {
    throw badUserInput(
      'Transactions are created from an account or a contact, not from a deal (BKS-9)',
      { field: 'dealId' },
    );
  }
  return syncedBooksContact(ctx, input, 'before invoices attach');
}

/** What every kind's new document has; each kind adds its status and dates. */
interface NewDocument {
  organizationId: string;
  contactId: string;
  number: string;
  date: string;
  subTotal: number;
  tax: number;
  total: number;
  currency: string;
  notes: string | null;
  dealId: null;
  createdBy: string | null;
}

/**
 * BKS-9: a draft for a desk account or contact; `save` stores the kind's row given the common
 * columns and the kind's date (an invoice's due date, an estimate's expiry, a sales order's
 * shipment).
 */
async function createTransaction<D extends BooksDocumentRow>(
  ctx: BooksContext,
  kind: TransactionKind,
  input: CreateTransactionInput,
  save: (manager: EntityManager, document: NewDocument, dueOn: string | null) => Promise<D>,
): Promise<D> {
  // The shield has refused sales orders outside the BOOKS edition.
  const { organizationId } = await enabledConnection(ctx, 'creating transactions');
  const contact = await booksContactOf(ctx, input);
  const date = input.date ?? today();
  const dueOn = input.dueOn ?? (kind === 'INVOICE' ? addDays(date, PAYMENT_TERMS_DAYS) : null);
  checkDueOn(date, dueOn);
  const { email } = await ctx.viewer();
  return ctx.db.transaction(async (manager) => {
    const priced = await priceLines(manager, organizationId, contact.currency, input.lineItems);
    const document = await save(
      manager,
      {
        organizationId,
        contactId: contact.id,
        number: await nextNumber(manager, BOOKS_SCHEMA, organizationId, NUMBER_PREFIXES[kind]),
        date,
        subTotal: priced.subTotal,
        tax: priced.tax,
        total: priced.total,
        currency: contact.currency,
        notes: optionalText(input.notes),
        dealId: null,
        createdBy: email,
      },
      dueOn,
    );
    await insertLines(manager, kind, document.id, priced.lines);
    return document;
  });
}

export const createEstimate = (ctx: BooksContext, input: CreateTransactionInput) =>
  createTransaction(ctx, 'ESTIMATE', input, (manager, document, expiresOn) =>
    manager.save(manager.create(Estimate, { ...document, status: 'DRAFT', expiresOn })),
  );

export const createInvoice = (ctx: BooksContext, input: CreateTransactionInput) =>
  createTransaction(ctx, 'INVOICE', input, (manager, document, dueOn) =>
    manager.save(
      manager.create(Invoice, {
        ...document,
        status: 'DRAFT',
        dueOn: dueOn ?? document.date,
        balanceDue: document.total,
        estimateId: null,
        salesOrderId: null,
      }),
    ),
  );

/** BOOKS edition only; a sales order's dueOn is its shipment date. */
export const createSalesOrder = (ctx: BooksContext, input: CreateTransactionInput) =>
  createTransaction(ctx, 'SALES_ORDER', input, (manager, document, shipmentOn) =>
    manager.save(manager.create(SalesOrder, { ...document, status: 'DRAFT', shipmentOn })),
  );

/** Changes a draft's lines, notes or date; anything sent is a record and stays as it is. */
export async function updateTransaction(
  ctx: BooksContext,
  id: string,
  input: UpdateTransactionInput,
): Promise<BooksDocumentRow> {
  const { organizationId } = await enabledConnection(ctx, 'changing transactions');
  if (!input.lineItems && input.notes === undefined && input.dueOn === undefined) {
    throw badUserInput('Nothing to change: give lineItems, notes or dueOn');
  }
  const row = isUuid(id)
    ? await ctx.db.getRepository(Transaction).findOneBy({ id, organizationId })
    : null;
  // The shield has checked the kind's create&edit level and the edition.
  if (!row) throw notFound('BooksTransaction', id);
  return ctx.db.transaction(async (manager) => {
    const document = await manager
      .getRepository(DOCUMENT[row.kind])
      .createQueryBuilder('document')
      .setLock('pessimistic_write')
      .where('document.id = :id', { id })
      .getOneOrFail();
    if (!isEditable(document.status)) {
      throw badUserInput(`${document.number} is ${document.status}: only drafts can be changed`);
    }
    if (input.notes !== undefined) document.notes = optionalText(input.notes);
    if (input.dueOn !== undefined) {
      checkDueOn(document.date, input.dueOn);
      // An invoice is always due some day: clearing its date puts back the payment terms.
      const dueOn =
        input.dueOn ?? (row.kind === 'INVOICE' ? addDays(document.date, PAYMENT_TERMS_DAYS) : null);
      Object.assign(document, { [DUE_FIELDS[row.kind]]: dueOn });
    }
    if (input.lineItems) {
      const priced = await priceLines(manager, organizationId, document.currency, input.lineItems);
      document.subTotal = priced.subTotal;
      document.tax = priced.tax;
      document.total = priced.total;
      if (document instanceof Invoice) document.balanceDue = priced.total;
      const lines = LINE_TABLES[row.kind];
      await manager.query(`DELETE FROM books.${lines.table} WHERE ${lines.parent} = $1`, [id]);
      await insertLines(manager, row.kind, id, priced.lines);
    }
    return manager.save(document);
  });
}
