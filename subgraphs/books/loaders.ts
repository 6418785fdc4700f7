import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { Organization } from '../../shared/integration/entities';
import { byIdLoader, groupBy, groupedLoader, isUuid, rowsByIds } from '../../shared/loaders';
import { mailForRelated } from '../../shared/mail/outbox';
import { ownerSetPageLoader } from '../../shared/ownerSetPages';
import type { PageLimits } from '../../shared/pagination';
import { BOOKS_SCHEMA } from './database';
import { OUTSTANDING_INVOICE_STATUSES, type TransactionKind } from './domain/status';
import {
  BooksContact,
  type Connection,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Item,
  Payment,
  SalesOrder,
  SalesOrderLine,
  Transaction,
} from './entities';
import type { BooksDocumentRow } from './models';

/** The outbox's related type of every transaction e-mail (BKS-11); ids are unique across kinds. */
export const TRANSACTION_MAIL = 'transaction';

type DocumentLine = EstimateLine | InvoiceLine | SalesOrderLine;

/** A document's lines are asked for by its kind, which says the table, and its id. */
export interface LinesKey {
  kind: TransactionKind;
  id: string;
}

/** Every entity reference and nested list of a request goes through one of these. */
export function createBooksLoaders(
  db: DataSource,
  limits: PageLimits,
  connection: () => Promise<Connection>,
) {
  const repo = db.getRepository.bind(db);

  /**
   * The books contact synced with each desk record, in the connected organization only: another
   * organization's contacts are not this help desk's to see (BKS-2).
   */
  const contactBy = (column: 'deskAccountId' | 'deskContactId') =>
    new DataLoader<string, BooksContact | null>(async (ids) => {
      const { organizationId } = await connection();
      const valid = ids.filter(isUuid);
      const rows =
        organizationId && valid.length > 0
          ? await repo(BooksContact).findBy({ organizationId, [column]: In(valid) })
          : [];
      const byDesk = new Map(rows.map((row) => [row[column], row]));
      return ids.map((id) => byDesk.get(id) ?? null);
    });

  /**
   * The lines of documents of every kind in one batch: were each kind a loader of its own, their
   * statements would finish in different ticks and the lines' items would load in as many batches.
   */
  const lines = new DataLoader<LinesKey, DocumentLine[], string>(
    async (keys) => {
      const idsOf = (kind: TransactionKind) =>
        keys.filter((key) => key.kind === kind).map((key) => key.id);
      const find = <L extends DocumentLine>(
        entity: new () => L,
        parent: keyof L & string,
        ids: string[],
      ) =>
        ids.length === 0
          ? Promise.resolve([])
          : repo(entity).find({
              where: { [parent]: In(ids) } as never,
              order: { position: 'ASC' } as never,
            });
      const [estimateLines, invoiceLines, salesOrderLines] = await Promise.all([
        find(EstimateLine, 'estimateId', idsOf('ESTIMATE')),
        find(InvoiceLine, 'invoiceId', idsOf('INVOICE')),
        find(SalesOrderLine, 'salesOrderId', idsOf('SALES_ORDER')),
      ]);
      const byDocument = new Map<string, DocumentLine[]>([
        ...groupBy(estimateLines, (line) => line.estimateId),
        ...groupBy(invoiceLines, (line) => line.invoiceId),
        ...groupBy(salesOrderLines, (line) => line.salesOrderId),
      ]);
      return keys.map((key) => byDocument.get(key.id) ?? []);
    },
    { cacheKeyFn: (key) => `${key.kind}:${key.id}` },
  );

  /** A page's rows by id from the three tables the `transaction` view puts together. */
  const documents = async (ids: string[]): Promise<BooksDocumentRow[]> => {
    const [estimates, invoices, salesOrders] = await Promise.all([
      rowsByIds(repo(Estimate))(ids),
      rowsByIds(repo(Invoice))(ids),
      rowsByIds(repo(SalesOrder))(ids),
    ]);
    return [...estimates, ...invoices, ...salesOrders];
  };

  const transactionPages = (ownerColumn: string) =>
    ownerSetPageLoader<BooksDocumentRow>({
      db,
      from: 'books.transaction d',
      ownerColumn,
      orderColumn: 'd.date',
      orderType: 'date',
      orderValue: (row) => row.date,
      load: documents,
      limits,
    });

  return {
    organization: byIdLoader(repo(Organization), 'BooksOrganization'),
    contact: byIdLoader(repo(BooksContact), 'BooksContact'),
    contactByAccount: contactBy('deskAccountId'),
    contactByDeskContact: contactBy('deskContactId'),
    item: byIdLoader(repo(Item), 'BooksItem'),
    estimate: byIdLoader(repo(Estimate), 'BooksEstimate'),
    invoice: byIdLoader(repo(Invoice), 'BooksInvoice'),
    salesOrder: byIdLoader(repo(SalesOrder), 'BooksSalesOrder'),
    lines,
    /** What each books contact's issued, unsettled invoices still ask for. */
    outstandingByContact: new DataLoader<string, number>(async (contactIds) => {
      const rows: { contactId: string; outstanding: string }[] = await db.query(
        `SELECT contact_id AS "contactId", sum(balance_due) AS outstanding
           FROM books.invoice
          WHERE contact_id = ANY($1::uuid[]) AND status = ANY($2::text[])
          GROUP BY contact_id`,
        [contactIds.filter(isUuid), OUTSTANDING_INVOICE_STATUSES],
      );
      const byContact = new Map(rows.map((row) => [row.contactId, Number(row.outstanding)]));
      return contactIds.map((id) => byContact.get(id) ?? 0);
    }),
    /**
     * Any kind of transaction by id, in the connected organization only: what a PDF link or an
     * e-mail names before its kind is known.
     */
    transaction: new DataLoader<string, Transaction | null>(async (ids) => {
      const { organizationId } = await connection();
      const valid = ids.filter(isUuid);
      const rows =
        organizationId && valid.length > 0
          ? await repo(Transaction).findBy({ organizationId, id: In(valid) })
          : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** BKS-7: each invoice's payments, oldest first. */
    paymentsByInvoice: groupedLoader(
      (ids: readonly string[]) =>
        repo(Payment).find({
          where: { invoiceId: In(ids.filter(isUuid)) },
          order: { date: 'ASC', createdAt: 'ASC', id: 'ASC' },
        }),
      (row) => row.invoiceId,
    ),
    /** BKS-11: each transaction's e-mails, newest first. */
    emailsOfTransaction: groupedLoader(
      (ids: readonly string[]) => mailForRelated(db, BOOKS_SCHEMA, TRANSACTION_MAIL, ids),
      (row) => row.relatedId as string,
    ),
    /** BKS-10: an account's or contact's transactions, through its books contact. */
    transactionPagesByContact: transactionPages('d.contact_id'),
    /** BKS-10: a deal's transactions, whichever books contacts they are for. */
    transactionPagesByDeal: transactionPages('d.deal_id'),
  };
}

export type BooksLoaders = ReturnType<typeof createBooksLoaders>;
