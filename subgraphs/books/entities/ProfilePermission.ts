import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LevelColumns } from '../domain/permissions';

/**
 * BKS-7: what one desk agent profile may do with books (domain/permissions). A profile without a
 * row may do nothing; administrators need none, they may do everything. The table's CHECKs keep
 * create & edit and email behind view, and everything behind invoices view (BKS-1).
 */
@Entity({ name: 'profile_permission' })
export class ProfilePermission implements LevelColumns {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ name: 'invoices_view', type: 'boolean' })
  invoicesView: boolean;

  @Column({ name: 'invoices_create_edit', type: 'boolean' })
  invoicesCreateEdit: boolean;

  @Column({ name: 'invoices_email', type: 'boolean' })
  invoicesEmail: boolean;

  /** Sales orders follow these. */
  @Column({ name: 'estimates_view', type: 'boolean' })
  estimatesView: boolean;

  @Column({ name: 'estimates_create_edit', type: 'boolean' })
  estimatesCreateEdit: boolean;

  @Column({ name: 'estimates_email', type: 'boolean' })
  estimatesEmail: boolean;

  /** The panel's outstanding and unused credits. */
  @Column({ name: 'receivables_view', type: 'boolean' })
  receivablesView: boolean;

  @Column({ name: 'receivables_create_edit', type: 'boolean' })
  receivablesCreateEdit: boolean;

  @Column({ name: 'receivables_email', type: 'boolean' })
  receivablesEmail: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
