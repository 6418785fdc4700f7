import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ProductTextField = 'NAME' | 'SKU';
export type ProductPriceField = 'RATE' | 'PURCHASE_RATE';

/** INV-3: the one row of item sync settings. */
@Entity({ name: 'item_sync_setting' })
export class ItemSyncSetting {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'department_ids', type: 'uuid', array: true })
  departmentIds: string[];

  @Column({ name: 'product_name', type: 'text' })
  productName: ProductTextField;

  @Column({ name: 'product_code', type: 'text' })
  productCode: ProductTextField;

  @Column({ name: 'unit_price', type: 'text' })
  unitPrice: ProductPriceField;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
