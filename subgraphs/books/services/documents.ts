import { formatMoney } from '../../../shared/money';
import type { EntityManager } from 'typeorm';
import { badUserInput, forbidden, notFound } from '../../../shared/errors';
import { booksPdfLink } from '../../../shared/documentLinks';
import { isUuid } from '../../../shared/loaders';
import { today } from '../../../shared/integration/documents';
import { type MailRecord, queueMail } from '../../../shared/mail/outbox';
import { optionalText } from '../../../shared/validation';
import type { BooksContext } from '../context';
import { BOOKS_SCHEMA } from '../database';
import { renderTemplate, type TemplateKind } from '../domain/templates';
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
import { DOCUMENT, kindOf, statusOn } from './transactions';

export interface EmailTransactionInput {
  templateId: string;
  to?: string | null;
}

/** A rendered PDF: a transaction's, or a statement of account. */
export interface PdfFile {
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
): Promise<PdfFile> {
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
    status: statusOn(document, today()),
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
 * BKS-11 and BKS-7: a template of the organization for `kind`; `subject` names what is to be sent
 * (INV-00012, a statement of account), for the refusal of a template of another kind.
 */
export async function templateFor(
  ctx: BooksContext,
  organizationId: string,
  templateId: string,
  kind: TemplateKind,
  subject: string,
): Promise<EmailTemplate> {
  const template = isUuid(templateId)
    ? await ctx.db.getRepository(EmailTemplate).findOneBy({ id: templateId, organizationId })
    : null;
  if (!template) {
    throw badUserInput(`Template "${templateId}" is not one of this organization's`, {
      field: 'templateId',
    });
  }
  if (template.kind !== kind) {
    throw badUserInput(
      `Template "${template.name}" is for ${template.kind}: ${subject} needs a ${kind} template`,
      { field: 'templateId' },
    );
  }
  return template;
}

/** Where an e-mail to `contact` goes: the address given, else the contact's own. */
export function recipientOf(contact: BooksContact, to: string | null | undefined): string {
  const toAddress = optionalText(to) ?? contact.email;
  if (!toAddress) {
    throw badUserInput(`${contact.name} has no e-mail address in books: give one in "to"`, {
      field: 'to',
    });
  }
  return toAddress;
}

export interface PdfMail {
  toAddress: string;
  contact: BooksContact;
  template: EmailTemplate;
  /** What the template's placeholders are filled with. */
  values: Readonly<Record<string, string>>;
  pdf: PdfFile;
  /** What the message is about, to find it by: TRANSACTION_MAIL and the transaction's id, say. */
  relatedType: string;
  relatedId: string;
}

/**
 * Queues the template's e-mail with exactly the PDF attached, in `manager`'s transaction, so it
 * commits with whatever that transaction changes or not at all; the mail worker delivers it when
 * SMTP is configured.
 */
export async function queuePdfMail(
  manager: EntityManager,
  ctx: BooksContext,
  mail: PdfMail,
): Promise<EmailModel> {
  const record = await queueMail(manager, ctx.jobs, BOOKS_SCHEMA, {
    toAddress: mail.toAddress,
    toName: mail.contact.name,
    subject: renderTemplate(mail.template.subject, mail.values),
    textBody: renderTemplate(mail.template.body, mail.values),
    attachments: [
      {
        fileName: mail.pdf.fileName,
        contentType: 'application/pdf',
        contentBase64: mail.pdf.content.toString('base64'),
      },
    ],
    relatedType: mail.relatedType,
    relatedId: mail.relatedId,
  });
  return bookEmailOf(record);
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
  const template = await templateFor(ctx, organizationId, input.templateId, row.kind, row.number);
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
    const toAddress = recipientOf(contact, input.to);
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
    return queuePdfMail(manager, ctx, {
      toAddress,
      contact,
      template,
      values,
      pdf: await renderPdf(manager, document, contact),
      relatedType: TRANSACTION_MAIL,
      relatedId: document.id,
    });
  });
}
