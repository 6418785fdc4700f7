import { Column, Entity } from 'typeorm';
import { DocumentLine } from './documentLine';

@Entity({ name: 'sales_order_line' })
export class SalesOrderLine extends DocumentLine {
  @Column({ name: 'sales_order_id', type: 'uuid' })
  salesOrderId: string;
}
