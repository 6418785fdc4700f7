import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which desk product an item became, so the next sync updates it instead of adding another. */
@Entity({ name: 'item_product' })
export class ItemProduct {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'synced_at', type: 'timestamptz' })
  syncedAt: Date;
}
