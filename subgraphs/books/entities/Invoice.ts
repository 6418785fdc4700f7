import { Column, Entity } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { InvoiceStatus } from '../domain/status';
import { BooksDocument } from './document';

/**
 * Payments are books' own business: desk sees what is still due (balance_due), which books keeps
 * on the invoice. Statuses move by domain/status invoiceStatusOn.
 */
@Entity({ name: 'invoice' })
export class Invoice extends BooksDocument {
  @Column({ type: 'text' })
  status: InvoiceStatus;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** The total less what was paid: the total until paid, 0 once paid or void. */
  @Column({
    name: 'balance_due',
    type: 'numeric',
    precision: 14,
    scale: 2,
    transformer: numericTransformer,
  })
  balanceDue: number;

  /** The accepted estimate it was made from, which is INVOICED since. */
  @Column({ name: 'estimate_id', type: 'uuid', nullable: true })
  estimateId: string | null;

  /** The sales order it bills (all or part of); never together with an estimate. */
  @Column({ name: 'sales_order_id', type: 'uuid', nullable: true })
  salesOrderId: string | null;
}
