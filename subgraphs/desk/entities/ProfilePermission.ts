import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PERMISSION_MODULES = [
  'TICKETS',
  'CONTACTS',
  'ACCOUNTS',
  'PRODUCTS',
  'DEALS',
  'CRM_TASKS',
] as const;
export type PermissionModule = (typeof PERMISSION_MODULES)[number];
export type PermissionAction = 'view' | 'create' | 'edit';

/** One profile's level for one module; a module without a row is entirely off. */
@Entity({ name: 'profile_permission' })
export class ProfilePermission {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @PrimaryColumn({ type: 'text' })
  module: PermissionModule;

  @Column({ name: 'can_view', type: 'boolean' })
  view: boolean;

  @Column({ name: 'can_create', type: 'boolean' })
  create: boolean;

  @Column({ name: 'can_edit', type: 'boolean' })
  edit: boolean;
}
