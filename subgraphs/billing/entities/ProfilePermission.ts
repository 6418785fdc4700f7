import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What one desk agent profile may do with billing. A profile without a row may do nothing;
 * administrators need none, they may do everything.
 */
@Entity({ name: 'profile_permission' })
export class ProfilePermission {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  /** Off hides the whole integration, so the other two are off with it. */
  @Column({ name: 'can_view', type: 'boolean' })
  view: boolean;

  @Column({ name: 'create_customers', type: 'boolean' })
  createCustomers: boolean;

  @Column({ name: 'create_invoices', type: 'boolean' })
  createInvoices: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
