import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

/** What an organization sells; a line item's defaults (name, rate, tax rate). */
@Entity({ name: 'item' })
export class Item {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Unique in the organization. */
  @Column({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  /** In the organization's currency. */
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numericTransformer })
  rate: number;

  /** Percent, e.g. 10. */
  @Column({
    name: 'tax_rate',
    type: 'numeric',
    precision: 6,
    scale: 3,
    transformer: numericTransformer,
  })
  taxRate: number;

  /** An inactive item is offered for new lines no more; old lines keep it. */
  @Column({ type: 'boolean' })
  active: boolean;

  /** The desk product it is synced with (BKS-6); unique in the organization. */
  @Column({ name: 'desk_product_id', type: 'uuid', nullable: true })
  deskProductId: string | null;

  @Column({ name: 'desk_synced_at', type: 'timestamptz', nullable: true })
  deskSyncedAt: Date | null;

  /** Like the contact's: a hash of the synced fields when both sides last agreed. */
  @Column({ name: 'synced_hash', type: 'text', nullable: true })
  syncedHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
