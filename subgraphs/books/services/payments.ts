import { badUserInput, notFound } from '../../../shared/errors';
import { today } from '../../../shared/integration/documents';
import { isUuid } from '../../../shared/loaders';
import { optionalText } from '../../../shared/validation';
import type { BooksContext } from '../context';
import {
  afterPayment,
  type PaymentMode,
  paymentProblems,
  paymentRefusal,
} from '../domain/payments';
import { Invoice, Payment } from '../entities';
import { enabledConnection } from './connection';

export interface RecordPaymentInput {
  invoiceId: string;
  amount: number;
  date?: string | null;
  mode: PaymentMode;
  reference?: string | null;
}

/**
 * BKS-7 receivables create & edit: money received against an issued, unsettled invoice of the
 * connected organization. The invoice row is locked before anything is checked, so payments
 * recorded at the same time are checked one after the other against the balance the one before
 * left, and the payment, the lower balance and the status it leads to are written together. A
 * refusal is thrown inside the transaction, which then writes nothing. The shield has checked the
 * receivables create & edit level.
 */
export async function recordPayment(
  ctx: BooksContext,
  input: RecordPaymentInput,
): Promise<Payment> {
  const { organizationId } = await enabledConnection(ctx, 'recording payments');
  const { email } = await ctx.viewer();
  const on = today();
  const date = input.date ?? on;
  const { payment, invoice } = await ctx.db.transaction(async (manager) => {
    const invoice = isUuid(input.invoiceId)
      ? await manager
          .getRepository(Invoice)
          .createQueryBuilder('invoice')
          .setLock('pessimistic_write')
          .where('invoice.id = :id AND invoice.organization_id = :organizationId', {
            id: input.invoiceId,
            organizationId,
          })
          .getOne()
      : null;
    if (!invoice) throw notFound('BooksInvoice', input.invoiceId);
    const refusal = paymentRefusal(invoice.status);
    if (refusal) throw badUserInput(`${invoice.number} ${refusal}`, { field: 'invoiceId' });
    const [problem] = paymentProblems({ amount: input.amount, date }, invoice, on);
    if (problem) {
      throw badUserInput(`${invoice.number}: ${problem.message}`, { field: problem.field });
    }
    Object.assign(invoice, afterPayment(invoice, input.amount, on));
    await manager.save(invoice);
    const payment = await manager.save(
      manager.create(Payment, {
        invoiceId: invoice.id,
        amount: input.amount,
        date,
        mode: input.mode,
        reference: optionalText(input.reference),
        createdBy: email,
      }),
    );
    return { payment, invoice };
  });
  // The payment's `invoice` shows the row as this transaction left it.
  ctx.loaders.invoice.clear(invoice.id).prime(invoice.id, invoice);
  return payment;
}
