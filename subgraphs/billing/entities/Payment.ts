import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

export const PAYMENT_MODES = ['CARD', 'BANK_TRANSFER', 'CASH', 'CHECK'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/**
 * Money received from a customer. What is not applied to any invoice stays with the customer as
 * part of the credit balance.
 */
@Entity({ name: 'payment' })
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** PAY-00001, per organization. */
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'text' })
  mode: PaymentMode;

  /** The card, transfer or check it came by; none for cash. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
