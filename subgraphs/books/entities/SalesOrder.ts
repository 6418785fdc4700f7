import { Column, Entity } from 'typeorm';
import type { SalesOrderStatus } from '../domain/status';
import { BooksDocument } from './document';

/** BOOKS edition only. Status follows its invoices (domain/status salesOrderStatusOf). */
@Entity({ name: 'sales_order' })
export class SalesOrder extends BooksDocument {
  @Column({ type: 'text' })
  status: SalesOrderStatus;

  /** When the goods are expected to ship, if known. */
  @Column({ name: 'shipment_on', type: 'date', nullable: true })
  shipmentOn: string | null;
}
