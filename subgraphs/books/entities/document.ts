import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

/**
 * The columns estimates, invoices and sales orders share. Each kind has a table of its own (with
 * its own statuses and dates); TypeORM copies these columns into each entity that extends this
 * class, which is no entity itself. The `transaction` view puts the three back together.
 */
export abstract class BooksDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** A books contact of the same organization. */
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  /** EST-00001, INV-00001, SO-00001, per organization. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'date' })
  date: string;

  /** The lines' amounts added up (domain/money documentTotals). */
  @Column({
    name: 'sub_total',
    type: 'numeric',
    precision: 14,
    scale: 2,
    transformer: numericTransformer,
  })
  subTotal: number;

  /** The lines' taxes added up, each rounded per line. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  tax: number;

  /** sub_total + tax. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  total: number;

  /** The contact's. */
  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The desk deal a process rule (BKS-3) made it for; BKS-9 never sets one. */
  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId: string | null;

  /**
   * The desk agent (by e-mail) who created it from an account or contact (BKS-9); null when it was
   * made in books itself or by a process rule.
   */
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
