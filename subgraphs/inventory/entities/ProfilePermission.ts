import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DOCUMENT_ACCESS_LEVELS = [
  'OFF',
  'VIEW',
  'VIEW_SEND',
  'VIEW_CREATE_EDIT',
  'VIEW_SEND_CREATE_EDIT',
] as const;
export type DocumentAccess = (typeof DOCUMENT_ACCESS_LEVELS)[number];

/** INV-5: one desk agent profile's inventory levels; a profile without a row has everything off. */
@Entity({ name: 'profile_permission' })
export class ProfilePermission {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ name: 'can_view', type: 'boolean' })
  view: boolean;

  @Column({ name: 'sales_orders', type: 'text' })
  salesOrders: DocumentAccess;

  @Column({ type: 'text' })
  invoices: DocumentAccess;

  @Column({ name: 'create_contacts', type: 'boolean' })
  createContacts: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
