import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { PaymentMode } from '../domain/payments';

/**
 * Money received against an invoice (BKS-7 receivables create & edit). Recording one lowers the
 * invoice's balance_due by its amount in the same transaction, so an invoice's total less its
 * balance is what its payments add up to (void invoices, which never had any, aside).
 */
@Entity({ name: 'payment' })
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** An invoice of the connected organization; the organization is the invoice's. */
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  /** In the invoice's currency, and no finer than it is paid in (domain/payments). */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  /** The day the money was received: from the invoice's date to the day it was recorded. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  mode: PaymentMode;

  /** The bank's, the check's or the card slip's reference, as the agent typed it. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  /** The desk agent (by e-mail) who recorded it; null when it was recorded in books itself. */
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
