import type { EntityManager } from 'typeorm';
import { badUserInput, forbidden, notFound } from '../../../shared/errors';
import { booksPdfLink } from '../../../shared/documentLinks';
import { isUuid } from '../../../shared/loaders';
import { type MailRecord, queueMail } from '../../../shared/mail/outbox';
import { optionalText } from '../../../shared/validation';
import type { BooksContext } from '../context';
import { BOOKS_SCHEMA } from '../database';
import { formatMoney } from '../domain/money';
import { renderTemplate } from '../domain/templates';
import {
  BooksContact,
  EmailTemplate,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Organization,
  SalesOrder,
  SalesOrderLine,
  type Transaction,
} from '../entities';
import { TRANSACTION_MAIL } from '../loaders';
import type { BooksDocumentRow, EmailModel } from '../models';
import { renderTransactionPdf, transactionPdfFileName } from '../pdf/transaction';
import { enabledConnection } from './connection';
import { DOCUMENT, kindOf } from './transactions';

export interface EmailTransactionInput {
  templateId: string;
  to?: string | null;
}

export interface TransactionPdf {
  fileName: string;
  content: Buffer;
}

/**
 * A transaction of the connected organization by id, whatever its kind; a sales order is only
 * there in the BOOKS edition (BKS-8), as everywhere else.
 */
export async function visibleTransaction(
  ctx: BooksContext,
  id: string,
): Promise<Transaction | null> {
  const [row, connection] = await Promise.all([ctx.loaders.transaction.load(id), ctx.connection()]);
  if (!row || (row.kind === 'SALES_ORDER' && connection.edition !== 'BOOKS')) return null;
  return row;
}

/** BKS-10: the link to the PDF, for the agent asking; the gateway serves it with their rights. */
export async function pdfUrlOf(ctx: BooksContext, row: BooksDocumentRow): Promise<string> {
  const { agentId, email } = await ctx.viewer();
  // A link stands in for an agent's own token: a service acting for nobody has none to give.
  if (!agentId || !email) throw forbidden('PDF links are made for agents only');
  return booksPdfLink(ctx.config, {
    agent: { kind: 'agent', agentId, email },
    documentId: row.id,
  });
}

const LINE_ENTITIES = {
  ESTIMATE: { entity: EstimateLine, parent: 'estimateId' },
  INVOICE: { entity: InvoiceLine, parent: 'invoiceId' },
  SALES_ORDER: { entity: SalesOrderLine, parent: 'salesOrderId' },
} as const;

/** The kind's own date: an estimate's expiry, an invoice's due date, a sales order's shipment. */
function dueOnOf(document: BooksDocumentRow): string | null {
  if (document instanceof Estimate) return document.expiresOn;
  if (document instanceof Invoice) return document.dueOn;
  return document.shipmentOn;
}

/**
 * The document as its PDF, read with `manager` so that the e-mail path attaches exactly what its
 * transaction has locked and changed.
 */
async function renderPdf(
  manager: EntityManager,
  document: BooksDocumentRow,
  contact: BooksContact,
): Promise<TransactionPdf> {
  const kind = kindOf(document);
  const lines = LINE_ENTITIES[kind];
  const [organization, lineItems] = await Promise.all([
    manager.findOneByOrFail(Organization, { id: document.organizationId }),
    manager.find(lines.entity, {
      where: { [lines.parent]: document.id },
      order: { position: 'ASC' },
    }),
  ]);
  const content = renderTransactionPdf({
    kind,
    organizationName: organization.name,
    number: document.number,
    date: document.date,
    dueOn: dueOnOf(document),
    status: document.status,
    contact: { name: contact.name, companyName: contact.companyName, email: contact.email },
    lineItems,
    subTotal: document.subTotal,
    tax: document.tax,
    total: document.total,
    balanceDue: document instanceof Invoice ? document.balanceDue : null,
    currency: document.currency,
    notes: document.notes,
  });
  return { fileName: transactionPdfFileName(document.number), content };
}

/**
 * BKS-10: the PDF behind a link; null when the organization has no such transaction. The shield
 * has checked the caller may view its kind.
 */
