import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sales_return_line' })
export class SalesReturnLine {
  @PrimaryColumn({ name: 'sales_return_id', type: 'uuid' })
  salesReturnId: string;

  @PrimaryColumn({ name: 'sales_order_line_id', type: 'uuid' })
  salesOrderLineId: string;

  @Column({ type: 'integer' })
  quantity: number;
}
