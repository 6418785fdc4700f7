import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { TransactionKind } from '../domain/status';

/**
 * BKS-10's list: a row of the `transaction` view, which the initial migration creates over
 * estimates, invoices and sales orders. Read only. It is mapped as an entity with typed columns
 * rather than a ViewEntity, whose columns take no type, so dates read as `YYYY-MM-DD` like every
 * other date column; `synchronize: false` keeps TypeORM from ever treating it as a table.
 */
@Entity({ name: 'transaction', synchronize: false })
export class Transaction {
  /** The estimate's, invoice's or sales order's id. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: TransactionKind;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'date' })
  date: string;

  /** The kind's own status (BooksEstimateStatus, BooksInvoiceStatus, BooksSalesOrderStatus). */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  total: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