export async function transactionPdf(
  ctx: BooksContext,
  id: string,
): Promise<{ fileName: string; contentBase64: string } | null> {
  const row = await visibleTransaction(ctx, id);
  if (!row) return null;
  const manager = ctx.db.manager;
  const document = await manager.findOneByOrFail(DOCUMENT[row.kind], { id });
  const contact = await manager.findOneByOrFail(BooksContact, { id: document.contactId });
  const pdf = await renderPdf(manager, document, contact);
  return { fileName: pdf.fileName, contentBase64: pdf.content.toString('base64') };
}

/** An outbox message as BooksEmail shows it: books always attaches exactly the PDF. */
export function bookEmailOf(record: MailRecord): EmailModel {
  return {
    to: record.toAddress,
    subject: record.subject,
    status: record.status,
    attachment: record.attachments[0]?.fileName ?? '',
    queuedAt: record.createdAt,
    sentAt: record.sentAt,
  };
}

/**
 * BKS-11: e-mails the transaction's PDF to its contact (or `to`) with a template of its kind. The
 * message is queued in the transaction that marks a draft SENT, so both happen or neither does;
 * the mail worker delivers it when SMTP is configured. The shield has checked the email level of
 * the transaction's kind.
 */
export async function emailTransaction(
  ctx: BooksContext,
  id: string,
  input: EmailTransactionInput,
): Promise<EmailModel> {
  const { organizationId } = await enabledConnection(ctx, 'e-mailing transactions');
  const row = await visibleTransaction(ctx, id);
  if (!row) throw notFound('BooksTransaction', id);
  const template = isUuid(input.templateId)
    ? await ctx.db.getRepository(EmailTemplate).findOneBy({ id: input.templateId, organizationId })
    : null;
  if (!template) {
    throw badUserInput(`Template "${input.templateId}" is not one of this organization's`, {
      field: 'templateId',
    });
  }
  if (template.kind !== row.kind) {
    throw badUserInput(
      `Template "${template.name}" is for ${template.kind} and ${row.number} is ${row.kind}`,
      { field: 'templateId' },
    );
  }
  return ctx.db.transaction(async (manager) => {
    // The repository of a union of entities is typed as its first; the row is any of the three.
    const document = (await manager
      .getRepository(DOCUMENT[row.kind])
      .createQueryBuilder('document')
      .setLock('pessimistic_write')
      .where('document.id = :id', { id })
      .getOneOrFail()) as BooksDocumentRow;
    if (document.status === 'VOID') {
      throw badUserInput(`${document.number} is void and cannot be e-mailed`);
    }
    const contact = await manager.findOneByOrFail(BooksContact, { id: document.contactId });
    const toAddress = optionalText(input.to) ?? contact.email;
    if (!toAddress) {
      throw badUserInput(`${contact.name} has no e-mail address in books: give one in "to"`, {
        field: 'to',
      });
    }
    // Before rendering, so the PDF the contact receives says SENT rather than DRAFT. A sales order
    // has no SENT: it is confirmed (OPEN) in books itself.
    if (document.status === 'DRAFT' && !(document instanceof SalesOrder)) {
      document.status = 'SENT';
      await manager.save(document);
    }
    const organization = await manager.findOneByOrFail(Organization, { id: organizationId });
    const values = {
      number: document.number,
      contactName: contact.name,
      total: formatMoney(document.total, document.currency),
      organizationName: organization.name,
      ...(document instanceof Invoice ? { dueOn: document.dueOn } : {}),
    };
    const pdf = await renderPdf(manager, document, contact);
    const record = await queueMail(manager, ctx.jobs, BOOKS_SCHEMA, {
      toAddress,
      toName: contact.name,
      subject: renderTemplate(template.subject, values),
      textBody: renderTemplate(template.body, values),
      attachments: [
        {
          fileName: pdf.fileName,
          contentType: 'application/pdf',
          contentBase64: pdf.content.toString('base64'),
        },
      ],
      relatedType: TRANSACTION_MAIL,
      relatedId: document.id,
    });
    return bookEmailOf(record);
  });
}
