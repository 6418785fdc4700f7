import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConflictPolicy, SyncDirection } from '../domain/contactSync';

/** BKS-6: the one row of product sync settings (items ↔ desk products). */
@Entity({ name: 'product_sync_setting' })
export class ProductSyncSetting {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'text' })
  direction: SyncDirection;

  @Column({ name: 'conflict_policy', type: 'text' })
  conflictPolicy: ConflictPolicy;

  /** Null until an administrator first saves the settings. */
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt: Date | null;
}
