import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { PaymentMode } from './Payment';

/** Credit paid back to the customer out of a credit note. */
@Entity({ name: 'refund' })
export class Refund {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'credit_note_id', type: 'uuid' })
  creditNoteId: string;

  /** The credit note's customer, kept here so a panel's transactions are one index range each. */
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ name: 'refunded_on', type: 'date' })
  refundedOn: string;

  @Column({ type: 'text' })
  mode: PaymentMode;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
