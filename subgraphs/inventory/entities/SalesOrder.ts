import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

export type SalesOrderStatus = 'DRAFT' | 'CONFIRMED' | 'ON_HOLD' | 'VOID' | 'CLOSED';
export type ShipmentStatus = 'NOT_SHIPPED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'FULFILLED';
export type InvoicedStatus = 'NOT_INVOICED' | 'PARTIALLY_INVOICED' | 'INVOICED';

@Entity({ name: 'sales_order' })
export class SalesOrder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'ordered_on', type: 'date' })
  orderedOn: string;

  @Column({ type: 'text' })
  status: SalesOrderStatus;

  @Column({ name: 'shipment_status', type: 'text' })
  shipmentStatus: ShipmentStatus;

  @Column({ name: 'invoiced_status', type: 'text' })
  invoicedStatus: InvoicedStatus;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  total: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** INV-7: the desk ticket it was created from; cleared when the integration is deleted. */
  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
