import { addDays } from '../../../shared/dates';
import { badUserInput, notFound } from '../../../shared/errors';
import {
  checkLineCount,
  customerOfTicket,
  documentTotal,
  lineAmount,
  PAYMENT_TERMS_DAYS,
  today,
} from '../../../shared/integration/documents';
import { nextNumber } from '../../../shared/integration/numbering';
import { isUuid } from '../../../shared/loaders';
import { minorDigits } from '../../../shared/money';
import { requiredText } from '../../../shared/validation';
import type { BillingContext } from '../context';
import { BILLING_SCHEMA } from '../database';
import { Invoice, InvoiceLine, Subscription } from '../entities';
import { billingState } from './integration';

export interface CreateInvoiceInput {
  ticketId: string;
  subscriptionId?: string | null;
  lineItems: { description: string; quantity: number; rate: number }[];
  dueOn?: string | null;
}

/**
 * A draft invoice for the ticket's contact, linked to the ticket so that BIL-6's "this ticket"
 * filter finds it. Refused while the integration is disabled and after it was deleted (BIL-7).
 */
export async function createInvoice(
  ctx: BillingContext,
  input: CreateInvoiceInput,
): Promise<Invoice> {
  const organizationId = await billingState.enabledOrganization(ctx, 'creating invoices');
  const { currency } = await ctx.loaders.organization.load(organizationId);
  checkLineCount(input.lineItems);
  const lines = input.lineItems.map((line, index) => {
    const field = `lineItems[${index}]`;
    // A yen invoice asks for whole yen: the currency has no smaller unit to pay in.
    if (minorDigits(currency) === 0 && !Number.isInteger(line.rate)) {
      throw badUserInput(`${field}: rate must be a whole number of ${currency}, got ${line.rate}`, {
        field,
      });
    }
    return {
      position: index + 1,
      description: requiredText(`${field}.description`, line.description),
      quantity: line.quantity,
      rate: line.rate,
      amount: lineAmount(field, line.quantity, line.rate),
    };
  });
  const total = documentTotal(lines.map((line) => line.amount));
  const issuedOn = today();
  const dueOn = input.dueOn ?? addDays(issuedOn, PAYMENT_TERMS_DAYS);
  if (dueOn < issuedOn) {
    throw badUserInput(`dueOn ${dueOn} is before the invoice date ${issuedOn}`, { field: 'dueOn' });
  }
  const { ticket, customer } = await customerOfTicket(ctx, organizationId, input.ticketId, {
    label: 'billing',
    createCustomerMutation: 'createBillingCustomer',
  });
  const { email } = await ctx.viewer();
  return ctx.db.transaction(async (manager) => {
    let subscriptionId: string | null = null;
    if (input.subscriptionId) {
      const subscription = isUuid(input.subscriptionId)
        ? await manager.findOneBy(Subscription, { id: input.subscriptionId, organizationId })
        : null;
      if (!subscription) throw notFound('BillingSubscription', input.subscriptionId);
      if (subscription.customerId !== customer.id) {
        throw badUserInput(`Subscription ${subscription.number} is not the ticket contact's`, {
          field: 'subscriptionId',
        });
      }
      subscriptionId = subscription.id;
    }
    const invoice = await manager.save(
      manager.create(Invoice, {
        organizationId,
        customerId: customer.id,
        subscriptionId,
        ticketId: ticket.id,
        number: await nextNumber(manager, BILLING_SCHEMA, organizationId, 'INV'),
        issuedOn,
        dueOn,
        status: 'DRAFT',
        total,
        currency,
        createdBy: email,
      }),
    );
    await manager.insert(
      InvoiceLine,
      lines.map((line) => ({ ...line, invoiceId: invoice.id })),
    );
    return invoice;
  });
}
