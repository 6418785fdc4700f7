import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActivityKind =
  | 'SALES_ORDER_CREATED'
  | 'SALES_ORDER_SENT'
  | 'INVOICE_CREATED'
  | 'INVOICE_SENT'
  | 'PAYMENT_RECEIVED'
  | 'PACKAGE_SHIPPED'
  | 'PACKAGE_DELIVERED'
  | 'RETURN_RECEIVED';

/** INV-6's Activity tab: written with the change it describes. */
@Entity({ name: 'activity' })
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  kind: ActivityKind;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'sales_order_id', type: 'uuid', nullable: true })
  salesOrderId: string | null;

  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId: string | null;

  @Column({ name: 'package_id', type: 'uuid', nullable: true })
  packageId: string | null;
}
