import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

export const TRANSACTION_KINDS = ['INVOICE', 'PAYMENT', 'CREDIT_NOTE', 'REFUND'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/**
 * BIL-4's list: a row of the `transaction` view, which the initial migration creates over
 * invoices (drafts included), payments, credit notes and refunds. Read only. It is mapped as an
 * entity with typed columns rather than a ViewEntity, whose columns take no type, so dates read
 * as `YYYY-MM-DD` like every other date column; `synchronize: false` keeps TypeORM from ever
 * treating it as a table of its own.
 */
@Entity({ name: 'transaction', synchronize: false })
export class Transaction {
  /** The underlying invoice's, payment's, credit note's or refund's id. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: TransactionKind;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** Issued, paid or refunded on. */
  @Column({ type: 'date' })
  date: string;

  /** The document's number; a refund shows its credit note's. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  /** The invoice's or credit note's status; null for payments and refunds. */
  @Column({ type: 'text', nullable: true })
  status: string | null;

  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId: string | null;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;

  /** The credit note, of a CREDIT_NOTE row or the one a REFUND pays out of. */
  @Column({ name: 'credit_note_id', type: 'uuid', nullable: true })
  creditNoteId: string | null;

  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId: string | null;
}
