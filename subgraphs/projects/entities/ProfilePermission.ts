import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What one desk agent profile may do with projects (graphql-shield). A profile without a row may
 * do nothing. The table's CHECKs keep create & edit behind view, and add to CRM behind create &
 * edit (PRJ-4 saves the task before adding it).
 */
@Entity({ name: 'profile_permission' })
export class ProfilePermission {
  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ name: 'view_projects', type: 'boolean' })
  viewProjects: boolean;

  @Column({ name: 'create_edit_tasks', type: 'boolean' })
  createEditTasks: boolean;

  @Column({ name: 'add_to_crm', type: 'boolean' })
  addToCrm: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
