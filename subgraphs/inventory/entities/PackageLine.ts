import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'package_line' })
export class PackageLine {
  @PrimaryColumn({ name: 'package_id', type: 'uuid' })
  packageId: string;

  @PrimaryColumn({ name: 'sales_order_line_id', type: 'uuid' })
  salesOrderLineId: string;

  @Column({ type: 'integer' })
  quantity: number;
}
