import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { CreditNoteStatus } from '../domain/amounts';

/**
 * Credit owed to a customer. What it still holds (its balance) follows from its applications and
 * refunds; OPEN while that is more than nothing, CLOSED once it is not.
 */
@Entity({ name: 'credit_note' })
export class CreditNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** The invoice it credits, if any. */
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId: string | null;

  /** CN-00001, per organization. */
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ type: 'text' })
  status: CreditNoteStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  total: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
