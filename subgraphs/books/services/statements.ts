import { In } from 'typeorm';
import { today } from '../../../shared/integration/documents';
import { formatMoney } from '../../../shared/money';
import type { BooksContext } from '../context';
import { sumMoney } from '../domain/money';
import { invoiceStatusOn, OUTSTANDING_INVOICE_STATUSES } from '../domain/status';
import { BooksContact, Invoice, Organization } from '../entities';
import type { EmailModel } from '../models';
import { renderStatementPdf, statementPdfFileName } from '../pdf/statement';
import { enabledConnection } from './connection';
import { queuePdfMail, recipientOf, templateFor } from './documents';
import { type DeskRecordInput, syncedBooksContact } from './transactions';

/** The outbox's related type of statement e-mails; their related id is the books contact's. */
export const STATEMENT_MAIL = 'statement';

export interface EmailStatementInput extends DeskRecordInput {
  templateId: string;
  to?: string | null;
}

/**
 * BKS-7 receivables email: the statement of account of the books contact of a desk account or
 * contact, e-mailed as a PDF to the contact (or `to`) with a STATEMENT template. It lists the
 * invoices the receivables panel adds up (OUTSTANDING_INVOICE_STATUSES), oldest first, and is
 * read and queued in one transaction, so the list and its total are of the same moment. The
 * shield has checked the receivables email level.
 */
export async function emailStatement(
  ctx: BooksContext,
  input: EmailStatementInput,
): Promise<EmailModel> {
  const { organizationId } = await enabledConnection(ctx, 'e-mailing statements');
  const synced = await syncedBooksContact(ctx, input, 'before a statement of account can be sent');
  const template = await templateFor(
    ctx,
    organizationId,
    input.templateId,
    'STATEMENT',
    'a statement of account',
  );
  const toAddress = recipientOf(synced, input.to);
  const date = today();
  return ctx.db.transaction(async (manager) => {
    // Read again in the transaction, so its credits are of the same moment as the invoices.
    const contact = await manager.findOneByOrFail(BooksContact, { id: synced.id });
    const organization = await manager.findOneByOrFail(Organization, { id: organizationId });
    const invoices = await manager.find(Invoice, {
      where: { contactId: contact.id, status: In([...OUTSTANDING_INVOICE_STATUSES]) },
      order: { date: 'ASC', number: 'ASC' },
    });
    const outstanding = sumMoney(invoices.map((invoice) => invoice.balanceDue));
    const content = renderStatementPdf({
      organizationName: organization.name,
      contact: { name: contact.name, companyName: contact.companyName, email: contact.email },
      date,
      currency: contact.currency,
      invoices: invoices.map((invoice) => ({ ...invoice, status: invoiceStatusOn(invoice, date) })),
      outstanding,
      unusedCredits: contact.unusedCredits,
    });
    return queuePdfMail(manager, ctx, {
      toAddress,
      contact,
      template,
      values: {
        contactName: contact.name,
        organizationName: organization.name,
        date,
        outstanding: formatMoney(outstanding, contact.currency),
        unusedCredits: formatMoney(contact.unusedCredits, contact.currency),
      },
      pdf: { fileName: statementPdfFileName(date), content },
      relatedType: STATEMENT_MAIL,
      relatedId: contact.id,
    });
  });
}
